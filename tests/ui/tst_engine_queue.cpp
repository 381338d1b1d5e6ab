// EngineQueue: only the latest preview survives, thumbnails stay bounded, one wake-up at a time,
// and GUI-thread writers never wait for the engine.

#include <QtTest>
#include <thread>

#include "EngineQueue.h"

using cf::ui::EngineQueue;

class TestEngineQueue : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stalePreviewsAreDropped() {
    EngineQueue q;
    QVERIFY(!q.hasPreview());
    QVERIFY(!q.putPreview({10, 0.5}));
    QVERIFY(q.putPreview({11, 0.5}));
    QVERIFY(q.putPreview({12, 0.9}));
    QCOMPARE(q.droppedPreviews(), qint64(2));
    const auto taken = q.takePreview();
    QVERIFY(taken.has_value());
    QCOMPARE(taken->frame_index, int64_t(12));
    QCOMPARE(taken->lambda, 0.9);
    QVERIFY(!q.takePreview().has_value());
  }

  void thumbnailsAreBoundedAndDeduplicated() {
    EngineQueue q;
    QVector<qint64> frames;
    for (qint64 i = 0; i < qint64(EngineQueue::kMaxThumbnails) + 10; ++i)
      frames.append(i);
    const QVector<qint64> dropped = q.putThumbnails(frames, 40);
    QCOMPARE(dropped.size(), 10);
    QCOMPARE(dropped.first(), qint64(0));              // the oldest go first
    QVERIFY(q.putThumbnails({20, 21}, 40).isEmpty());  // already queued
    const auto batch = q.takeThumbnails(4);
    QCOMPARE(batch.size(), size_t(4));
    QCOMPARE(batch.front().first, qint64(10));
    QCOMPARE(batch.front().second, 40);
    size_t rest = q.takeThumbnails(1000).size();
    QCOMPARE(rest, EngineQueue::kMaxThumbnails - 4);
    QVERIFY(!q.hasThumbnails());
  }

  void oneWakeUpAtATime() {
    EngineQueue q;
    QVERIFY(q.claimWake());
    QVERIFY(!q.claimWake());
    QVERIFY(!q.claimWake());
    q.clearWake();
    QVERIFY(q.claimWake());
  }

  void concurrentProducerAndConsumerKeepTheLatest() {
    EngineQueue q;
    std::atomic<bool> done{false};
    std::vector<int64_t> seen;
    std::thread consumer([&] {
      while (!done.load() || q.hasPreview()) {
        if (auto r = q.takePreview())
          seen.push_back(r->frame_index);
      }
    });
    for (int64_t i = 0; i < 20000; ++i)
      q.putPreview({i, 0.5});
    done = true;
    consumer.join();
    QVERIFY(!seen.empty());
    QCOMPARE(seen.back(), int64_t(19999));  // the last request is never lost
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(q.droppedPreviews() + qint64(seen.size()), qint64(20000));
  }
};

QTEST_GUILESS_MAIN(TestEngineQueue)
#include "tst_engine_queue.moc"
