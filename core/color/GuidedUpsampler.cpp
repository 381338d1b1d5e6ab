#include "color/GuidedUpsampler.h"

#include <opencv2/imgproc.hpp>

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

// Hand-written: OpenCV's ximgproc::guidedFilter filters at one resolution only; the fast
// (subsampled) guided filter needs the coefficients computed at low resolution and applied at
// full resolution, which is a few box filters.
//
// Low-resolution coefficients of ab = k0 * g + k1 (a) and k2 * g + k3 (b), g = L / 100, already
// box-averaged, CV_32FC4 at the size of ab_low.
cv::Mat guidedCoefficients(const cv::Mat& l_full, const cv::Mat& ab_low,
                           const GuidedUpsampleSettings& settings) {
  cv::Mat guide_low;
  cv::resize(l_full, guide_low, ab_low.size(), 0, 0, cv::INTER_AREA);
  guide_low *= 1.0 / 100.0;
  const int r = std::max(1, settings.radius_px);
  const cv::Mat mean_i = boxMean(guide_low, r);
  const cv::Mat var_i = boxMean(guide_low.mul(guide_low), r) - mean_i.mul(mean_i);
  cv::Mat channels[2];
  cv::split(ab_low, channels);
  cv::Mat k[4];
  for (int c = 0; c < 2; ++c) {
    const cv::Mat& p = channels[c];
    const cv::Mat mean_p = boxMean(p, r);
    const cv::Mat cov_ip = boxMean(guide_low.mul(p), r) - mean_i.mul(mean_p);
    const cv::Mat a = cov_ip / (var_i + settings.epsilon);
    const cv::Mat b = mean_p - a.mul(mean_i);
    k[2 * c] = boxMean(a, r);
    k[2 * c + 1] = boxMean(b, r);
  }
  cv::Mat coefficients;
  cv::merge(k, 4, coefficients);
  return coefficients;
}

cv::Mat fullResolutionCoefficients(const cv::Mat& l_full, const cv::Mat& ab_low,
                                   const GuidedUpsampleSettings& settings) {
  cv::Mat full;
  cv::resize(guidedCoefficients(l_full, ab_low, settings), full, l_full.size(), 0, 0,
             cv::INTER_LINEAR);
  return full;
}

}  // namespace

cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  if (ab_low.size() == l_full.size() && settings.radius_px <= 0)
    return ab_low.clone();
  const cv::Mat k = fullResolutionCoefficients(l_full, ab_low, settings);
  cv::Mat ab_full(l_full.size(), CV_32FC2);
  for (int r = 0; r < l_full.rows; ++r) {
    const float* lp = l_full.ptr<float>(r);
    const cv::Vec4f* kp = k.ptr<cv::Vec4f>(r);
    cv::Vec2f* out = ab_full.ptr<cv::Vec2f>(r);
    for (int c = 0; c < l_full.cols; ++c) {
      const float g = lp[c] / 100.0f;
      out[c] = cv::Vec2f(kp[c][0] * g + kp[c][1], kp[c][2] * g + kp[c][3]);
    }
  }
  return ab_full;
}

cv::Mat upsampleAbBilinear(const cv::Mat& ab_low, cv::Size full_size) {
  CV_Assert(ab_low.type() == CV_32FC2);
  cv::Mat out;
  cv::resize(ab_low, out, full_size, 0, 0, cv::INTER_LINEAR);
  return out;
}

cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low,
                        const GuidedUpsampleSettings& settings, const Grade* grade) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  if (ab_low.size() == l_full.size() && settings.radius_px <= 0)
    return labToRgb8(l_full, ab_low, grade);
  return labToRgb8Affine(l_full, fullResolutionCoefficients(l_full, ab_low, settings), grade);
}

cv::Mat recombineToRgb16(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings, const Grade* grade) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  const cv::Mat ab = ab_low.size() == l_full.size() && settings.radius_px <= 0
                         ? ab_low
                         : upsampleAbGuided(l_full, ab_low, settings);
  // The shot's grade first, then the fade near black and white, as in the 8-bit path (LabToRgb8).
  const cv::Mat graded = grade && !grade->isIdentity() ? applyGrade(*grade, ab) : ab;
  cv::Mat rgb16;
  labToRgb(mergeLab(l_full, fadeChroma(l_full, graded))).convertTo(rgb16, CV_16U, 65535.0);
  return rgb16;
}

}  // namespace cf::color
