#include "SessionController.h"

#include "SessionWorker.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cf::ui {
namespace {

/// Runs in the engine thread as it starts: a higher nice value for it and for every thread it
/// creates (LibTorch's pool, encoder threads), so the GUI thread wins the CPU when cores are
/// scarce. QThread priorities do not change SCHED_OTHER threads on Linux, hence setpriority().
void yieldCpuToGui() {
#ifdef __linux__
  constexpr int kEngineNice = 5;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, tid, getpriority(PRIO_PROCESS, tid) + kEngineNice);
#endif
}

}  // namespace

SessionController::SessionController(QObject* parent)
    : QObject(parent), queue_(std::make_shared<EngineQueue>()) {
  registerMetaTypes();
  thread_.setObjectName(QStringLiteral("chromaflow-engine"));
  worker_ = new SessionWorker(queue_, background_cancel_);
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(&thread_, &QThread::started, worker_, &yieldCpuToGui, Qt::DirectConnection);
  connect(worker_, &SessionWorker::opened, this,
          [this](const pipeline::SessionInfo& info, pipeline::TimelineDataPtr timeline) {
            info_ = info;
            open_ = true;
            Q_EMIT opened(info);
            Q_EMIT timelineUpdated(std::move(timeline));
          });
  connect(worker_, &SessionWorker::openFailed, this, [this](const QString& message) {
    open_ = false;
    Q_EMIT openFailed(message);
  });
  connect(worker_, &SessionWorker::previewReady, this, &SessionController::previewReady);
  connect(worker_, &SessionWorker::thumbnailReady, this, &SessionController::thumbnailReady);
  connect(worker_, &SessionWorker::timelineUpdated, this, &SessionController::timelineUpdated);
  connect(worker_, &SessionWorker::analysisProgress, this, &SessionController::analysisProgress);
  connect(worker_, &SessionWorker::exportProgress, this, &SessionController::exportProgress);
  connect(worker_, &SessionWorker::exportFinished, this,
          [this](bool ok, const QString& message, const QString& path) {
            exporting_ = false;
            Q_EMIT exportFinished(ok, message, path);
          });
  connect(worker_, &SessionWorker::errorOccurred, this, &SessionController::errorOccurred);
  connect(worker_, &SessionWorker::infoChanged, this, [this](const pipeline::SessionInfo& info) {
    info_ = info;
    Q_EMIT infoChanged(info);
  });
  thread_.start();
}

SessionController::~SessionController() {
  background_cancel_.cancel();
  export_cancel_.cancel();
  thread_.quit();
  thread_.wait();
}

void SessionController::wake() {
  if (queue_->claimWake())
    QMetaObject::invokeMethod(worker_, &SessionWorker::pump, Qt::QueuedConnection);
}

void SessionController::open(const QString& path, const pipeline::SessionSettings& settings,
                             const ShotOverrideList& overrides) {
  open_ = false;
  background_cancel_.cancel();
  queue_->takePreview();
  queue_->takeThumbnails(EngineQueue::kMaxThumbnails);
  QMetaObject::invokeMethod(
      worker_, [w = worker_, path, settings, overrides] { w->open(path, settings, overrides); },
      Qt::QueuedConnection);
}

void SessionController::close() {
  open_ = false;
  background_cancel_.cancel();
  QMetaObject::invokeMethod(worker_, &SessionWorker::close, Qt::QueuedConnection);
}

void SessionController::requestPreview(qint64 frame_index, double lambda) {
  pipeline::PreviewRequest request;
  request.frame_index = frame_index;
  request.lambda = lambda;
  queue_->putPreview(request);
  queue_->setFocus(frame_index);
  background_cancel_.cancel();  // a running analysis chunk yields to the preview
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
  background_cancel_.cancel();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, settings] { w->updateSettings(settings); }, Qt::QueuedConnection);
}

void SessionController::setShotOverrides(const ShotOverrideList& overrides) {
  QMetaObject::invokeMethod(
      worker_, [w = worker_, overrides] { w->setShotOverrides(overrides); }, Qt::QueuedConnection);
}

void SessionController::setBackgroundAnalysis(bool enabled) {
  if (!enabled)
    background_cancel_.cancel();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, enabled] { w->setBackgroundAnalysis(enabled); }, Qt::QueuedConnection);
}

void SessionController::startExport(const pipeline::ExportRequest& request) {
  exporting_ = true;
  export_cancel_ = CancelToken();  // a fresh token per export
  background_cancel_.cancel();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, request, cancel = export_cancel_] { w->exportVideo(request, cancel); },
      Qt::QueuedConnection);
}

void SessionController::cancelExport() {
  export_cancel_.cancel();
}

}  // namespace cf::ui

// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_SessionController.cpp"
