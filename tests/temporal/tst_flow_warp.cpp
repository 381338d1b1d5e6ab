// Optical flow, warping and occlusion handling on synthetic videos with known motion.

#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "SyntheticVideo.h"
#include "temporal/FlowCache.h"
#include "temporal/FrameLink.h"
#include "temporal/OcclusionMask.h"
#include "temporal/TemporalSmoother.h"

using namespace cf::temporal;
using cf::FlowMethod;

class TestFlowWarp : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void warpingReproducesNextFrameOnGlobalShift_data() {
    QTest::addColumn<int>("method");
    QTest::newRow("dis") << int(FlowMethod::Dis);
    QTest::newRow("farneback") << int(FlowMethod::Farneback);
    QTest::newRow("tvl1") << int(FlowMethod::TvL1);
  }
  void warpingReproducesNextFrameOnGlobalShift() {
    QFETCH(int, method);
    // Frame 1 is frame 0 moved by (+3, +2) px: cur(p) = prev(p - (3, 2)).
    const cv::Mat big = cf::test::randomTexture(cv::Size(96, 72), 5, 10.f, 90.f, 2.0);
    const cv::Rect roi0(10, 10, 64, 48);
    const cv::Rect roi1(7, 8, 64, 48);
    const cv::Mat prev = big(roi0).clone();
    const cv::Mat cur = big(roi1).clone();
    FlowSettings fs;
    fs.method = FlowMethod(method);
    fs.flow_height_px = 0;
    FlowEstimator est(fs);
    auto link = computeFrameLink(est, prev, cur, prev.size());
    QVERIFY2(link.ok(), link.ok() ? "" : link.message().c_str());
    const cv::Rect inner(8, 8, 64 - 16, 48 - 16);
    const cv::Scalar mean_flow = cv::mean(link.value()->flow_to_prev(inner));
    QVERIFY2(std::abs(mean_flow[0] + 3.0) < 0.3 && std::abs(mean_flow[1] + 2.0) < 0.3,
             qPrintable(QString("flow %1 %2").arg(mean_flow[0]).arg(mean_flow[1])));
    const cv::Mat warped = warpWithFlow(prev, link.value()->flow_to_prev);
    cv::Mat err;
    cv::absdiff(warped(inner), cur(inner), err);
    QVERIFY2(cv::mean(err)[0] < 1.0,
             qPrintable(QString("mean |warp - next| %1 L").arg(cv::mean(err)[0])));
    // Most of the interior is linked; the entering border is not.
    QVERIFY(cv::countNonZero(link.value()->mask(inner)) > int(inner.area() * 0.8));
    QVERIFY(cv::countNonZero(link.value()->mask(cv::Rect(0, 0, 2, 48))) < 2 * 48 / 2);
    // The analytic flow warps exactly.
    const cv::Mat exact_flow(prev.size(), CV_32FC2, cv::Scalar(-3.0, -2.0));
    cv::absdiff(warpWithFlow(prev, exact_flow)(inner), cur(inner), err);
    QVERIFY(cv::norm(err, cv::NORM_INF) < 1e-3);
  }

  void occludedRegionIsNotDraggedAlong() {
    // A red object moves right over a green background; behind it, background is disoccluded.
    const int frames = 24;
    const cv::Vec2f bg_ab(-30.f, 30.f);
    const cv::Vec2f obj_ab(50.f, 20.f);
    const auto video = cf::test::movingObjectVideo(frames, cv::Size(64, 48), 14, {4.f, 17.f},
                                                   {1.5f, 0.f}, bg_ab, obj_ab, 21);
    const auto links = cf::test::computeLinks(video.l);
    SmoothSettings s;
    s.lambda = 40.0;  // strong: anything linked is pulled together
    s.max_iterations = 300;
    ShotSmoother smoother;
    QVERIFY(smoother.setShot(video.ab, links).ok());
    QVERIFY(smoother.smooth(s).ok());
    // Links that ignore occlusion (same flows, full masks) drag the object's colour along.
    std::vector<FrameLinkPtr> blind(links.size());
    for (size_t n = 1; n < links.size(); ++n) {
      auto b = std::make_shared<FrameLink>(*links[n]);
      b->mask = cv::Mat(b->mask.size(), CV_8UC1, cv::Scalar(1));
      blind[n] = b;
    }
    ShotSmoother blind_smoother;
    QVERIFY(blind_smoother.setShot(video.ab, blind).ok());
    QVERIFY(blind_smoother.smooth(s).ok());
    // Disoccluded background: background now, covered by the object 4 frames ago.
    double err_masked = 0.0;
    double err_blind = 0.0;
    int count = 0;
    for (int t = 8; t < frames; ++t) {
      cv::Mat disoccluded;
      cv::bitwise_and(video.object_mask[size_t(t - 4)], ~video.object_mask[size_t(t)], disoccluded);
      if (cv::countNonZero(disoccluded) == 0)
        continue;
      err_masked += cv::norm(cf::test::meanAb(smoother.frame(size_t(t)), disoccluded) - bg_ab);
      err_blind += cv::norm(cf::test::meanAb(blind_smoother.frame(size_t(t)), disoccluded) - bg_ab);
      ++count;
    }
    QVERIFY(count > 10);
    err_masked /= count;
    err_blind /= count;
    QVERIFY2(err_masked < 3.0,
             qPrintable(QString("masked: %1 ab from background").arg(err_masked)));
    QVERIFY2(err_blind > 2.0 * err_masked,
             qPrintable(QString("blind %1 vs masked %2").arg(err_blind).arg(err_masked)));
  }

  void flowCacheServesLambdaChanges() {
    const auto video = cf::test::movingObjectVideo(6, cv::Size(48, 32), 10, {4.f, 10.f}, {1.f, 0.f},
                                                   {0.f, 0.f}, {20.f, 20.f}, 3);
    MemoryFlowCache cache;
    FrameLinker linker(FlowSettings{}, cache);
    std::vector<FrameLinkPtr> first;
    for (int pass = 0; pass < 2; ++pass) {  // second pass = re-smoothing at another lambda
      for (size_t n = 1; n < video.l.size(); ++n) {
        auto link = linker.link(FramePair{int64_t(n - 1), int64_t(n)}, video.l[n - 1], video.l[n],
                                video.l[n].size());
        QVERIFY(link.ok());
        if (pass == 0)
          first.push_back(link.value());
        else
          QCOMPARE(link.value().get(), first[n - 1].get());
      }
    }
    QCOMPARE(linker.computedCount(), int64_t(video.l.size() - 1));
    QCOMPARE(cache.size(), video.l.size() - 1);
  }

  void oneFlowPairServesTwoSizesAndBothDirections() {
    // Keyframe propagation (working resolution) and the export's smoothing (a quarter of it) read
    // links of the same frame pair: one pair of flows gives both, equal to computing each alone,
    // and the reversed pair's link for a backward sweep.
    const auto video = cf::test::movingObjectVideo(3, cv::Size(96, 64), 12, {20.f, 30.f},
                                                   {2.f, 1.f}, {0.f, 0.f}, {20.f, 20.f}, 7);
    FlowSettings fs;
    fs.flow_height_px = 32;
    FlowEstimator estimator(fs);
    const cv::Size big(96, 64), small(48, 32);
    std::vector<FrameLinkPtr> reverse;
    auto both = computeFrameLinks(estimator, video.l[0], video.l[1], {big, small}, &reverse);
    QVERIFY(both.ok());
    QCOMPARE(both->size(), size_t(2));
    QCOMPARE(reverse.size(), size_t(2));
    auto equal = [](const FrameLink& a, const FrameLink& b) {
      return a.flow_to_prev.size() == b.flow_to_prev.size() &&
             cv::norm(a.flow_to_prev, b.flow_to_prev, cv::NORM_INF) == 0.0 &&
             cv::norm(a.mask, b.mask, cv::NORM_INF) == 0.0;
    };
    for (size_t i = 0; i < 2; ++i) {
      const cv::Size size = i == 0 ? big : small;
      auto alone = computeFrameLink(estimator, video.l[0], video.l[1], size);
      auto reversed = computeFrameLink(estimator, video.l[1], video.l[0], size);
      QVERIFY(alone.ok() && reversed.ok());
      QVERIFY(equal(*(*both)[i], **alone));
      QVERIFY(equal(*reverse[i], **reversed));
    }
    // Through FrameLinker: the second size lands in the other cache, the reverse in its own, and
    // asking for them computes nothing more.
    MemoryFlowCache work, smoothing;
    FrameLinker linker(fs, work);
    QVERIFY(linker.link({0, 1}, video.l[0], video.l[1], big, smoothing, small).ok());
    QCOMPARE(linker.computedCount(), int64_t(1));
    QVERIFY(smoothing.find({0, 1}) && smoothing.find({0, 1})->flow_to_prev.size() == small);
    QVERIFY(linker.link({1, 0}, video.l[1], video.l[0], big).ok());
    QCOMPARE(linker.computedCount(), int64_t(1));
    QVERIFY(equal(*smoothing.find({0, 1}), *quantizeLink(*(*both)[1])));
    // Without the reverse (no sweep will go that way): the same link and the same link for the
    // other cache, and the reversed pair is not stored.
    MemoryFlowCache work2, smoothing2;
    FrameLinker forward_only(fs, work2);
    auto one = forward_only.link({0, 1}, video.l[0], video.l[1], big, smoothing2, small, false);
    QVERIFY(one.ok());
    QVERIFY(equal(**one, *work.find({0, 1})));
    QVERIFY(smoothing2.find({0, 1}) && equal(*smoothing2.find({0, 1}), *smoothing.find({0, 1})));
    QVERIFY(!work2.find({1, 0}));
    QCOMPARE(forward_only.computedCount(), int64_t(1));
  }
};

QTEST_APPLESS_MAIN(TestFlowWarp)
#include "tst_flow_warp.moc"
