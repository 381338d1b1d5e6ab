#pragma once
// The editor's side of pipeline::makeRetimedCopy: a video whose timestamps jump back is given
// fresh timestamps on a thread of its own, with progress and a cancel that is set once and never
// reset. Deleting the job cancels it and waits for the thread, so quitting never hangs on it for
// longer than one packet.

#include <QObject>
#include <QString>
#include <QThread>
#include <memory>

#include "common/CancelToken.h"
#include "pipeline/SessionTypes.h"

namespace cf::ui {

class RetimeJob : public QObject {
  Q_OBJECT
 public:
  RetimeJob(QString path, pipeline::SessionSettings settings, QObject* parent = nullptr);
  ~RetimeJob() override;

  void start();
  void cancel();
  bool isRunning() const;
  const QString& path() const { return path_; }

 Q_SIGNALS:
  void progress(qint64 done, qint64 total);
  /// `copy`: the copy with fresh timestamps, empty when it failed (`message`) or was cancelled.
  void finished(const QString& copy, const QString& message, bool cancelled);

 private:
  QString path_;
  pipeline::SessionSettings settings_;
  CancelToken cancel_;
  std::unique_ptr<QThread> thread_;
};

}  // namespace cf::ui
