// Temporal TV solver: exactness against Condat's 1-D algorithm, lambda behaviour, the sliding
// window's bounded memory, and cancellation.

#include <QtTest>
#include <opencv2/core.hpp>

#include "SyntheticVideo.h"
#include "temporal/TemporalSmoother.h"
#include "temporal/TvDenoise1D.h"

using namespace cf::temporal;

namespace {

std::vector<cv::Mat> randomFrames(int frames, cv::Size size, int channels, uint64_t seed) {
  cv::RNG rng(seed);
  std::vector<cv::Mat> out;
  cv::Mat level(size, CV_32FC(channels));
  rng.fill(level, cv::RNG::UNIFORM, -20.0, 20.0);
  for (int t = 0; t < frames; ++t) {
    if (rng.uniform(0.0, 1.0) < 0.1)  // occasional steps, so the TV solution has jumps
      rng.fill(level, cv::RNG::UNIFORM, -20.0, 20.0);
    cv::Mat noise(size, CV_32FC(channels));
    rng.fill(noise, cv::RNG::NORMAL, 0.0, 4.0);
    out.push_back(level + noise);
  }
  return out;
}

std::vector<cv::Mat> smoothAll(const std::vector<cv::Mat>& ab,
                               const std::vector<FrameLinkPtr>& links, const SmoothSettings& s) {
  ShotSmoother smoother;
  if (!smoother.setShot(ab, links).ok())
    return {};
  auto stats = smoother.smooth(s);
  if (!stats)
    return {};
  std::vector<cv::Mat> out;
  for (size_t n = 0; n < smoother.size(); ++n)
    out.push_back(smoother.frame(n).clone());
  return out;
}

}  // namespace

