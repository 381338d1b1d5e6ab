#include "guide/KeyframeReach.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace cf::guide {

cv::Mat trustOf(const cv::Mat& confidence, double full_trust) {
  cv::Mat trust = confidence * (1.0 / std::max(1e-6, full_trust));
  cv::threshold(trust, trust, 1.0, 1.0, cv::THRESH_TRUNC);
  return trust;
}

double trustedShare(const cv::Mat& confidence, double full_trust, const cv::Mat& mask) {
  if (confidence.empty())
    return 0.0;
  cv::Mat trust = trustOf(confidence, full_trust);
  if (!mask.empty())
    trust.setTo(0.0, mask == 0);
  return cv::sum(trust)[0] / double(trust.total());
}

ReachGap longestGap(int64_t first, const std::vector<double>& shares, double key_share,
                    const ReachSettings& settings) {
  ReachGap best;
  if (key_share <= 0.0)
    return best;
  const double limit = settings.min_relative * key_share;
  const auto n = static_cast<int64_t>(shares.size());
  for (int64_t i = 0; i < n;) {
    const auto inGap = [&](int64_t j) {
      const double s = shares[static_cast<size_t>(j)];
      return s >= 0.0 && s < limit;
    };
    if (!inGap(i)) {
      ++i;
      continue;
    }
    int64_t j = i;
    double low = shares[static_cast<size_t>(i)];
    for (; j < n && inGap(j); ++j)
      low = std::min(low, shares[static_cast<size_t>(j)]);
    // The first frame near the low (a stretch that fades out slowly: where it gets bad, rather
    // than its very end).
    int64_t weakest = i;
    while (shares[static_cast<size_t>(weakest)] > low + 0.05)
      ++weakest;
    const int64_t length = j - i;
    if (length >= settings.min_frames && (best.empty() || length > best.last - best.first + 1)) {
      best.first = first + i;
      best.last = first + j - 1;
      best.weakest = first + weakest;
      best.share = shares[static_cast<size_t>(weakest)];
      best.relative = best.share / key_share;
    }
    i = j;
  }
  return best;
}

}  // namespace cf::guide
