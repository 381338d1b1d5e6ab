// Per-shot lambda (SmoothSettings::lambda_ranges): in a two-shot video, shot A at lambda 0 comes
// out exactly as it went in while shot B at a large lambda is smoothed, both through the flow path
// (VideoSmoother, primal-dual solver) and the identity-link path (Condat's exact solver).

#include <QtTest>

#include "SyntheticVideo.h"
#include "temporal/FlowCache.h"
#include "temporal/SceneCutDetector.h"
#include "temporal/TemporalSmoother.h"
#include "temporal/VideoSmoother.h"

using namespace cf::temporal;

namespace {

const cv::Size kSize(64, 48);
constexpr int kShotFrames = 16;

struct TwoShots {
  std::vector<cv::Mat> l;
  std::vector<cv::Mat> ab;  // with flicker
};

TwoShots twoShots() {
  const auto a = cf::test::movingObjectVideo(kShotFrames, kSize, 16, {4.f, 10.f}, {1.f, 0.5f},
                                             {-20.f, 30.f}, {40.f, 10.f}, 101);
  auto b = cf::test::movingObjectVideo(kShotFrames, kSize, 20, {40.f, 20.f}, {-1.f, 0.f},
                                       {25.f, -30.f}, {-5.f, -40.f}, 202);
  for (cv::Mat& l : b.l)  // a darker, differently lit scene
    l = l * 0.5;
  TwoShots v;
  v.l = a.l;
  v.l.insert(v.l.end(), b.l.begin(), b.l.end());
  std::vector<cv::Mat> ab = a.ab;
  ab.insert(ab.end(), b.ab.begin(), b.ab.end());
  v.ab = cf::test::addFlicker(ab, 8.f, 7);
  return v;
}

// Spread (standard deviation over frames) of the per-frame mean ab, channels summed: the flicker.
double flicker(const std::vector<cv::Mat>& ab, size_t first, size_t end) {
  double sum[2] = {0.0, 0.0};
  double sum2[2] = {0.0, 0.0};
  for (size_t n = first; n < end; ++n) {
    const cv::Scalar m = cv::mean(ab[n]);
    for (int c = 0; c < 2; ++c) {
      sum[c] += m[c];
      sum2[c] += m[c] * m[c];
    }
  }
  const double count = double(end - first);
  double spread = 0.0;
  for (int c = 0; c < 2; ++c)
    spread += std::sqrt(std::max(0.0, sum2[c] / count - (sum[c] / count) * (sum[c] / count)));
  return spread;
}

double maxAbsDiff(const cv::Mat& a, const cv::Mat& b) {
  return cv::norm(a, b, cv::NORM_INF);
}

SmoothSettings twoShotSettings() {
  SmoothSettings s;
  s.lambda = 1.0;  // the global value; both shots override it
  s.lambda_ranges = {{0, 0.0}, {kShotFrames, 60.0}};
  s.window_frames = 12;  // windows straddle the cut
  s.overlap_frames = 3;
  s.max_iterations = 200;
  return s;
}

}  // namespace