class TestTvSolver : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void iterativeSolverMatchesCondatOnZeroFlow() {
    const cv::Size size(6, 4);
    const int frames = 50;
    for (const double lambda : {0.5, 3.0, 12.0}) {
      const auto y = randomFrames(frames, size, 1, uint64_t(lambda * 100));
      std::vector<FrameLinkPtr> links(static_cast<size_t>(frames), identityLink(size));
      links[0] = nullptr;
      SmoothSettings s;
      s.lambda = lambda;
      s.exact_1d_when_possible = false;  // force the primal-dual solver
      s.max_iterations = 3000;
      s.tolerance = 1e-6;  // below float resolution: runs all iterations
      const auto x = smoothAll(y, links, s);
      QCOMPARE(int(x.size()), frames);
      double max_err = 0.0;
      std::vector<float> signal(static_cast<size_t>(frames));
      std::vector<float> exact(static_cast<size_t>(frames));
      for (int i = 0; i < size.area(); ++i) {
        for (int t = 0; t < frames; ++t)
          signal[size_t(t)] = y[size_t(t)].ptr<float>()[i];
        tvDenoise1D(signal.data(), exact.data(), frames, lambda);
        for (int t = 0; t < frames; ++t)
          max_err =
              std::max(max_err, double(std::abs(x[size_t(t)].ptr<float>()[i] - exact[size_t(t)])));
      }
      QVERIFY2(max_err < 1e-4,
               qPrintable(QString("lambda %1: max error %2").arg(lambda).arg(max_err)));
      // The exact path gives the same answer.
      s.exact_1d_when_possible = true;
      const auto x_exact = smoothAll(y, links, s);
      QVERIFY(cv::norm(x_exact[size_t(frames / 2)], x[size_t(frames / 2)], cv::NORM_INF) < 1e-4);
    }
  }

  void lambdaZeroIsIdentityAndLargeLambdaIsConstantPerTrajectory() {
    const auto video = cf::test::movingObjectVideo(16, cv::Size(64, 48), 16, {8.f, 14.f},
                                                   {1.5f, 0.5f}, {-10.f, 20.f}, {35.f, 10.f}, 7);
    const auto y = cf::test::addFlicker(video.ab, 8.f, 11);
    const auto links = cf::test::computeLinks(video.l);
    SmoothSettings s;
    s.lambda = 0.0;
    auto x = smoothAll(y, links, s);
    QCOMPARE(int(x.size()), 16);
    for (size_t n = 0; n < x.size(); ++n)
      QCOMPARE(cv::norm(x[n], y[n], cv::NORM_INF), 0.0);

    s.lambda = 300.0;
    s.max_iterations = 400;
    s.tolerance = 1e-3;
    x = smoothAll(y, links, s);
    double worst = 0.0;
    for (size_t n = 1; n < x.size(); ++n) {
      std::vector<float> warped(x[n].total() * 2);
      const auto compiled = compileLink(*links[n]);
      gatherLink(*compiled, x[n - 1].ptr<float>(), warped.data(), 2);
      const cv::Mat w(x[n].size(), CV_32FC2, warped.data());
      cv::Mat diff;
      cv::absdiff(x[n], w, diff);
      const cv::Scalar m = cv::mean(diff, links[n]->mask);
      worst = std::max(worst, std::max(m[0], m[1]));
    }
    QVERIFY2(worst < 0.05, qPrintable(QString("mean change along trajectories %1").arg(worst)));
    // With zero flow the constant is the temporal mean.
    const auto z = randomFrames(20, cv::Size(5, 3), 2, 5);
    std::vector<FrameLinkPtr> id(20, identityLink(cv::Size(5, 3)));
    id[0] = nullptr;
    s.exact_1d_when_possible = false;
    s.max_iterations = 5000;
    s.tolerance = 1e-4;
    const auto xz = smoothAll(z, id, s);
    cv::Mat mean = cv::Mat::zeros(cv::Size(5, 3), CV_32FC2);
    for (const cv::Mat& f : z)
      mean += f / 20.0;
    for (const cv::Mat& f : xz)
      QVERIFY(cv::norm(f, mean, cv::NORM_INF) < 1e-2);
  }

  void twoThousandFramesInBoundedMemory() {
    const int frames = 2000;
    const cv::Size size(8, 6);
    const auto y = randomFrames(frames, size, 2, 3);
    // A small constant shift so the iterative solver (not the exact path) runs.
    auto link = std::make_shared<FrameLink>();
    link->flow_to_prev = cv::Mat(size, CV_32FC2, cv::Scalar(-0.25, 0.0));
    link->mask = cv::Mat(size, CV_8UC1, cv::Scalar(1));
    SmoothSettings s;
    s.lambda = 2.0;
    s.window_frames = 40;
    s.overlap_frames = 10;
    s.max_iterations = 300;
    s.tolerance = 1e-3;
    int64_t next_expected_read = 0;
    int64_t next_expected_write = 0;
    int64_t outstanding = 0;  // read but not yet written
    int64_t max_outstanding = 0;
    bool in_order = true;
    std::vector<cv::Mat> streamed(static_cast<size_t>(frames));
    auto source = [&](int64_t i) -> cf::Result<SmoothInput> {
      in_order = in_order && i == next_expected_read;
      ++next_expected_read;
      ++outstanding;
      max_outstanding = std::max(max_outstanding, outstanding);
      return SmoothInput{y[size_t(i)], i == 0 ? nullptr : FrameLinkPtr(link)};
    };
    auto sink = [&](int64_t i, const cv::Mat& ab) -> cf::Status {
      in_order = in_order && i == next_expected_write;
      ++next_expected_write;
      --outstanding;
      streamed[size_t(i)] = ab.clone();
      return {};
    };
    auto stats = smoothSequence(frames, source, sink, s);
    QVERIFY2(stats.ok(), stats.ok() ? "" : stats.message().c_str());
    QVERIFY(in_order);
    QCOMPARE(next_expected_read, int64_t(frames));
    QCOMPARE(next_expected_write, int64_t(frames));
    QCOMPARE(stats->frames, int64_t(frames));
    QVERIFY(max_outstanding <= s.window_frames);
    QVERIFY(stats->max_frames_held <= s.window_frames + 1);
    QVERIFY(stats->windows >= (frames - s.window_frames) / (s.window_frames - s.overlap_frames));

    // The windowed solution stays close to the solution of the whole shot at once.
    std::vector<FrameLinkPtr> links(static_cast<size_t>(frames), link);
    links[0] = nullptr;
    s.max_iterations = 2000;
    const auto whole = smoothAll(y, links, s);
    double err = 0.0;
    for (int i = 0; i < frames; ++i)
      err += cv::norm(streamed[size_t(i)], whole[size_t(i)], cv::NORM_L1) / double(size.area() * 2);
    err /= frames;
    QVERIFY2(err < 0.1, qPrintable(QString("mean |windowed - whole| = %1 ab").arg(err)));
  }

  void cancelledHalfway() {
    const int frames = 400;
    const cv::Size size(8, 6);
    const auto y = randomFrames(frames, size, 2, 9);
    cf::CancelToken cancel;
    int64_t written = 0;
    int64_t read = 0;
    auto source = [&](int64_t i) -> cf::Result<SmoothInput> {
      ++read;
      return SmoothInput{y[size_t(i)], i == 0 ? nullptr : identityLink(size)};
    };
    auto sink = [&](int64_t i, const cv::Mat&) -> cf::Status {
      ++written;
      if (i == frames / 2)
        cancel.cancel();
      return {};
    };
    SmoothSettings s;
    s.window_frames = 30;
    s.overlap_frames = 5;
    auto stats = smoothSequence(frames, source, sink, s, cancel);
    QVERIFY(!stats.ok());
    QVERIFY(stats.message().find("cancelled") != std::string::npos);
    QVERIFY(written > frames / 2 && written < frames);
    QVERIFY(read < frames);
  }
};

QTEST_APPLESS_MAIN(TestTvSolver)
#include "tst_tv_solver.moc"
