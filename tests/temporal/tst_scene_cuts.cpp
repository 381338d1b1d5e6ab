// Scene cuts: a hard cut in a concatenated clip is found and smoothing does not leak colour across
// it; fades and dissolves are not cuts.

#include <QtTest>

#include "SyntheticVideo.h"
#include "temporal/SceneCutDetector.h"
#include "temporal/TemporalSmoother.h"
#include "temporal/VideoSmoother.h"

using namespace cf::temporal;

namespace {

const cv::Size kSize(64, 48);

cf::test::SyntheticVideo clipA(int frames) {
  return cf::test::movingObjectVideo(frames, kSize, 16, {4.f, 10.f}, {1.f, 0.5f}, {-20.f, 30.f},
                                     {40.f, 10.f}, 101);
}

cf::test::SyntheticVideo clipB(int frames) {
  auto v = cf::test::movingObjectVideo(frames, kSize, 20, {40.f, 20.f}, {-1.f, 0.f}, {25.f, -30.f},
                                       {-5.f, -40.f}, 202);
  for (cv::Mat& l : v.l)  // a darker, differently lit scene
    l = l * 0.5;
  return v;
}

std::vector<CutFeatures> features(const std::vector<cv::Mat>& l) {
  std::vector<CutFeatures> f;
  for (const cv::Mat& m : l)
    f.push_back(cutFeatures(m));
  return f;
}

}  // namespace

class TestSceneCuts : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cutIsFoundAndNothingLeaksAcrossIt() {
    const auto a = clipA(20);
    const auto b = clipB(20);
    std::vector<cv::Mat> l = a.l;
    std::vector<cv::Mat> ab = a.ab;
    l.insert(l.end(), b.l.begin(), b.l.end());
    ab.insert(ab.end(), b.ab.begin(), b.ab.end());
    const auto cuts = detectSceneCuts(features(l));
    QCOMPARE(int(cuts.size()), 1);
    QCOMPARE(cuts[0].frame, int64_t(20));
    const auto shots = shotsFromCuts(cuts, int64_t(l.size()));
    QCOMPARE(int(shots.size()), 2);
    QCOMPARE(shots[1].first_frame, int64_t(20));

    // Full links everywhere (a static-camera model: zero flow, nothing masked, so flow masks cannot
    // hide a leak), broken only at the detected cuts; strong smoothing through the streaming path.
    std::vector<FrameLinkPtr> links(l.size(), identityLink(kSize));
    links[0] = nullptr;
    for (const SceneCut& c : cuts)
      links[size_t(c.frame)] = nullptr;
    SmoothSettings s;
    s.lambda = 200.0;
    s.window_frames = 16;
    s.overlap_frames = 4;
    s.max_iterations = 200;
    std::vector<cv::Mat> out(l.size());
    auto stats = smoothSequence(
        int64_t(l.size()),
        [&](int64_t i) -> cf::Result<SmoothInput> {
          return SmoothInput{ab[size_t(i)], links[size_t(i)]};
        },
        [&](int64_t i, const cv::Mat& x) -> cf::Status {
          out[size_t(i)] = x.clone();
          return {};
        },
        s);
    QVERIFY(stats.ok());
    // Each frame of either shot keeps its own overall colour, including the frames next to the cut.
    for (size_t n = 0; n < l.size(); ++n) {
      const cv::Scalar truth = cv::mean(ab[n]);
      const cv::Scalar got = cv::mean(out[n]);
      QVERIFY2(std::abs(truth[0] - got[0]) < 1.0 && std::abs(truth[1] - got[1]) < 1.0,
               qPrintable(QString("frame %1: mean ab (%2, %3) vs (%4, %5)")
                              .arg(n)
                              .arg(got[0])
                              .arg(got[1])
                              .arg(truth[0])
                              .arg(truth[1])));
    }
  }

  void fadeAndDissolveAreNotCuts() {
    const auto a = clipA(30);
    const auto b = clipB(30);
    // Fade out over 12 frames to black, then fade in to B over 12 frames.
    std::vector<cv::Mat> fade;
    for (int t = 0; t < 10; ++t)
      fade.push_back(a.l[size_t(t)]);
    for (int t = 0; t < 12; ++t)
      fade.push_back(a.l[size_t(10 + t)] * (1.0 - (t + 1) / 12.0));
    for (int t = 0; t < 12; ++t)
      fade.push_back(b.l[size_t(t)] * ((t + 1) / 12.0));
    for (int t = 12; t < 20; ++t)
      fade.push_back(b.l[size_t(t)]);
    QCOMPARE(int(detectSceneCuts(features(fade)).size()), 0);

    // Cross-dissolve from A to B over 12 frames.
    std::vector<cv::Mat> dissolve;
    for (int t = 0; t < 10; ++t)
      dissolve.push_back(a.l[size_t(t)]);
    for (int t = 0; t < 12; ++t) {
      const double w = (t + 1) / 13.0;
      dissolve.push_back(a.l[size_t(10 + t)] * (1.0 - w) + b.l[size_t(t)] * w);
    }
    for (int t = 12; t < 22; ++t)
      dissolve.push_back(b.l[size_t(t)]);
    QCOMPARE(int(detectSceneCuts(features(dissolve)).size()), 0);

    // The same two clips joined without transition: exactly one cut.
    std::vector<cv::Mat> hard(a.l.begin(), a.l.begin() + 10);
    hard.insert(hard.end(), b.l.begin(), b.l.begin() + 10);
    const auto cuts = detectSceneCuts(features(hard));
    QCOMPARE(int(cuts.size()), 1);
    QCOMPARE(cuts[0].frame, int64_t(10));
  }
};

QTEST_APPLESS_MAIN(TestSceneCuts)
#include "tst_scene_cuts.moc"
