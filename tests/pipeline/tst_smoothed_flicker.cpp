// The flicker signal is measured on the result the export writes (the ab smoothed at the shot's
// lambda), so raising lambda until the flicker is gone clears the flicker flag (issue #16, bug 3).

#include <QtTest>

#include "analysis/FailureFlagger.h"
#include "analysis/FrameSignals.h"
#include "pipeline/SmoothedFlicker.h"
#include "temporal/FrameLink.h"

using namespace cf;

namespace {

constexpr int kFrames = 24;
const cv::Size kSize(32, 24);

// A static grey scene whose colour jumps by +-6 ab units every frame (the network's flicker).
cv::Mat flickeringAb(int n) {
  const float jump = n % 2 ? 6.f : -6.f;
  return cv::Mat(kSize, CV_32FC2, cv::Scalar(20.f + jump, 25.f));
}

// The raw metrics of the sequence (flicker measured on the network output), one shot.
std::vector<analysis::FrameMetrics> rawMetrics() {
  std::vector<analysis::FrameMetrics> metrics;
  const cv::Mat l(kSize, CV_32FC1, cv::Scalar(55.f));
  for (int n = 0; n < kFrames; ++n) {
    analysis::FrameSignalInputs in;
    in.frame_index = n;
    in.l = l;
    in.ab = flickeringAb(n);
    if (n > 0) {
      in.warped_prev_l = l;
      in.warped_prev_ab = flickeringAb(n - 1);
    }
    metrics.push_back(analysis::computeFrameMetrics(in));
  }
  return metrics;
}

// The metrics with the flicker measured on the sequence smoothed at `lambda`.
std::vector<analysis::FrameMetrics> smoothedMetrics(double lambda) {
  std::vector<analysis::FrameMetrics> metrics = rawMetrics();
  temporal::SmoothSettings settings;
  settings.lambda = lambda;
  auto source = [](int64_t n) -> Result<temporal::SmoothInput> {
    return temporal::SmoothInput{flickeringAb(int(n)),
                                 n > 0 ? temporal::identityLink(kSize) : nullptr};
  };
  auto measured = pipeline::smoothedFlickerAb(kFrames, source, settings);
  if (!measured)
    qFatal("%s", measured.message().c_str());
  for (size_t n = 0; n < metrics.size(); ++n) {
    if ((*measured)[n] >= 0.0) {
      metrics[n].flicker_ab = (*measured)[n];
      metrics[n].flicker = analysis::flickerRatio((*measured)[n], metrics[n].flicker_luma);
    }
  }
  return metrics;
}

int flickerFlags(const std::vector<analysis::FrameMetrics>& metrics) {
  int count = 0;
  for (const auto& report : analysis::flagFrames(metrics, analysis::FailureThresholds{}))
    for (const auto& flag : report.flags)
      count += flag.kind == analysis::FlagKind::Flicker ? 1 : 0;
  return count;
}

double meanFlicker(const std::vector<analysis::FrameMetrics>& metrics) {
  double sum = 0.0;
  for (const auto& m : metrics)
    sum += m.flicker;
  return sum / double(metrics.size());
}

}  // namespace

class TestSmoothedFlicker : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lambdaZeroMeasuresTheRawOutput() {
    const auto raw = rawMetrics();
    const auto at_zero = smoothedMetrics(0.0);
    QVERIFY(std::abs(raw[5].flicker_ab - 144.0) < 1e-3);  // (2 x 6)^2
    for (size_t n = 1; n < raw.size(); ++n)
      QVERIFY(std::abs(raw[n].flicker_ab - at_zero[n].flicker_ab) < 1e-3);
    QCOMPARE(flickerFlags(at_zero), kFrames - 1);
  }

  void raisingLambdaClearsTheFlickerFlag() {
    double previous = meanFlicker(smoothedMetrics(0.0));
    double cleared_at = -1.0;
    for (double lambda : {0.5, 1.0, 2.0, 4.0, 8.0, 16.0}) {
      const auto metrics = smoothedMetrics(lambda);
      const double mean = meanFlicker(metrics);
      QVERIFY2(mean <= previous + 1e-6, qPrintable(QString::number(lambda)));
      previous = mean;
      if (flickerFlags(metrics) == 0 && cleared_at < 0.0)
        cleared_at = lambda;
      if (cleared_at >= 0.0)  // once gone it stays gone
        QCOMPARE(flickerFlags(metrics), 0);
    }
    QVERIFY(cleared_at > 0.5);   // a weak lambda leaves the flicker flagged...
    QVERIFY(cleared_at <= 8.0);  // ...a strong one removes the +-6 jumps and the flag
    QVERIFY(flickerFlags(smoothedMetrics(0.5)) > 0);
  }

  void framesAfterACutHaveNoPrevious() {
    auto source = [](int64_t n) -> Result<temporal::SmoothInput> {
      const bool linked = n > 0 && n != 5;  // a cut before frame 5
      return temporal::SmoothInput{flickeringAb(int(n)),
                                   linked ? temporal::identityLink(kSize) : nullptr};
    };
    temporal::SmoothSettings settings;
    settings.lambda = 1.0;
    auto measured = pipeline::smoothedFlickerAb(10, source, settings);
    QVERIFY(measured.ok());
    QCOMPARE(measured->size(), size_t(10));
    QCOMPARE((*measured)[0], -1.0);
    QCOMPARE((*measured)[5], -1.0);
    QVERIFY((*measured)[6] >= 0.0);
  }
};

QTEST_GUILESS_MAIN(TestSmoothedFlicker)
#include "tst_smoothed_flicker.moc"
