#pragma once
// Occlusion and motion-boundary masks for a flow field (Ruder, Dosovitskiy and Brox, "Artistic
// style transfer for videos", 2016). Thresholds are in pixels of the flow's own resolution.

#include <opencv2/core.hpp>

namespace cf::temporal {

/// 255 where `flow` (CV_32FC2, frame A -> frame B) fails the forward-backward check against
/// `reverse_flow` (B -> A): |w + w'(p + w)|^2 > 0.01 (|w|^2 + |w'(p + w)|^2) + 0.5, or where
/// p + w leaves frame B. 0 elsewhere. CV_8UC1.
cv::Mat occlusionMask(const cv::Mat& flow, const cv::Mat& reverse_flow);

/// 255 on motion boundaries of `flow`: |grad u|^2 + |grad v|^2 > 0.01 |w|^2 + 0.002. CV_8UC1.
cv::Mat motionBoundaryMask(const cv::Mat& flow);

/// 1 where a pixel of frame A may be linked to frame B along `flow` (neither occluded nor on a
/// motion boundary), 0 elsewhere. CV_8UC1.
cv::Mat consistencyMask(const cv::Mat& flow, const cv::Mat& reverse_flow);

}  // namespace cf::temporal
