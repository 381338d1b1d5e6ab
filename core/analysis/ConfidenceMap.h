#pragma once
// What the confidence overlay shows: the picture without its letterbox/pillarbox bars (found on
// L), and the confidence rescaled between low and high percentiles of the shot, so that the
// overlay shows where the model is less sure than elsewhere in the shot instead of a uniform wash
// (a classification model's confidence sits in a narrow band, e.g. 0.2-0.4, on most film).

#include <opencv2/core.hpp>
#include <vector>

namespace cf::analysis {

/// Rows/columns at the frame's edges whose mean L is at most this and whose brightest pixel is at
/// most kBarMaxPeakL are letterbox/pillarbox bars.
constexpr float kBarMaxMeanL = 6.f;
constexpr float kBarMaxPeakL = 20.f;

/// The picture inside the black bars of `l` (CV_32FC1, L 0..100). The whole frame when there are
/// no bars, or when the bars would leave less than a quarter of either side (a dark scene, not
/// bars).
cv::Rect pictureArea(const cv::Mat& l);

/// `area` (in `l`'s pixels) mapped to a map of another size (e.g. the confidence at working
/// resolution, when `l` is at the source's).
cv::Rect scaleArea(const cv::Rect& area, cv::Size from, cv::Size to);

/// The display range of the overlay.
struct ConfidenceScale {
  float low = 0.f;   ///< shown as "least sure" (and below)
  float high = 1.f;  ///< shown as "most sure" (and above)
};

/// The `low_pct` and `high_pct` percentiles (0..1) of `confidence` (CV_32FC1) inside `area`;
/// {0, 1} for an empty map.
ConfidenceScale confidencePercentiles(const cv::Mat& confidence, const cv::Rect& area,
                                      double low_pct = 0.05, double high_pct = 0.95);

/// The shot's scale from its frames' percentiles: the median of the lows and of the highs (one
/// odd frame does not change the shot's scale), at least `min_span` apart.
ConfidenceScale shotScale(const std::vector<ConfidenceScale>& frames, float min_span = 0.05f);

/// Confidence rescaled to 0 (the scale's low, least sure) .. 1 (its high), CV_32FC1; -1 outside
/// `area` (the bars: nothing to show).
cv::Mat scaledConfidence(const cv::Mat& confidence, const cv::Rect& area,
                         const ConfidenceScale& scale);

}  // namespace cf::analysis
