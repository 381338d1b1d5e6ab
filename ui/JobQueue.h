#pragma once
// The export queue (after Shotcut's Jobs dock and Olive's ExportTask): each export is a job made
// from a snapshot of the project (pipeline::ExportJobSpec, by value) and run by
// pipeline::runExportJob -- the code `chromaflow-cli colorize` runs -- with a Session, a reader and
// a model of its own, on a thread of its own. The editor's engine is never blocked by an export,
// and later edits of the project do not reach a queued or running job. Jobs run one after the
// other in the order they were queued.
//
// Each job has its own CancelToken, created with the job, set once by cancel() and never reset,
// so a cancel can never be lost, whatever stage the job is in (queued, opening, scanning,
// exporting).

#include <QObject>
#include <QThread>
#include <map>

#include "common/CancelToken.h"
#include "common/Eta.h"
#include "pipeline/ExportJob.h"

namespace cf::ui {

class JobRunner;

struct JobStatus {
  enum class State { Queued, Running, Done, Failed, Cancelled };
  int id = 0;
  QString output_path;
  State state = State::Queued;
  qint64 done = 0;
  qint64 total = 0;
  QString stage;    ///< core's stage name ("scan", "export"); the UI words it
  QString message;  ///< when finished: what happened (translated) or core's error
  Eta eta;
  bool finished() const { return state != State::Queued && state != State::Running; }
};

class JobQueue : public QObject {
  Q_OBJECT
 public:
  static constexpr int kProgressIntervalMs = 100;

  explicit JobQueue(QObject* parent = nullptr);
  /// Cancels every job, then waits for the running one to stop (it removes its partial output).
  ~JobQueue() override;

  /// Queues an export of `spec`; returns the job's id.
  int enqueue(const pipeline::ExportJobSpec& spec);
  /// Sets the job's cancel token (from the GUI thread, at once; never reset).
  void cancel(int id);
  void cancelAll();
  /// Jobs queued or running.
  int activeCount() const;
  const JobStatus* job(int id) const;

 Q_SIGNALS:
  void jobAdded(int id);
  void jobChanged(int id);
  void jobFinished(int id, bool ok, const QString& message, const QString& output_path);

 private:
  void onProgress(int id, qint64 done, qint64 total, const QString& stage);
  void onFinished(int id, bool ok, const QString& error);

  QThread thread_;
  JobRunner* runner_ = nullptr;
  std::map<int, JobStatus> jobs_;
  std::map<int, CancelToken> tokens_;
  int next_id_ = 1;
};

}  // namespace cf::ui
