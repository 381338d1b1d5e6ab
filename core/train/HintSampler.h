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

/// Dense hints, CV_32FC3 (a, b, mask) of ab's size, as keyframe propagation gives them to the
/// network (guide::networkHints): ground-truth colour almost everywhere, softened as carried
/// colour is (a Gaussian blur of up to 2 px on half of the samples), with holes where nothing
/// was carried: 1..4 ellipses (people walking in, occlusions), on 35 % of the samples a band at
/// one edge (what a pan brings in), and on 15 % the other way round, colour only inside the
/// ellipses (a frame the keyframe barely reaches). At least 5 % of the picture is a hole, so
/// there is always something to predict.
cv::Mat renderDenseHints(const cv::Mat& ab, Rng& rng);

}  // namespace cf::train