class TestShotLambda : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lambdaAtAndRebase() {
    SmoothSettings s;
    s.lambda = 2.0;
    s.lambda_ranges = {{10, 0.0}, {20, 7.0}, {30, 2.0}};
    QCOMPARE(s.lambdaAt(0), 2.0);
    QCOMPARE(s.lambdaAt(9), 2.0);
    QCOMPARE(s.lambdaAt(10), 0.0);
    QCOMPARE(s.lambdaAt(19), 0.0);
    QCOMPARE(s.lambdaAt(20), 7.0);
    QCOMPARE(s.lambdaAt(1000), 2.0);
    // A range export from source frame 25: the range in force there (7) starts at 0.
    s.lambda_ranges = rebaseLambdaRanges(s.lambda_ranges, 25);
    QCOMPARE(int(s.lambda_ranges.size()), 2);
    QCOMPARE(s.lambdaAt(0), 7.0);
    QCOMPARE(s.lambdaAt(4), 7.0);
    QCOMPARE(s.lambdaAt(5), 2.0);
  }

  void videoSmootherAppliesPerShotLambda() {
    const TwoShots v = twoShots();
    const auto n = int64_t(v.l.size());
    std::vector<CutFeatures> features;
    for (const cv::Mat& l : v.l)
      features.push_back(cutFeatures(l));
    const auto cuts = VideoSmoother::findCuts(features, SceneCutSettings());
    QCOMPARE(int(cuts.size()), 1);
    QCOMPARE(cuts[0].frame, int64_t(kShotFrames));

    TemporalSettings ts;
    ts.smooth = twoShotSettings();
    MemoryFlowCache cache;
    VideoSmoother smoother(ts, cache);
    auto source = [&](int64_t i) -> cf::Result<LabFrame> {
      return LabFrame{v.l[size_t(i)], v.ab[size_t(i)]};
    };
    std::vector<cv::Mat> out(v.l.size());
    auto sink = [&](int64_t i, const cv::Mat& ab) -> cf::Status {
      out[size_t(i)] = ab.clone();
      return {};
    };
    auto run = smoother.run(n, source, cuts, sink);
    QVERIFY2(run.ok(), run.ok() ? "" : run.message().c_str());

    // Shot A (lambda 0): untouched, bit for bit.
    for (int k = 0; k < kShotFrames; ++k)
      QVERIFY2(maxAbsDiff(out[size_t(k)], v.ab[size_t(k)]) == 0.0,
               qPrintable(QString("shot A frame %1 was changed").arg(k)));
    // Shot B (lambda 60): its flicker is mostly gone.
    const double before = flicker(v.ab, kShotFrames, v.ab.size());
    const double after = flicker(out, kShotFrames, out.size());
    QVERIFY2(after < 0.3 * before,
             qPrintable(QString("shot B flicker %1 -> %2").arg(before).arg(after)));

    // The same video at the global lambda 60 everywhere: shot B matches the per-shot run (the cut
    // decouples the shots), shot A is now smoothed too.
    TemporalSettings global = ts;
    global.smooth.lambda = 60.0;
    global.smooth.lambda_ranges.clear();
    VideoSmoother smoother2(global, cache);
    std::vector<cv::Mat> out_global(v.l.size());
    auto sink2 = [&](int64_t i, const cv::Mat& ab) -> cf::Status {
      out_global[size_t(i)] = ab.clone();
      return {};
    };
    QVERIFY(smoother2.run(n, source, cuts, sink2).ok());
    QVERIFY(flicker(out_global, 0, kShotFrames) < 0.3 * flicker(v.ab, 0, kShotFrames));
    for (size_t k = kShotFrames; k < out.size(); ++k) {
      const cv::Scalar a = cv::mean(out[k]);
      const cv::Scalar b = cv::mean(out_global[k]);
      QVERIFY2(std::abs(a[0] - b[0]) < 0.5 && std::abs(a[1] - b[1]) < 0.5,
               qPrintable(QString("shot B frame %1 differs from the global-lambda run").arg(k)));
    }
  }

  void exactSolverAppliesPerShotLambda() {
    // Identity links (a static-camera model) take Condat's exact path per run of linked frames.
    const TwoShots v = twoShots();
    std::vector<FrameLinkPtr> links(v.ab.size(), identityLink(kSize));
    links[0] = nullptr;
    links[kShotFrames] = nullptr;
    SmoothSettings s = twoShotSettings();
    std::vector<cv::Mat> out(v.ab.size());
    auto stats = smoothSequence(
        int64_t(v.ab.size()),
        [&](int64_t i) -> cf::Result<SmoothInput> {
          return SmoothInput{v.ab[size_t(i)], links[size_t(i)]};
        },
        [&](int64_t i, const cv::Mat& x) -> cf::Status {
          out[size_t(i)] = x.clone();
          return {};
        },
        s);
    QVERIFY(stats.ok());
    for (int k = 0; k < kShotFrames; ++k)
      QCOMPARE(maxAbsDiff(out[size_t(k)], v.ab[size_t(k)]), 0.0);
    QVERIFY(flicker(out, kShotFrames, out.size()) < 0.3 * flicker(v.ab, kShotFrames, v.ab.size()));
  }
};

QTEST_APPLESS_MAIN(TestShotLambda)
#include "tst_shot_lambda.moc"
