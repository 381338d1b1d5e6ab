#include "SessionWorker.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ImageConvert.h"
#include "media/VideoReader.h"
#include "pipeline/RetimedSource.h"

namespace cf::ui {
SessionWorker::SessionWorker(std::shared_ptr<EngineQueue> queue) : queue_(std::move(queue)) {}

SessionWorker::~SessionWorker() {
  closing_.store(true);
  session_.reset();  // joins a propagation, whose progress reports then call nothing here
}

void SessionWorker::open(const QString& path, const pipeline::SessionSettings& settings,
                         const ShotOverrideList& overrides) {
  // The open video stays until the new one has opened: a failed open changes nothing.
  auto session = pipeline::Session::open(path.toStdString(), settings);
  if (!session.ok()) {
    // A truncated file whose first frames can be read: the user may open just those.
    const auto cut = settings.input.readable_part
                         ? std::nullopt
                         : media::VideoReader::truncation(path.toStdString());
    const int64_t jumps = cut ? 0 : pipeline::timestampJumps(path.toStdString());
    if (cut)
      Q_EMIT openTruncated(path, cut->readable_frames, cut->listed_frames,
                           QString::fromStdString(session.message()));
    else if (jumps > 0)
      Q_EMIT openTimestampsJump(path, jumps, QString::fromStdString(session.message()));
    else
      Q_EMIT openFailed(QString::fromStdString(session.message()));
    repost();  // the analysis of the video still open goes on
    return;
  }
  session_ = std::move(session).value();
  analysis_complete_ = false;
  last_error_.clear();
  session_->setShotOverrides(overrides);
  last_device_ = session_->info().device_name;
  last_damaged_ = session_->info().damaged_frames;
  Q_EMIT opened(session_->info(), session_->timelineDelta());
  repost();
}

void SessionWorker::close() {
  session_.reset();
}

void SessionWorker::updateSettings(const pipeline::SessionSettings& settings) {
  if (!session_)
    return;
  pipeline::SessionSettings old = session_->settings();
  old.lambda = settings.lambda;
  const bool lambda_only =
      old.cache_dir == settings.cache_dir && old.model_path == settings.model_path &&
      old.device == settings.device && old.working_height_px == settings.working_height_px &&
      old.temperature == settings.temperature && old.flow_method == settings.flow_method &&
      std::memcmp(&old.thresholds, &settings.thresholds, sizeof(old.thresholds)) == 0;
  const Status status = session_->updateSettings(settings);
  if (lambda_only && status.ok()) {
    repost();  // λ only re-solves the smoothing and re-measures the flicker from the caches
    return;
  }
  if (!status.ok()) {
    Q_EMIT settingsRejected(QString::fromStdString(status.message()), session_->settings());
    return;
  }
  analysis_complete_ = false;  // a model change drops the network cache
  Q_EMIT timelineChanged(session_->timelineDelta());
  repost();
}

void SessionWorker::setShotOverrides(const ShotOverrideList& overrides) {
  if (!session_)
    return;
  session_->setShotOverrides(overrides);
  repost();  // a shot's λ changed: its flicker is measured again
}

void SessionWorker::setBackgroundAnalysis(bool enabled) {
  background_enabled_ = enabled;
  if (enabled)
    repost();
}

void SessionWorker::setGuidance(const guide::Guidance& guidance) {
  if (!session_)
    return;
  session_->setGuidance(guidance);  // stops a propagation for the old guidance
  queue_->renewGuideWork();         // one the user stopped starts again for the new guidance
  repost();
}

void SessionWorker::suggestColours(qint64 frame, double x, double y) {
  if (!session_)
    return;
  auto colours = session_->suggestedColours(frame, x, y);
  if (colours.ok())
    Q_EMIT suggestionsReady(frame, x, y, colours.value());
  else
    Q_EMIT suggestionsFailed(QString::fromStdString(colours.message()));
  repost();
}

bool SessionWorker::stepGuidance() {
  const CancelToken propagation = queue_->guideWork();
  const CancelToken step = queue_->beginBackgroundWork();  // a batch yields to a preview
  // Called from the propagation's thread too: the signal is queued, and the pump is woken for
  // the frames it made ready.
  const ProgressFn progress = [this](const ProgressUpdate& u) {
    if (closing_.load())
      return;
    Q_EMIT guideProgress(u.done, u.total);
    repost();
  };
  const auto result = session_->stepGuidedShot(queue_->focus(), propagation, step, progress);
  if (!result.ok()) {
    if (propagation.isCancelled()) {
      Q_EMIT guideStopped();
      return false;
    }
    if (step.isCancelled())
      return true;  // try again on the next pump
    Q_EMIT guideProgress(0, 0);
    Q_EMIT errorOccurred(QString::fromStdString(result.message()));
    return false;
  }
  switch (result.value().state) {
    case pipeline::GuideStep::State::Idle:
    case pipeline::GuideStep::State::Waiting:
      return false;
    case pipeline::GuideStep::State::Working:
      return true;
    case pipeline::GuideStep::State::Ready:
      Q_EMIT guidedShotReady(result.value().shot.first, result.value().shot.last);
      if (const guide::ReachGap& gap = result.value().gap; !gap.empty())
        Q_EMIT reachGap(gap.first, gap.last, gap.weakest, gap.share);
      return true;
  }
  return false;
}

void SessionWorker::repost() {
  if (queue_->claimWake())
    QMetaObject::invokeMethod(this, &SessionWorker::pump, Qt::QueuedConnection);
}

void SessionWorker::pump() {
  queue_->clearWake();
  if (!session_)
    return;
  bool did_work = servePreview() || serveThumbnails();
  bool guided = false;
  if (!did_work) {
    // A batch of keyframe colour and a chunk of background work take turns.
    if (last_was_guide_)
      did_work = refreshFlicker() || analyseNextChunk() || (guided = stepGuidance());
    else
      did_work = (guided = stepGuidance()) || refreshFlicker() || analyseNextChunk();
  }
  last_was_guide_ = guided;
  // The device is known once the model loaded, the damage once the first full decode ran.
  if (session_->info().device_name != last_device_ ||
      session_->info().damaged_frames != last_damaged_) {
    last_device_ = session_->info().device_name;
    last_damaged_ = session_->info().damaged_frames;
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
    // Upright like the preview: a sideways picture is asked for as high as the thumbnail is wide.
    const int rotation = session_->info().rotation_deg;
    const bool sideways = rotation % 180 != 0;
    const auto& info = session_->info();
    const int asked =
        sideways && info.width_px > 0
            ? std::max(1, int(std::lround(double(height) * info.height_px / info.width_px)))
            : height;
    auto thumb = session_->thumbnail(frame, asked);
    Q_EMIT thumbnailReady(frame,
                          thumb.ok() ? turnedUpright(toQImage(thumb.value()), rotation) : QImage());
  }
  return true;
}

bool SessionWorker::refreshFlicker() {
  const CancelToken cancel = queue_->beginBackgroundWork();  // yields to a preview
  const auto refreshed = session_->refreshFlicker(kFlickerChunkFrames, cancel);
  if (!refreshed.ok()) {
    if (cancel.isCancelled())
      return true;  // try again on the next pump
    const QString message = QString::fromStdString(refreshed.message());
    if (message != last_error_)
      Q_EMIT errorOccurred(message);
    last_error_ = message;
    return false;
  }
  if (!refreshed.value())
    return false;
  Q_EMIT timelineChanged(session_->timelineDelta());
  return true;
}

bool SessionWorker::analyseNextChunk() {
  if (!background_enabled_ || analysis_complete_)
    return false;
  const int64_t total = session_->info().frame_count;
  // Nearest frame to the playhead that is not analysed yet, looking ahead first.
  const int64_t focus = std::clamp<int64_t>(queue_->focus(), 0, std::max<int64_t>(0, total - 1));
  const int64_t target = session_->nearestUnanalysed(focus);
  const int64_t analysed = session_->analysedFrameCount();
  Q_EMIT analysisProgress(analysed, total);
  if (target < 0) {
    analysis_complete_ = true;
    return false;
  }
  const int64_t first =
      target < focus ? std::max<int64_t>(0, target - kAnalysisChunkFrames + 1) : target;
  const int64_t last = std::min(total - 1, first + kAnalysisChunkFrames - 1);
  const CancelToken cancel = queue_->beginBackgroundWork();  // never reset: one per chunk
  const Status status = session_->analyse(first, last, cancel, {});
  if (!status.ok()) {
    if (cancel.isCancelled())
      return true;  // interrupted for something more urgent; try again on the next pump
    const QString message = QString::fromStdString(status.message());
    if (message != last_error_)
      Q_EMIT errorOccurred(message);
    last_error_ = message;
    analysis_complete_ = true;  // do not retry a failing analysis in a loop
    return false;
  }
  Q_EMIT timelineChanged(session_->timelineDelta());
  return true;
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_SessionWorker.cpp"
