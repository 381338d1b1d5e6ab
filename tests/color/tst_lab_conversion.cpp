// sRGB <-> Lab against published reference values (D65, 2 degree observer; B. Lindbloom's
// calculator and the CIE formulas), luma -> L, and round trips.

#include <QtTest>
#include <algorithm>
#include <opencv2/core.hpp>

#include "color/ChromaFade.h"
#include "color/GuidedUpsampler.h"
#include "color/LabConversion.h"
#include "color/LabToRgb8.h"

namespace {

cv::Vec3f labOf(float r, float g, float b) {
  cv::Mat rgb(1, 1, CV_32FC3, cv::Scalar(r, g, b));
  return cf::color::rgbToLab(rgb).at<cv::Vec3f>(0, 0);
}

}  // namespace

class TestLabConversion : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void referenceValues_data() {
    QTest::addColumn<float>("r");
    QTest::addColumn<float>("g");
    QTest::addColumn<float>("b");
    QTest::addColumn<float>("L");
    QTest::addColumn<float>("A");
    QTest::addColumn<float>("B");
    QTest::newRow("white") << 1.f << 1.f << 1.f << 100.f << 0.f << 0.f;
    QTest::newRow("black") << 0.f << 0.f << 0.f << 0.f << 0.f << 0.f;
    QTest::newRow("red") << 1.f << 0.f << 0.f << 53.2408f << 80.0925f << 67.2032f;
    QTest::newRow("green") << 0.f << 1.f << 0.f << 87.7347f << -86.1827f << 83.1793f;
    QTest::newRow("blue") << 0.f << 0.f << 1.f << 32.2970f << 79.1875f << -107.8602f;
    QTest::newRow("grey50") << .5f << .5f << .5f << 53.3890f << 0.f << 0.f;
    QTest::newRow("skin") << 0.8f << 0.6f << 0.5f << 67.4025f << 15.6928f << 20.8338f;
  }

  void referenceValues() {
    QFETCH(float, r);
    QFETCH(float, g);
    QFETCH(float, b);
    QFETCH(float, L);
    QFETCH(float, A);
    QFETCH(float, B);
    const cv::Vec3f lab = labOf(r, g, b);
    QVERIFY2(std::abs(lab[0] - L) < 1e-3f, qPrintable(QString::number(lab[0])));
    QVERIFY2(std::abs(lab[1] - A) < 1e-3f, qPrintable(QString::number(lab[1])));
    QVERIFY2(std::abs(lab[2] - B) < 1e-3f, qPrintable(QString::number(lab[2])));
  }

  void roundTripIsExactInGamut() {
    cv::Mat rgb(64, 64, CV_32FC3);
    cv::randu(rgb, 0.0, 1.0);
    const cv::Mat back = cf::color::labToRgb(cf::color::rgbToLab(rgb));
    QVERIFY(cv::norm(rgb, back, cv::NORM_INF) < 1e-5);
  }

  void outOfGamutLabIsClipped() {
    cv::Mat lab(1, 1, CV_32FC3, cv::Scalar(50, 120, -120));
    const cv::Mat rgb = cf::color::labToRgb(lab);
    double lo = 0, hi = 0;
    cv::minMaxLoc(rgb.reshape(1), &lo, &hi);
    QVERIFY(lo >= 0.0 && hi <= 1.0);
  }

  void lumaToLMatchesGreyLab() {
    cv::Mat y8(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i)
      y8.at<uint8_t>(0, i) = static_cast<uint8_t>(i);
    const cv::Mat l = cf::color::lumaToL(y8, 8, true);
    for (int i = 0; i < 256; i += 15) {
      const float v = i / 255.f;
      QVERIFY(std::abs(l.at<float>(0, i) - labOf(v, v, v)[0]) < 1e-4f);
    }
    // Limited range: 16 is black and 235 is white.
    const cv::Mat lim = cf::color::lumaToL(y8, 8, false);
    QCOMPARE(lim.at<float>(0, 16), 0.f);
    QVERIFY(std::abs(lim.at<float>(0, 235) - 100.f) < 1e-3f);
    QCOMPARE(lim.at<float>(0, 5), 0.f);
    // 10-bit: code 512 of 1023 is the same grey as 8-bit 128 of 255 (to within a code).
    cv::Mat y10(1, 1, CV_16UC1, cv::Scalar(514));
    QVERIFY(std::abs(cf::color::lumaToL(y10, 10, true).at<float>(0, 0) - l.at<float>(0, 128)) <
            0.1f);
  }

  void greyRoundTrip() {
    cv::Mat y8(4, 64, CV_8UC1);
    cv::randu(y8, 0, 256);
    const cv::Mat back = cf::color::lToGrey8(cf::color::lumaToL(y8, 8, true));
    QVERIFY(cv::norm(y8, back, cv::NORM_INF) <= 1.0);
  }

  void resizeKeepsAspect() {
    cv::Mat img(480, 853, CV_32FC1, cv::Scalar(1));
    const cv::Mat small = cf::color::resizeToHeight(img, 256);
    QCOMPARE(small.rows, 256);
    QCOMPARE(small.cols, 455);
  }

  // The fast 8-bit path of the export against the exact double-precision formulas, rounded, on
  // the same faded chroma.
  void fastRgb8MatchesExactConversion() {
    cv::RNG rng(7);
    cv::Mat l(200, 300, CV_32FC1), ab(200, 300, CV_32FC2);
    rng.fill(l, cv::RNG::UNIFORM, 0.0, 100.0);
    rng.fill(ab, cv::RNG::UNIFORM, -110.0, 110.0);  // far out of gamut too: clipping must agree
    l.at<float>(0, 0) = 0.f;
    l.at<float>(0, 1) = 100.f;
    ab.at<cv::Vec2f>(0, 0) = ab.at<cv::Vec2f>(0, 1) = cv::Vec2f(0.f, 0.f);
    const cv::Mat fast = cf::color::labToRgb8(l, ab);
    cv::Mat exact;
    cf::color::labToRgb(cf::color::mergeLab(l, cf::color::fadeChroma(l, ab)))
        .convertTo(exact, CV_8U, 255.0);
    QCOMPARE(fast.type(), CV_8UC3);
    QVERIFY2(cv::norm(fast, exact, cv::NORM_INF) <= 1.0,
             qPrintable(QString::number(cv::norm(fast, exact, cv::NORM_INF))));
    cv::Mat diff;
    cv::absdiff(fast, exact, diff);
    const double differing = cv::countNonZero(diff.reshape(1)) / double(diff.total() * 3);
    QVERIFY2(differing < 1e-3, qPrintable(QString::number(differing)));
    QCOMPARE(fast.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(fast.at<cv::Vec3b>(0, 1), cv::Vec3b(255, 255, 255));
  }

  // Black stays black and white stays white whatever chroma the model predicts (a pillarbox bar
  // at L 0 with a* +20 came out as RGB (10, 0, 17)); mid-tones keep their colour.
  void chromaFadesAtBlackAndWhite() {
    cv::Mat l(1, 5, CV_32FC1), ab(1, 5, CV_32FC2, cv::Scalar(20.f, -30.f));
    const float ls[] = {0.f, 1.f, 50.f, 99.5f, 100.f};
    for (int c = 0; c < 5; ++c)
      l.at<float>(0, c) = ls[c];
    const cv::Mat rgb = cf::color::labToRgb8(l, ab);
    QCOMPARE(rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(rgb.at<cv::Vec3b>(0, 4), cv::Vec3b(255, 255, 255));
    auto spread = [&rgb](int c) {
      const cv::Vec3b p = rgb.at<cv::Vec3b>(0, c);
      return std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
    };
    // Unfaded, L 1 and L 99.5 with this chroma spread over many codes; faded, at most a few.
    QVERIFY2(spread(1) <= 3, qPrintable(QString::number(spread(1))));
    QVERIFY2(spread(3) <= 3, qPrintable(QString::number(spread(3))));
    QVERIFY2(spread(2) > 40, qPrintable(QString::number(spread(2))));  // L 50 keeps its colour
    QCOMPARE(cf::color::chromaFade(50.f), 1.f);
    QCOMPARE(cf::color::chromaFade(0.f), 0.f);
  }

  // The 16-bit recombination (deep sources and outputs) fades chroma like the 8-bit one, so a
  // 16-bit export matches the preview: black stays black there too.
  void sixteenBitRecombinationFadesLikeEightBit() {
    cv::Mat l(1, 5, CV_32FC1), ab(1, 5, CV_32FC2, cv::Scalar(20.f, -30.f));
    const float ls[] = {0.f, 1.f, 50.f, 99.5f, 100.f};
    for (int c = 0; c < 5; ++c)
      l.at<float>(0, c) = ls[c];
    const cv::Mat rgb16 = cf::color::recombineToRgb16(l, ab);
    const cv::Mat rgb8 = cf::color::recombineToRgb8(l, ab);
    QCOMPARE(rgb16.at<cv::Vec3w>(0, 0), cv::Vec3w(0, 0, 0));
    for (int c = 0; c < 5; ++c)
      for (int k = 0; k < 3; ++k)
        QVERIFY2(
            std::abs(rgb16.at<cv::Vec3w>(0, c)[k] / 257.0 - rgb8.at<cv::Vec3b>(0, c)[k]) <= 1.0,
            qPrintable(QStringLiteral("column %1 channel %2").arg(c).arg(k)));
  }

  void mergeAndSplit() {
    cv::Mat l(3, 5, CV_32FC1, cv::Scalar(42)), ab(3, 5, CV_32FC2, cv::Scalar(7, -9));
    cv::Mat l2, ab2;
    cf::color::splitLab(cf::color::mergeLab(l, ab), &l2, &ab2);
    QCOMPARE(cv::norm(l, l2, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ab, ab2, cv::NORM_INF), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestLabConversion)
#include "tst_lab_conversion.moc"
