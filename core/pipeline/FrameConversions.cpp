#include "pipeline/FrameConversions.h"

#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "media/FrameToRgb.h"

namespace cf::pipeline {

cv::Mat lumaL(const media::Frame& frame) {
  return color::lumaToL(frame.y, frame.bit_depth, frame.full_range);
}

cv::Mat frameToRgb8(const media::Frame& frame) {
  auto rgb = media::frameToRgb8(frame);
  return rgb ? *rgb : cv::Mat();
}

bool frameHasChroma(const media::Frame& frame) {
  if (frame.u.empty() || frame.v.empty())
    return false;
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
