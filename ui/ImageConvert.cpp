#include "ImageConvert.h"

#include <algorithm>
#include <cmath>

#include <QTransform>

namespace cf::ui {

QImage toQImage(const cv::Mat& mat) {
  if (mat.empty())
    return {};
  if (mat.type() == CV_8UC3) {
    const QImage view(mat.data, mat.cols, mat.rows, static_cast<qsizetype>(mat.step),
                      QImage::Format_RGB888);
    return view.copy();
  }
  if (mat.type() == CV_8UC1) {
    const QImage view(mat.data, mat.cols, mat.rows, static_cast<qsizetype>(mat.step),
                      QImage::Format_Grayscale8);
    return view.copy();
  }
  return {};
}

QImage turnedUpright(const QImage& image, int rotation_deg) {
  const int quarter_turns = (((rotation_deg % 360) + 360) % 360) / 90;
  if (image.isNull() || quarter_turns == 0)
    return image;
  // Qt's y axis points down, so a positive angle turns clockwise; quarter turns are exact.
  return image.transformed(QTransform().rotate(90.0 * quarter_turns));
}

QColor confidenceColour(float u) {
  const float c = std::clamp(u, 0.f, 1.f);
  // Least sure: opaque-ish red; the middle: faint orange; most sure: clear.
  const int alpha = static_cast<int>(std::pow(1.f - c, 1.5f) * 190.f);
  const int green = static_cast<int>(c * 220.f);
  return QColor(255, green, 0, alpha);
}

QImage confidenceHeatMap(const cv::Mat& scaled) {
  if (scaled.empty() || scaled.type() != CV_32FC1)
    return {};
  QImage out(scaled.cols, scaled.rows, QImage::Format_ARGB32_Premultiplied);
  for (int y = 0; y < scaled.rows; ++y) {
    const float* src = scaled.ptr<float>(y);
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < scaled.cols; ++x)
      dst[x] = src[x] < 0.f ? qRgba(0, 0, 0, 0) : qPremultiply(confidenceColour(src[x]).rgba());
  }
  return out;
}

}  // namespace cf::ui
