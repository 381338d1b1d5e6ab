#pragma once
// How propagated keyframe colour meets the network: it is given to the network as hints (ab and a
// 0/1 mask where the propagation is confident enough, the hint channels the model was trained
// with), and the network's guided output is merged with it.
//
// The merge, per pixel, with m = min(1, confidence / full_trust_confidence) (how far the
// propagation is trusted) and s the reference strength:
//
//   ab = s * (m * propagated + (1 - m) * unsure) + (1 - s) * network
//   unsure = q * fill + (1 - q) * k * network
//
// - fill: the propagated colour of the trusted pixels spread edge-aware (a normalised convolution
//   along the frame's own L, ximgproc's domain transform filter) into the pixels the propagation
//   is unsure of; q, its certainty, is the share of trusted weight in that spread (near 1 in a
//   thin band at an object's edge or a small hole, near 0 in a large region nobody propagated to).
//   A pixel that fails the propagation's checks has its own propagated colour from the wrong
//   place, but the trusted pixels of the same surface next to it have the right one.
// - k: the network's chroma calibrated on the frame itself: the least-squares gain that maps the
//   network's ab onto the propagated ab over the trusted pixels (k = <N, P> / <N, N>), clamped to
//   0..max_network_gain; 1 when too few pixels are trusted. Where the network over-saturates
//   colours on this footage (k < 1) its guess in the unsure part is toned down by as much, where
//   it under-saturates it is raised: the MSE-optimal scale of its guess measured where the colour
//   is known.
// With the fill and the calibration off this is the earlier blend, w * propagated + (1 - w) *
// network with w = s * m.

#include <opencv2/core.hpp>

#include "guide/Propagation.h"

namespace cf::guide {

/// Propagated colour below this confidence is not given to the network as a hint.
constexpr float kHintConfidence = 0.25f;

/// w * a + (1 - w) * b per pixel, for CV_32FC1 w and a, b both CV_32FC1 or both CV_32FC2.
cv::Mat mix(const cv::Mat& w, const cv::Mat& a, const cv::Mat& b);

/// The network's hint channels for a frame: ab (CV_32FC2) and mask (CV_32FC1, 0/1).
void networkHints(const PropagatedColour& p, cv::Mat* ab, cv::Mat* mask);

struct BlendSettings {
  /// From this confidence on, propagated colour overrides the network fully (times the strength).
  double full_trust_confidence = kReachConfidence;
  /// Fill the unsure part from the trusted part, edge-aware (see above).
  bool fill_unsure = true;
  /// The fill's spatial reach, in working-resolution pixels (about a person's width at 256 px).
  double fill_sigma_px = 30.0;
  /// Its edge sensitivity, in L units (0..100): below the propagation's luma_sigma (6), so that
  /// the fill stays on one surface.
  double fill_sigma_l = 4.0;
  /// The fill works at this share of the frame's size (its reach is tens of pixels): half the
  /// size costs about half the CPU, and bench_keyframes' scores stayed within 0.03 dB (RESULTS).
  double fill_scale = 0.5;
  /// Iterations of the domain transform (2 and 3 scored the same at half size).
  int fill_iterations = 2;
  /// Scale the network's chroma in the unsure part by its gain measured on the trusted part.
  bool calibrate_network = true;
  /// The calibration needs at least this share of the frame trusted; below it k = 1.
  double min_trusted_share = 0.01;
  /// Upper bound of k (a safety limit: the network's guess is at most doubled).
  double max_network_gain = 2.0;

  /// The earlier blend (no fill, no calibration): w * propagated + (1 - w) * network.
  static BlendSettings withoutFill() {
    BlendSettings s;
    s.fill_unsure = false;
    s.calibrate_network = false;
    return s;
  }
};

/// m = min(1, confidence / full_trust_confidence) (CV_32FC1): how far the propagation is trusted.
cv::Mat trustOf(const PropagatedColour& p, const BlendSettings& settings = {});

/// k of the header: the gain of `network_ab` that best matches the propagated colour over the
/// pixels where `trust` is 1; 1 when fewer than min_trusted_share of them.
double networkGain(const PropagatedColour& p, const cv::Mat& trust, const cv::Mat& network_ab,
                   const BlendSettings& settings = {});

/// The propagated colour of the trusted pixels spread over the frame along `l` (CV_32FC1 L,
/// 0..100): `fill` (CV_32FC2) and its certainty (CV_32FC1, 0..1).
void fillFromTrusted(const PropagatedColour& p, const cv::Mat& trust, const cv::Mat& l,
                     const BlendSettings& settings, cv::Mat* fill, cv::Mat* certainty);

struct GuidedColour {
  cv::Mat ab;          ///< CV_32FC2
  cv::Mat confidence;  ///< CV_32FC1; empty when the network gave none
};

/// The merge of the header for one frame: `l` its L at working resolution (CV_32FC1), the
/// network's guided ab and confidence (`network_confidence` may be empty) at the same size. The
/// confidence is s * (m + (1 - m) * (q + (1 - q) * c_net)) + (1 - s) * c_net.
GuidedColour blendGuided(const PropagatedColour& p, const cv::Mat& l, const cv::Mat& network_ab,
                         const cv::Mat& network_confidence, double strength,
                         const BlendSettings& settings = {});

}  // namespace cf::guide
