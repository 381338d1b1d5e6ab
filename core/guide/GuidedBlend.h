#pragma once
// How propagated keyframe colour meets the network: it is given to the network as hints (ab and a
// 0/1 mask where the propagation is confident enough, the hint channels the model was trained
// with), and the network's guided output is blended with it by confidence times the reference
// strength, so the network's own colour takes over where the propagation is unsure.

#include <opencv2/core.hpp>

#include "guide/Propagation.h"

namespace cf::guide {

/// Propagated colour below this confidence is not given to the network as a hint.
constexpr float kHintConfidence = 0.25f;

/// The network's hint channels for a frame: ab (CV_32FC2) and mask (CV_32FC1, 0/1).
void networkHints(const PropagatedColour& p, cv::Mat* ab, cv::Mat* mask);

/// From this confidence on, propagated colour overrides the network fully (times the strength).
constexpr double kFullTrustConfidence = 0.5;

/// w = strength * min(1, confidence / kFullTrustConfidence) (CV_32FC1).
cv::Mat blendWeight(const PropagatedColour& p, double strength);

/// w * propagated + (1 - w) * network (CV_32FC2), w = blendWeight().
cv::Mat blendGuided(const PropagatedColour& p, const cv::Mat& network_ab, double strength);

/// The blended frame's confidence: w + (1 - w) * the network's.
cv::Mat blendConfidence(const PropagatedColour& p, const cv::Mat& network_confidence,
                        double strength);

}  // namespace cf::guide
