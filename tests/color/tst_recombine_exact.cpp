// The row-at-a-time recombination (BilinearRows, labRowToRgb8, GuidedRows) against the previous
// implementation, kept as the reference in RecombineReference.h: the guided filter's
// coefficients upsampled to a full-resolution CV_32FC4 map by cv::resize, then converted one
// pixel at a time. The exported frames must not change, so every comparison is exact (byte for
// byte, float for float).

#include <QtTest>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "RecombineReference.h"
#include "color/BilinearRows.h"
#include "color/ChromaFade.h"
#include "color/GuidedUpsampler.h"
#include "color/LabToRgb8.h"

namespace {

// A frame-like L (0..100: smooth shading, edges, noise, the ends of the range) and ab.
void makeFrame(cv::Size full, cv::Size low, cv::Mat* l, cv::Mat* ab, uint64 seed) {
  cv::RNG rng(seed);
  *l = cv::Mat(full, CV_32FC1);
  for (int r = 0; r < full.height; ++r)
    for (int c = 0; c < full.width; ++c)
      l->at<float>(r, c) = 50.f + 45.f * std::sin(0.05f * float(c) + 0.03f * float(r));
  cv::Mat noise(full, CV_32FC1);
  rng.fill(noise, cv::RNG::NORMAL, 0.0, 6.0);
  *l += noise;
  cv::rectangle(*l, cv::Rect(0, 0, std::max(1, full.width / 8), full.height), cv::Scalar(0),
                cv::FILLED);  // a black bar
  cv::circle(*l, cv::Point(full.width / 2, full.height / 2), full.height / 4, cv::Scalar(100),
             cv::FILLED);
  *l = cv::min(cv::max(*l, 0.0), 100.0);
  *ab = cv::Mat(low, CV_32FC2);
  rng.fill(*ab, cv::RNG::UNIFORM, -70.0, 70.0);
  cv::GaussianBlur(*ab, *ab, cv::Size(5, 5), 0);
}

bool sameFloats(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() &&
         std::memcmp(a.data, b.data, a.total() * a.elemSize()) == 0;
}

}  // namespace

