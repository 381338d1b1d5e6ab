#include "temporal/OpticalFlow.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/optflow.hpp>
#include <opencv2/video/tracking.hpp>

#include "common/ErrorBoundary.h"

namespace cf::temporal {

namespace {

cv::Ptr<cv::DenseOpticalFlow> makeAlgorithm(FlowMethod method) {
  switch (method) {
    case FlowMethod::Dis:
      return cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_MEDIUM);
    case FlowMethod::Farneback:
      return cv::FarnebackOpticalFlow::create(5, 0.5, false, 15, 3, 5, 1.2, 0);
    case FlowMethod::TvL1:
      return cv::optflow::DualTVL1OpticalFlow::create();
  }
  return {};
}

cv::Mat toFlowInput(const cv::Mat& img, int height_px) {
  cv::Mat u8;
  if (img.type() == CV_8UC1)
    u8 = img;
  else if (img.type() == CV_32FC1)
    img.convertTo(u8, CV_8U, 255.0 / 100.0);  // L 0..100
  else
    CV_Error(cv::Error::StsBadArg, "flow input must be CV_32FC1 L or CV_8UC1 luma");
  if (height_px <= 0 || height_px == u8.rows)
    return u8;
  const int width_px = std::max(1, cvRound(u8.cols * double(height_px) / u8.rows));
  cv::Mat small;
  cv::resize(u8, small, cv::Size(width_px, height_px), 0, 0, cv::INTER_AREA);
  return small;
}

}  // namespace

FlowEstimator::FlowEstimator(FlowSettings settings)
    : settings_(settings), algorithm_(makeAlgorithm(settings.method)) {}

FlowEstimator::~FlowEstimator() = default;

Result<cv::Mat> FlowEstimator::compute(const cv::Mat& from, const cv::Mat& to, cv::Size out_size) {
  return guarded(std::string("optical flow (") + flowMethodName(settings_.method) + ")",
                 [&]() -> Result<cv::Mat> {
                   if (from.size() != to.size() || from.type() != to.type())
                     return makeError("optical flow: the two frames differ in size or type");
                   const int h = std::min(settings_.flow_height_px, from.rows);
                   const cv::Mat a = toFlowInput(from, h);
                   const cv::Mat b = toFlowInput(to, h);
                   cv::Mat flow(a.size(), CV_32FC2, cv::Scalar::all(0));
                   algorithm_->calc(a, b, flow);
                   return resizeFlow(flow, out_size);
                 });
}

cv::Size FlowEstimator::flowSize(cv::Size input_size) const {
  const int h = std::min(settings_.flow_height_px, input_size.height);
  if (h <= 0 || h == input_size.height)
    return input_size;
  return {std::max(1, cvRound(input_size.width * double(h) / input_size.height)), h};
}

cv::Mat resizeFlow(const cv::Mat& flow, cv::Size size) {
  if (flow.size() == size)
    return flow;
  cv::Mat out;
  cv::resize(flow, out, size, 0, 0, cv::INTER_LINEAR);
  const double sx = double(size.width) / flow.cols;
  const double sy = double(size.height) / flow.rows;
  out = out.mul(cv::Scalar(sx, sy));
  return out;
}

cv::Mat warpWithFlow(const cv::Mat& src, const cv::Mat& flow) {
  CV_Assert(flow.type() == CV_32FC2);
  cv::Mat map(flow.size(), CV_32FC2);
  for (int y = 0; y < flow.rows; ++y) {
    const auto* f = flow.ptr<cv::Vec2f>(y);
    auto* m = map.ptr<cv::Vec2f>(y);
    for (int x = 0; x < flow.cols; ++x)
      m[x] = cv::Vec2f(float(x) + f[x][0], float(y) + f[x][1]);
  }
  cv::Mat dst;
  cv::remap(src, dst, map, cv::noArray(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  return dst;
}

}  // namespace cf::temporal
