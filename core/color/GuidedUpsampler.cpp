#include "color/GuidedUpsampler.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <vector>

#include "color/BilinearRows.h"
#include "color/BoxMeans.h"

#include "color/ChromaFade.h"
#include "color/LabConversion.h"
#include "color/LabToRgb8.h"

namespace cf::color {

namespace {

cv::Mat boxMean(const cv::Mat& m, int radius_px) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, cv::Size(2 * radius_px + 1, 2 * radius_px + 1), cv::Point(-1, -1),
                true, cv::BORDER_REFLECT);
  return out;
}

// `l_low` can stand for cv::resize(l_full, ab_low.size(), INTER_AREA) when it has ab_low's size
// and l_full is not smaller (then it is that very resize, or l_full itself).
bool canReuseLowL(const cv::Mat& l_full, const cv::Mat& ab_low, const cv::Mat& l_low) {
  return !l_low.empty() && l_low.type() == CV_32FC1 && l_low.size() == ab_low.size() &&
         l_full.rows >= l_low.rows && l_full.cols >= l_low.cols;
}

// The coefficients with one cv::boxFilter call per mean (radii BoxMeans does not handle).
cv::Mat guidedCoefficientsByBoxFilter(const cv::Mat& guide_low, const cv::Mat& ab_low, int r,
                                      double epsilon) {
  const cv::Mat mean_i = boxMean(guide_low, r);
  const cv::Mat var_i = boxMean(guide_low.mul(guide_low), r) - mean_i.mul(mean_i);
  cv::Mat channels[2];
  cv::split(ab_low, channels);
  cv::Mat k[4];
  for (int c = 0; c < 2; ++c) {
    const cv::Mat& p = channels[c];
    const cv::Mat mean_p = boxMean(p, r);
    const cv::Mat cov_ip = boxMean(guide_low.mul(p), r) - mean_i.mul(mean_p);
    const cv::Mat a = cov_ip / (var_i + epsilon);
    const cv::Mat b = mean_p - a.mul(mean_i);
    k[2 * c] = boxMean(a, r);
    k[2 * c + 1] = boxMean(b, r);
  }
  cv::Mat coefficients;
  cv::merge(k, 4, coefficients);
  return coefficients;
}

// Hand-written: OpenCV's ximgproc::guidedFilter filters at one resolution only; the fast
// (subsampled) guided filter needs the coefficients computed at low resolution and applied at
// full resolution, which is a few box filters.
//
// Low-resolution coefficients of ab = k0 * g + k1 (a) and k2 * g + k3 (b), g = L / 100, already
// box-averaged, CV_32FC4 at the size of ab_low. The ten box means are two passes of BoxMeans
// (equal to cv::boxFilter), with the products and the per-pixel arithmetic between them done a row
// at a time, in float, in the order cv::Mat's operators do them: the same coefficients as
// guidedCoefficientsByBoxFilter, without its twenty-odd whole-image temporaries.
cv::Mat guidedCoefficients(const cv::Mat& l_full, const cv::Mat& ab_low, const cv::Mat& l_low,
                           const GuidedUpsampleSettings& settings) {
  cv::Mat guide_low;
  if (canReuseLowL(l_full, ab_low, l_low))
    guide_low = l_low.clone();
  else
    cv::resize(l_full, guide_low, ab_low.size(), 0, 0, cv::INTER_AREA);
  guide_low *= 1.0 / 100.0;
  const int r = std::max(1, settings.radius_px);
  const int rows = ab_low.rows, cols = ab_low.cols;
  if (!BoxMeans::supports(rows, cols, r))
    return guidedCoefficientsByBoxFilter(guide_low, ab_low, r, settings.epsilon);
  // cv::Mat + double adds the scalar converted to the matrix's type.
  const float eps = static_cast<float>(settings.epsilon);
  cv::Mat linear(rows, cols, CV_32FC4);  // a and b of both channels, before their box means
  BoxMeans first(6, rows, cols, r);
  first.run(
      [&](int y, float* const* in) {
        const float* g = guide_low.ptr<float>(y);
        const cv::Vec2f* ab = ab_low.ptr<cv::Vec2f>(y);
        for (int x = 0; x < cols; ++x) {
          in[0][x] = g[x];
          in[1][x] = g[x] * g[x];
          in[2][x] = ab[x][0];
          in[3][x] = g[x] * ab[x][0];
          in[4][x] = ab[x][1];
          in[5][x] = g[x] * ab[x][1];
        }
      },
      [&](int y, const float* const* m) {
        cv::Vec4f* out = linear.ptr<cv::Vec4f>(y);
        for (int x = 0; x < cols; ++x) {
          const float mean_i = m[0][x];
          const float mean_ii = mean_i * mean_i;
          const float var_i = m[1][x] - mean_ii;
          const float den = var_i + eps;
          for (int c = 0; c < 2; ++c) {
            const float mean_p = m[2 + 2 * c][x];
            const float mean_i_p = mean_i * mean_p;
            const float cov_ip = m[3 + 2 * c][x] - mean_i_p;
            const float a = cov_ip / den;
            const float a_i = a * mean_i;
            out[x][2 * c] = a;
            out[x][2 * c + 1] = mean_p - a_i;
          }
        }
      });
  cv::Mat coefficients(rows, cols, CV_32FC4);
  BoxMeans second(4, rows, cols, r);
  second.run(
      [&](int y, float* const* in) {
        const cv::Vec4f* k = linear.ptr<cv::Vec4f>(y);
        for (int x = 0; x < cols; ++x)
          for (int c = 0; c < 4; ++c)
            in[c][x] = k[x][c];
      },
      [&](int y, const float* const* m) {
        cv::Vec4f* out = coefficients.ptr<cv::Vec4f>(y);
        for (int x = 0; x < cols; ++x)
          out[x] = cv::Vec4f(m[0][x], m[1][x], m[2][x], m[3][x]);
      });
  return coefficients;
}

