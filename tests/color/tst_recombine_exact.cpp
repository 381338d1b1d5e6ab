// The row-at-a-time recombination (BilinearRows, labRowToRgb8, GuidedRows) against the previous
// implementation, kept here as the reference: the guided filter's coefficients upsampled to a
// full-resolution CV_32FC4 map by cv::resize, then converted one pixel at a time. The exported
// frames must not change, so every comparison is exact (byte for byte, float for float).

#include <QtTest>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "color/BilinearRows.h"
#include "color/ChromaFade.h"
#include "color/GuidedUpsampler.h"
#include "color/LabToRgb8.h"

namespace ref {

using cf::color::Grade;

constexpr float kWhiteX = 0.95047f;
constexpr float kWhiteZ = 1.08883f;
constexpr float kEpsilon = 216.0f / 24389.0f;
constexpr float kKappa = 24389.0f / 27.0f;
constexpr int kCoarseBins = 4096;

struct SrgbEncoder {
  std::array<float, 256> threshold{};
  std::array<uint8_t, kCoarseBins + 1> coarse{};
  SrgbEncoder() {
    for (int k = 0; k < 255; ++k) {
      const double s = (k + 0.5) / 255.0;
      const double lin = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
      threshold[size_t(k)] = float(lin);
    }
    threshold[255] = 2.0f;
    int k = 0;
    for (int i = 0; i <= kCoarseBins; ++i) {
      const float v = float(i) / kCoarseBins;
      while (k < 255 && v >= threshold[size_t(k)])
        ++k;
      coarse[size_t(i)] = uint8_t(k);
    }
  }
  uint8_t encode(float v) const {
    if (!(v > 0.0f))
      return 0;
    v = std::clamp(v, 0.0f, 1.0f);
    int k = coarse[size_t(v * kCoarseBins)];
    while (k < 255 && v >= threshold[size_t(k)])
      ++k;
    return uint8_t(k);
  }
};

float labFInv(float f) {
  const float f3 = f * f * f;
  return f3 > kEpsilon ? f3 : (116.0f * f - 16.0f) / kKappa;
}

cv::Vec3b pixel(float L, cv::Vec2f ab, const Grade* grade) {
  static const SrgbEncoder encoder;
  ab = (grade ? cf::color::gradeAb(*grade, ab) : ab) * cf::color::chromaFade(L);
  const float fy = (L + 16.0f) / 116.0f;
  const float x = labFInv(fy + ab[0] / 500.0f) * kWhiteX;
  const float y = L > kKappa * kEpsilon ? fy * fy * fy : L / kKappa;
  const float z = labFInv(fy - ab[1] / 200.0f) * kWhiteZ;
  return {encoder.encode(3.2404542f * x - 1.5371385f * y - 0.4985314f * z),
          encoder.encode(-0.9692660f * x + 1.8760108f * y + 0.0415560f * z),
          encoder.encode(0.0556434f * x - 0.2040259f * y + 1.0572252f * z)};
}

cv::Mat boxMean(const cv::Mat& m, int r) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, cv::Size(2 * r + 1, 2 * r + 1), cv::Point(-1, -1), true,
                cv::BORDER_REFLECT);
  return out;
}

// Full-resolution coefficients, as the previous version stored them.
cv::Mat coefficients(const cv::Mat& l_full, const cv::Mat& ab_low) {
  cv::Mat guide_low;
  cv::resize(l_full, guide_low, ab_low.size(), 0, 0, cv::INTER_AREA);
  guide_low *= 1.0 / 100.0;
  const int r = 2;
  const double eps = 2e-3;
  const cv::Mat mean_i = boxMean(guide_low, r);
  const cv::Mat var_i = boxMean(guide_low.mul(guide_low), r) - mean_i.mul(mean_i);
  cv::Mat channels[2];
  cv::split(ab_low, channels);
  cv::Mat k[4];
  for (int c = 0; c < 2; ++c) {
    const cv::Mat& p = channels[c];
    const cv::Mat mean_p = boxMean(p, r);
    const cv::Mat cov_ip = boxMean(guide_low.mul(p), r) - mean_i.mul(mean_p);
    const cv::Mat a = cov_ip / (var_i + eps);
    const cv::Mat b = mean_p - a.mul(mean_i);
    k[2 * c] = boxMean(a, r);
    k[2 * c + 1] = boxMean(b, r);
  }
  cv::Mat low, full;
  cv::merge(k, 4, low);
  cv::resize(low, full, l_full.size(), 0, 0, cv::INTER_LINEAR);
  return full;
}

cv::Vec2f abAt(const cv::Mat& k, const cv::Mat& l, int r, int c) {
  const cv::Vec4f kp = k.at<cv::Vec4f>(r, c);
  const float g = l.at<float>(r, c) / 100.0f;
  return {kp[0] * g + kp[1], kp[2] * g + kp[3]};
}

cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low, const Grade* grade) {
  const cv::Mat k = coefficients(l_full, ab_low);
  cv::Mat out(l_full.size(), CV_8UC3);
  for (int r = 0; r < l_full.rows; ++r)
    for (int c = 0; c < l_full.cols; ++c)
      out.at<cv::Vec3b>(r, c) = pixel(l_full.at<float>(r, c), abAt(k, l_full, r, c), grade);
  return out;
}

cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low) {
  const cv::Mat k = coefficients(l_full, ab_low);
  cv::Mat out(l_full.size(), CV_32FC2);
  for (int r = 0; r < l_full.rows; ++r)
    for (int c = 0; c < l_full.cols; ++c)
      out.at<cv::Vec2f>(r, c) = abAt(k, l_full, r, c);
  return out;
}

}  // namespace ref

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
    QTest::newRow("source below the working size") << QSize(160, 120) << QSize(341, 256)
                                                   << true;
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
    QVERIFY(sameFloats(cf::color::upsampleAbGuided(l, ab, {}, l_low), ref::upsampleAbGuided(l, ab)));
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
        expected.at<cv::Vec3b>(r, c) = ref::pixel(l.at<float>(r, c), ab.at<cv::Vec2f>(r, c), nullptr);
    QCOMPARE(cv::norm(cf::color::labToRgb8(l, ab), expected, cv::NORM_INF), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestRecombineExact)
#include "tst_recombine_exact.moc"
