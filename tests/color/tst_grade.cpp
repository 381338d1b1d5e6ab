// Per-shot grading (color/Grade.h): known answers for saturation, white balance and the hue-range
// remap (with wrap-around and softness), validation, and its place in the RGB conversion: before
// the chroma fade (black stays black) and identical to grading ab first.

#include <QtTest>
#include <cmath>
#include <opencv2/core.hpp>

#include "color/Grade.h"
#include "color/LabToRgb8.h"

using cf::color::Grade;
using cf::color::gradeAb;
using cf::color::HueRemap;

namespace {

constexpr double kPi = 3.14159265358979323846;

cv::Vec2f polar(double chroma, double hue_deg) {
  return {float(chroma * std::cos(hue_deg * kPi / 180.0)),
          float(chroma * std::sin(hue_deg * kPi / 180.0))};
}

double hueOf(cv::Vec2f ab) {
  const double h = std::atan2(double(ab[1]), double(ab[0])) * 180.0 / kPi;
  return h < 0 ? h + 360.0 : h;
}

double chromaOf(cv::Vec2f ab) {
  return std::hypot(double(ab[0]), double(ab[1]));
}

}  // namespace

class TestGrade : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void identityChangesNothing() {
    const Grade g;
    QVERIFY(g.isIdentity());
    for (const cv::Vec2f& ab : {cv::Vec2f(0, 0), cv::Vec2f(30, -12), cv::Vec2f(-80, 75)})
      QCOMPARE(gradeAb(g, ab), ab);
  }

  void saturationAndWhiteBalance() {
    Grade g;
    g.saturation = 2.0;
    QCOMPARE(gradeAb(g, {10.f, -5.f}), cv::Vec2f(20.f, -10.f));
    g.saturation = 0.0;
    QCOMPARE(gradeAb(g, {10.f, -5.f}), cv::Vec2f(0.f, 0.f));
    // White balance shifts after the saturation: a grey frame turns warm (b*) and green (a*).
    g.temperature = 10.0;
    g.tint = -4.0;
    QCOMPARE(gradeAb(g, {10.f, -5.f}), cv::Vec2f(-4.f, 10.f));
    g.saturation = 0.5;
    QCOMPARE(gradeAb(g, {10.f, -6.f}), cv::Vec2f(1.f, 7.f));
  }

  void hueRemapMovesTheRange() {
    Grade g;
    g.hue_remap = HueRemap{20.0, 60.0, 250.0, 0.0};  // reds (centre 40) to blue
    const struct {
      double hue, expected;
    } cases[] = {{40.0, 250.0},  {30.0, 240.0}, {20.0, 230.0}, {60.0, 270.0},
                 {100.0, 100.0}, {0.0, 0.0},    {300.0, 300.0}};
    for (const auto& c : cases) {
      const cv::Vec2f out = gradeAb(g, polar(50.0, c.hue));
      QVERIFY2(std::abs(hueOf(out) - c.expected) < 1e-3,
               qPrintable(QStringLiteral("hue %1 -> %2, expected %3")
                              .arg(c.hue)
                              .arg(hueOf(out))
                              .arg(c.expected)));
      QVERIFY(std::abs(chromaOf(out) - 50.0) < 1e-3);  // chroma is kept
    }
  }

  void hueRemapSoftnessAndWrap() {
    HueRemap r{20.0, 60.0, 250.0, 20.0};
    QCOMPARE(cf::color::hueRemapWeight(r, 40.0), 1.0);
    QCOMPARE(cf::color::hueRemapWeight(r, 70.0), 0.5);  // halfway through the softness
    QCOMPARE(cf::color::hueRemapWeight(r, 10.0), 0.5);
    QCOMPARE(cf::color::hueRemapWeight(r, 80.0), 0.0);
    QVERIFY(cf::color::hueRemapWeight(r, 65.0) > 0.5);
    Grade g;
    g.hue_remap = r;
    // The centre (40) turns the short way to 250: -150 degrees. 10 degrees past the edge, half
    // of that: 70 - 75 = 355.
    QVERIFY(std::abs(hueOf(gradeAb(g, polar(40.0, 70.0))) - 355.0) < 1e-3);
    // A range through 0 (340..20): its centre 0 moves to 120 (green).
    HueRemap wrap{340.0, 20.0, 120.0, 0.0};
    QCOMPARE(cf::color::hueRemapWeight(wrap, 350.0), 1.0);
    QCOMPARE(cf::color::hueRemapWeight(wrap, 10.0), 1.0);
    QCOMPARE(cf::color::hueRemapWeight(wrap, 30.0), 0.0);
    g.hue_remap = wrap;
    QVERIFY(std::abs(hueOf(gradeAb(g, polar(40.0, 350.0))) - 110.0) < 1e-3);
    // Neutral pixels have no hue: they stay neutral.
    QCOMPARE(gradeAb(g, {0.f, 0.f}), cv::Vec2f(0.f, 0.f));
  }

  void problemsAreNamed() {
    Grade g;
    QVERIFY(cf::color::gradeProblem(g).empty());
    g.saturation = 5.0;
    QVERIFY(cf::color::gradeProblem(g).find("saturation 5") != std::string::npos);
    g.saturation = std::nan("");
    QVERIFY(!cf::color::gradeProblem(g).empty());
    g = Grade{};
    g.tint = -41.0;
    QVERIFY(cf::color::gradeProblem(g).find("tint") != std::string::npos);
    g = Grade{};
    g.hue_remap = HueRemap{0.0, 10.0, 20.0, -1.0};
    QVERIFY(cf::color::gradeProblem(g).find("softness") != std::string::npos);
  }

  void appliedInTheRgbConversionBeforeTheFade() {
    cv::Mat l(4, 4, CV_32FC1), ab(4, 4, CV_32FC2);
    cv::randu(l, 0.0, 100.0);
    cv::randu(ab, -60.0, 60.0);
    l.at<float>(0, 0) = 0.0f;    // black
    l.at<float>(0, 1) = 100.0f;  // white
    Grade g;
    g.saturation = 1.5;
    g.temperature = 30.0;
    g.tint = 10.0;
    g.hue_remap = HueRemap{0.0, 90.0, 200.0, 15.0};
    const cv::Mat graded = cf::color::labToRgb8(l, ab, &g);
    // The same as grading ab first: the grade is a pure function of ab.
    const cv::Mat reference = cf::color::labToRgb8(l, cf::color::applyGrade(g, ab));
    QCOMPARE(cv::norm(graded, reference, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(graded, cf::color::labToRgb8(l, ab), cv::NORM_INF) > 10.0);
    // Black and white stay neutral whatever the white balance.
    QCOMPARE(graded.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(graded.at<cv::Vec3b>(0, 1), cv::Vec3b(255, 255, 255));
    // The identity grade is the ungraded conversion.
    const Grade identity;
    QCOMPARE(
        cv::norm(cf::color::labToRgb8(l, ab, &identity), cf::color::labToRgb8(l, ab), cv::NORM_INF),
        0.0);
  }
};

QTEST_GUILESS_MAIN(TestGrade)
#include "tst_grade.moc"
