// MainWindow: opening videos (menu, drag and drop, recent files), projects, QSettings.

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
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
  if (engine_->isExporting()) {
    showError(tr("An export is running; cancel it or wait before opening another video."));
    return;
  }
  opening_ = true;
  preview_->clear();
  job_panel_->startJob(tr("Opening %1 and loading the model…").arg(QFileInfo(path).fileName()));
  statusBar()->showMessage(tr("Opening %1…").arg(path));
  engine_->open(QFileInfo(path).absoluteFilePath(), settings_panel_->settings(), overrides_.all());
}

void MainWindow::openPath(const QString& path) {
  if (QFileInfo(path).suffix() == kProjectSuffix)
    openProject(path);
  else
    openVideo(path);
}

bool MainWindow::openProject(const QString& path) {
  auto project = loadProject(path);
  if (!project.ok()) {
    showError(QString::fromStdString(project.message()), tr("Could not open the project"));
    return false;
  }
  project_path_ = path;
  settings_panel_->setSettings(project->settings);
  undo_stack_.clear();
  overrides_.reset(project->overrides);
  pending_in_ = project->in_frame;
  pending_out_ = project->out_frame;
  addRecentFile(path);
  openVideo(project->source_path);
  return true;
}

bool MainWindow::saveProjectTo(const QString& path) {
  ProjectData p;
  p.source_path = source_path_;
  p.settings = settings_panel_->settings();
  p.overrides = overrides_.all();
  p.cache_dir = QString::fromStdString(p.settings.cache_dir);
  p.in_frame = timeline_->inFrame();
  p.out_frame = timeline_->outFrame();
  const Status status = saveProject(path, p);
  if (!status.ok()) {
    showError(QString::fromStdString(status.message()), tr("Could not save the project"));
    return false;
  }
  project_path_ = path;
  undo_stack_.setClean();
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
  QString path = project_path_;
  if (save_as || path.isEmpty()) {
    const QFileInfo source(source_path_);
    const QString proposal = source_path_.isEmpty()
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
  restoreState(settings_->value("window/state").toByteArray());
  const QByteArray json = settings_->value("engine/settings").toByteArray();
  if (!json.isEmpty())
    settings_panel_->setSettings(settingsFromJson(QJsonDocument::fromJson(json).object()));
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
                      QJsonDocument(settingsToJson(settings_panel_->settings())).toJson());
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
