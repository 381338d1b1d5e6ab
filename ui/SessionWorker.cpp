#include "SessionWorker.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include "ImageConvert.h"

namespace cf::ui {
namespace {

/// Progress callback that emits at most every `interval_ms` (and always at the end), so queued
/// signals never pile up in the GUI's event queue.
template <class Emit>
ProgressFn throttled(int interval_ms, Emit emit_fn) {
  auto timer = std::make_shared<QElapsedTimer>();
  timer->start();
  return [timer, interval_ms, emit_fn](const ProgressUpdate& u) {
    if (u.done < u.total && timer->elapsed() < interval_ms)
      return;
    timer->restart();
    emit_fn(u);
  };
}

}  // namespace

SessionWorker::SessionWorker(std::shared_ptr<EngineQueue> queue, CancelToken background_cancel)
    : queue_(std::move(queue)), background_cancel_(std::move(background_cancel)) {}

SessionWorker::~SessionWorker() = default;

void SessionWorker::open(const QString& path, const pipeline::SessionSettings& settings,
                         const ShotOverrideList& overrides) {
  session_.reset();
  analysis_complete_ = false;
  last_error_.clear();
  auto session = pipeline::Session::open(path.toStdString(), settings);
  if (!session.ok()) {
    Q_EMIT openFailed(QString::fromStdString(session.message()));
    return;
  }
  session_ = std::move(session).value();
  session_->setShotOverrides(overrides);
  last_device_ = session_->info().device_name;
  Q_EMIT opened(session_->info(), session_->timeline());
  repost();
}

void SessionWorker::close() {
  session_.reset();
}

void SessionWorker::updateSettings(const pipeline::SessionSettings& settings) {
  if (!session_)
    return;
  const Status status = session_->updateSettings(settings);
  if (!status.ok()) {
    Q_EMIT errorOccurred(QString::fromStdString(status.message()));
    return;
  }
  analysis_complete_ = false;  // a model change drops the network cache
  Q_EMIT timelineUpdated(session_->timeline());
  repost();
}

void SessionWorker::setShotOverrides(const ShotOverrideList& overrides) {
  if (session_)
    session_->setShotOverrides(overrides);
}

void SessionWorker::setBackgroundAnalysis(bool enabled) {
  background_enabled_ = enabled;
  if (enabled)
    repost();
}

void SessionWorker::repost() {
  if (queue_->claimWake())
    QMetaObject::invokeMethod(this, &SessionWorker::pump, Qt::QueuedConnection);
}

void SessionWorker::pump() {
  queue_->clearWake();
  if (!session_)
    return;
  const bool did_work = servePreview() || serveThumbnails() || analyseNextChunk();
  if (session_->info().device_name != last_device_) {
    last_device_ = session_->info().device_name;
    Q_EMIT infoChanged(session_->info());
  }
  if (did_work)
    repost();
}

bool SessionWorker::servePreview() {
  const auto request = queue_->takePreview();
  if (!request)
    return false;
  auto frame = session_->preview(*request, CancelToken());
  if (frame.ok())
    Q_EMIT previewReady(frame.value());
  else
    Q_EMIT errorOccurred(QString::fromStdString(frame.message()));
  return true;
}

bool SessionWorker::serveThumbnails() {
  const auto batch = queue_->takeThumbnails(kThumbnailsPerPump);
  if (batch.empty())
    return false;
  for (const auto& [frame, height] : batch) {
    if (queue_->hasPreview())
      servePreview();  // a preview waiting is more urgent than the rest of the batch
    auto thumb = session_->thumbnail(frame, height);
    Q_EMIT thumbnailReady(frame, thumb.ok() ? toQImage(thumb.value()) : QImage());
  }
  return true;
}

bool SessionWorker::analyseNextChunk() {
  if (!background_enabled_ || analysis_complete_)
    return false;
  const pipeline::TimelineDataPtr timeline = session_->timeline();
  const auto n = int64_t(timeline ? timeline->frames.size() : 0);
  const int64_t total = session_->info().frame_count;
  // Nearest frame to the playhead that is not analysed yet, looking ahead first.
  const int64_t focus = std::clamp<int64_t>(queue_->focus(), 0, std::max<int64_t>(0, total - 1));
  int64_t target = -1;
  int64_t analysed = 0;
  for (int64_t i = 0; i < n; ++i)
    analysed += timeline->frames[size_t(i)].analysed ? 1 : 0;
  for (int64_t d = 0; d < total && target < 0; ++d) {
    for (int64_t f : {focus + d, focus - d - 1}) {
      if (f >= 0 && f < total && (f >= n || !timeline->frames[size_t(f)].analysed)) {
        target = f;
        break;
      }
    }
  }
  Q_EMIT analysisProgress(analysed, total);
  if (target < 0) {
    analysis_complete_ = true;
    return false;
  }
  const int64_t first =
      target < focus ? std::max<int64_t>(0, target - kAnalysisChunkFrames + 1) : target;
  const int64_t last = std::min(total - 1, first + kAnalysisChunkFrames - 1);
  background_cancel_.reset();
  const Status status = session_->analyse(first, last, background_cancel_, {});
  if (!status.ok()) {
    if (background_cancel_.isCancelled())
      return true;  // interrupted for something more urgent; try again on the next pump
    const QString message = QString::fromStdString(status.message());
    if (message != last_error_)
      Q_EMIT errorOccurred(message);
    last_error_ = message;
    analysis_complete_ = true;  // do not retry a failing analysis in a loop
    return false;
  }
  Q_EMIT timelineUpdated(session_->timeline());
  return true;
}

void SessionWorker::exportVideo(const pipeline::ExportRequest& request, CancelToken cancel) {
  const QString output = QString::fromStdString(request.output_path);
  if (!session_) {
    Q_EMIT exportFinished(false, tr("No video is open."), output);
    return;
  }
  const ProgressFn progress = throttled(kProgressIntervalMs, [this](const ProgressUpdate& u) {
    Q_EMIT exportProgress(u.done, u.total, QString::fromStdString(u.stage));
  });
  const Status status = session_->exportVideo(request, cancel, progress);
  if (cancel.isCancelled())
    Q_EMIT exportFinished(false, tr("Export cancelled; no file was written."), output);
  else if (!status.ok())
    Q_EMIT exportFinished(false, QString::fromStdString(status.message()), output);
  else
    Q_EMIT exportFinished(true, tr("Exported %1").arg(output), output);
  repost();
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_SessionWorker.cpp"
