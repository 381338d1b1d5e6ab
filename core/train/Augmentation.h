#pragma once
// Turns one decoded RGB picture into a training sample: random square crop and scale, horizontal
// flip, then Lab; photometric changes (gamma, contrast, optional film blur + grain) touch only L,
// so the ab target stays the picture's true colour. All randomness comes from the caller's
// generator, so a sample is a pure function of (picture, seed).

#include <cstdint>
#include <random>

#include <opencv2/core.hpp>

#include "train/TrainSettings.h"

namespace cf::train {

struct LabSample {
  cv::Mat l;   ///< CV_32FC1, 0..100 (augmented)
  cv::Mat ab;  ///< CV_32FC2, Lab units (the ground truth)
};

using Rng = std::mt19937_64;

/// A generator for sample `index` of step `step` of a run seeded with `seed` (SplitMix64 mix).
Rng sampleRng(uint64_t seed, int64_t step, int64_t index);
uint64_t mixSeed(uint64_t a, uint64_t b);

/// rgb8: CV_8UC3 RGB. Crop side U(min_crop_frac, 1) x the shorter side, resized to crop_px.
LabSample augmentSample(const cv::Mat& rgb8, const AugmentSettings& settings, Rng& rng);

/// No randomness: the centre square, resized to `size_px` (validation and rebalancing).
LabSample centreSample(const cv::Mat& rgb8, int size_px);

/// RGB (CV_8UC3) -> L and ab (CV_32F).
LabSample toLab(const cv::Mat& rgb8);

}  // namespace cf::train
