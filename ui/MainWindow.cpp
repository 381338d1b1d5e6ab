#include "MainWindow.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "CoreText.h"
#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "JobPanel.h"
#include "LanguageSwitcher.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"

namespace cf::ui {

MainWindow::MainWindow(const QString& settings_file, QWidget* parent, LanguageSwitcher* language)
    : QMainWindow(parent),
      settings_(settings_file.isEmpty()
                    ? std::make_unique<QSettings>()
                    : std::make_unique<QSettings>(settings_file, QSettings::IniFormat)),
      own_language_(language ? nullptr : std::make_unique<LanguageSwitcher>()),
      language_(language ? language : own_language_.get()) {
  registerMetaTypes();
  setObjectName(QStringLiteral("MainWindow"));
  setAcceptDrops(true);
  engine_ = new SessionController(this);
  preview_ = new PreviewWidget(this);
  timeline_ = new TimelineWidget(this);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setObjectName(QStringLiteral("centralSplitter"));
  splitter->addWidget(preview_);
  splitter->addWidget(timeline_);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 0);
  splitter->setChildrenCollapsible(false);
  setCentralWidget(splitter);
  createDocks();
  createActions();
  createMenus();
  createToolBars();
  createStatusBar();
  connectEngine();
  readSettings();
  retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::retranslateUi() {
  retranslateActions();
  retranslateMenus();
  settings_dock_->setWindowTitle(tr("Settings"));
  failures_dock_->setWindowTitle(tr("Failures"));
  job_dock_->setWindowTitle(tr("Job"));
  if (!engine_->isOpen() && !opening_)
    statusBar()->showMessage(
        tr("Open a black-and-white video to start (%1 or drop a file)")
            .arg(action("open")->shortcut().toString(QKeySequence::NativeText)));
  updateFrameLabel();
  updateTitle();
  if (engine_->isOpen())
    device_label_->setText(
        translatedDeviceName(QString::fromStdString(engine_->info().device_name)));
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QMainWindow::changeEvent(event);
}

bool MainWindow::setLanguage(const QString& code) {
  if (!language_->apply(code))
    return false;
  // QApplication posts LanguageChange to every window; deliver it now, so the whole interface
  // (docks, dialogs, panels) reads in the new language when this returns.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  settings_->setValue(LanguageSwitcher::kSettingsKey, code);
  for (QAction* a : language_menu_->actions())
    if (a->isCheckable())
      a->setChecked(a->data().toString() == code);
  return true;
}

void MainWindow::connectEngine() {
  connect(engine_, &SessionController::opened, this, &MainWindow::onOpened);
  connect(engine_, &SessionController::openFailed, this, [this](const QString& message) {
    opening_ = false;
    job_panel_->finishJob(tr("Could not open the video"));
    showError(message, tr("Could not open the video"));
  });
  connect(engine_, &SessionController::previewReady, preview_, &PreviewWidget::setFrame);
  connect(engine_, &SessionController::timelineUpdated, this, &MainWindow::onTimelineUpdated);
  connect(engine_, &SessionController::thumbnailReady, timeline_, &TimelineWidget::setThumbnail);
  connect(engine_, &SessionController::thumbnailsDropped, this, [this](const QVector<qint64>& f) {
    for (qint64 frame : f)
      timeline_->thumbnails().forgetRequest(frame);
  });
  connect(timeline_, &TimelineWidget::thumbnailsRequested, engine_,
          &SessionController::requestThumbnails);
  connect(engine_, &SessionController::analysisProgress, this, [this](qint64 done, qint64 total) {
    analysis_label_->setText(done >= total
                                 ? tr("Analysed")
                                 : tr("Analysed %1 of %n frame(s)", nullptr, int(total)).arg(done));
  });
  connect(engine_, &SessionController::errorOccurred, this, [this](const QString& message) {
    showError(message, tr("Chromaflow could not finish the preview, the settings or the analysis"));
  });
  connect(engine_, &SessionController::infoChanged, this, [this](const pipeline::SessionInfo& i) {
    settings_panel_->setDetectedDevice(QString::fromStdString(i.device_name));
    device_label_->setText(translatedDeviceName(QString::fromStdString(i.device_name)));
  });
  connect(timeline_, &TimelineWidget::frameScrubbed, this, &MainWindow::goToFrame);
  connect(preview_, &PreviewWidget::frameShown, this, [this] { updateFrameLabel(); });
  connect(&playback_, &PlaybackController::frameRequested, this, &MainWindow::goToFrame);
  connect(failures_panel_, &FailuresPanel::jumpRequested, this, &MainWindow::goToFrame);
  connect(settings_panel_, &SettingsPanel::lambdaChanged, this, [this] { requestPreview(); });
  connect(settings_panel_, &SettingsPanel::settingsChanged, this,
          [this](const pipeline::SessionSettings& s) {
            if (engine_->isOpen()) {
              engine_->updateSettings(s);
              requestPreview();
            }
          });
  connect(&overrides_, &ShotOverrides::changed, this, [this] {
    engine_->setShotOverrides(overrides_.all());
    requestPreview();
  });
  connect(engine_, &SessionController::exportProgress, this,
          [this](qint64 done, qint64 total, const QString& stage) {
            job_panel_->setProgress(done, total, stage);
            statusBar()->showMessage(
                tr("Exporting: frame %1 of %2 %3").arg(done).arg(total).arg(job_panel_->etaText()));
          });
  connect(engine_, &SessionController::exportFinished, this,
          [this](bool ok, const QString& message, const QString&) {
            job_panel_->finishJob(message);
            statusBar()->showMessage(message, 10000);
            if (!ok && !message.isEmpty())
              analysis_label_->setToolTip(message);
          });
  connect(job_panel_, &JobPanel::cancelRequested, engine_, &SessionController::cancelExport);
}

void MainWindow::onOpened(const pipeline::SessionInfo& info) {
  opening_ = false;
  source_path_ = QString::fromStdString(info.path);
  const double aspect = info.height_px > 0 ? double(info.width_px) / info.height_px : 4.0 / 3.0;
  timeline_->reset(info.frame_count, info.fps, aspect);
  timeline_->setInOut(pending_in_, pending_out_);
  pending_in_ = pending_out_ = -1;
  playback_.setFrameCount(info.frame_count, info.fps);
  settings_panel_->setDetectedDevice(QString::fromStdString(info.device_name));
  device_label_->setText(translatedDeviceName(QString::fromStdString(info.device_name)));
  job_panel_->finishJob(tr("Opened %1").arg(QFileInfo(source_path_).fileName()));
  statusBar()->showMessage(tr("Opened %1: %n frame(s) at %2 fps", nullptr, int(info.frame_count))
                               .arg(QFileInfo(source_path_).fileName())
                               .arg(info.fps, 0, 'f', 2),
                           8000);
  addRecentFile(source_path_);
  updateTitle();
  current_frame_ = -1;
  goToFrame(0);
  Q_EMIT videoOpened(source_path_);
}

void MainWindow::onTimelineUpdated(pipeline::TimelineDataPtr timeline) {
  if (!timeline)
    return;
  timeline_->setTimelineData(timeline);
  failures_panel_->setFailures(timeline->failures, timeline->fps);
  const auto [first, last] = shotAround(timeline->cuts, timeline->frame_count, current_frame_);
  settings_panel_->setCurrentShot(first, last);
}

void MainWindow::showError(const QString& message, const QString& headline) {
  // Core's messages are English (what failed, where, what to do); a translated headline, when
  // given, says in the interface language what the user was doing.
  statusBar()->showMessage(headline.isEmpty() ? message : tr("%1: %2").arg(headline, message),
                           15000);
  if (error_box_ && error_box_->isVisible() &&
      error_box_->property("message").toString() == message)
    return;  // the same error again (e.g. every preview of a broken model): one box is enough
  // Non-modal, so neither the GUI nor a test waits on it.
  auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Chromaflow"),
                              headline.isEmpty() ? message : headline, QMessageBox::Ok, this);
  if (!headline.isEmpty())
    box->setInformativeText(message);
  box->setProperty("message", message);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName(QStringLiteral("errorBox"));
  box->open();
  error_box_ = box;
}

