#pragma once
// Per-frame quality signals of a colourised frame (pure functions, working resolution).

#include <cstdint>
#include <opencv2/core.hpp>

#include "analysis/FailureTypes.h"

namespace cf::analysis {

/// Everything one frame's signals are computed from, at working resolution. The previous frame
/// arrives already warped along the flow (core/temporal does the warping), so this module does
/// not depend on how flow is computed.
struct FrameSignalInputs {
  int64_t frame_index = 0;
  cv::Mat l;               ///< CV_32FC1, L 0..100
  cv::Mat ab;              ///< CV_32FC2, the colourised ab
  cv::Mat confidence;      ///< CV_32FC1 0..1; empty when the model gives none
  cv::Mat warped_prev_l;   ///< CV_32FC1, previous L warped onto this frame; empty at a shot start
  cv::Mat warped_prev_ab;  ///< CV_32FC2, previous ab warped onto this frame
  cv::Mat valid_mask;      ///< CV_8UC1, non-zero where the flow is reliable; empty = all valid
  cv::Mat flow;            ///< CV_32FC2, flow previous -> this frame in px; may be empty
  bool scene_cut = false;  ///< a new shot starts at this frame
};

/// Hue band (degrees of atan2(b, a)) that counts as sepia / orange-brown.
constexpr double kSepiaHueLowDeg = 20.0;
constexpr double kSepiaHueHighDeg = 75.0;
/// Chroma below this (ab units) counts as grey and is ignored by the hue statistics.
constexpr double kMinChroma = 3.0;
/// Confidence below this counts as "low confidence". Confidence is 1 - normalised entropy over
/// ~260 ab bins, so 0.2 means the model spreads its belief over a large part of the gamut.
constexpr double kLowConfidence = 0.2;

FrameMetrics computeFrameMetrics(const FrameSignalInputs& in);

/// Masked mean over pixels of the squared change ||a - b||^2 (summed over channels); `mask`
/// CV_8UC1, non-zero = counted, empty = all. The flicker signal's numerator: `a` a frame's ab,
/// `b` the previous frame's ab warped onto it. 0 when the mask is all zero.
double maskedMeanSquaredChange(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask);

/// The flicker signal from its two parts: colour change the luminance change does not explain
/// (+1 keeps static shots finite).
inline double flickerRatio(double flicker_ab, double flicker_luma) {
  return flicker_ab / (flicker_luma + 1.0);
}

}  // namespace cf::analysis
