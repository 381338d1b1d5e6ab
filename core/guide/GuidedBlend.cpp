#include "guide/GuidedBlend.h"

#include <opencv2/imgproc.hpp>

namespace cf::guide {

void networkHints(const PropagatedColour& p, cv::Mat* ab, cv::Mat* mask) {
  *ab = p.ab;
  cv::threshold(p.confidence, *mask, kHintConfidence, 1.0, cv::THRESH_BINARY);
}

cv::Mat blendWeight(const PropagatedColour& p, double strength) {
  cv::Mat w = p.confidence * (strength / kFullTrustConfidence);
  cv::threshold(w, w, strength, strength, cv::THRESH_TRUNC);
  return w;
}

cv::Mat blendGuided(const PropagatedColour& p, const cv::Mat& network_ab, double strength) {
  const cv::Mat w = blendWeight(p, strength);
  cv::Mat w2;
  cv::merge(std::vector<cv::Mat>{w, w}, w2);
  cv::Mat out = p.ab.mul(w2) + network_ab.mul(cv::Scalar::all(1.0) - w2);
  return out;
}

cv::Mat blendConfidence(const PropagatedColour& p, const cv::Mat& network_confidence,
                        double strength) {
  const cv::Mat w = blendWeight(p, strength);
  cv::Mat out = w + network_confidence.mul(1.0 - w);
  return out;
}

}  // namespace cf::guide