void MainWindow::updateTitle() {
  const QString name = source_path_.isEmpty() ? tr("No video") : QFileInfo(source_path_).fileName();
  setWindowTitle(QStringLiteral("%1 - Chromaflow").arg(name));
}

void MainWindow::updateFrameLabel() {
  if (!preview_->frame()) {
    frame_label_->clear();
    return;
  }
  frame_label_->setText(
      tr("Frame %1 / %2").arg(preview_->frame()->frame_index).arg(engine_->info().frame_count));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (engine_->isExporting())
    engine_->cancelExport();
  writeSettings();
  event->accept();
}

ExportDialog* MainWindow::exportDialog() {
  if (!export_dialog_) {
    export_dialog_ = new ExportDialog(this);
    connect(export_dialog_, &ExportDialog::exportRequested, this, &MainWindow::startExport);
    connect(export_dialog_, &ExportDialog::cancelRequested, engine_,
            &SessionController::cancelExport);
    connect(engine_, &SessionController::exportProgress, export_dialog_,
            [d = export_dialog_](qint64 done, qint64 total, const QString&) {
              d->setProgress(done, total);
            });
    connect(engine_, &SessionController::exportFinished, export_dialog_,
            [d = export_dialog_](bool ok, const QString& message, const QString&) {
              d->setFinished(ok, message);
            });
  }
  return export_dialog_;
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_MainWindow.cpp"
