#pragma once
// Tiny synthetic videos for the core/temporal suites: textured L frames with a known motion and
// their ab frames, generated in memory from a seed.

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

#include "temporal/FrameLink.h"

namespace cf::test {

struct SyntheticVideo {
  std::vector<cv::Mat> l;            ///< CV_32FC1, 0..100
  std::vector<cv::Mat> ab;           ///< CV_32FC2, ground-truth colour
  std::vector<cv::Mat> object_mask;  ///< CV_8UC1, 255 on the moving object
};

/// Smooth random texture in [lo, hi], CV_32FC1.
cv::Mat randomTexture(cv::Size size, uint64_t seed, float lo, float hi, double blur_sigma = 1.5);

/// Static textured background with ab `background_ab`, and a textured square of side
/// `object_px` with ab `object_ab` moving by `velocity` px per frame from `start`.
SyntheticVideo movingObjectVideo(int frames, cv::Size size, int object_px, cv::Point2f start,
                                 cv::Point2f velocity, cv::Vec2f background_ab, cv::Vec2f object_ab,
                                 uint64_t seed);

/// Adds a random global ab offset, uniform in [-amplitude, amplitude] per channel, per frame.
std::vector<cv::Mat> addFlicker(const std::vector<cv::Mat>& ab, float amplitude, uint64_t seed);

/// Links of consecutive frames with DIS flow at full resolution (links[0] is null).
std::vector<cf::temporal::FrameLinkPtr> computeLinks(const std::vector<cv::Mat>& l);

/// Mean ab over the pixels where mask != 0.
cv::Vec2f meanAb(const cv::Mat& ab, const cv::Mat& mask);

}  // namespace cf::test
