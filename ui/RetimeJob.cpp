#include "RetimeJob.h"

#include <QMetaObject>
#include <QPointer>

#include "pipeline/RetimedSource.h"

namespace cf::ui {

RetimeJob::RetimeJob(QString path, pipeline::SessionSettings settings, QObject* parent)
    : QObject(parent), path_(std::move(path)), settings_(std::move(settings)) {}

RetimeJob::~RetimeJob() {
  cancel_.cancel();
  if (thread_)
    thread_->wait();
}

void RetimeJob::start() {
  if (thread_)
    return;
  QPointer<RetimeJob> self(this);
  const std::string path = path_.toStdString();
  const pipeline::SessionSettings settings = settings_;
  const CancelToken cancel = cancel_;
  thread_.reset(QThread::create([self, path, settings, cancel] {
    // Progress is posted to the job's thread; a deleted job (QPointer) gets nothing.
    auto progress = [self](const ProgressUpdate& u) {
      QMetaObject::invokeMethod(
          self.data(),
          [self, done = u.done, total = u.total] {
            if (self)
              Q_EMIT self->progress(done, total);
          },
          Qt::QueuedConnection);
    };
    auto made = pipeline::makeRetimedCopy(path, settings, progress, cancel);
    const QString copy = made ? QString::fromStdString(made.value()) : QString();
    const QString message = made ? QString() : QString::fromStdString(made.message());
    const bool cancelled = cancel.isCancelled();
    QMetaObject::invokeMethod(
        self.data(),
        [self, copy, message, cancelled] {
          if (self)
            Q_EMIT self->finished(copy, message, cancelled);
        },
        Qt::QueuedConnection);
  }));
  thread_->setObjectName(QStringLiteral("retime"));
  thread_->start(QThread::LowPriority);
}

void RetimeJob::cancel() {
  cancel_.cancel();
}

bool RetimeJob::isRunning() const {
  return thread_ && thread_->isRunning();
}

}  // namespace cf::ui
