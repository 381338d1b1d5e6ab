#pragma once
// Carries keyframe colour through a shot along the optical flow (issue #15).
//
// From each keyframe a sweep runs forward and one backward, frame by frame, and stops at the
// shot's ends (the scene cuts) or at the next keyframe with a full reference. Drift: a sweep does
// not re-warp the previous frame's colour (every bilinear resampling blurs and every flow error
// adds up); it composes the flows into one map from the current frame back to the keyframe and
// samples the keyframe once. With `reanchor` it then corrects that map by a residual flow between
// the current L and the keyframe's L warped by the map, so the chain is re-anchored on the
// keyframe at every frame and errors do not accumulate. With `direct_match` each frame is also
// matched straight to the keyframe by a long-range flow; where that explains the frame's L better
// (an object back from behind an occluder, a chain broken by fast motion) it replaces the map.
//
// Cost: the residual and direct flows work at the links' flow resolution by default
// (match_finest_scale -1: half the working height); the link and the direct match of the next
// frame are computed on a helper thread while the current frame is re-anchored, so the sweep's
// critical path holds only the residual flows. Frames are handed on (FrameReadyFn) as soon as no
// sweep can change them, so a consumer (the export's network) works alongside the sweeps.
//
// Confidence per pixel: the keyframe's own (1 where its colour is known), times decay_per_frame
// for each link (down to min_decay), times the link's forward-backward check (a pixel that fails it
// keeps only occluded_weight), times the luminance agreement between the keyframe's L warped by the
// map and the current L; pixels whose map leaves the frame get none. Because the map is re-anchored
// and checked against the keyframe at every frame, a pixel hidden for a while (an occlusion)
// regains its confidence when it reappears and matches the keyframe again. Sweeps that reach a
// frame are blended, weighted by confidence over distance (two keyframes: a linear cross-fade).

#include <cstdint>
#include <functional>
#include <opencv2/core.hpp>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "guide/KeyframeColour.h"
#include "temporal/FrameLink.h"

