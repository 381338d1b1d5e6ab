#pragma once
// The colour known on a keyframe, at working resolution: the reference picture's chroma (checked
// against the frame's own luminance) and the click hints' discs on top.

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "common/Result.h"
#include "guide/GuideTypes.h"

namespace cf::guide {

struct KeyframeColour {
  int64_t frame = 0;   ///< source frame
  cv::Mat ab;          ///< CV_32FC2 Lab a/b, working resolution
  cv::Mat confidence;  ///< CV_32FC1 0..1: 1 where the colour is known, 0 elsewhere
  bool full = false;   ///< a reference covers the whole frame
};

/// Below this correlation of L (reference vs frame) a reference is refused as another picture.
constexpr double kMinReferenceCorrelation = 0.5;

/// Pearson correlation of two L images (resized to a common small size and blurred first, so that
/// grain and a slightly different crop do not count); 1 for two flat images of the same mean.
double luminanceCorrelation(const cv::Mat& l_a, const cv::Mat& l_b);

/// Loads a colour picture (any size, any format OpenCV reads, 8 or 16 bits) given in display
/// orientation, turns it to the stored orientation (`rotation_deg` clockwise to display), resizes
/// it to `frame_l`'s size and checks its L against `frame_l` (CV_32FC1 0..100): an error naming the
/// file, the frame and the correlation when it is another picture. Returns its ab (CV_32FC2).
Result<cv::Mat> loadReferenceAb(const std::string& path, int64_t frame, const cv::Mat& frame_l,
                                int rotation_deg);

/// The keyframe colour of `frame` at `size` (stored orientation) from its reference ab (empty
/// when none) and the hints on that frame (others are ignored).
KeyframeColour keyframeColour(int64_t frame, const cv::Mat& reference_ab,
                              const std::vector<HintPoint>& hints, cv::Size size, int rotation_deg);

/// sRGB colour -> Lab a, b.
cv::Vec2f srgbToAb(uint8_t r, uint8_t g, uint8_t b);

}  // namespace cf::guide
