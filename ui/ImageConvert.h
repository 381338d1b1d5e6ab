#pragma once
// Zero-copy-where-possible conversions between OpenCV images and QImage for painting.

#include <QColor>
#include <QImage>
#include <opencv2/core.hpp>

namespace cf::ui {

/// CV_8UC3 RGB or CV_8UC1 -> QImage. The QImage owns a deep copy (one visible copy at the border).
QImage toQImage(const cv::Mat& mat);

/// `image` turned clockwise by `rotation_deg` (a multiple of 90; StreamInfo::rotation_deg), so a
/// picture stored sideways shows upright. The image itself when the rotation is 0.
QImage turnedUpright(const QImage& image, int rotation_deg);

/// The overlay's colour for a rescaled confidence u (0 = least sure in the shot .. 1 = most sure):
/// red, through orange, to clear. Also the legend's gradient.
QColor confidenceColour(float u);

/// Confidence rescaled by analysis::scaledConfidence (0..1, -1 outside the picture) -> a
/// semi-transparent heat map; the bars (-1) stay clear.
QImage confidenceHeatMap(const cv::Mat& scaled);

}  // namespace cf::ui
