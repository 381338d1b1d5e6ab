// The confidence overlay's scaling and bar exclusion (issue #16, bug 5): letterbox and pillarbox
// bars are found on L and left out; the shot's percentiles stretch a narrow confidence band so
// the overlay shows structure rather than a uniform wash.

#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "analysis/ConfidenceMap.h"
#include "analysis/FrameSignals.h"

using namespace cf::analysis;

namespace {
// A 4:3 picture pillarboxed into 16:9 (bars of 40 px at 320x180), with some grain in the bars.
cv::Mat pillarboxedL() {
  cv::Mat l(180, 320, CV_32FC1, cv::Scalar(0.f));
  cv::Mat noise(l.size(), CV_32FC1);
  cv::theRNG().state = 7;
  cv::randu(noise, 0.f, 3.f);
  l += noise;
  cv::Mat picture = l(cv::Rect(40, 0, 240, 180));
  for (int y = 0; y < picture.rows; ++y)
    for (int x = 0; x < picture.cols; ++x)
      picture.at<float>(y, x) = 20.f + 60.f * float(x + y) / 420.f;
  picture(cv::Rect(100, 60, 40, 40)).setTo(2.f);  // a dark object inside the picture stays in
  return l;
}
}  // namespace

class TestConfidenceMap : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void pillarboxAndLetterboxAreFound() {
    QCOMPARE(pictureArea(pillarboxedL()), cv::Rect(40, 0, 240, 180));
    cv::Mat letterbox(180, 320, CV_32FC1, cv::Scalar(50.f));
    letterbox.rowRange(0, 22).setTo(1.f);
    letterbox.rowRange(160, 180).setTo(0.f);
    QCOMPARE(pictureArea(letterbox), cv::Rect(0, 22, 320, 138));
    const cv::Mat plain(90, 160, CV_32FC1, cv::Scalar(40.f));
    QCOMPARE(pictureArea(plain), cv::Rect(0, 0, 160, 90));
    // A black frame (a fade) is not all bars.
    const cv::Mat black(90, 160, CV_32FC1, cv::Scalar(0.f));
    QCOMPARE(pictureArea(black), cv::Rect(0, 0, 160, 90));
    // The area maps onto a map of another size (L at the source size, confidence at working).
    QCOMPARE(scaleArea(cv::Rect(40, 0, 240, 180), {320, 180}, {160, 90}), cv::Rect(20, 0, 120, 90));
  }

  void narrowBandIsStretchedToShowStructure() {
    // Confidence in 0.25..0.35 everywhere: the old overlay (alpha from 1 - c) was a uniform wash.
    const cv::Mat l = pillarboxedL();
    cv::Mat conf(l.size(), CV_32FC1, cv::Scalar(0.3f));
    conf(cv::Rect(40, 0, 120, 180)).setTo(0.25f);  // left half of the picture: less sure
    conf(cv::Rect(160, 0, 120, 180)).setTo(0.35f);
    conf.colRange(0, 40).setTo(0.01f);  // the bars: very unsure, but no picture at all
    conf.colRange(280, 320).setTo(0.01f);
    const cv::Rect area = pictureArea(l);
    const ConfidenceScale frame = confidencePercentiles(conf, area);
    QCOMPARE(frame.low, 0.25f);  // the bars do not drag the scale down
    QCOMPARE(frame.high, 0.35f);
    const ConfidenceScale shot = shotScale({frame, frame, {0.0f, 0.9f}});  // one odd frame
    QCOMPARE(shot.low, 0.25f);
    QCOMPARE(shot.high, 0.35f);
    const cv::Mat scaled = scaledConfidence(conf, area, shot);
    QCOMPARE(scaled.at<float>(90, 60), 0.f);   // least sure in the shot
    QCOMPARE(scaled.at<float>(90, 200), 1.f);  // most sure
    QCOMPARE(scaled.at<float>(90, 10), -1.f);  // bar: nothing shown
    QCOMPARE(scaled.at<float>(90, 300), -1.f);
    // A flat map keeps a minimal span instead of dividing by zero.
    const ConfidenceScale flat = shotScale({{0.3f, 0.3f}});
    QVERIFY(flat.high - flat.low >= 0.049f);
  }

  void frameSignalsLeaveOutTheBars() {
    const cv::Mat l = pillarboxedL();
    cv::Mat conf(l.size(), CV_32FC1, cv::Scalar(0.9f));
    conf.colRange(0, 40).setTo(0.f);
    conf.colRange(280, 320).setTo(0.f);
    FrameSignalInputs in;
    in.l = l;
    in.ab = cv::Mat(l.size(), CV_32FC2, cv::Scalar(5, 5));
    in.confidence = conf;
    const FrameMetrics m = computeFrameMetrics(in);
    QVERIFY(std::abs(m.mean_confidence - 0.9) < 1e-5);
    QCOMPARE(m.low_confidence_fraction, 0.0);
    QVERIFY(std::abs(m.confidence_p05 - 0.9) < 1e-5);
  }
};

QTEST_GUILESS_MAIN(TestConfidenceMap)
#include "tst_confidence_map.moc"
