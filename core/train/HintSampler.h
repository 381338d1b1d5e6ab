#pragma once
// Simulated user hints for training (Zhang et al. 2017, "Real-time user-guided colorization"):
// a geometric number of points, each a square patch holding the mean ground-truth ab of that patch.

#include <opencv2/core.hpp>

#include "train/Augmentation.h"
#include "train/TrainSettings.h"

namespace cf::train {

struct HintPoint {
  cv::Rect patch;
  cv::Vec2f ab;  ///< mean ground-truth ab over the patch
};

/// Number of points ~ Geometric(point_p) (0, 1, 2, ...; mean (1-p)/p), at most 1/4 of the pixels;
/// patch side U{1..max_patch_px}, position uniform inside the image.
std::vector<HintPoint> sampleHintPoints(const cv::Mat& ab, const HintSettings& settings, Rng& rng);

/// Hint image CV_32FC3 (a, b, mask) of ab's size: the points' patches filled with their ab and
/// mask 1, everything else 0.
cv::Mat renderHints(const cv::Size& size, const std::vector<HintPoint>& points);

}  // namespace cf::train
