#pragma once
// Fast CIE Lab -> 8-bit sRGB for the export's last step, fused with the merge of L and ab.
//
// labToRgb() (LabConversion.h) evaluates the sRGB gamma with pow() in double precision and
// returns floats; at 1080p that is most of the recombination time. Here the linear-light value is
// mapped to its 8-bit code through the 255 decision thresholds of the sRGB curve (a coarse table
// plus at most a few comparisons), so the result is the correctly rounded 8-bit code without any
// pow() per pixel. Matches labToRgb() + round to within one code on rare threshold ties. The
// arithmetic runs four pixels at a time (OpenCV's universal intrinsics) with the same operations,
// in the same order, as one pixel at a time, so the result does not depend on the vector width.

#include <opencv2/core.hpp>

#include "color/Grade.h"

namespace cf::color {

/// L (CV_32FC1, 0..100) and ab (CV_32FC2, same size) -> CV_8UC3 RGB, clipped to the sRGB gamut.
/// `grade` (the shot's grading; null for none) applies to ab first (Grade.h); then the chroma
/// fades to neutral near L 0 and L 100 (ChromaFade.h), so black and white stay so.
cv::Mat labToRgb8(const cv::Mat& l, const cv::Mat& ab, const Grade* grade = nullptr);

/// One row of `cols` pixels: lightness `l` and chroma `a`, `b` (separate arrays) -> `dst`, the
/// same conversion as labToRgb8() per pixel. For callers that produce ab a row at a time (the
/// guided upsampler), so that no full-resolution ab is stored.
void labRowToRgb8(const float* l, const float* a, const float* b, int cols, const Grade* grade,
                  cv::Vec3b* dst);

}  // namespace cf::color
