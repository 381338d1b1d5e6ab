// MainWindow: playhead, previews, in/out points, failure navigation and export.

#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

#include "CacheDialog.h"
#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "GradePanel.h"
#include "JobPanel.h"
#include "JobQueue.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"
#include "common/Timecode.h"
#include "pipeline/CacheKey.h"
#include "pipeline/CacheManager.h"

namespace cf::ui {

qint64 MainWindow::frameCount() const {
  return engine_->isOpen() ? engine_->info().frame_count : 0;
}

void MainWindow::goToFrame(qint64 frame) {
  if (!engine_->isOpen() || engine_->info().frame_count <= 0)
    return;
  frame = std::clamp<qint64>(frame, 0, engine_->info().frame_count - 1);
  if (frame == current_frame_)
    return;
  onPlayheadMoved(frame);
}

void MainWindow::onPlayheadMoved(qint64 frame) {
  current_frame_ = frame;
  timeline_->setPlayhead(frame);
  playback_.setFrame(frame);
  failures_panel_->setCurrentFrame(frame);
  if (const auto data = timeline_->timelineData()) {
    const auto [first, last] = shotAround(data->cuts, engine_->info().frame_count, frame);
    settings_panel_->setCurrentShot(first, last);
    grade_panel_->setCurrentShot(first, last);
  } else {
    settings_panel_->setCurrentShot(0, engine_->info().frame_count - 1);
    grade_panel_->setCurrentShot(0, engine_->info().frame_count - 1);
  }
  requestPreview();
}

qint64 MainWindow::shotFirstAt(qint64 frame) const {
  const auto data = timeline_->timelineData();
  return data ? shotAround(data->cuts, engine_->info().frame_count, frame).first : 0;
}

double MainWindow::lambdaAt(qint64 frame) const {
  return project_.effectiveSettings(shotFirstAt(frame)).lambda;
}

void MainWindow::requestPreview() {
  // The request carries the effective settings of the frame's shot -- what the export uses.
  if (engine_->isOpen() && current_frame_ >= 0)
    engine_->requestPreview(current_frame_, lambdaAt(current_frame_),
                            project_.effectiveGrade(shotFirstAt(current_frame_)));
}

void MainWindow::nextFailure() {
  const auto data = timeline_->timelineData();
  if (!data)
    return;
  if (const auto i = cf::ui::nextFailure(data->failures, current_frame_))
    goToFrame(data->failures[*i].first_frame);
  else
    statusBar()->showMessage(tr("No further failures after this frame"), 3000);
}

void MainWindow::previousFailure() {
  const auto data = timeline_->timelineData();
  if (!data)
    return;
  if (const auto i = cf::ui::previousFailure(data->failures, current_frame_))
    goToFrame(data->failures[*i].first_frame);
  else
    statusBar()->showMessage(tr("No earlier failures before this frame"), 3000);
}

bool MainWindow::goToTimecode(const QString& text) {
  if (!engine_->isOpen())
    return false;
  const auto frame = engine_->info().timecodeClock().parse(text.toStdString());
  if (!frame || *frame >= engine_->info().frame_count) {
    statusBar()->showMessage(
        tr("\"%1\" is not a timecode (HH:MM:SS:FF) or a frame number of this video (0 to %2)")
            .arg(text.trimmed())
            .arg(engine_->info().frame_count - 1),
        6000);
    return false;
  }
  goToFrame(*frame);
  return true;
}

void MainWindow::setInPoint() {
  if (!engine_->isOpen())
    return;
  const qint64 out = project_.outFrame() >= current_frame_ ? project_.outFrame() : -1;
  project_.setInOut(current_frame_, out);
}

void MainWindow::setOutPoint() {
  if (!engine_->isOpen())
    return;
  const qint64 in = project_.inFrame() <= current_frame_ ? project_.inFrame() : -1;
  project_.setInOut(in, current_frame_);
}

void MainWindow::showExportDialog() {
  if (!engine_->isOpen()) {
    statusBar()->showMessage(tr("Open a video before exporting"), 5000);
    return;
  }
  ExportDialog* dialog = exportDialog();
  if (!dialog->isRunning()) {
    const auto& info = engine_->info();
    dialog->setOutputFolder(
        ExportDialog::defaultFolder(settings_->value("export/lastFolder").toString()));
    dialog->setSource(project_.sourcePath(), info.frame_count, info.has_audio, project_.inFrame(),
                      project_.outFrame());
    dialog->setExportSettings(project_.exportSettings());
  }
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}  // namespace

void MainWindow::showCacheDialog() {
  if (!cache_dialog_) {
    cache_dialog_ = new CacheDialog(this);
    connect(cache_dialog_, &CacheDialog::limitChanged, this,
            [this](qint64 mib) { settings_->setValue("cache/limitMiB", mib); });
    connect(cache_dialog_, &CacheDialog::rootMoved, this, [this](const QString& root) {
      // The engine reopens its caches in the new folder (a cache_dir change drops them).
      pipeline::SessionSettings s = project_.settings();
      s.cache_dir = root.toStdString();
      project_.setSettings(s);
    });
  }
  const pipeline::SessionSettings& s = project_.settings();
  std::vector<std::string> video_folders;
  if (engine_->isOpen())
    video_folders = pipeline::videoCacheFolders(project_.sourcePath().toStdString(), s);
  cache_dialog_->setCache(QString::fromStdString(pipeline::cacheRootFor(s)), video_folders,
                          settings_->value("cache/limitMiB", 0).toLongLong());
  cache_dialog_->show();
  cache_dialog_->raise();
  cache_dialog_->activateWindow();
}

void MainWindow::enforceCacheLimit() {
  const qint64 limit_mib = settings_->value("cache/limitMiB", 0).toLongLong();
  if (limit_mib <= 0)
    return;
  const pipeline::SessionSettings& s = project_.settings();
  std::vector<std::string> keep;
  if (engine_->isOpen())
    keep = pipeline::videoCacheFolders(project_.sourcePath().toStdString(), s);
  auto freed = pipeline::enforceCacheLimit(pipeline::cacheRootFor(s), limit_mib * kMiB, keep);
  if (!freed)
    statusBar()->showMessage(QString::fromStdString(freed.message()), 8000);
}

void MainWindow::startExport(const pipeline::ExportRequest& request) {
  // The dialog's choices are part of the project (undoable, saved with it).
  project_.setExportSettings(exportDialog()->exportSettings());
  // A snapshot: the job keeps these values whatever is edited while it waits or runs.
  pipeline::ExportJobSpec spec;
  spec.input_path = project_.sourcePath().toStdString();
  spec.settings = project_.settings();
  spec.settings.input.readable_part = engine_->info().truncated;  // as the editor opened it
  spec.overrides = project_.overrides();
  spec.guidance = project_.guidance();
  spec.request = request;
  dialog_job_ = jobs_->enqueue(spec);
  job_dock_->show();
  job_dock_->raise();
}

}  // namespace cf::ui
