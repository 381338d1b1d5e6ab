#pragma once
// The recombination as it was before it ran a row at a time (commit 672ef4f): the reference that
// tst_recombine_exact compares the current code with, and that bench_recombine times it against.
// Test code only; core/ has the current version.

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "color/ChromaFade.h"
#include "color/Grade.h"

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

inline float labFInv(float f) {
  const float f3 = f * f * f;
  return f3 > kEpsilon ? f3 : (116.0f * f - 16.0f) / kKappa;
}

inline cv::Vec3b pixel(float L, cv::Vec2f ab, const Grade* grade) {
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

inline cv::Mat boxMean(const cv::Mat& m, int r) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, cv::Size(2 * r + 1, 2 * r + 1), cv::Point(-1, -1), true,
                cv::BORDER_REFLECT);
  return out;
}

// Full-resolution coefficients, as the previous version stored them.
inline cv::Mat coefficients(const cv::Mat& l_full, const cv::Mat& ab_low) {
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

// As the previous version: rows in parallel, one pixel at a time.
inline cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low, const Grade* grade) {
  const cv::Mat k = coefficients(l_full, ab_low);
  cv::Mat out(l_full.size(), CV_8UC3);
  cv::parallel_for_(cv::Range(0, l_full.rows), [&](const cv::Range& rows) {
    for (int r = rows.start; r < rows.end; ++r) {
      const float* lp = l_full.ptr<float>(r);
      const cv::Vec4f* kp = k.ptr<cv::Vec4f>(r);
      cv::Vec3b* dst = out.ptr<cv::Vec3b>(r);
      for (int c = 0; c < l_full.cols; ++c) {
        const float g = lp[c] / 100.0f;
        dst[c] = pixel(lp[c], cv::Vec2f(kp[c][0] * g + kp[c][1], kp[c][2] * g + kp[c][3]), grade);
      }
    }
  });
  return out;
}

inline cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low) {
  const cv::Mat k = coefficients(l_full, ab_low);
  cv::Mat out(l_full.size(), CV_32FC2);
  for (int r = 0; r < l_full.rows; ++r)
    for (int c = 0; c < l_full.cols; ++c) {
      const cv::Vec4f kp = k.at<cv::Vec4f>(r, c);
      const float g = l_full.at<float>(r, c) / 100.0f;
      out.at<cv::Vec2f>(r, c) = cv::Vec2f(kp[0] * g + kp[1], kp[2] * g + kp[3]);
    }
  return out;
}

}  // namespace ref