class TestRecombineExact : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void bilinearRowsEqualCvResize_data() {
    QTest::addColumn<QSize>("src");
    QTest::addColumn<QSize>("dst");
    QTest::addColumn<int>("channels");
    QTest::newRow("480p from 256") << QSize(455, 256) << QSize(854, 480) << 4;
    QTest::newRow("1080p from 256") << QSize(455, 256) << QSize(1920, 1080) << 4;
    QTest::newRow("540p from 256, 2 ch") << QSize(455, 256) << QSize(960, 540) << 2;
    QTest::newRow("odd, 1 ch") << QSize(37, 23) << QSize(101, 77) << 1;
    QTest::newRow("twice") << QSize(40, 30) << QSize(80, 60) << 3;
    QTest::newRow("one column") << QSize(1, 9) << QSize(5, 31) << 4;
    QTest::newRow("one row") << QSize(13, 1) << QSize(40, 3) << 4;
    QTest::newRow("wider only") << QSize(20, 16) << QSize(57, 16) << 4;
  }
  void bilinearRowsEqualCvResize() {
    QFETCH(QSize, src);
    QFETCH(QSize, dst);
    QFETCH(int, channels);
    cv::Mat s(src.height(), src.width(), CV_32FC(channels));
    cv::randu(s, -100.0, 100.0);
    const cv::Size dsize(dst.width(), dst.height());
    cv::Mat expected;
    cv::resize(s, expected, dsize, 0, 0, cv::INTER_LINEAR);
    const cf::color::BilinearPlan plan(s.size(), dsize);
    cf::color::BilinearRowReader reader(plan, s);
    std::vector<std::vector<float>> rows(size_t(channels), std::vector<float>(size_t(dst.width())));
    std::vector<float*> out;
    for (auto& r : rows)
      out.push_back(r.data());
    int mismatches = 0;
    for (int y = 0; y < dsize.height; ++y) {
      reader.row(y, out.data());
      for (int x = 0; x < dsize.width; ++x)
        for (int c = 0; c < channels; ++c)
          if (std::memcmp(&rows[size_t(c)][size_t(x)], expected.ptr<float>(y) + x * channels + c,
                          sizeof(float)) != 0)
            ++mismatches;
    }
    QCOMPARE(mismatches, 0);
  }

  void recombinationEqualsThePreviousOne_data() {
    QTest::addColumn<QSize>("full");
    QTest::addColumn<QSize>("low");
    QTest::addColumn<bool>("graded");
    QTest::newRow("480p") << QSize(854, 480) << QSize(455, 256) << false;
    QTest::newRow("1080p graded") << QSize(1920, 1080) << QSize(455, 256) << true;
    QTest::newRow("4:3 odd width") << QSize(641, 481) << QSize(341, 256) << false;
    QTest::newRow("same size") << QSize(120, 90) << QSize(120, 90) << false;
    QTest::newRow("source below the working size") << QSize(160, 120) << QSize(341, 256) << true;
  }
  void recombinationEqualsThePreviousOne() {
    QFETCH(QSize, full);
    QFETCH(QSize, low);
    QFETCH(bool, graded);
    cv::Mat l, ab;
    makeFrame(cv::Size(full.width(), full.height()), cv::Size(low.width(), low.height()), &l, &ab,
              uint64(full.width()));
    cf::color::Grade grade;
    grade.saturation = 1.4;
    grade.temperature = 6.0;
    grade.hue_remap = cf::color::HueRemap{20.0, 70.0, 200.0, 15.0};
    const cf::color::Grade* g = graded ? &grade : nullptr;
    const cv::Mat expected = ref::recombineToRgb8(l, ab, g);
    QCOMPARE(cv::norm(cf::color::recombineToRgb8(l, ab, {}, g), expected, cv::NORM_INF), 0.0);
    // With the working-resolution L handed in (the export's case).
    cv::Mat l_low;
    cv::resize(l, l_low, ab.size(), 0, 0, cv::INTER_AREA);
    QCOMPARE(cv::norm(cf::color::recombineToRgb8(l, ab, {}, g, l_low), expected, cv::NORM_INF),
             0.0);
    // A guide of the wrong size is not used.
    QCOMPARE(cv::norm(cf::color::recombineToRgb8(l, ab, {}, g, cv::Mat(3, 3, CV_32FC1, 0.f)),
                      expected, cv::NORM_INF),
             0.0);
    // The full-precision path's ab.
    QVERIFY(
        sameFloats(cf::color::upsampleAbGuided(l, ab, {}, l_low), ref::upsampleAbGuided(l, ab)));
  }

  void rowConversionEqualsThePixelFormula() {
    // Every lightness of an 8-bit luma and of the fade ramps, against chroma from grey to beyond
    // the gamut; rows of odd lengths so the vector loop's padding is exercised.
    cv::Mat l(61, 257, CV_32FC1), ab(61, 257, CV_32FC2);
    cv::RNG rng(7);
    for (int r = 0; r < l.rows; ++r)
      for (int c = 0; c < l.cols; ++c) {
        l.at<float>(r, c) = r == 0 ? 100.f * float(c) / 256.f : rng.uniform(0.f, 100.f);
        ab.at<cv::Vec2f>(r, c) = {rng.uniform(-128.f, 128.f), rng.uniform(-128.f, 128.f)};
      }
    cv::Mat expected(l.size(), CV_8UC3);
    for (int r = 0; r < l.rows; ++r)
      for (int c = 0; c < l.cols; ++c)
        expected.at<cv::Vec3b>(r, c) =
            ref::pixel(l.at<float>(r, c), ab.at<cv::Vec2f>(r, c), nullptr);
    QCOMPARE(cv::norm(cf::color::labToRgb8(l, ab), expected, cv::NORM_INF), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestRecombineExact)
#include "tst_recombine_exact.moc"
