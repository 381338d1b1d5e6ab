#pragma once
// Checks the colour network's output before anything uses or caches it. A broken or mismatched
// model can return NaN, infinity or absurd values (1e30); left alone, one such pixel blackens the
// frame's colour conversion and the temporal smoothing spreads it over every frame of the shot.
// Invalid pixels are masked (ab 0 = grey, confidence 0) and counted; a frame that is mostly
// invalid is an error naming the frame, because masking it would export a grey film with exit 0.

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>

#include "common/Result.h"

namespace cf::pipeline {

/// |a| or |b| above this is not a colour: Lab ab stays within about +-128.
constexpr float kMaxAbMagnitude = 1000.0f;
/// A frame with more than this fraction of invalid pixels fails instead of being masked.
constexpr double kMaxMaskedFraction = 0.5;

/// Running count of what checkNetworkOutput() masked.
struct MaskedOutput {
  int64_t frames = 0;
  int64_t pixels = 0;
  int64_t first_frame = -1;
};

/// Checks the ab (CV_32FC2) and confidence (CV_32FC1 or empty) of `frame` in place: invalid
/// pixels (non-finite or beyond kMaxAbMagnitude in a or b, or non-finite confidence) become ab 0
/// and confidence 0 and are added to `masked`. Fails, naming the frame, when more than
/// kMaxMaskedFraction of the pixels are invalid.
Status checkNetworkOutput(int64_t frame, cv::Mat& ab, cv::Mat& confidence, MaskedOutput& masked);

/// One line for the user about `masked`; empty when nothing was masked.
std::string maskedOutputNote(const MaskedOutput& masked);

}  // namespace cf::pipeline
