// MainWindow: opening videos (menu, drag and drop, recent files), projects, QSettings.

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include "JobPanel.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "ProjectFile.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"

namespace cf::ui {
namespace {
const QString kProjectSuffix = QStringLiteral("chromaflow");
}

void MainWindow::openVideo(const QString& path) {
  if (!maybeSave())
    return;
  // A new project for the video, with the settings in use now; the overrides and the in/out
  // range belonged to the other video.
  ProjectData data;
  data.settings = project_.settings();
  data.settings.input.readable_part = false;  // asked for each truncated file, not inherited
  data.cache_dir = QString::fromStdString(data.settings.cache_dir);
  data.export_settings = project_.exportSettings();
  beginOpen(path, data, QString());
}

void MainWindow::beginOpen(const QString& path, const ProjectData& data,
                           const QString& project_file) {
  // Nothing is unloaded here: the project in the window stays until the video has opened.
  opening_ = true;
  pending_ = data;
  pending_file_ = project_file;
  job_panel_->startJob(tr("Opening %1 and loading the model…").arg(QFileInfo(path).fileName()));
  job_panel_->cancelButton()->setEnabled(false);  // an open cannot be cancelled
  statusBar()->showMessage(tr("Opening %1…").arg(path));
  engine_->open(QFileInfo(path).absoluteFilePath(), data.settings, data.overrides);
}

void MainWindow::openPath(const QString& path) {
  if (QFileInfo(path).suffix() == kProjectSuffix)
    openProject(path);
  else
    openVideo(path);
}

bool MainWindow::openProject(const QString& path) {
  if (!maybeSave())
    return false;
  auto project = Project::read(path);
  if (!project.ok()) {
    showError(QString::fromStdString(project.message()), tr("Could not open the project"));
    return false;
  }
  beginOpen(project->source_path, *project, QFileInfo(path).absoluteFilePath());
  return true;
}

bool MainWindow::saveProjectTo(const QString& path) {
  const Status status = project_.saveTo(path);
  if (!status.ok()) {
    showError(QString::fromStdString(status.message()), tr("Could not save the project"));
    return false;
  }
  addRecentFile(path);
  statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
  return true;
}

void MainWindow::openDialog() {
  const QString dir = settings_->value("files/lastDir").toString();
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open a video"), dir,
      tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos and image sequences "
         "(*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow projects "
         "(*.chromaflow);;All files (*)"));
  if (path.isEmpty())
    return;
  settings_->setValue("files/lastDir", QFileInfo(path).absolutePath());
  openPath(path);
}

void MainWindow::openProjectDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a project"),
                                                    settings_->value("files/lastDir").toString(),
                                                    tr("Chromaflow projects (*.chromaflow)"));
  if (!path.isEmpty())
    openProject(path);
}

void MainWindow::saveProjectDialog(bool save_as) {
  QString path = project_.filePath();
  if (save_as || path.isEmpty()) {
    const QFileInfo source(project_.sourcePath());
    const QString proposal = project_.sourcePath().isEmpty()
                                 ? QString()
                                 : source.absoluteDir().filePath(source.completeBaseName() +
                                                                 QLatin1Char('.') + kProjectSuffix);
    path = QFileDialog::getSaveFileName(this, tr("Save project"), proposal,
                                        tr("Chromaflow projects (*.chromaflow)"));
    if (path.isEmpty())
      return;
    if (QFileInfo(path).suffix().isEmpty())
      path += QLatin1Char('.') + kProjectSuffix;
  }
  saveProjectTo(path);
}

QStringList MainWindow::recentFiles() const {
  return settings_->value("files/recent").toStringList();
}

void MainWindow::addRecentFile(const QString& path) {
  QStringList recent = recentFiles();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecentFiles)
    recent.removeLast();
  settings_->setValue("files/recent", recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  const QStringList recent = recentFiles();
  for (int i = 0; i < recent.size(); ++i) {
    const QString path = recent[i];
    QAction* a = recent_menu_->addAction(
        QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace('&', "&&")));
    a->setToolTip(path);
    connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
  }
  recent_menu_->setEnabled(!recent.isEmpty());
  if (!recent.isEmpty()) {
    recent_menu_->addSeparator();
    recent_menu_->addAction(tr("Clear List"), this, [this] {
      settings_->remove("files/recent");
      rebuildRecentMenu();
    });
  }
}

void MainWindow::readSettings() {
  restoreGeometry(settings_->value("window/geometry").toByteArray());
  arrange_docks_ = !restoreState(settings_->value("window/state").toByteArray());
  // The settings a new project starts with (the last ones used).
  const QByteArray json = settings_->value("engine/settings").toByteArray();
  if (!json.isEmpty()) {
    ProjectData defaults;
    defaults.settings = settingsFromJson(QJsonDocument::fromJson(json).object());
    defaults.export_settings = exportSettingsFromJson(
        QJsonDocument::fromJson(settings_->value("export/settings").toByteArray()).object());
    project_.reset(defaults, QString());
  }
  preview_->setMode(PreviewMode(settings_->value("preview/mode", 0).toInt()));
  preview_->setPair(PreviewPair(settings_->value("preview/pair", 0).toInt()));
  for (const char* name : {"modeSideBySide", "modeWipe", "modeSingle"})
    action(name)->setChecked(false);
  const char* mode_names[] = {"modeSideBySide", "modeWipe", "modeSingle"};
  const char* pair_names[] = {"pairOriginal", "pairRawSmoothed", "pairReference"};
  action(mode_names[int(preview_->mode()) % 3])->setChecked(true);
  action(pair_names[int(preview_->pair()) % 3])->setChecked(true);
}

void MainWindow::writeSettings() {
  settings_->setValue("window/geometry", saveGeometry());
  settings_->setValue("window/state", saveState());
  settings_->setValue("engine/settings",
                      QJsonDocument(settingsToJson(project_.settings())).toJson());
  settings_->setValue("export/settings",
                      QJsonDocument(exportSettingsToJson(project_.exportSettings())).toJson());
  settings_->setValue("preview/mode", int(preview_->mode()));
  settings_->setValue("preview/pair", int(preview_->pair()));
  settings_->sync();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.first().isLocalFile())
    return;
  event->acceptProposedAction();
  openPath(urls.first().toLocalFile());
}

}  // namespace cf::ui
