#pragma once
// How frame n is linked to frame n-1 for the temporal smoothing: the flow from n to n-1 and the
// mask of pixels where the link holds (not occluded, not a motion boundary), at the resolution
// the smoothing solves at (temporal::solveSize(); the export, preview and analysis all use it).

#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

#include "common/Result.h"
#include "temporal/OpticalFlow.h"

namespace cf::temporal {

struct FrameLink {
  cv::Mat
      flow_to_prev;  ///< CV_32FC2, link resolution: pixel p of frame n sits at p + flow(p) in n-1
  cv::Mat mask;      ///< CV_8UC1, 1 where the link holds, 0 where occluded / motion boundary
};
using FrameLinkPtr = std::shared_ptr<const FrameLink>;

/// A link with zero flow and no occlusion (static camera): the exact 1-D case.
FrameLinkPtr identityLink(cv::Size ab_size);

/// Computes both flows between the two L frames at the estimator's flow resolution, scales them to
/// `ab_size` and derives the mask with the forward-backward check and the motion boundaries.
Result<FrameLinkPtr> computeFrameLink(FlowEstimator& estimator, const cv::Mat& l_prev,
                                      const cv::Mat& l_cur, cv::Size ab_size);

/// computeFrameLink() at several sizes from one pair of flows: links[i] equals
/// computeFrameLink(estimator, l_prev, l_cur, sizes[i]), for the cost of one. With `reverse`, also
/// the link of the opposite direction (l_cur -> l_prev: its flow_to_prev goes from l_prev to
/// l_cur) at each size, from the same two flows, in reverse[i].
Result<std::vector<FrameLinkPtr>> computeFrameLinks(FlowEstimator& estimator, const cv::Mat& l_prev,
                                                    const cv::Mat& l_cur,
                                                    const std::vector<cv::Size>& sizes,
                                                    std::vector<FrameLinkPtr>* reverse = nullptr);

/// The link's flow scaled to `size` (bilinear) and its mask (nearest): how a consumer at another
/// resolution (the analysis, at the working resolution) reads a link.
FrameLink resizeLink(const FrameLink& link, cv::Size size);

/// True when the link has (numerically) zero flow and a full mask.
bool isIdentityLink(const FrameLink& link);

}  // namespace cf::temporal
