#pragma once
// sRGB <-> CIE Lab (D65) in float, and video luma -> L. Chromaflow works on L (0..100) and ab.

#include <opencv2/core.hpp>

namespace cf::color {

/// CV_32FC3 sRGB in [0,1], RGB channel order -> CV_32FC3 Lab (L 0..100, a, b), D65 white.
cv::Mat rgbToLab(const cv::Mat& rgb);

/// CV_32FC3 Lab -> CV_32FC3 sRGB in [0,1] (RGB order), clipped to the gamut.
cv::Mat labToRgb(const cv::Mat& lab);

/// Video luma plane (CV_8UC1 or CV_16UC1 holding `bit_depth`-bit values) -> CV_32FC1 L in 0..100.
/// Limited-range ("TV") luma is expanded first. Luma Y' is treated as the sRGB grey value, so a
/// grey pixel of code value Y' gets the L of the sRGB colour (Y', Y', Y').
cv::Mat lumaToL(const cv::Mat& y, int bit_depth, bool full_range);

/// CV_32FC1 L in 0..100 -> CV_8UC1 full-range grey (the inverse of lumaToL for 8-bit full range).
cv::Mat lToGrey8(const cv::Mat& l);

/// Resizes to `height_px`, keeping the aspect ratio (width rounded to the nearest pixel, >= 1).
/// Uses area averaging when shrinking and bilinear interpolation when enlarging.
cv::Mat resizeToHeight(const cv::Mat& img, int height_px);

/// Joins CV_32FC1 L and CV_32FC2 ab of the same size into CV_32FC3 Lab.
cv::Mat mergeLab(const cv::Mat& l, const cv::Mat& ab);

/// Splits CV_32FC3 Lab into L (CV_32FC1) and ab (CV_32FC2).
void splitLab(const cv::Mat& lab, cv::Mat* l, cv::Mat* ab);

}  // namespace cf::color
