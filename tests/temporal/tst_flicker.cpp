// Flicker removal on a translating textured object with random per-frame ab flicker, measured by
// the warping error, and the flicker metrics themselves.

#include <QtTest>

#include "SyntheticVideo.h"
#include "color/LabConversion.h"
#include "temporal/FlickerMeter.h"
#include "temporal/TemporalSmoother.h"

using namespace cf::temporal;

namespace {

FlickerReport measure(const std::vector<cv::Mat>& l, const std::vector<cv::Mat>& ab) {
  FlowSettings fs;
  fs.flow_height_px = 0;
  FlickerMeter meter(fs);
  for (size_t n = 0; n < l.size(); ++n) {
    const cv::Mat rgb = cf::color::labToRgb(cf::color::mergeLab(l[n], ab[n]));
    if (!meter.addFrame(rgb, l[n]).ok())
      return {};
  }
  return meter.report();
}

}  // namespace

class TestFlicker : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void flickerIsRemovedAndColourKept() {
    const int frames = 40;
    const auto video = cf::test::movingObjectVideo(frames, cv::Size(64, 48), 18, {6.f, 12.f},
                                                   {1.f, 0.5f}, {-12.f, 25.f}, {30.f, 15.f}, 17);
    const auto raw = cf::test::addFlicker(video.ab, 8.f, 99);
    const auto links = cf::test::computeLinks(video.l);
    SmoothSettings s;
    s.lambda = 8.0;
    ShotSmoother smoother;
    QVERIFY(smoother.setShot(raw, links).ok());
    auto stats = smoother.smooth(s);
    QVERIFY(stats.ok());
    std::vector<cv::Mat> smoothed;
    for (size_t n = 0; n < smoother.size(); ++n)
      smoothed.push_back(smoother.frame(n).clone());

    const FlickerReport r_raw = measure(video.l, raw);
    const FlickerReport r_smooth = measure(video.l, smoothed);
    const FlickerReport r_truth = measure(video.l, video.ab);
    QCOMPARE(r_raw.frames, int64_t(frames));
    QCOMPARE(int(r_raw.warping_error_per_pair.size()), frames - 1);
    qInfo("E_warp raw %.5f smoothed %.5f truth %.5f; CDC raw %.4f smoothed %.4f truth %.4f",
          r_raw.warping_error, r_smooth.warping_error, r_truth.warping_error, r_raw.cdc,
          r_smooth.cdc, r_truth.cdc);
    QVERIFY(r_raw.warping_error > 0.0);
    QVERIFY2(r_raw.warping_error >= 5.0 * r_smooth.warping_error,
             qPrintable(
                 QString("E_warp %1 -> %2").arg(r_raw.warping_error).arg(r_smooth.warping_error)));
    QVERIFY(r_smooth.cdc < r_raw.cdc);

    // The object's mean colour over the shot stays put.
    cv::Vec2f mean_raw(0.f, 0.f);
    cv::Vec2f mean_smooth(0.f, 0.f);
    for (int n = 0; n < frames; ++n) {
      mean_raw += cf::test::meanAb(raw[size_t(n)], video.object_mask[size_t(n)]) / float(frames);
      mean_smooth +=
          cf::test::meanAb(smoothed[size_t(n)], video.object_mask[size_t(n)]) / float(frames);
    }
    QVERIFY2(
        cv::norm(mean_raw - mean_smooth) < 2.0,
        qPrintable(QString("object colour moved by %1 ab").arg(cv::norm(mean_raw - mean_smooth))));
    // Smoothing does not wash the colours out.
    QVERIFY(r_smooth.mean_colorfulness > 0.8 * r_truth.mean_colorfulness);
  }

  void metricsOnKnownInputs() {
    // Identical frames: no warping error, no distribution change.
    const cv::Mat l = cf::test::randomTexture(cv::Size(32, 24), 1, 20.f, 80.f);
    const cv::Mat ab(l.size(), CV_32FC2, cv::Scalar(20.0, -10.0));
    const cv::Mat rgb = cf::color::labToRgb(cf::color::mergeLab(l, ab));
    FlickerMeter meter;
    for (int i = 0; i < 5; ++i)
      QVERIFY(meter.addFrame(rgb, l).ok());
    FlickerReport r = meter.report();
    QVERIFY(r.warping_error < 1e-6);
    QVERIFY(r.cdc < 1e-9);
    QCOMPARE(int(r.colorfulness.size()), 5);
    QVERIFY(r.mean_colorfulness > 0.0);
    // Disjoint histograms: JS divergence is ln 2.
    RgbHistogram a{};
    RgbHistogram b{};
    for (size_t c = 0; c < 3; ++c) {
      a[c][10] = 1.0;
      b[c][200] = 1.0;
    }
    QVERIFY(std::abs(jsDivergence(a, b) - std::log(2.0)) < 1e-12);
    QVERIFY(jsDivergence(a, a) < 1e-12);
  }
};

QTEST_APPLESS_MAIN(TestFlicker)
#include "tst_flicker.moc"
