#pragma once
// The colour network's output at its own resolution, and the one function that turns it into ab
// at the working resolution. The slim network predicts at 1/8 of the (padded) working frame; the
// disk cache keeps that small output and upsamples it again on read, so the same function must
// serve a frame computed now and a frame read back: upsampleToFrame() is deterministic (plain
// OpenCV bilinear on the CPU, half-pixel centres like torch's interpolate with
// align_corners=false), whatever the device the network ran on.

#include <opencv2/core.hpp>

namespace cf::model {

struct NetworkOutput {
  cv::Mat ab;          ///< CV_32FC2, Lab units, at the network's output resolution
  cv::Mat confidence;  ///< CV_32FC1 0..1, same size; empty when the model gives none
  /// The padded input the output covers (the working frame, padded to the model's multiple);
  /// the frame is its top-left part.
  cv::Size padded;
  cv::Size frame;  ///< the working-resolution frame
};

/// `native` (any depth-32F matrix covering `padded`) upsampled bilinearly to `padded` and cropped
/// to the top-left `frame`.
cv::Mat upsampleToFrame(const cv::Mat& native, cv::Size padded, cv::Size frame);

/// ab and confidence of `out` at the working resolution (confidence clamped to 0..1; empty when
/// the output has none).
void upsampleOutput(const NetworkOutput& out, cv::Mat& ab, cv::Mat& confidence);

}  // namespace cf::model
