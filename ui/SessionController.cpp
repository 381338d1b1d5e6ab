#include "SessionController.h"

#include "Project.h"
#include "SessionWorker.h"
#include "ThreadPriority.h"

namespace cf::ui {

SessionController::SessionController(QObject* parent)
    : QObject(parent), queue_(std::make_shared<EngineQueue>()) {
  registerMetaTypes();
  thread_.setObjectName(QStringLiteral("chromaflow-engine"));
  worker_ = new SessionWorker(queue_);
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(&thread_, &QThread::started, worker_, &lowerThreadPriority, Qt::DirectConnection);
  connect(worker_, &SessionWorker::opened, this,
          [this](const pipeline::SessionInfo& info, pipeline::TimelineDeltaPtr timeline) {
            // Requests for the video open before are of no use any more.
            queue_->takePreview();
            queue_->takeThumbnails(EngineQueue::kMaxThumbnails);
            info_ = info;
            open_ = true;
            Q_EMIT opened(info);
            timeline_ = std::make_shared<pipeline::TimelineData>();
            const pipeline::TimelineChange change = applyTimelineDelta(*timeline_, *timeline);
            Q_EMIT timelineUpdated(timeline_, change);
          });
  connect(worker_, &SessionWorker::openFailed, this, [this](const QString& message) {
    Q_EMIT openFailed(message);  // the video open before (if any) is still open
  });
  connect(worker_, &SessionWorker::openTruncated, this, &SessionController::openTruncated);
  connect(worker_, &SessionWorker::openTimestampsJump, this,
          &SessionController::openTimestampsJump);
  connect(worker_, &SessionWorker::previewReady, this, &SessionController::previewReady);
  connect(worker_, &SessionWorker::thumbnailReady, this, &SessionController::thumbnailReady);
  connect(worker_, &SessionWorker::timelineChanged, this, [this](pipeline::TimelineDeltaPtr delta) {
    if (!timeline_ || !delta)
      return;
    // A few frames and ranges: applied in place, on the GUI thread, in microseconds.
    const pipeline::TimelineChange change = applyTimelineDelta(*timeline_, *delta);
    Q_EMIT timelineUpdated(timeline_, change);
  });
  connect(worker_, &SessionWorker::analysisProgress, this, &SessionController::analysisProgress);
  connect(worker_, &SessionWorker::errorOccurred, this, &SessionController::errorOccurred);
  connect(worker_, &SessionWorker::settingsRejected, this, &SessionController::settingsRejected);
  connect(worker_, &SessionWorker::guideProgress, this, &SessionController::guideProgress);
  connect(worker_, &SessionWorker::guidedShotReady, this, &SessionController::guidedShotReady);
  connect(worker_, &SessionWorker::reachGap, this, &SessionController::reachGap);
  connect(worker_, &SessionWorker::guideStopped, this, &SessionController::guideStopped);
  connect(worker_, &SessionWorker::suggestionsReady, this, &SessionController::suggestionsReady);
  connect(worker_, &SessionWorker::suggestionsFailed, this, &SessionController::suggestionsFailed);
  connect(worker_, &SessionWorker::infoChanged, this, [this](const pipeline::SessionInfo& info) {
    info_ = info;
    Q_EMIT infoChanged(info);
  });
  thread_.start();
}

SessionController::~SessionController() {
  queue_->interruptBackgroundWork();
  thread_.quit();
  thread_.wait();
}

void SessionController::wake() {
  if (queue_->claimWake())
    QMetaObject::invokeMethod(worker_, &SessionWorker::pump, Qt::QueuedConnection);
}

void SessionController::open(const QString& path, const pipeline::SessionSettings& settings,
                             const ShotOverrideList& overrides) {
  queue_->interruptBackgroundWork();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, path, settings, overrides] { w->open(path, settings, overrides); },
      Qt::QueuedConnection);
}

void SessionController::close() {
  open_ = false;
  queue_->interruptBackgroundWork();
  QMetaObject::invokeMethod(worker_, &SessionWorker::close, Qt::QueuedConnection);
}

void SessionController::requestPreview(qint64 frame_index, double lambda,
                                       const color::Grade& grade) {
  pipeline::PreviewRequest request;
  request.frame_index = frame_index;
  request.lambda = lambda;
  request.grade = grade;
  queue_->putPreview(request);
  queue_->setFocus(frame_index);
  queue_->interruptBackgroundWork();  // a running analysis chunk yields to the preview
  wake();
}

void SessionController::requestThumbnails(const QVector<qint64>& frames, int height_px) {
  const QVector<qint64> dropped = queue_->putThumbnails(frames, height_px);
  if (!dropped.isEmpty())
    Q_EMIT thumbnailsDropped(dropped);
  wake();
}

void SessionController::setFocusFrame(qint64 frame) {
  queue_->setFocus(frame);
}

void SessionController::updateSettings(const pipeline::SessionSettings& settings) {
  queue_->interruptBackgroundWork();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, settings] { w->updateSettings(settings); }, Qt::QueuedConnection);
}

void SessionController::setShotOverrides(const ShotOverrideList& overrides) {
  QMetaObject::invokeMethod(
      worker_, [w = worker_, overrides] { w->setShotOverrides(overrides); }, Qt::QueuedConnection);
}

void SessionController::setBackgroundAnalysis(bool enabled) {
  if (!enabled)
    queue_->interruptBackgroundWork();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, enabled] { w->setBackgroundAnalysis(enabled); }, Qt::QueuedConnection);
}

void SessionController::setGuidance(const guide::Guidance& guidance) {
  queue_->interruptBackgroundWork();  // a shot being prepared for the old guidance is stale
  QMetaObject::invokeMethod(
      worker_, [w = worker_, guidance] { w->setGuidance(guidance); }, Qt::QueuedConnection);
}

void SessionController::stopGuidance() {
  queue_->stopGuideWork();
  wake();  // the engine drops the shot and says so
}

void SessionController::requestSuggestions(qint64 frame, double x, double y) {
  queue_->interruptBackgroundWork();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, frame, x, y] { w->suggestColours(frame, x, y); },
      Qt::QueuedConnection);
}

void SessionController::observe(const Project* project) {
  connect(project, &Project::guidanceChanged, this,
          [this, project] { setGuidance(project->guidance()); });
  connect(project, &Project::settingsChanged, this,
          [this](const pipeline::SessionSettings& now) { updateSettings(now); });
  connect(project, &Project::lambdaChanged, this, [this, project] {
    // λ alone only re-solves the smoothing: the engine keeps its analysis.
    const pipeline::SessionSettings s = project->settings();
    QMetaObject::invokeMethod(
        worker_, [w = worker_, s] { w->updateSettings(s); }, Qt::QueuedConnection);
  });
  connect(project, &Project::overridesChanged, this,
          [this, project] { setShotOverrides(project->overrides()); });
  connect(project, &Project::projectReset, this, [this, project] {
    updateSettings(project->settings());
    setShotOverrides(project->overrides());
    setGuidance(project->guidance());
  });
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_SessionController.cpp"
