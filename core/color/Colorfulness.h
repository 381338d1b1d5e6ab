#pragma once
// Colourfulness metric of Hasler & Suesstrunk (2003), "Measuring colourfulness in natural images".

#include <opencv2/core.hpp>

namespace cf::color {

/// M = sigma_rgyb + 0.3 * mu_rgyb on the 0..255 scale, where rg = R - G and yb = (R + G)/2 - B.
/// Accepts CV_8UC3 (0..255) or CV_32FC3 (0..1), RGB order. 0 for a grey image; ~100+ for vivid
/// ones.
double colorfulness(const cv::Mat& rgb);

}  // namespace cf::color
