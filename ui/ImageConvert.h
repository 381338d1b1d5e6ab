#pragma once
// Zero-copy-where-possible conversions between OpenCV images and QImage for painting.

#include <QImage>
#include <opencv2/core.hpp>

namespace cf::ui {

/// CV_8UC3 RGB or CV_8UC1 -> QImage. The QImage owns a deep copy (one visible copy at the border).
QImage toQImage(const cv::Mat& mat);

/// CV_32FC1 confidence in 0..1 -> semi-transparent heat map (low confidence = red, high = clear).
QImage confidenceHeatMap(const cv::Mat& confidence);

}  // namespace cf::ui
