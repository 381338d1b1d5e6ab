#include "MainWindow.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "CoreText.h"
#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "GradePanel.h"
#include "JobPanel.h"
#include "JobQueue.h"
#include "LanguageSwitcher.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"
#include "common/Timecode.h"

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
  jobs_ = new JobQueue(this);
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
  job_panel_->setQueue(jobs_);
  createActions();
  createMenus();
  createToolBars();
  createStatusBar();
  connectEngine();
  setupKeyframes();
  setupAudio();
  readSettings();
  retranslateUi();
  // Start with the focus on the preview, never in a text field: Space plays, 1 switches the view.
  preview_->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::retranslateUi() {
  retranslateActions();
  retranslateMenus();
  retranslateKeyframes();
  settings_dock_->setWindowTitle(tr("Settings"));
  failures_dock_->setWindowTitle(tr("Failures"));
  grade_dock_->setWindowTitle(tr("Grade"));
  job_dock_->setWindowTitle(tr("Jobs"));
  if (!engine_->isOpen() && !opening_)
    statusBar()->showMessage(
        tr("Open a black-and-white video to start (%1 or drop a file)")
            .arg(action("open")->shortcut().toString(QKeySequence::NativeText)));
  updateFrameLabel();
  updateTitle();
  if (engine_->isOpen())
    device_label_->setText(
        translatedDevice(engine_->info().device_in_use, engine_->info().cpu_threads));
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
    // Nothing was unloaded: the project and the video open before stay as they were.
    opening_ = false;
    pending_.reset();
    pending_file_.clear();
    job_panel_->finishJob(tr("Could not open the video"), false);
    showError(message, tr("Could not open the video"));
  });
  connect(engine_, &SessionController::openTruncated, this, &MainWindow::onOpenTruncated);
  connect(engine_, &SessionController::openTimestampsJump, this, &MainWindow::onOpenTimestampsJump);
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
    job_panel_->setAnalysisProgress(done, total);
    analysis_label_->setText(done >= total
                                 ? tr("Analysed")
                                 : tr("Analysed %1 of %n frame(s)", nullptr, int(total)).arg(done));
  });
  connect(engine_, &SessionController::errorOccurred, this, [this](const QString& message) {
    showError(message, tr("Chromaflow could not finish the preview, the settings or the analysis"));
  });
  connect(engine_, &SessionController::settingsRejected, this,
          [this](const QString& message, const pipeline::SessionSettings& in_use) {
            project_.restoreSettings(in_use);
            showError(message, tr("The chosen model could not be loaded. The previous model and "
                                  "its analysis are kept."));
          });
  connect(engine_, &SessionController::infoChanged, this, [this](const pipeline::SessionInfo& i) {
    settings_panel_->setDetectedDevice(i.device_in_use, i.cpu_threads);
    device_label_->setText(translatedDevice(i.device_in_use, i.cpu_threads));
    warnAboutDamage(i);
  });
  connect(timeline_, &TimelineWidget::frameScrubbed, this, &MainWindow::goToFrame);
  connect(preview_, &PreviewWidget::frameShown, this, [this] { updateFrameLabel(); });
  connect(&playback_, &PlaybackController::frameRequested, this, &MainWindow::goToFrame);
  connect(failures_panel_, &FailuresPanel::jumpRequested, this, &MainWindow::goToFrame);
  // Triage marks are the project's (undoable, saved); the panel shows them.
  connect(failures_panel_, &FailuresPanel::reviewRequested, &project_, &Project::setFailureReview);
  connect(&project_, &Project::failureReviewsChanged, this,
          [this] { failures_panel_->setReviews(project_.failureReviews()); });
  connect(&project_, &Project::projectReset, this,
          [this] { failures_panel_->setReviews(project_.failureReviews()); });
  // The project is the truth: the engine observes it, the window re-previews what it changed.
  engine_->observe(&project_);
  connect(&project_, &Project::lambdaChanged, this, [this] { requestPreview(); });
  connect(&project_, &Project::settingsChanged, this, [this] { requestPreview(); });
  connect(&project_, &Project::overridesChanged, this, [this] { requestPreview(); });
  connect(&project_, &Project::inOutChanged, timeline_, &TimelineWidget::setInOut);
  connect(&project_, &Project::titleChanged, this, &MainWindow::updateTitle);
  connect(jobs_, &JobQueue::jobChanged, this, [this](int id) {
    const JobStatus* j = jobs_->job(id);
    if (!j || j->state != JobStatus::State::Running || j->total <= 0)
      return;
    const auto left = j->eta.secondsLeft();
    statusBar()->showMessage(
        tr("Exporting: frame %1 of %2 %3")
            .arg(j->done)
            .arg(j->total)
            .arg(left ? tr("ETA %1").arg(QString::fromStdString(Eta::format(*left))) : QString()));
  });
  connect(jobs_, &JobQueue::jobFinished, this,
          [this](int, bool, const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::onOpened(const pipeline::SessionInfo& info) {
  opening_ = false;
  // Only now does the new project replace the old one.
  ProjectData data = pending_.value_or(ProjectData{});
  data.source_path = QString::fromStdString(info.path);
  project_.reset(data, pending_file_);
  pending_.reset();
  pending_file_.clear();
  const QString source_path = project_.sourcePath();
  preview_->clear();
  const double aspect = info.height_px > 0 ? double(info.width_px) / info.height_px : 4.0 / 3.0;
  timeline_->reset(info.frame_count, info.timecodeClock(), aspect);
  timeline_->setInOut(project_.inFrame(), project_.outFrame());
  playback_.setFrameCount(info.frame_count, info.fps);
  preview_->setTimecodeClock(info.timecodeClock());
  settings_panel_->setDetectedDevice(info.device_in_use, info.cpu_threads);
  device_label_->setText(translatedDevice(info.device_in_use, info.cpu_threads));
  job_panel_->finishJob(info.truncated ? tr("Opened the readable part of %1 (truncated file)")
                                             .arg(QFileInfo(source_path).fileName())
                                       : tr("Opened %1").arg(QFileInfo(source_path).fileName()));
  statusBar()->showMessage(tr("Opened %1: %n frame(s) at %2 fps", nullptr, int(info.frame_count))
                               .arg(QFileInfo(source_path).fileName())
                               .arg(info.fps, 0, 'f', 2),
                           8000);
  addRecentFile(project_.filePath().isEmpty() ? source_path : project_.filePath());
  updateTitle();
  current_frame_ = -1;
  goToFrame(0);
  Q_EMIT videoOpened(source_path);
}

void MainWindow::onTimelineUpdated(pipeline::TimelineDataPtr timeline,
                                   const pipeline::TimelineChange& change) {
  if (!timeline)
    return;
  timeline_->setTimelineData(timeline, change);
  if (change.full || change.failures_changed)
    failures_panel_->setFailures(timeline->failures, engine_->info().timecodeClock());
  const auto [first, last] = shotAround(timeline->cuts, timeline->frame_count, current_frame_);
  settings_panel_->setCurrentShot(first, last);
  grade_panel_->setCurrentShot(first, last);
  // New cuts can move the shot under the playhead, and with it the λ that applies there.
  if (preview_->frame() && preview_->frame()->frame_index == current_frame_ &&
      (preview_->frame()->lambda != lambdaAt(current_frame_) ||
       preview_->frame()->grade != project_.effectiveGrade(shotFirstAt(current_frame_))))
    requestPreview();
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
  // "[*]" is where Qt shows the modified marker.
  const QString name = project_.sourcePath().isEmpty() && project_.filePath().isEmpty()
                           ? tr("No video")
                           : project_.displayName();
  setWindowTitle(QStringLiteral("%1[*] - Chromaflow").arg(name));
  setWindowModified(project_.isModified());
}

void MainWindow::updateFrameLabel() {
  if (!preview_->frame()) {
    frame_label_->clear();
    return;
  }
  const qint64 frame = preview_->frame()->frame_index;
  frame_label_->setText(
      tr("%1 (frame %2 of %3)")
          .arg(QString::fromStdString(engine_->info().timecodeClock().format(frame)))
          .arg(frame)
          .arg(engine_->info().frame_count));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  if (jobs_->activeCount() > 0) {
    QMessageBox box(QMessageBox::Question, QStringLiteral("Chromaflow"),
                    tr("%n export(s) still running or queued.", nullptr, jobs_->activeCount()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("exportsRunningBox"));
    box.setInformativeText(tr("Quitting cancels them and removes their unfinished files."));
    QPushButton* quit = box.addButton(tr("Cancel Exports and Quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != quit) {
      event->ignore();
      return;
    }
    jobs_->cancelAll();
  }
  writeSettings();
  event->accept();
}

bool MainWindow::maybeSave() {
  // Without a video there is nothing to lose: the settings are kept in QSettings anyway.
  if (!project_.isModified() || project_.sourcePath().isEmpty())
    return true;
  QMessageBox box(QMessageBox::Warning, QStringLiteral("Chromaflow"),
                  tr("The project \"%1\" has unsaved changes.").arg(project_.displayName()),
                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("unsavedChangesBox"));
  box.setInformativeText(tr("Do you want to save them?"));
  box.setDefaultButton(QMessageBox::Save);
  switch (box.exec()) {
    case QMessageBox::Save:
      saveProjectDialog(false);
      return !project_.isModified();  // the save dialog may have been cancelled
    case QMessageBox::Discard:
      return true;
    default:
      return false;
  }
}

ExportDialog* MainWindow::exportDialog() {
  if (!export_dialog_) {
    export_dialog_ = new ExportDialog(this);
    connect(export_dialog_, &ExportDialog::exportRequested, this, &MainWindow::startExport);
    connect(export_dialog_, &ExportDialog::cancelRequested, this,
            [this] { jobs_->cancel(dialog_job_); });
    // The dialog follows the job it started last; the Jobs dock shows them all.
    connect(jobs_, &JobQueue::jobChanged, export_dialog_, [this](int id) {
      const JobStatus* j = jobs_->job(id);
      if (id == dialog_job_ && j && j->state == JobStatus::State::Running)
        export_dialog_->setProgress(j->done, j->total);
    });
    connect(jobs_, &JobQueue::jobFinished, export_dialog_,
            [this](int id, bool ok, const QString& message) {
              if (id != dialog_job_)
                return;
              export_dialog_->setFinished(ok, message);
              if (ok)  // the next export proposes this folder again
                settings_->setValue("export/lastFolder",
                                    QFileInfo(export_dialog_->outputPath()).absolutePath());
              enforceCacheLimit();
            });
  }
  return export_dialog_;
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_MainWindow.cpp"
