#include "color/GuidedUpsampler.h"

#include <opencv2/imgproc.hpp>

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

}  // namespace

// Hand-written: OpenCV's ximgproc::guidedFilter filters at one resolution only; the fast
// (subsampled) guided filter needs the coefficients computed at low resolution and applied at
// full resolution, which is a few box filters.
cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings) {
  CV_Assert(l_full.type() == CV_32FC1 && ab_low.type() == CV_32FC2);
  if (ab_low.size() == l_full.size() && settings.radius_px <= 0)
    return ab_low.clone();

  cv::Mat guide_full;
  l_full.convertTo(guide_full, CV_32F, 1.0 / 100.0);
  cv::Mat guide_low;
  cv::resize(guide_full, guide_low, ab_low.size(), 0, 0, cv::INTER_AREA);

  const int r = std::max(1, settings.radius_px);
  const cv::Mat mean_i = boxMean(guide_low, r);
  const cv::Mat var_i = boxMean(guide_low.mul(guide_low), r) - mean_i.mul(mean_i);

  cv::Mat channels[2];
  cv::split(ab_low, channels);
  cv::Mat out_channels[2];
  for (int c = 0; c < 2; ++c) {
    const cv::Mat& p = channels[c];
    const cv::Mat mean_p = boxMean(p, r);
    const cv::Mat cov_ip = boxMean(guide_low.mul(p), r) - mean_i.mul(mean_p);
    cv::Mat a = cov_ip / (var_i + settings.epsilon);
    cv::Mat b = mean_p - a.mul(mean_i);
    cv::Mat a_full, b_full;
    cv::resize(boxMean(a, r), a_full, l_full.size(), 0, 0, cv::INTER_LINEAR);
    cv::resize(boxMean(b, r), b_full, l_full.size(), 0, 0, cv::INTER_LINEAR);
    out_channels[c] = a_full.mul(guide_full) + b_full;
  }
  cv::Mat ab_full;
  cv::merge(out_channels, 2, ab_full);
  return ab_full;
}

cv::Mat upsampleAbBilinear(const cv::Mat& ab_low, cv::Size full_size) {
  CV_Assert(ab_low.type() == CV_32FC2);
  cv::Mat out;
  cv::resize(ab_low, out, full_size, 0, 0, cv::INTER_LINEAR);
  return out;
}

cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low,
                        const GuidedUpsampleSettings& settings) {
  return labToRgb8(l_full, upsampleAbGuided(l_full, ab_low, settings));
}

}  // namespace cf::color
