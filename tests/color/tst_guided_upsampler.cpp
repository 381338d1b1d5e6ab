// L-guided upsampling of ab: colour bleeding at luminance edges, measured against bilinear.

#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "color/GuidedUpsampler.h"
#include "color/LabConversion.h"

namespace {

// A full-resolution scene: a bright disc on a dark background, with different colours inside and
// outside. Returns L and the true ab at full resolution.
void makeScene(cv::Size size, cv::Mat* l, cv::Mat* ab) {
  *l = cv::Mat(size, CV_32FC1, cv::Scalar(30));
  *ab = cv::Mat(size, CV_32FC2, cv::Scalar(35, 25));
  const cv::Point centre(size.width / 2, size.height / 2);
  const int radius = size.height / 3;
  cv::circle(*l, centre, radius, cv::Scalar(80), cv::FILLED, cv::LINE_8);
  cv::circle(*ab, centre, radius, cv::Scalar(-30, -40), cv::FILLED, cv::LINE_8);
}

// Mean |ab error| over pixels within `band_px` of a luminance edge.
double edgeError(const cv::Mat& l, const cv::Mat& ab_true, const cv::Mat& ab, int band_px) {
  cv::Mat edges;
  cv::Mat l8;
  l.convertTo(l8, CV_8U);
  cv::Canny(l8, edges, 10, 30);
  cv::dilate(edges, edges, cv::Mat(), cv::Point(-1, -1), band_px);
  cv::Mat diff;
  cv::absdiff(ab_true, ab, diff);
  const cv::Scalar m = cv::mean(diff, edges);
  return (m[0] + m[1]) / 2.0;
}

}  // namespace

class TestGuidedUpsampler : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lessBleedingThanBilinear() {
    cv::Mat l, ab_true;
    makeScene(cv::Size(640, 360), &l, &ab_true);
    cv::Mat ab_low;
    cv::resize(ab_true, ab_low, cv::Size(160, 90), 0, 0, cv::INTER_AREA);

    const cv::Mat guided = cf::color::upsampleAbGuided(l, ab_low);
    const cv::Mat bilinear = cf::color::upsampleAbBilinear(ab_low, l.size());
    QCOMPARE(guided.size(), l.size());
    QCOMPARE(guided.type(), CV_32FC2);

    const double err_guided = edgeError(l, ab_true, guided, 4);
    const double err_bilinear = edgeError(l, ab_true, bilinear, 4);
    qInfo("edge ab error: guided %.2f, bilinear %.2f", err_guided, err_bilinear);
    QVERIFY(err_bilinear > 5.0);  // the baseline really does bleed
    QVERIFY2(err_guided < 0.5 * err_bilinear, "guided upsampling must halve the edge bleeding");

    // Away from edges both are exact: flat colour stays flat.
    QVERIFY(std::abs(guided.at<cv::Vec2f>(5, 5)[0] - 35.f) < 0.5f);
    QVERIFY(std::abs(guided.at<cv::Vec2f>(180, 320)[1] + 40.f) < 0.5f);
  }

  void recombineGivesRgbOfTheRightSize() {
    cv::Mat l(90, 160, CV_32FC1, cv::Scalar(53.24));
    cv::Mat ab(45, 80, CV_32FC2, cv::Scalar(80.09, 67.20));
    const cv::Mat rgb = cf::color::recombineToRgb8(l, ab);
    QCOMPARE(rgb.type(), CV_8UC3);
    QCOMPARE(rgb.size(), l.size());
    const cv::Vec3b px = rgb.at<cv::Vec3b>(40, 80);
    QVERIFY(px[0] >= 250 && px[1] <= 5 && px[2] <= 5);  // pure red
  }
};

QTEST_GUILESS_MAIN(TestGuidedUpsampler)
#include "tst_guided_upsampler.moc"
