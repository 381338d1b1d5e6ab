#include "temporal/TvDenoise1D.h"

#include <algorithm>
#include <vector>

namespace cf::temporal {

namespace {

// Condat's algorithm on contiguous doubles (transcribed from the paper's reference C code).
void condat(const double* input, double* output, std::ptrdiff_t width, double lambda) {
  if (width <= 0)
    return;
  std::ptrdiff_t k = 0;
  std::ptrdiff_t k0 = 0;
  std::ptrdiff_t kplus = 0;
  std::ptrdiff_t kminus = 0;
  double umin = lambda;
  double umax = -lambda;
  double vmin = input[0] - lambda;
  double vmax = input[0] + lambda;
  const double twolambda = 2.0 * lambda;
  const double minlambda = -lambda;
  for (;;) {
    while (k == width - 1) {
      if (umin < 0.0) {  // vmin too high: negative jump
        do
          output[k0++] = vmin;
        while (k0 <= kminus);
        k = kminus = k0;
        vmin = input[k];
        umin = lambda;
        umax = vmin + umin - vmax;
      } else if (umax > 0.0) {  // vmax too low: positive jump
        do
          output[k0++] = vmax;
        while (k0 <= kplus);
        k = kplus = k0;
        vmax = input[k];
        umax = minlambda;
        umin = vmax + umax - vmin;
      } else {
        vmin += umin / double(k - k0 + 1);
        do
          output[k0++] = vmin;
        while (k0 <= k);
        return;
      }
    }
    if ((umin += input[k + 1] - vmin) < minlambda) {  // negative jump
      do
        output[k0++] = vmin;
      while (k0 <= kminus);
      k = kplus = kminus = k0;
      vmin = input[k];
      vmax = vmin + twolambda;
      umin = lambda;
      umax = minlambda;
    } else if ((umax += input[k + 1] - vmax) > lambda) {  // positive jump
      do
        output[k0++] = vmax;
      while (k0 <= kplus);
      k = kplus = kminus = k0;
      vmax = input[k];
      vmin = vmax - twolambda;
      umin = lambda;
      umax = minlambda;
    } else {  // no jump
      ++k;
      if (umin >= lambda) {
        kminus = k;
        vmin += (umin - lambda) / double(kminus - k0 + 1);
        umin = lambda;
      }
      if (umax <= minlambda) {
        kplus = k;
        vmax += (umax + lambda) / double(kplus - k0 + 1);
        umax = minlambda;
      }
    }
  }
}

}  // namespace

void tvDenoise1D(const double* y, double* x, std::ptrdiff_t n, double lambda) {
  if (n <= 0)
    return;
  if (lambda <= 0.0) {
    std::copy(y, y + n, x);
    return;
  }
  condat(y, x, n, lambda);
}

void tvDenoise1D(const float* y, float* x, std::ptrdiff_t n, double lambda, std::ptrdiff_t stride) {
  if (n <= 0)
    return;
  std::vector<double> in(static_cast<size_t>(n));
  std::vector<double> out(static_cast<size_t>(n));
  for (std::ptrdiff_t k = 0; k < n; ++k)
    in[size_t(k)] = y[k * stride];
  if (lambda <= 0.0)
    out = in;
  else
    condat(in.data(), out.data(), n, lambda);
  for (std::ptrdiff_t k = 0; k < n; ++k)
    x[k * stride] = float(out[size_t(k)]);
}

}  // namespace cf::temporal
