#pragma once
// Temporal total-variation smoothing of ab frames along optical flow:
//   min_x 1/2 sum_n ||y_n - x_n||^2 + lambda sum_n sum_p m_n(p) |x_n(p) - (W_n x_{n-1})(p)|
// with |.| the absolute value per ab channel. Frames without a link to their predecessor (the
// first frame of a shot, i.e. after a scene cut) are never coupled to it.
//
// smoothSequence() streams frames through a sliding window with overlap, so memory is bounded for
// shots of any length. Windows start afresh at each shot (a frame without a link), so a shot's
// result depends only on its own frames: a range that starts at a shot's first frame is smoothed
// exactly as in the whole video (what exact shards rely on, see pipeline/ShardPlan.h).
// ShotSmoother keeps one cached shot in memory and re-solves it, warm-started from its previous
// solution, when lambda changes (the live lambda slider).

#include <cstdint>
#include <functional>
#include <opencv2/core.hpp>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "temporal/FrameLink.h"
#include "temporal/WindowSolver.h"

namespace cf::temporal {

/// From `first_frame` on (until the next range), frames are smoothed with `lambda`.
struct LambdaRange {
  int64_t first_frame = 0;
  double lambda = 0.0;
};

struct SmoothSettings {
  double lambda = 0.5;  ///< smoothing strength (ab units per unit of temporal change); 0 = off
  /// Per-shot lambdas (overrides of `lambda`), sorted by first_frame, in frame numbers of the
  /// sequence being smoothed (0 = its first frame; see rebaseLambdaRanges()). Frames before the
  /// first range use `lambda`. A frame's lambda weighs its link to the previous frame, so a range
  /// that starts at a scene cut is exactly one shot's setting. smoothSequence() only;
  /// ShotSmoother uses `lambda`.
  std::vector<LambdaRange> lambda_ranges;
  int window_frames = 64;   ///< frames solved together (memory bound)
  int overlap_frames = 8;   ///< look-ahead frames re-solved in the next window
  int max_iterations = 60;  ///< primal-dual iterations per window
  /// Stop when the duality gap bounds the RMS distance to the exact minimiser by this (ab units).
  double tolerance = 0.05;
  double relative_change_tolerance = 0.0;  ///< also stop when ||x_k - x_k-1|| / ||x_k|| <= this
  bool exact_1d_when_possible = true;      ///< Condat's algorithm when all links are the identity
  /// smoothSequence(): solve at this height and add the upsampled correction to the full-resolution
  /// ab (as ShotSmoother does); 0 or >= the ab height = solve at the ab resolution.
  int solve_height_px = 0;

  /// The lambda of `frame` (from lambda_ranges, else `lambda`).
  double lambdaAt(int64_t frame) const;
};

/// The size the smoothing solves at for ab frames of `ab_size` and a solve height (see
/// SmoothSettings::solve_height_px): the ab size itself when the height is 0 or not below it.
/// Frame links are best computed and cached at this size (FrameLinker): the smoothing takes links
/// of either the ab size (downscaled) or this size (used as they are).
cv::Size solveSize(cv::Size ab_size, int solve_height_px);

/// `ranges` in source frame numbers -> the same ranges for a sequence that starts at source frame
/// `first_frame` (the range in force at first_frame starts at 0; earlier ones are dropped).
std::vector<LambdaRange> rebaseLambdaRanges(const std::vector<LambdaRange>& ranges,
                                            int64_t first_frame);

/// One input frame: its ab (CV_32FC2, or CV_32FC1 for one channel) and its link to the previous
/// frame (null for the first frame and after a cut), at the ab size or at solveSize().
struct SmoothInput {
  cv::Mat ab;
  FrameLinkPtr link;
};

using FrameSource = std::function<Result<SmoothInput>(int64_t frame)>;
using FrameSink = std::function<Status(int64_t frame, const cv::Mat& ab)>;

struct SmoothStats {
  int64_t frames = 0;
  int windows = 0;
  int64_t iterations = 0;    ///< summed over windows
  int max_frames_held = 0;   ///< most frames (window + anchor) held at once
  double max_gap_rms = 0.0;  ///< worst duality-gap bound over windows (0 when exact)
};

/// Smooths frames 0..frame_count-1. The source is called once per frame, in order; the sink
/// receives each smoothed frame once, in order. At most window_frames + 1 frames are held.
Result<SmoothStats> smoothSequence(int64_t frame_count, const FrameSource& source,
                                   const FrameSink& sink, const SmoothSettings& settings,
                                   const CancelToken& cancel = {}, const ProgressFn& progress = {});

/// One shot held in memory for re-tuning lambda (the live slider). Solves the whole shot as one
/// window, warm-started from the previous solution. Optionally solves at a lower resolution than
/// the ab frames: the correction x - y is then upsampled (bilinear) and added to the
/// full-resolution ab, so the result keeps the ab's detail while the flicker, which is
/// low-frequency, is removed.
class ShotSmoother {
 public:
  /// `links[n]` links frame n to n-1 (links[0] and links after cuts may be null).
  /// `solve_height_px`: solve at this height; 0 or >= the ab height = at the ab resolution.
  /// The ab frames are shared, not copied; do not modify them while this object uses them.
  Status setShot(const std::vector<cv::Mat>& ab, const std::vector<FrameLinkPtr>& links,
                 int solve_height_px = 0);
  /// Re-solves for settings.lambda (window settings are ignored: the shot is one window).
  Result<SmoothStats> smooth(const SmoothSettings& settings, const CancelToken& cancel = {});
  /// Smoothed ab of frame n at the ab resolution (computed on demand when solving at a lower
  /// resolution; otherwise a view of the solution).
  cv::Mat frame(size_t n) const;
  size_t size() const { return frames_.size(); }
  cv::Size solveSize() const { return frames_.empty() ? cv::Size() : frames_[0].y.size(); }

 private:
  std::vector<WindowFrame> frames_;
  std::vector<cv::Mat> full_ab_;  // set when solving at a lower resolution
};

}  // namespace cf::temporal
