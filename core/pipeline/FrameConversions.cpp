#include "pipeline/FrameConversions.h"

#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"

namespace cf::pipeline {

cv::Mat lumaL(const media::Frame& frame) {
  return color::lumaToL(frame.y, frame.bit_depth, frame.full_range);
}

namespace {

cv::Mat planeToFloat(const cv::Mat& plane, int bit_depth, cv::Size size) {
  cv::Mat f;
  plane.convertTo(f, CV_32F, 255.0 / double((1 << bit_depth) - 1));
  if (f.size() != size) cv::resize(f, f, size, 0, 0, cv::INTER_LINEAR);
  return f;
}

}  // namespace

cv::Mat frameToRgb8(const media::Frame& frame) {
  const cv::Size size = frame.y.size();
  cv::Mat y = planeToFloat(frame.y, frame.bit_depth, size);
  cv::Mat cb = planeToFloat(frame.u, frame.bit_depth, size) - 128.0;
  cv::Mat cr = planeToFloat(frame.v, frame.bit_depth, size) - 128.0;
  double y_scale = 1.0, c_scale = 1.0;
  if (!frame.full_range) {
    y = y - 16.0;
    y_scale = 255.0 / 219.0;
    c_scale = 255.0 / 224.0;
  }
  const bool hd = size.height >= 720;
  const double kr = hd ? 0.2126 : 0.299, kb = hd ? 0.0722 : 0.114, kg = 1.0 - kr - kb;
  y *= y_scale;
  cb *= c_scale;
  cr *= c_scale;
  const cv::Mat r = y + 2.0 * (1.0 - kr) * cr;
  const cv::Mat b = y + 2.0 * (1.0 - kb) * cb;
  const cv::Mat g = y - (2.0 * kb * (1.0 - kb) / kg) * cb - (2.0 * kr * (1.0 - kr) / kg) * cr;
  const cv::Mat channels[] = {r, g, b};
  cv::Mat rgb, rgb8;
  cv::merge(channels, 3, rgb);
  rgb.convertTo(rgb8, CV_8U);
  return rgb8;
}

bool frameHasChroma(const media::Frame& frame) {
  if (frame.u.empty() || frame.v.empty()) return false;
  const double neutral = double(1 << (frame.bit_depth - 1));
  const double scale = 255.0 / double((1 << frame.bit_depth) - 1);
  cv::Mat du, dv;
  cv::absdiff(frame.u, cv::Scalar(neutral), du);
  cv::absdiff(frame.v, cv::Scalar(neutral), dv);
  return (cv::mean(du)[0] + cv::mean(dv)[0]) * scale > 1.5;
}

cv::Mat greyRgb8(const cv::Mat& l) {
  cv::Mat grey = color::lToGrey8(l), rgb;
  cv::cvtColor(grey, rgb, cv::COLOR_GRAY2RGB);
  return rgb;
}

}  // namespace cf::pipeline
