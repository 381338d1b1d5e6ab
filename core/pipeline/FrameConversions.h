#pragma once
// Conversions from decoded media frames to what the pipeline works on.

#include <opencv2/core.hpp>

#include "media/Frame.h"

namespace cf::pipeline {

/// Full-resolution L (CV_32FC1, 0..100) from the frame's luma.
cv::Mat lumaL(const media::Frame& frame);

/// The frame's own colours as CV_8UC3 RGB (media::frameToRgb8); empty if it cannot be converted.
cv::Mat frameToRgb8(const media::Frame& frame);

/// True when the frame's chroma is not neutral (the source carries colour).
bool frameHasChroma(const media::Frame& frame);

/// Grey CV_8UC3 picture of an L image (what the model sees).
cv::Mat greyRgb8(const cv::Mat& l);

}  // namespace cf::pipeline
