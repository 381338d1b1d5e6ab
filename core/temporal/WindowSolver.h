#pragma once
// The solver behind TemporalSmoother: temporal TV on one window of frames,
//   min_x 1/2 sum_n ||y_n - x_n||^2 + lambda sum_n sum_p m_n(p) |x_n(p) - (W_n x_{n-1})(p)|_1
// (|.|_1 over the ab channels), by the accelerated primal-dual algorithm of Chambolle and Pock
// (J. Math. Imaging Vis. 40, 2011, Algorithm 2 with gamma = 1, the data term's convexity), or by
// Condat's exact 1-D algorithm per pixel when every link is the identity.
// Internal to core/temporal; the public API is TemporalSmoother.h.

#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

#include "common/CancelToken.h"
#include "temporal/FrameLink.h"

namespace cf::temporal {

/// One pixel's bilinear tap into the previous frame. Weights are quantised to 1/255 px: the
/// gather and its adjoint use the same quantised weights, so the adjoint stays exact.
struct LinkTap {
  int32_t base = 0;    ///< top-left tap in the previous frame (pixel index)
  uint8_t fx = 0;      ///< weight of the right taps x 255
  uint8_t fy = 0;      ///< weight of the lower taps x 255
  uint8_t linked = 0;  ///< 1 = linked (mask), 0 = not
  uint8_t unused = 0;
};

/// A FrameLink turned into bilinear gather taps over contiguous buffers (8 bytes per pixel).
struct CompiledLink {
  bool identity = false;  ///< zero flow and full mask: W x = x
  int width = 0;
  int height = 0;
  int dx = 1;                 ///< index step to the right tap (0 for one-pixel-wide frames)
  int dy = 0;                 ///< index step to the tap below (0 for one-pixel-high frames)
  std::vector<LinkTap> taps;  ///< per pixel; empty for the identity
  float max_received = 1.f;   ///< largest total weight one pixel of the previous frame receives
};
using CompiledLinkPtr = std::shared_ptr<const CompiledLink>;

CompiledLinkPtr compileLink(const FrameLink& link);

/// Gathers (W src) for a compiled link; src/dst hold `channels` interleaved floats per pixel.
void gatherLink(const CompiledLink& link, const float* src, float* dst, int channels);

/// One frame of a window. y, x, xbar, p are continuous CV_32FC(channels) of equal size.
struct WindowFrame {
  int64_t index = 0;
  cv::Mat y;
  cv::Mat x;
  cv::Mat xbar;
  cv::Mat p;             ///< dual variable of the link to the previous frame
  CompiledLinkPtr link;  ///< null: no link to the previous frame (first frame, cut)
  /// Weight of this frame's link to the previous frame; < 0 uses SolverOptions::lambda. Lets one
  /// window hold shots with different lambdas (per-shot overrides).
  float lambda = -1.f;
};

struct SolverOptions {
  double lambda = 0.5;
  int max_iterations = 100;
  double tolerance = 0.05;                 ///< stop when sqrt(2 gap / N) <= tolerance
  double relative_change_tolerance = 0.0;  ///< stop when ||dx|| / ||x|| <= this (0 = off)
  int check_every = 10;
  bool exact_1d_when_possible = true;
};

struct SolverResult {
  int iterations = 0;
  double gap_rms = 0.0;  ///< sqrt(2 gap / N): bound on the RMS distance to the exact minimiser
  bool exact = false;    ///< solved by Condat's algorithm
  bool cancelled = false;
};

/// Solves the window in place (x holds the result; x and p are used as warm start).
/// `anchor`, if not empty, is the fixed solution of the frame before frames[0], to which frames[0]
/// is linked by frames[0].link.
SolverResult solveWindow(std::vector<WindowFrame*>& frames, const cv::Mat& anchor,
                         const SolverOptions& options, const CancelToken& cancel);

}  // namespace cf::temporal
