#pragma once
// Dense optical flow between consecutive L frames (OpenCV DIS, Farneback or TV-L1), computed at a
// configurable flow resolution and scaled to the resolution of the ab frames, plus warping.

#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>
#include <optional>
#include <string>

#include "common/Result.h"
#include "common/Vocabulary.h"

namespace cf::temporal {

struct FlowSettings {
  FlowMethod method = FlowMethod::Dis;
  int flow_height_px = 256;  ///< flow is computed at this height (aspect kept); 0 = input height
};

/// Computes dense flow. Not thread-safe (the OpenCV algorithm objects keep state); use one per
/// thread.
class FlowEstimator {
 public:
  explicit FlowEstimator(FlowSettings settings = {});
  ~FlowEstimator();
  FlowEstimator(const FlowEstimator&) = delete;
  FlowEstimator& operator=(const FlowEstimator&) = delete;

  const FlowSettings& settings() const { return settings_; }

  /// Flow from `from` to `to` (CV_32FC2, in pixels of `out_size`): from(p) ~ to(p + flow(p)).
  /// Inputs are L frames (CV_32FC1, 0..100) or CV_8UC1 luma of equal size.
  Result<cv::Mat> compute(const cv::Mat& from, const cv::Mat& to, cv::Size out_size);

  /// The size compute() works at for inputs of `input_size` (the flow's own resolution): asking
  /// compute() for it returns the flow unscaled, and resizeFlow() of that flow to any size equals
  /// compute() asked for that size.
  cv::Size flowSize(cv::Size input_size) const;

 private:
  FlowSettings settings_;
  cv::Ptr<cv::DenseOpticalFlow> algorithm_;
};

/// Resizes a flow field to `size` and scales its vectors by the size ratio.
cv::Mat resizeFlow(const cv::Mat& flow, cv::Size size);

/// dst(p) = src(p + flow(p)), bilinear, border replicated. `flow` has the size of the result.
cv::Mat warpWithFlow(const cv::Mat& src, const cv::Mat& flow);

}  // namespace cf::temporal
