// The export queue: jobs run one after the other from their own snapshot, each with its own cancel
// token that is never reset. Cancel and restart hammered 100 times loses no cancel and leaves no
// file; a job queued after them still runs to the end.

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "JobQueue.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"

using cf::ui::JobQueue;
using cf::ui::JobStatus;

class TestJobQueue : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;

  cf::pipeline::ExportJobSpec spec(const QString& out) const {
    cf::pipeline::ExportJobSpec s;
    s.input_path = clip_.toStdString();
    s.settings.model_path = model_.toStdString();
    s.settings.working_height_px = 128;
    s.settings.device = cf::DeviceChoice::Cpu;
    s.settings.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    s.request.codec = cf::VideoCodec::FFV1;
    s.request.keep_audio = false;
    s.request.output_path = dir_.filePath(out).toStdString();
    return s;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(cf::test::makeCutClip(clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model_), QString());
  }

  void hammerCancelAndRestart() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    constexpr int kRounds = 100;
    std::vector<int> ids;
    for (int i = 0; i < kRounds; ++i) {
      // Restart (a new job, a new token), then cancel it at once; every few rounds let the
      // jobs thread pick one up first, so cancels also land on jobs that are opening.
      const int id = queue.enqueue(spec(QStringLiteral("hammer_%1.mkv").arg(i)));
      if (i % 10 == 0)
        QTest::qWait(5);
      queue.cancel(id);
      ids.push_back(id);
    }
    const int last = queue.enqueue(spec(QStringLiteral("after.mkv")));  // runs to the end
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), kRounds + 1, 180000);
    for (int id : ids) {
      const JobStatus* j = queue.job(id);
      QVERIFY(j);
      QCOMPARE(j->state, JobStatus::State::Cancelled);
    }
    QCOMPARE(queue.job(last)->state, JobStatus::State::Done);
    QCOMPARE(queue.activeCount(), 0);
    const QStringList left =
        QDir(dir_.path()).entryList({QStringLiteral("hammer_*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    QVERIFY(QFileInfo::exists(dir_.filePath(QStringLiteral("after.mkv"))));
    // Jobs finish in the order they were queued.
    for (int k = 1; k < finished.size(); ++k)
      QVERIFY(finished[k].at(0).toInt() > finished[k - 1].at(0).toInt());
  }

  void cancelWhileRunningStopsIt() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    const int id = queue.enqueue(spec(QStringLiteral("running.mkv")));
    // Cancel as soon as the job reports that it runs (opening, scanning or exporting).
    connect(&queue, &JobQueue::jobChanged, this, [&](int changed) {
      if (changed == id && queue.job(id)->state == JobStatus::State::Running)
        queue.cancel(id);
    });
    QVERIFY(finished.wait(120000));
    QCOMPARE(queue.job(id)->state, JobStatus::State::Cancelled);
    QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("running.mkv"))));
  }
};

QTEST_MAIN(TestJobQueue)
#include "tst_job_queue.moc"