// Full-resolution ab, a row at a time: row(r, a, b) writes row r's a and b (l_full.cols each).
// The coefficients are upsampled bilinearly row by row (BilinearRows.h: equal to cv::resize),
// so the full-resolution coefficient map (16 bytes per pixel) is never stored.
class GuidedRows {
 public:
  GuidedRows(const cv::Mat& l_full, const cv::Mat& ab_low, const cv::Mat& l_low,
             const GuidedUpsampleSettings& settings)
      : l_full_(l_full),
        k_(guidedCoefficients(l_full, ab_low, l_low, settings)),
        rowwise_(k_.size() != l_full.size() && BilinearPlan::supports(k_.size(), l_full.size())) {
    if (rowwise_)
      plan_.emplace(k_.size(), l_full.size());
    else  // same size, or shrinking (a source below the working resolution): whole frame
      cv::resize(k_, k_full_, l_full.size(), 0, 0, cv::INTER_LINEAR);
  }

  /// Calls fn(r, a, b) for rows [range) in order; one call per thread.
  template <class Fn>
  void forRows(const cv::Range& range, const Fn& fn) const {
    const size_t cols = static_cast<size_t>(l_full_.cols);
    std::vector<float> buf(6 * cols);
    float* k[4] = {buf.data(), buf.data() + cols, buf.data() + 2 * cols, buf.data() + 3 * cols};
    float* a = buf.data() + 4 * cols;
    float* b = buf.data() + 5 * cols;
    std::optional<BilinearRowReader> reader;
    if (rowwise_)
      reader.emplace(*plan_, k_);
    for (int r = range.start; r < range.end; ++r) {
      const float* lp = l_full_.ptr<float>(r);
      if (reader) {
        reader->row(r, k);
        for (size_t c = 0; c < cols; ++c) {
          const float g = lp[c] / 100.0f;
          a[c] = k[0][c] * g + k[1][c];
          b[c] = k[2][c] * g + k[3][c];
        }
      } else {
        const cv::Vec4f* kp = k_full_.ptr<cv::Vec4f>(r);
        for (size_t c = 0; c < cols; ++c) {
          const float g = lp[c] / 100.0f;
          a[c] = kp[c][0] * g + kp[c][1];
          b[c] = kp[c][2] * g + kp[c][3];
        }
      }
      fn(r, a, b);
    }
  }

  /// Rows are handed to threads in this many contiguous stripes (each stripe interpolates its
  /// first source rows afresh, so not one per row).
  int stripes() const { return std::max(1, std::min(l_full_.rows, 2 * cv::getNumThreads())); }

 private:
  const cv::Mat& l_full_;
  cv::Mat k_;  ///< CV_32FC4 low-resolution coefficients
  bool rowwise_;
  std::optional<BilinearPlan> plan_;
  cv::Mat k_full_;
};

}  // namespace

cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings, const cv::Mat& l_low) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  if (ab_low.size() == l_full.size() && settings.radius_px <= 0)
    return ab_low.clone();
  const GuidedRows rows(l_full, ab_low, l_low, settings);
  cv::Mat ab_full(l_full.size(), CV_32FC2);
  cv::parallel_for_(
      cv::Range(0, l_full.rows),
      [&](const cv::Range& range) {
        rows.forRows(range, [&](int r, const float* a, const float* b) {
          cv::Vec2f* out = ab_full.ptr<cv::Vec2f>(r);
          for (int c = 0; c < l_full.cols; ++c)
            out[c] = cv::Vec2f(a[c], b[c]);
        });
      },
      rows.stripes());
  return ab_full;
}

cv::Mat upsampleAbBilinear(const cv::Mat& ab_low, cv::Size full_size) {
  CV_Assert(ab_low.type() == CV_32FC2);
  cv::Mat out;
  cv::resize(ab_low, out, full_size, 0, 0, cv::INTER_LINEAR);
  return out;
}

cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low,
                        const GuidedUpsampleSettings& settings, const Grade* grade,
                        const cv::Mat& l_low) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  if (ab_low.size() == l_full.size() && settings.radius_px <= 0)
    return labToRgb8(l_full, ab_low, grade);
  const GuidedRows rows(l_full, ab_low, l_low, settings);
  cv::Mat out(l_full.size(), CV_8UC3);
  cv::parallel_for_(
      cv::Range(0, l_full.rows),
      [&](const cv::Range& range) {
        rows.forRows(range, [&](int r, const float* a, const float* b) {
          labRowToRgb8(l_full.ptr<float>(r), a, b, l_full.cols, grade, out.ptr<cv::Vec3b>(r));
        });
      },
      rows.stripes());
  return out;
}

cv::Mat recombineToRgb16(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings, const Grade* grade,
                         const cv::Mat& l_low) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  const cv::Mat ab = ab_low.size() == l_full.size() && settings.radius_px <= 0
                         ? ab_low
                         : upsampleAbGuided(l_full, ab_low, settings, l_low);
  // The shot's grade first, then the fade near black and white, as in the 8-bit path (LabToRgb8).
  const cv::Mat graded = grade && !grade->isIdentity() ? applyGrade(*grade, ab) : ab;
  cv::Mat rgb16;
  labToRgb(mergeLab(l_full, fadeChroma(l_full, graded))).convertTo(rgb16, CV_16U, 65535.0);
  return rgb16;
}

}  // namespace cf::color
