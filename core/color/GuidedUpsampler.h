#pragma once
// L-guided upsampling of low-resolution ab to the full-resolution L, and recombination to RGB.
//
// The network predicts ab at the working resolution (e.g. 256 px high); the output keeps the
// source's full-resolution L. Plain bilinear upsampling of ab bleeds colour across edges; the fast
// guided filter (He & Sun 2015) fits ab = a*L + b locally at low resolution and applies the
// upsampled coefficients to the sharp full-resolution L, so colour edges follow luminance edges.

#include <opencv2/core.hpp>

#include "color/Grade.h"

namespace cf::color {

struct GuidedUpsampleSettings {
  int radius_px = 2;      ///< box radius at the low (ab) resolution
  double epsilon = 2e-3;  ///< regularisation on the guide's variance, guide in [0,1]
};

/// Upsamples CV_32FC2 `ab_low` to the size of CV_32FC1 `l_full` (L 0..100), guided by L.
/// `l_low`, optional, is L already at ab_low's size, exactly as
/// cv::resize(l_full, ab_low.size(), 0, 0, cv::INTER_AREA) gives it (the export's working-
/// resolution L, model::Colorizer::toWorkingResolution): passing it saves computing it again. It
/// is used only where it can be that resize (same size as ab_low, l_full not smaller).
cv::Mat upsampleAbGuided(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings = {},
                         const cv::Mat& l_low = cv::Mat());

/// Plain bilinear upsampling of ab (the baseline the guided version is measured against).
cv::Mat upsampleAbBilinear(const cv::Mat& ab_low, cv::Size full_size);

/// Full-resolution L plus low-resolution ab -> CV_8UC3 RGB, using upsampleAbGuided(), with the
/// shot's `grade` (null: none) applied to the upsampled ab (LabToRgb8.h). The preview and the
/// export both end here, so they show the same pixels. Computed a row at a time: the
/// full-resolution ab is never stored. `l_low` as for upsampleAbGuided().
cv::Mat recombineToRgb8(const cv::Mat& l_full, const cv::Mat& ab_low,
                        const GuidedUpsampleSettings& settings = {}, const Grade* grade = nullptr,
                        const cv::Mat& l_low = cv::Mat());

/// The same at full precision: CV_16UC3 RGB (0..65535), computed in float from the full-precision
/// L, for 10- to 16-bit sources and outputs (no 8-bit step).
cv::Mat recombineToRgb16(const cv::Mat& l_full, const cv::Mat& ab_low,
                         const GuidedUpsampleSettings& settings = {}, const Grade* grade = nullptr,
                         const cv::Mat& l_low = cv::Mat());

}  // namespace cf::color
