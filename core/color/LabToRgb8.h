#pragma once
// Fast CIE Lab -> 8-bit sRGB for the export's last step, fused with the merge of L and ab.
//
// labToRgb() (LabConversion.h) evaluates the sRGB gamma with pow() in double precision and
// returns floats; at 1080p that is most of the recombination time. Here the linear-light value is
// mapped to its 8-bit code through the 255 decision thresholds of the sRGB curve (a coarse table
// plus at most a few comparisons), so the result is the correctly rounded 8-bit code without any
// pow() per pixel. Matches labToRgb() + round to within one code on rare threshold ties.

#include <opencv2/core.hpp>

#include "color/Grade.h"

namespace cf::color {

/// L (CV_32FC1, 0..100) and ab (CV_32FC2, same size) -> CV_8UC3 RGB, clipped to the sRGB gamut.
/// `grade` (the shot's grading; null for none) applies to ab first (Grade.h); then the chroma
/// fades to neutral near L 0 and L 100 (ChromaFade.h), so black and white stay so.
cv::Mat labToRgb8(const cv::Mat& l, const cv::Mat& ab, const Grade* grade = nullptr);

/// The same with ab given per pixel as an affine function of the guide g = L / 100:
/// a = k0 * g + k1, b = k2 * g + k3, `coefficients` CV_32FC4 (the guided upsampler's output form,
/// so the full-resolution ab is never stored).
cv::Mat labToRgb8Affine(const cv::Mat& l, const cv::Mat& coefficients,
                        const Grade* grade = nullptr);

}  // namespace cf::color
