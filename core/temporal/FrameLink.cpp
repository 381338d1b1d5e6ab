#include "temporal/FrameLink.h"

#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "temporal/OcclusionMask.h"

namespace cf::temporal {

FrameLinkPtr identityLink(cv::Size ab_size) {
  auto link = std::make_shared<FrameLink>();
  link->flow_to_prev = cv::Mat(ab_size, CV_32FC2, cv::Scalar::all(0));
  link->mask = cv::Mat(ab_size, CV_8UC1, cv::Scalar(1));
  return link;
}

Result<FrameLinkPtr> computeFrameLink(FlowEstimator& estimator, const cv::Mat& l_prev,
                                      const cv::Mat& l_cur, cv::Size ab_size) {
  auto backward = estimator.compute(l_cur, l_prev, ab_size);
  if (!backward)
    return backward.error();
  auto forward = estimator.compute(l_prev, l_cur, ab_size);
  if (!forward)
    return forward.error();
  return guarded("occlusion mask", [&]() -> Result<FrameLinkPtr> {
    auto link = std::make_shared<FrameLink>();
    link->flow_to_prev = backward.value();
    link->mask = consistencyMask(backward.value(), forward.value());
    return FrameLinkPtr(std::move(link));
  });
}

Result<std::vector<FrameLinkPtr>> computeFrameLinks(FlowEstimator& estimator, const cv::Mat& l_prev,
                                                    const cv::Mat& l_cur,
                                                    const std::vector<cv::Size>& sizes,
                                                    std::vector<FrameLinkPtr>* reverse) {
  const cv::Size flow_size = estimator.flowSize(l_cur.size());
  auto backward = estimator.compute(l_cur, l_prev, flow_size);
  if (!backward)
    return backward.error();
  auto forward = estimator.compute(l_prev, l_cur, flow_size);
  if (!forward)
    return forward.error();
  return guarded("occlusion mask", [&]() -> Result<std::vector<FrameLinkPtr>> {
    std::vector<FrameLinkPtr> out;
    if (reverse)
      reverse->clear();
    for (const cv::Size& size : sizes) {
      const cv::Mat b = resizeFlow(backward.value(), size);
      const cv::Mat f = resizeFlow(forward.value(), size);
      auto link = std::make_shared<FrameLink>();
      link->flow_to_prev = b;
      link->mask = consistencyMask(b, f);
      out.push_back(std::move(link));
      if (reverse) {
        auto rev = std::make_shared<FrameLink>();
        rev->flow_to_prev = f;
        rev->mask = consistencyMask(f, b);
        reverse->push_back(std::move(rev));
      }
    }
    return out;
  });
}

FrameLink resizeLink(const FrameLink& link, cv::Size size) {
  FrameLink out;
  out.flow_to_prev = resizeFlow(link.flow_to_prev, size);
  if (link.mask.size() == size)
    out.mask = link.mask;
  else
    cv::resize(link.mask, out.mask, size, 0, 0, cv::INTER_NEAREST);
  return out;
}

bool isIdentityLink(const FrameLink& link) {
  double lo = 0.0;
  double hi = 0.0;
  cv::minMaxLoc(link.flow_to_prev.reshape(1), &lo, &hi);
  if (lo < -1e-6 || hi > 1e-6)
    return false;
  return cv::countNonZero(link.mask) == int(link.mask.total());
}

}  // namespace cf::temporal