namespace cf::guide {

struct PropagationSettings {
  double decay_per_frame = 0.995;  ///< confidence kept per link
  /// The decay stops here (at 0.5, after 138 frames): a pixel that still passes every check (the
  /// link's, the luminance against the keyframe after re-anchoring) keeps the full trust of the
  /// blend however far its keyframe is, instead of fading to the network's guess over a long
  /// shot (seen on bottle-detection: the grey wall turned the network's pink by frame 600).
  double min_decay = 0.5;
  double luma_sigma = 6.0;       ///< L units: agreement exp(-d^2 / 2 sigma^2) of the local |dL|
  double occluded_weight = 0.3;  ///< confidence kept where the chain went through an occlusion
  double min_confidence = 0.02;  ///< a sweep stops when nothing above this is left
  bool reanchor = true;          ///< correct the composed map by a residual flow to the keyframe
  int reanchor_iterations = 2;   ///< residual flows per frame
  /// DIS finest pyramid level of the residual and direct flows; -1: the level whose height is
  /// closest to match_height_px from above (the links' flow resolution, FlowSettings).
  int match_finest_scale = -1;
  int match_height_px = 128;  ///< for match_finest_scale -1
  /// The direct match works this many pyramid levels coarser than the residual flows (it only
  /// needs to find where a region is in the keyframe; the next frame's residual refines it).
  int direct_coarser = 0;
  double residual_sigma_px = 0.0;  ///< > 0: the residual flow is smoothed by this Gaussian
  bool direct_match = true;        ///< also match each frame straight to the keyframe (DIS)
  /// The direct match on every this many frames of a sweep only (2 saves a sixth of the sweep's
  /// work; the mean PSNR of bench_keyframes stayed equal, its last frame lost 0.2 dB).
  int direct_every = 1;
};

/// Propagated colour of one frame (working resolution).
struct PropagatedColour {
  cv::Mat ab;          ///< CV_32FC2
  cv::Mat confidence;  ///< CV_32FC1 0..1; 0 where no keyframe reaches
  /// How much of the frame's colour the keyframes give (0..1): the mean over the frame of the
  /// blend's trust min(1, confidence / kReachConfidence), counting only pixels whose chain truly
  /// comes from inside a keyframe; -1 when not measured (a keyframe's own frame). Pixels a
  /// pan or a move brings in from outside the frame keep the colour at the frame's edge (mostly
  /// right: sky, a wall, foliage go on past the edge), sometimes with high confidence, but they are
  /// not counted here (guide/KeyframeReach).
  double reached_share = -1.0;
  /// Only on colour that waits for a later sweep (WaitingColour) after two or more sweeps reached
  /// the frame: ab and confidence then hold the sweeps' weighted sums, and this (CV_32FC1) the
  /// sum of their weights. Empty otherwise.
  cv::Mat weight = cv::Mat();
};

/// The confidence from which propagated colour is fully trusted (GuidedBlend's full trust).
constexpr double kReachConfidence = 0.5;

/// The link from frame `from` to its neighbour `to` (to = from - 1 or from + 1): flow_to_prev
/// holds the flow from `from` to `to`, at any size: a link not at the L frames' size is resized to
/// it (bilinear flow, nearest mask). Best given at the flow's own resolution
/// (temporal::FlowEstimator::flowSize()): its masks cost a quarter of those at the working size.
using LinkFn = std::function<Result<temporal::FrameLinkPtr>(int64_t from, int64_t to)>;

/// Called with a frame's propagated colour (index relative to the shot's first frame) as soon as
/// no sweep can change it any more, so a consumer can start on it while the sweeps go on.
using FrameReadyFn = std::function<void(size_t index, PropagatedColour&& colour)>;

/// A shot's L frames at working resolution (CV_32FC1), by index in the shot: how the sweeps read
/// them, one after the other along each sweep (and the keyframe's, once per sweep). A source may
/// decode them on demand instead of holding the whole shot (a long take of thousands of frames
/// holds about 0.5 MB a frame at 256 px). `at` may be called from the sweep's thread and its
/// helper thread at once.
struct ShotFrames {
  int64_t count = 0;
  cv::Size size;  ///< every frame's
  std::function<Result<cv::Mat>(int64_t index)> at;
};

/// Where a frame's colour waits for the next sweep to come (a frame between two keyframes: the
/// first keyframe's forward sweep leaves it, the second's backward sweep comes later; with
/// hint-only keyframes between references, a third sweep may come after two). Empty: it waits in
/// memory, about 1.4 MB a frame at 256 px (1.9 MB once two sweeps are summed); a long take may
/// park it elsewhere (the export spills it to disk). park() takes the colour (after two or more
/// sweeps, their sums: PropagatedColour::weight), unpark() gives it back exactly; both are called
/// on the propagation's thread.
struct WaitingColour {
  std::function<Status(int64_t index, PropagatedColour&& colour)> park;
  std::function<Result<PropagatedColour>(int64_t index)> unpark;
  bool empty() const { return !park || !unpark; }
};

/// The frames of `l` (which must outlive the result).
ShotFrames shotFrames(const std::vector<cv::Mat>& l);

/// As below, with the shot's L frames read from `l` (count, size and each frame on demand), and
/// the colour that waits for a second sweep kept by `waiting` (empty: in memory).
Result<std::vector<PropagatedColour>> propagateShot(
    int64_t first, const ShotFrames& l, const std::vector<KeyframeColour>& keyframes,
    const LinkFn& links, const PropagationSettings& settings,
    const CancelToken& cancel = CancelToken(), const FrameReadyFn& ready = {},
    const ProgressFn& progress = {}, const WaitingColour& waiting = {});

/// Propagates the keyframes through the shot of frames first..first + l.size() - 1 (L at working
/// resolution, CV_32FC1). Keyframes outside the shot are ignored. Returns one entry per frame;
/// with `ready`, the entries are handed to it instead (and left empty in the result). `progress`
/// counts the sweeps' frame steps (done of total, stage "propagate"), on the calling thread.
Result<std::vector<PropagatedColour>> propagateShot(int64_t first, const std::vector<cv::Mat>& l,
                                                    const std::vector<KeyframeColour>& keyframes,
                                                    const LinkFn& links,
                                                    const PropagationSettings& settings,
                                                    const CancelToken& cancel = CancelToken(),
                                                    const FrameReadyFn& ready = {},
                                                    const ProgressFn& progress = {});

/// The naive baseline of the benchmark: frame k's ab warped along the chain of flows, frame by
/// frame (no confidence, no re-anchoring), forward from keyframe.frame to the end of `l`.
Result<std::vector<cv::Mat>> naiveWarpForward(int64_t first, const std::vector<cv::Mat>& l,
                                              const KeyframeColour& keyframe, const LinkFn& links);

}  // namespace cf::guide
