// MainWindow: playhead, previews, in/out points, failure navigation and export.

#include <QLabel>
#include <QStatusBar>

#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "JobPanel.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"

namespace cf::ui {

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
  } else {
    settings_panel_->setCurrentShot(0, engine_->info().frame_count - 1);
  }
  requestPreview();
}

void MainWindow::requestPreview() {
  if (engine_->isOpen() && current_frame_ >= 0)
    engine_->requestPreview(current_frame_, settings_panel_->lambda());
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

void MainWindow::setInPoint() {
  if (!engine_->isOpen())
    return;
  const qint64 out = timeline_->outFrame() >= current_frame_ ? timeline_->outFrame() : -1;
  timeline_->setInOut(current_frame_, out);
}

void MainWindow::setOutPoint() {
  if (!engine_->isOpen())
    return;
  const qint64 in = timeline_->inFrame() <= current_frame_ ? timeline_->inFrame() : -1;
  timeline_->setInOut(in, current_frame_);
}

void MainWindow::showExportDialog() {
  if (!engine_->isOpen()) {
    statusBar()->showMessage(tr("Open a video before exporting"), 5000);
    return;
  }
  ExportDialog* dialog = exportDialog();
  if (!dialog->isRunning()) {
    const auto& info = engine_->info();
    dialog->setSource(source_path_, info.frame_count, info.has_audio, timeline_->inFrame(),
                      timeline_->outFrame());
  }
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

void MainWindow::startExport(const pipeline::ExportRequest& request) {
  // The export uses exactly what the user sees: current settings (incl. lambda) and overrides.
  engine_->updateSettings(settings_panel_->settings());
  engine_->setShotOverrides(overrides_.all());
  engine_->startExport(request);
  job_panel_->startJob(tr("Exporting %1").arg(QString::fromStdString(request.output_path)));
}

}  // namespace cf::ui
