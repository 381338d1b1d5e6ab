#pragma once
// How far keyframe colour reaches through its shot, and where a further keyframe would help most
// (issue #15's failure loop): per frame, how much of the picture the propagation's colour is
// trusted for (the mean of the blend's trust), compared with what its keyframes themselves cover
// (a reference: the whole frame; hints: their discs). A stretch of frames where that share falls
// below half of the keyframes' is a gap: people who walk in, a pan to new
// ground, a fast motion the flow lost. There the colour is the network's guess, so a reference or
// hints near the gap's weakest frame would help most.

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace cf::guide {

/// The blend's trust in propagated colour, min(1, confidence / full_trust) (CV_32FC1).
cv::Mat trustOf(const cv::Mat& confidence, double full_trust);

/// How much of the frame `confidence` (CV_32FC1 0..1) trusts: the mean over the whole frame of
/// trustOf(), counting only the pixels of `mask` (CV_8U, non-zero) when one is given (for 0/1
/// keyframe confidence, the share of the frame they cover).
double trustedShare(const cv::Mat& confidence, double full_trust, const cv::Mat& mask = cv::Mat());

struct ReachGap {
  int64_t first = -1;     ///< first frame of the gap (source frame); -1: none
  int64_t last = -1;      ///< its last frame (inclusive)
  int64_t weakest = -1;   ///< its first frame within 0.05 of its smallest trusted share
  double share = 1.0;     ///< the trusted share there (0..1 of the frame)
  double relative = 1.0;  ///< that share over the keyframes' own
  bool empty() const { return first < 0; }
};

struct ReachSettings {
  /// A frame is in a gap when its trusted share is below this fraction of the keyframes' share.
  double min_relative = 0.5;
  /// Shorter stretches (a passing occluder) are not gaps.
  int min_frames = 5;
};

/// The longest gap of a shot from each frame's trusted share (`shares[i]` is frame first + i; a
/// negative share is a frame not known, which breaks a stretch) and the keyframes' own share (the
/// largest of them); empty when there is none or `key_share` is 0.
ReachGap longestGap(int64_t first, const std::vector<double>& shares, double key_share,
                    const ReachSettings& settings = {});

}  // namespace cf::guide
