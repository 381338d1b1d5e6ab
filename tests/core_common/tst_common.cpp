// Tests of core/common: Result, CancelToken, Eta, the error boundary and the bounded queue.

#include <c10/util/Exception.h>

#include <QtTest>
#include <opencv2/core.hpp>
#include <stdexcept>
#include <thread>

#include "common/BoundedQueue.h"
#include "common/CancelToken.h"
#include "common/ErrorBoundary.h"
#include "common/Eta.h"
#include "common/Result.h"

class TestCommon : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void boundedQueueKeepsOrderAndBound() {
    cf::BoundedQueue<int> q(3);
    std::vector<int> got;
    std::thread consumer([&] {
      int v = 0;
      while (q.pop(v)) {
        got.push_back(v);
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow consumer
      }
    });
    for (int i = 0; i < 100; ++i)
      QVERIFY(q.push(i));
    q.close();
    consumer.join();
    QCOMPARE(int(got.size()), 100);
    for (int i = 0; i < 100; ++i)
      QCOMPARE(got[size_t(i)], i);
    QVERIFY(q.highWater() <= 3);  // the producer never ran further ahead than the capacity
    QVERIFY(q.highWater() >= 1);
    QVERIFY(!q.push(7));  // closed
  }

  void boundedQueueAbortWakesBlockedStages() {
    cf::BoundedQueue<int> full(1), empty(1);
    QVERIFY(full.push(1));
    bool push_result = true, pop_result = true;
    std::thread producer([&] { push_result = full.push(2); });  // blocks: the queue is full
    std::thread consumer([&] {
      int v = 0;
      pop_result = empty.pop(v);  // blocks: nothing to pop
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    full.abort();
    empty.abort();
    producer.join();
    consumer.join();
    QVERIFY(!push_result);
    QVERIFY(!pop_result);
    int v = 0;
    QVERIFY(!full.pop(v));  // aborted: what was queued is dropped
  }

  void resultHoldsValueOrError() {
    cf::Result<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 42);
    cf::Result<int> bad(cf::makeError("x failed"));
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.message()), QStringLiteral("x failed"));
    cf::Status status;
    QVERIFY(status.ok());
  }

  void cancelTokenIsSharedAcrossCopiesAndThreads() {
    cf::CancelToken token;
    cf::CancelToken copy = token;
    QVERIFY(!copy.isCancelled());
    std::thread t([token] { token.cancel(); });
    t.join();
    QVERIFY(copy.isCancelled());
  }

  void etaRestartsForTheNextStage() {
    using namespace std::chrono;
    cf::Eta eta;
    const auto t0 = cf::Eta::Clock::now();
    eta.update(0, 100, t0);
    eta.update(100, 100, t0 + seconds(1));  // a fast scan: 100/s
    QVERIFY(eta.secondsLeft().has_value());
    QCOMPARE(*eta.secondsLeft(), 0.0);
    // The export starts: 1 of 40 done, slower. The scan's rate and count must not leak in.
    eta.update(1, 40, t0 + seconds(2));
    QVERIFY(!eta.secondsLeft().has_value());  // no rate for this stage yet
    eta.update(3, 40, t0 + seconds(4));       // 1 frame/s
    QVERIFY(eta.secondsLeft().has_value());
    QVERIFY2(std::abs(*eta.secondsLeft() - 37.0) < 1e-6,
             qPrintable(QString::number(*eta.secondsLeft())));
  }

  void etaConvergesAfterASlowBurstyStart() {
    // Issue #16, bug 7: an export that warms up for 4 s (model, first batch) and then writes
    // frames in bursts of a batch of 8, 10 frames/s on average. The old estimate took one burst
    // for the rate and said "0:07" with 40 s left. The estimate must never be far too optimistic,
    // and must converge on the truth.
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    const auto t0 = cf::Eta::Clock::now();
    auto at = [&](double s) {
      return t0 + duration_cast<cf::Eta::Clock::duration>(std::chrono::duration<double>(s));
    };
    cf::Eta eta;
    eta.update(400, 400, at(0.0));  // the scan stage ended here
    const int64_t total = 400;
    const double warm_up_s = 4.0, batch_s = 0.8;
    double worst_ratio = 1e9, last_ratio = 0.0;
    int estimates = 0;
    for (int64_t batch = 0; batch < total / 8; ++batch) {
      const double burst = warm_up_s + batch_s * double(batch);
      for (int64_t k = 1; k <= 8; ++k) {
        const int64_t done = batch * 8 + k;
        const double now = burst + 0.002 * double(k);
        eta.update(done, total, at(now));
        const auto left = eta.secondsLeft();
        if (!left || done == total)
          continue;
        // From here the rest comes at 10 frames/s (the next burst's timing included).
        const double truth = double(total - done) / 10.0;
        const double ratio = *left / truth;
        worst_ratio = std::min(worst_ratio, ratio);
        last_ratio = ratio;
        ++estimates;
        if (now > warm_up_s + 10.0)  // after 10 s of output it is within 20 % of the truth
          QVERIFY2(
              std::abs(ratio - 1.0) < 0.2,
              qPrintable(
                  QStringLiteral("at %1 s: %2 s left, truth %3 s").arg(now).arg(*left).arg(truth)));
      }
    }
    QVERIFY(estimates > 300);
    QVERIFY2(worst_ratio > 0.8, qPrintable(QString::number(worst_ratio)));  // never far too soon
    QVERIFY2(std::abs(last_ratio - 1.0) < 0.2, qPrintable(QString::number(last_ratio)));
    // A stage announced with newStage() counts its warm-up too.
    cf::Eta job;
    job.newStage(at(0.0));
    job.update(8, 400, at(4.0));
    job.update(16, 400, at(4.8));
    QVERIFY(job.secondsLeft().has_value());
    QVERIFY2(*job.secondsLeft() > 384.0 / 10.0, qPrintable(QString::number(*job.secondsLeft())));
  }

  void etaFromSteadyRate() {
    cf::Eta eta(1.0);
    const auto t0 = cf::Eta::Clock::now();
    eta.update(0, 100, t0);
    QVERIFY(!eta.secondsLeft().has_value());
    eta.update(10, 100, t0 + std::chrono::seconds(1));
    QVERIFY(eta.secondsLeft().has_value());
    QCOMPARE(*eta.secondsLeft(), 9.0);
    QCOMPARE(QString::fromStdString(cf::Eta::format(3725)), QStringLiteral("1:02:05"));
    QCOMPARE(QString::fromStdString(cf::Eta::format(9)), QStringLiteral("0:09"));
  }

  void boundaryConvertsLibraryExceptions() {
    auto torchFail = cf::guarded("loading model m.pt", []() -> cf::Status {
      TORCH_CHECK(false, "shape mismatch for conv1");
      return {};
    });
    QVERIFY(!torchFail.ok());
    QVERIFY(torchFail.message().find("loading model m.pt: shape mismatch for conv1") == 0);
    QVERIFY(torchFail.message().find('\n') == std::string::npos);

    auto cvFail = cf::guarded("resizing frame 3", []() -> cf::Result<int> {
      cv::Mat a(2, 2, CV_8U), b(3, 3, CV_8U);
      cv::Mat c = a + b;  // size mismatch throws cv::Exception
      return c.rows;
    });
    QVERIFY(!cvFail.ok());
    QVERIFY(cvFail.message().find("resizing frame 3: OpenCV error") == 0);

    auto stdFail = cf::guarded("", []() -> cf::Status { throw std::runtime_error("boom"); });
    QCOMPARE(QString::fromStdString(stdFail.message()), QStringLiteral("boom"));
  }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
