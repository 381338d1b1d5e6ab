#pragma once
// Small helpers shared by the media suites: frame planes as bytes, frame equality, PSNR.

#include <QByteArray>
#include <opencv2/core.hpp>

#include "media/Frame.h"

namespace cf::test {

/// Y, U, V bytes of a frame, in the layout of ffmpeg's rawvideo output (planar, native endian).
inline QByteArray planeBytes(const cf::media::Frame& frame) {
  QByteArray bytes;
  for (const cv::Mat* plane : {&frame.y, &frame.u, &frame.v}) {
    const cv::Mat continuous = plane->isContinuous() ? *plane : plane->clone();
    bytes.append(reinterpret_cast<const char*>(continuous.data),
                 static_cast<qsizetype>(continuous.total() * continuous.elemSize()));
  }
  return bytes;
}

inline bool samePlanes(const cf::media::Frame& a, const cf::media::Frame& b) {
  return a.y.size() == b.y.size() && a.u.size() == b.u.size() && a.y.type() == b.y.type() &&
         cv::norm(a.y, b.y, cv::NORM_INF) == 0 && cv::norm(a.u, b.u, cv::NORM_INF) == 0 &&
         cv::norm(a.v, b.v, cv::NORM_INF) == 0;
}

/// PSNR in dB of two planes on a `peak` scale (255 for 8-bit).
inline double psnr(const cv::Mat& a, const cv::Mat& b, double peak) {
  cv::Mat fa, fb;
  a.convertTo(fa, CV_64F);
  b.convertTo(fb, CV_64F);
  const double mse = cv::norm(fa, fb, cv::NORM_L2SQR) / static_cast<double>(a.total());
  return mse <= 1e-12 ? 100.0 : 10.0 * std::log10(peak * peak / mse);
}

}  // namespace cf::test
