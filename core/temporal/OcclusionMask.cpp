#include "temporal/OcclusionMask.h"

#include <opencv2/imgproc.hpp>

#include "temporal/OpticalFlow.h"

namespace cf::temporal {

cv::Mat occlusionMask(const cv::Mat& flow, const cv::Mat& reverse_flow) {
  CV_Assert(flow.type() == CV_32FC2 && reverse_flow.type() == CV_32FC2);
  CV_Assert(flow.size() == reverse_flow.size());
  const cv::Mat back = warpWithFlow(reverse_flow, flow);  // w'(p + w(p))
  cv::Mat mask(flow.size(), CV_8UC1, cv::Scalar(0));
  const float max_x = float(flow.cols - 1);
  const float max_y = float(flow.rows - 1);
  for (int y = 0; y < flow.rows; ++y) {
    const auto* w = flow.ptr<cv::Vec2f>(y);
    const auto* r = back.ptr<cv::Vec2f>(y);
    auto* m = mask.ptr<uchar>(y);
    for (int x = 0; x < flow.cols; ++x) {
      const float tx = float(x) + w[x][0];
      const float ty = float(y) + w[x][1];
      const bool outside = tx < 0.f || ty < 0.f || tx > max_x || ty > max_y;
      const float sx = w[x][0] + r[x][0];
      const float sy = w[x][1] + r[x][1];
      const float lhs = sx * sx + sy * sy;
      const float rhs = 0.01f * (w[x].dot(w[x]) + r[x].dot(r[x])) + 0.5f;
      m[x] = (outside || lhs > rhs) ? 255 : 0;
    }
  }
  return mask;
}

cv::Mat motionBoundaryMask(const cv::Mat& flow) {
  CV_Assert(flow.type() == CV_32FC2);
  cv::Mat dx;
  cv::Mat dy;
  cv::Sobel(flow, dx, CV_32F, 1, 0, 1, 0.5, 0, cv::BORDER_REPLICATE);  // central differences
  cv::Sobel(flow, dy, CV_32F, 0, 1, 1, 0.5, 0, cv::BORDER_REPLICATE);
  cv::Mat mask(flow.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < flow.rows; ++y) {
    const auto* w = flow.ptr<cv::Vec2f>(y);
    const auto* gx = dx.ptr<cv::Vec2f>(y);
    const auto* gy = dy.ptr<cv::Vec2f>(y);
    auto* m = mask.ptr<uchar>(y);
    for (int x = 0; x < flow.cols; ++x) {
      const float grad2 = gx[x].dot(gx[x]) + gy[x].dot(gy[x]);
      m[x] = grad2 > 0.01f * w[x].dot(w[x]) + 0.002f ? 255 : 0;
    }
  }
  return mask;
}

cv::Mat consistencyMask(const cv::Mat& flow, const cv::Mat& reverse_flow) {
  cv::Mat bad;
  cv::bitwise_or(occlusionMask(flow, reverse_flow), motionBoundaryMask(flow), bad);
  cv::Mat ok;
  cv::compare(bad, 0, ok, cv::CMP_EQ);  // 255 / 0
  return ok / 255;
}

}  // namespace cf::temporal
