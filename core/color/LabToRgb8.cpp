#include "color/LabToRgb8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/core/hal/intrin.hpp>
#include <vector>

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
    // encode() takes at most one step up from the coarse code: no bin holds two thresholds
    // (they are at least 1 / (255 * 12.92) apart, more than a bin's 1 / 4096).
    for (int i = 0; i < kCoarseBins; ++i)
      CV_Assert(coarse[static_cast<size_t>(i) + 1] - coarse[static_cast<size_t>(i)] <= 1);
  }

  /// The 8-bit code of linear value `v`, already clamped to [0, 1] (clampForEncoder()), given its
  /// bin int(v * kCoarseBins): the coarse code, one higher if v reaches the next threshold.
  uint8_t encode(float v, int bin) const {
    const int k = coarse[static_cast<size_t>(bin)];
    return static_cast<uint8_t>(k + (v >= threshold[static_cast<size_t>(k)] ? 1 : 0));
  }
};

using V4 = cv::v_float32x4;
constexpr int kChunk = 64;  // pixels converted together (a multiple of the vector width, 4)

inline V4 splat(float v) {
  return cv::v_setall_f32(v);
}

// labFInv of four values: f^3 above the linear segment, (116 f - 16) / kappa below.
inline V4 labFInv(const V4& f) {
  const V4 f3 = f * f * f;
  return cv::v_select(f3 > splat(kEpsilon), f3, (splat(116.0f) * f - splat(16.0f)) / splat(kKappa));
}

// chromaFade() (ChromaFade.h) of four lightnesses.
inline V4 chromaFade4(const V4& l) {
  const V4 zero = splat(0.0f), one = splat(1.0f);
  const V4 dark = cv::v_min(cv::v_max(l / splat(kChromaFadeDarkL), zero), one);
  const V4 bright =
      cv::v_min(cv::v_max((splat(100.0f) - l) / splat(100.0f - kChromaFadeBrightL), zero), one);
  const V4 t = cv::v_min(dark, bright);
  return t * t * (splat(3.0f) - splat(2.0f) * t);
}

// Linear-light values clamped for SrgbEncoder::encode(): NaN (which compares false everywhere) and
// v <= 0 to black, at most 1; and their coarse bins.
inline void clampForEncoder(const V4& v, float* clamped, int* bin) {
  const V4 c = cv::v_select(v > splat(0.0f), cv::v_min(v, splat(1.0f)), splat(0.0f));
  cv::v_store(clamped, c);
  cv::v_store(bin, cv::v_trunc(c * splat(float(kCoarseBins))));
}

// Linear-light RGB of kChunk pixels (the chroma already graded), clamped for the encoder, with
// their coarse bins (rgb[channel][i], bins[channel][i]). The operations and their order are those
// of the per-pixel formulas: (L + 16) / 116, a / 500, b / 200, f^3 or the linear segment, then
// the sRGB matrix row by row, left to right.
void linearRgb(const float* l, const float* a, const float* b, float (*rgb)[kChunk],
               int (*bins)[kChunk]) {
  const V4 kappa_eps = splat(kKappa * kEpsilon);
  for (int i = 0; i < kChunk; i += 4) {
    const V4 L = cv::v_load(l + i);
    const V4 fade = chromaFade4(L);
    const V4 A = cv::v_load(a + i) * fade;
    const V4 B = cv::v_load(b + i) * fade;
    const V4 fy = (L + splat(16.0f)) / splat(116.0f);
    const V4 x = labFInv(fy + A / splat(500.0f)) * splat(kWhiteX);
    const V4 y = cv::v_select(L > kappa_eps, fy * fy * fy, L / splat(kKappa));
    const V4 z = labFInv(fy - B / splat(200.0f)) * splat(kWhiteZ);
    clampForEncoder(splat(3.2404542f) * x - splat(1.5371385f) * y - splat(0.4985314f) * z,
                    rgb[0] + i, bins[0] + i);
    clampForEncoder(splat(-0.9692660f) * x + splat(1.8760108f) * y + splat(0.0415560f) * z,
                    rgb[1] + i, bins[1] + i);
    clampForEncoder(splat(0.0556434f) * x - splat(0.2040259f) * y + splat(1.0572252f) * z,
                    rgb[2] + i, bins[2] + i);
  }
}

}  // namespace

void labRowToRgb8(const float* l, const float* a, const float* b, int cols, const Grade* grade,
                  cv::Vec3b* dst) {
  static const SrgbEncoder encoder;  // immutable after construction (thread-safe init)
  if (grade && grade->isIdentity())
    grade = nullptr;
  alignas(16) float lc[kChunk], ac[kChunk], bc[kChunk], rgb[3][kChunk];
  alignas(16) int bins[3][kChunk];
  for (int c0 = 0; c0 < cols; c0 += kChunk) {
    const int n = std::min(kChunk, cols - c0);
    std::copy(l + c0, l + c0 + n, lc);
    if (grade) {
      for (int i = 0; i < n; ++i) {
        const cv::Vec2f ab = gradeAb(*grade, cv::Vec2f(a[c0 + i], b[c0 + i]));
        ac[i] = ab[0];
        bc[i] = ab[1];
      }
    } else {
      std::copy(a + c0, a + c0 + n, ac);
      std::copy(b + c0, b + c0 + n, bc);
    }
    std::fill(lc + n, lc + kChunk, 0.0f);  // a short last chunk: padding, never written out
    std::fill(ac + n, ac + kChunk, 0.0f);
    std::fill(bc + n, bc + kChunk, 0.0f);
    linearRgb(lc, ac, bc, rgb, bins);
    cv::Vec3b* out = dst + c0;
    for (int i = 0; i < n; ++i)
      out[i] =
          cv::Vec3b(encoder.encode(rgb[0][i], bins[0][i]), encoder.encode(rgb[1][i], bins[1][i]),
                    encoder.encode(rgb[2][i], bins[2][i]));
  }
}

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
  cv::Mat out(l.size(), CV_8UC3);
  cv::parallel_for_(cv::Range(0, l.rows), [&](const cv::Range& rows) {
    std::vector<float> a(static_cast<size_t>(l.cols)), b(static_cast<size_t>(l.cols));
    for (int r = rows.start; r < rows.end; ++r) {
      const cv::Vec2f* abp = ab.ptr<cv::Vec2f>(r);
      for (int c = 0; c < l.cols; ++c) {
        a[static_cast<size_t>(c)] = abp[c][0];
        b[static_cast<size_t>(c)] = abp[c][1];
      }
      labRowToRgb8(l.ptr<float>(r), a.data(), b.data(), l.cols, grade, out.ptr<cv::Vec3b>(r));
    }
  });
  return out;
}

}  // namespace cf::color
