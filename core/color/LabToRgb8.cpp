#include "color/LabToRgb8.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "color/ChromaFade.h"

namespace cf::color {

namespace {

constexpr float kWhiteX = 0.95047f;
constexpr float kWhiteZ = 1.08883f;
constexpr float kEpsilon = 216.0f / 24389.0f;
constexpr float kKappa = 24389.0f / 27.0f;
constexpr int kCoarseBins = 4096;

// 8-bit encoding of linear light: code k covers [threshold[k-1], threshold[k]).
struct SrgbEncoder {
  std::array<float, 256> threshold{};  // threshold[k]: first linear value of code k+1
  std::array<uint8_t, kCoarseBins + 1> coarse{};

  SrgbEncoder() {
    for (int k = 0; k < 255; ++k) {
      const double s = (k + 0.5) / 255.0;  // halfway between codes k and k+1, in sRGB
      const double lin = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
      threshold[static_cast<size_t>(k)] = static_cast<float>(lin);
    }
    threshold[255] = 2.0f;  // never reached: values are clipped to 1
    int k = 0;
    for (int i = 0; i <= kCoarseBins; ++i) {
      const float v = static_cast<float>(i) / kCoarseBins;
      while (k < 255 && v >= threshold[static_cast<size_t>(k)])
        ++k;
      coarse[static_cast<size_t>(i)] = static_cast<uint8_t>(k);
    }
  }

  uint8_t encode(float v) const {
    // NaN compares false everywhere: treat it as black rather than index out of the table.
    if (!(v > 0.0f))
      return 0;
    v = std::clamp(v, 0.0f, 1.0f);
    int k = coarse[static_cast<size_t>(v * kCoarseBins)];
    while (k < 255 && v >= threshold[static_cast<size_t>(k)])
      ++k;
    return static_cast<uint8_t>(k);
  }
};

inline float labFInv(float f) {
  const float f3 = f * f * f;
  return f3 > kEpsilon ? f3 : (116.0f * f - 16.0f) / kKappa;
}

}  // namespace

namespace {

// One row: ab_of(c) gives the pixel's (a, b).
template <class AbOf>
void convertRow(const float* lp, AbOf ab_of, int cols, cv::Vec3b* dst, const Grade* grade) {
  static const SrgbEncoder encoder;  // immutable after construction (thread-safe init)
  for (int c = 0; c < cols; ++c) {
    const float L = lp[c];
    const cv::Vec2f ab = (grade ? gradeAb(*grade, ab_of(c)) : ab_of(c)) * chromaFade(L);
    const float fy = (L + 16.0f) / 116.0f;
    const float x = labFInv(fy + ab[0] / 500.0f) * kWhiteX;
    const float y = L > kKappa * kEpsilon ? fy * fy * fy : L / kKappa;
    const float z = labFInv(fy - ab[1] / 200.0f) * kWhiteZ;
    dst[c][0] = encoder.encode(3.2404542f * x - 1.5371385f * y - 0.4985314f * z);
    dst[c][1] = encoder.encode(-0.9692660f * x + 1.8760108f * y + 0.0415560f * z);
    dst[c][2] = encoder.encode(0.0556434f * x - 0.2040259f * y + 1.0572252f * z);
  }
}

}  // namespace

cv::Mat fadeChroma(const cv::Mat& l, const cv::Mat& ab) {
  CV_Assert(l.type() == CV_32FC1 && ab.type() == CV_32FC2 && l.size() == ab.size());
  cv::Mat out(ab.size(), CV_32FC2);
  for (int r = 0; r < l.rows; ++r) {
    const float* lp = l.ptr<float>(r);
    const cv::Vec2f* src = ab.ptr<cv::Vec2f>(r);
    cv::Vec2f* dst = out.ptr<cv::Vec2f>(r);
    for (int c = 0; c < l.cols; ++c)
      dst[c] = src[c] * chromaFade(lp[c]);
  }
  return out;
}

cv::Mat labToRgb8(const cv::Mat& l, const cv::Mat& ab, const Grade* grade) {
  CV_Assert(l.type() == CV_32FC1 && ab.type() == CV_32FC2 && l.size() == ab.size());
  if (grade && grade->isIdentity())
    grade = nullptr;
  cv::Mat out(l.size(), CV_8UC3);
  cv::parallel_for_(cv::Range(0, l.rows), [&](const cv::Range& rows) {
    for (int r = rows.start; r < rows.end; ++r) {
      const cv::Vec2f* abp = ab.ptr<cv::Vec2f>(r);
      convertRow(
          l.ptr<float>(r), [abp](int c) { return abp[c]; }, l.cols, out.ptr<cv::Vec3b>(r), grade);
    }
  });
  return out;
}

cv::Mat labToRgb8Affine(const cv::Mat& l, const cv::Mat& coefficients, const Grade* grade) {
  CV_Assert(l.type() == CV_32FC1 && coefficients.type() == CV_32FC4 &&
            l.size() == coefficients.size());
  if (grade && grade->isIdentity())
    grade = nullptr;
  cv::Mat out(l.size(), CV_8UC3);
  cv::parallel_for_(cv::Range(0, l.rows), [&](const cv::Range& rows) {
    for (int r = rows.start; r < rows.end; ++r) {
      const float* lp = l.ptr<float>(r);
      const cv::Vec4f* k = coefficients.ptr<cv::Vec4f>(r);
      convertRow(
          lp,
          [lp, k](int c) {
            const float g = lp[c] / 100.0f;
            return cv::Vec2f(k[c][0] * g + k[c][1], k[c][2] * g + k[c][3]);
          },
          l.cols, out.ptr<cv::Vec3b>(r), grade);
    }
  });
  return out;
}

}  // namespace cf::color
