#include "JobQueue.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include "MetaTypes.h"
#include "ThreadPriority.h"

namespace cf::ui {

/// Lives on the jobs thread; runs one job per queued call, in order.
class JobRunner : public QObject {
  Q_OBJECT
 public:
  void run(int id, const pipeline::ExportJobSpec& spec, const CancelToken& cancel) {
    QElapsedTimer timer;
    timer.start();
    const ProgressFn progress = [&](const ProgressUpdate& u) {
      if (u.done < u.total && timer.elapsed() < JobQueue::kProgressIntervalMs)
        return;  // throttled, so queued signals never pile up in the GUI
      timer.restart();
      Q_EMIT progressed(id, u.done, u.total, QString::fromStdString(u.stage));
    };
    Q_EMIT started(id);
    const auto result = pipeline::runExportJob(spec, cancel, progress);
    Q_EMIT finished(id, result.ok(),
                    result.ok() ? QString() : QString::fromStdString(result.message()));
  }

 Q_SIGNALS:
  void started(int id);
  void progressed(int id, qint64 done, qint64 total, const QString& stage);
  void finished(int id, bool ok, const QString& error);
};

JobQueue::JobQueue(QObject* parent) : QObject(parent) {
  registerMetaTypes();
  thread_.setObjectName(QStringLiteral("chromaflow-jobs"));
  runner_ = new JobRunner;
  runner_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, runner_, &QObject::deleteLater);
  connect(&thread_, &QThread::started, runner_, &lowerThreadPriority, Qt::DirectConnection);
  connect(runner_, &JobRunner::started, this, [this](int id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end())
      return;
    it->second.state = JobStatus::State::Running;
    it->second.eta.newStage();  // the time to the first frame (model, first batch) counts
    Q_EMIT jobChanged(id);
  });
  connect(runner_, &JobRunner::progressed, this, &JobQueue::onProgress);
  connect(runner_, &JobRunner::finished, this, &JobQueue::onFinished);
  thread_.start();
}

JobQueue::~JobQueue() {
  cancelAll();
  thread_.quit();
  thread_.wait();
}

int JobQueue::enqueue(const pipeline::ExportJobSpec& spec) {
  const int id = next_id_++;
  JobStatus status;
  status.id = id;
  status.output_path = QString::fromStdString(spec.request.output_path);
  jobs_[id] = status;
  const CancelToken cancel;  // the job's own, never reset
  tokens_[id] = cancel;
  QMetaObject::invokeMethod(
      runner_, [r = runner_, id, spec, cancel] { r->run(id, spec, cancel); }, Qt::QueuedConnection);
  Q_EMIT jobAdded(id);
  return id;
}

void JobQueue::cancel(int id) {
  const auto it = tokens_.find(id);
  if (it != tokens_.end())
    it->second.cancel();
}

void JobQueue::cancelAll() {
  for (const auto& [id, token] : tokens_)
    token.cancel();
}

int JobQueue::activeCount() const {
  int n = 0;
  for (const auto& [id, job] : jobs_)
    n += job.finished() ? 0 : 1;
  return n;
}

const JobStatus* JobQueue::job(int id) const {
  const auto it = jobs_.find(id);
  return it == jobs_.end() ? nullptr : &it->second;
}

void JobQueue::onProgress(int id, qint64 done, qint64 total, const QString& stage) {
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.finished())
    return;
  JobStatus& j = it->second;
  j.eta.update(done, total);
  j.done = done;
  j.total = total;
  j.stage = stage;
  Q_EMIT jobChanged(id);
}

void JobQueue::onFinished(int id, bool ok, const QString& error) {
  auto it = jobs_.find(id);
  if (it == jobs_.end())
    return;
  JobStatus& j = it->second;
  const bool cancelled = tokens_[id].isCancelled();
  if (ok) {
    j.state = JobStatus::State::Done;
    j.done = j.total;
    j.message = tr("Exported %1").arg(j.output_path);
  } else if (cancelled) {
    j.state = JobStatus::State::Cancelled;
    j.message = tr("Export cancelled; no file was written.");
  } else {
    j.state = JobStatus::State::Failed;
    j.message = error;
  }
  Q_EMIT jobChanged(id);
  Q_EMIT jobFinished(id, ok, j.message, j.output_path);
}

}  // namespace cf::ui

#include "JobQueue.moc"
// Own moc object: widgets-only users of chromaflow_ui do not pull in the engine.
#include "moc_JobQueue.cpp"
