#pragma once
// The window solver's per-pixel loops (internal to core/temporal, used by WindowSolver.cpp): the
// bilinear gather through a compiled link, its adjoint, the dual step fused with the gather, and
// the primal update. Two-channel (ab) frames run one pixel's both channels and its four taps in
// one 4-float vector (OpenCV's universal intrinsics), with the same operations in the same order
// as the scalar formulas, so the results are the same bit for bit (tst_tv_solver).

#include <cstddef>

#include "temporal/WindowSolver.h"

namespace cf::temporal {

/// dst = W src for a link that is not the identity (`channels` interleaved floats per pixel).
void gatherTaps(const CompiledLink& l, const float* src, float* dst, int channels);

/// p = clamp(p + s (xb - W prev), +-lambda m) for a link that is not the identity.
void dualStepTaps(const CompiledLink& l, const float* prev, const float* xb, float* p, float s,
                  float lambda, int channels);

/// dst -= W^T src for a link that is not the identity, skipping unlinked pixels.
void scatterSubTaps(const CompiledLink& l, const float* src, float* dst, int channels);

/// The primal update of `len` floats: xn = (x + t (y - kt)) inv; xbar = xn + th (xn - x); x = xn.
void primalUpdate(const float* y, const float* kt, float* x, float* xbar, float t, float inv,
                  float th, size_t len);

}  // namespace cf::temporal
