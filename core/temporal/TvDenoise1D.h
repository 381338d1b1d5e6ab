#pragma once
// Exact 1-D total-variation denoising, min_x 1/2 sum_k (y_k - x_k)^2 + lambda sum_k |x_{k+1} -
// x_k|, by L. Condat, "A direct algorithm for 1D total variation denoising", IEEE SPL 20(11), 2013.
// This is the temporal smoothing's special case of zero flow and no occlusion.

#include <cstddef>

namespace cf::temporal {

/// `x` and `y` hold `n` samples each, `stride` apart (both use the same stride); they may alias.
void tvDenoise1D(const float* y, float* x, std::ptrdiff_t n, double lambda,
                 std::ptrdiff_t stride = 1);

/// The same on contiguous doubles; `y` and `x` must not alias.
void tvDenoise1D(const double* y, double* x, std::ptrdiff_t n, double lambda);

}  // namespace cf::temporal
