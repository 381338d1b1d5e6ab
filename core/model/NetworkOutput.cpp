#include "model/NetworkOutput.h"

#include <opencv2/imgproc.hpp>

namespace cf::model {

cv::Mat upsampleToFrame(const cv::Mat& native, cv::Size padded, cv::Size frame) {
  CV_Assert(native.depth() == CV_32F && !native.empty());
  CV_Assert(frame.width <= padded.width && frame.height <= padded.height);
  cv::Mat full;
  if (native.size() == padded)
    full = native;
  else
    cv::resize(native, full, padded, 0, 0, cv::INTER_LINEAR);
  if (frame == padded)
    return full.data == native.data ? full.clone() : full;
  return full(cv::Rect(cv::Point(0, 0), frame)).clone();
}

void upsampleOutput(const NetworkOutput& out, cv::Mat& ab, cv::Mat& confidence) {
  ab = upsampleToFrame(out.ab, out.padded, out.frame);
  confidence.release();
  if (out.confidence.empty())
    return;
  confidence = upsampleToFrame(out.confidence, out.padded, out.frame);
  cv::min(confidence, 1.0, confidence);
  cv::max(confidence, 0.0, confidence);
}

}  // namespace cf::model
