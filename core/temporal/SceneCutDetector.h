#pragma once
// Hard scene cuts from luma histograms and frame differences. A cut is a frame whose histogram
// distance to its predecessor is large in absolute terms, large relative to the distances of the
// neighbouring frames (so the gradual change of a fade or dissolve, spread over many frames, does
// not count), and confirmed by a large mean frame difference.

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace cf::temporal {

/// Small per-frame summary used by the detector (a whole film's features fit in memory).
struct CutFeatures {
  cv::Mat histogram;  ///< CV_32FC1 1 x 64, sums to 1
  cv::Mat thumbnail;  ///< CV_32FC1, 64 px wide, luma in 0..1
};

/// Features of a luma frame: CV_32FC1 L (0..100) or CV_8UC1.
CutFeatures cutFeatures(const cv::Mat& luma);

struct SceneCutSettings {
  double min_histogram_distance = 0.2;  ///< total-variation distance of histograms, 0..1
  double min_frame_difference = 0.04;   ///< mean absolute thumbnail difference, luma 0..1
  double neighbour_ratio = 3.0;         ///< distance / median of the neighbours' distances
  int neighbourhood_frames = 6;         ///< frames on each side used for that median
};

struct SceneCut {
  int64_t frame = 0;  ///< first frame of the new shot
  double histogram_distance = 0.0;
  double frame_difference = 0.0;
};

struct Shot {
  int64_t first_frame = 0;
  int64_t end_frame = 0;  ///< one past the last frame
};

std::vector<SceneCut> detectSceneCuts(const std::vector<CutFeatures>& features,
                                      const SceneCutSettings& settings = {});

/// How far frame t is from frame t-1: what the detector needs of a frame pair. A film's worth is
/// 16 bytes a frame, so a long film's cut scan keeps these instead of the features.
struct CutDistance {
  double histogram = 0.0;         ///< total-variation distance of the histograms, 0..1
  double frame_difference = 0.0;  ///< mean absolute thumbnail difference, luma 0..1
};
CutDistance cutDistance(const CutFeatures& prev, const CutFeatures& cur);

/// The same detection from distances[t] = cutDistance(frame t-1, frame t) (distances[0] unused).
std::vector<SceneCut> detectSceneCuts(const std::vector<CutDistance>& distances,
                                      const SceneCutSettings& settings = {});

/// Splits 0..frame_count-1 at the cuts.
std::vector<Shot> shotsFromCuts(const std::vector<SceneCut>& cuts, int64_t frame_count);

}  // namespace cf::temporal
