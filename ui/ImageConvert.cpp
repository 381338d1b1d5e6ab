#include "ImageConvert.h"

#include <algorithm>

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

QImage confidenceHeatMap(const cv::Mat& confidence) {
  if (confidence.empty() || confidence.type() != CV_32FC1)
    return {};
  QImage out(confidence.cols, confidence.rows, QImage::Format_ARGB32_Premultiplied);
  for (int y = 0; y < confidence.rows; ++y) {
    const float* src = confidence.ptr<float>(y);
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < confidence.cols; ++x) {
      const float c = std::clamp(src[x], 0.f, 1.f);
      // Uncertain pixels are tinted red-to-yellow; confident pixels stay transparent.
      const int alpha = static_cast<int>((1.f - c) * 160.f);
      const int green = static_cast<int>(c * 200.f);
      dst[x] = qPremultiply(qRgba(255, green, 0, alpha));
    }
  }
  return out;
}

}  // namespace cf::ui
