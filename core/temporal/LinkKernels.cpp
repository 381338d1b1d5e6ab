#include "temporal/LinkKernels.h"

#include <algorithm>
#include <opencv2/core/hal/intrin.hpp>

namespace cf::temporal {

namespace {

using V4 = cv::v_float32x4;

struct Weights {
  float w00, w01, w10, w11;
};

inline Weights weights(const LinkTap& t) {
  constexpr float k = 1.f / 255.f;
  const float ax = float(t.fx) * k;
  const float ay = float(t.fy) * k;
  return Weights{(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay};
}

// Both channels of one pixel's four taps: lanes 0 and 1 of the result hold
// ((w00 s00 + w01 s01) + w10 s10) + w11 s11 for channels 0 and 1, the scalar order. `top` holds
// the upper taps (left pixel's two channels, then the right pixel's), `bottom` the lower ones.
inline V4 blend2(const Weights& w, const V4& top, const V4& bottom) {
  const V4 mt = top * V4(w.w00, w.w00, w.w01, w.w01);
  const V4 mb = bottom * V4(w.w10, w.w10, w.w11, w.w11);
  const V4 upper = mt + cv::v_rotate_right<2>(mt);  // lanes 0, 1: w00 s00 + w01 s01
  return upper + mb + cv::v_rotate_right<2>(mb);    // (upper + w10 s10) + w11 s11
}

// The 2-channel kernels load a pixel and its right neighbour at once: they need dx == 1.
inline bool vectorisable(const CompiledLink& l, int channels) {
  return channels == 2 && l.dx == 1;
}

template <int C>
void gatherT(const CompiledLink& l, const float* src, float* dst) {
  const size_t n = l.taps.size();
  const size_t dx = size_t(l.dx);
  const size_t dy = size_t(l.dy);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    const size_t b = size_t(t.base);
    const Weights w = weights(t);
    for (int c = 0; c < C; ++c)
      dst[q * C + c] = w.w00 * src[b * C + c] + w.w01 * src[(b + dx) * C + c] +
                       w.w10 * src[(b + dy) * C + c] + w.w11 * src[(b + dx + dy) * C + c];
  }
}

void gather2(const CompiledLink& l, const float* src, float* dst) {
  const size_t n = l.taps.size();
  const size_t dy = size_t(l.dy);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    const size_t b = size_t(t.base);
    const V4 v = blend2(weights(t), cv::v_load(src + 2 * b), cv::v_load(src + 2 * (b + dy)));
    cv::v_store_low(dst + 2 * q, v);
  }
}

// Dual step fused with the gather: p = clamp(p + s (xb - W prev), +-lambda m).
template <int C>
void dualStepT(const CompiledLink& l, const float* prev, const float* xb, float* p, float s,
               float lambda) {
  const size_t n = l.taps.size();
  const size_t dx = size_t(l.dx);
  const size_t dy = size_t(l.dy);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    const float bound = t.linked ? lambda : 0.f;
    const size_t b = size_t(t.base);
    const Weights w = weights(t);
    for (int c = 0; c < C; ++c) {
      const float wp = w.w00 * prev[b * C + c] + w.w01 * prev[(b + dx) * C + c] +
                       w.w10 * prev[(b + dy) * C + c] + w.w11 * prev[(b + dx + dy) * C + c];
      p[q * C + c] = std::clamp(p[q * C + c] + s * (xb[q * C + c] - wp), -bound, bound);
    }
  }
}

// std::clamp(v, lo, hi) exactly (v < lo ? lo : hi < v ? hi : v), signed zeros included.
inline V4 clampLikeStd(const V4& v, const V4& lo, const V4& hi) {
  return cv::v_select(v < lo, lo, cv::v_select(hi < v, hi, v));
}

void dualStep2(const CompiledLink& l, const float* prev, const float* xb, float* p, float s,
               float lambda) {
  const size_t n = l.taps.size();
  const size_t dy = size_t(l.dy);
  const V4 vs = cv::v_setall_f32(s);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    const float bound = t.linked ? lambda : 0.f;
    const size_t b = size_t(t.base);
    const V4 wp = blend2(weights(t), cv::v_load(prev + 2 * b), cv::v_load(prev + 2 * (b + dy)));
    const V4 v = cv::v_load_low(p + 2 * q) + vs * (cv::v_load_low(xb + 2 * q) - wp);
    cv::v_store_low(p + 2 * q, clampLikeStd(v, cv::v_setall_f32(-bound), cv::v_setall_f32(bound)));
  }
}

template <int C>
void scatterSubT(const CompiledLink& l, const float* src, float* dst) {
  const size_t n = l.taps.size();
  const size_t dx = size_t(l.dx);
  const size_t dy = size_t(l.dy);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    if (!t.linked)
      continue;
    const size_t b = size_t(t.base);
    const Weights w = weights(t);
    for (int c = 0; c < C; ++c) {
      const float v = src[q * C + c];
      dst[b * C + c] -= w.w00 * v;
      dst[(b + dx) * C + c] -= w.w01 * v;
      dst[(b + dy) * C + c] -= w.w10 * v;
      dst[(b + dx + dy) * C + c] -= w.w11 * v;
    }
  }
}

// Each of the eight floats a pixel touches gets one subtraction, as in scatterSubT<2>; the upper
// pair is stored before the lower pair is loaded, so a one-row frame (dy == 0) subtracts twice.
void scatterSub2(const CompiledLink& l, const float* src, float* dst) {
  const size_t n = l.taps.size();
  const size_t dy = size_t(l.dy);
  for (size_t q = 0; q < n; ++q) {
    const LinkTap t = l.taps[q];
    if (!t.linked)
      continue;
    const size_t b = size_t(t.base);
    const Weights w = weights(t);
    const float va = src[2 * q], vb = src[2 * q + 1];
    const V4 v(va, vb, va, vb);
    float* top = dst + 2 * b;
    cv::v_store(top, cv::v_load(top) - V4(w.w00, w.w00, w.w01, w.w01) * v);
    float* bottom = dst + 2 * (b + dy);
    cv::v_store(bottom, cv::v_load(bottom) - V4(w.w10, w.w10, w.w11, w.w11) * v);
  }
}

}  // namespace

void gatherTaps(const CompiledLink& l, const float* src, float* dst, int channels) {
  if (vectorisable(l, channels))
    gather2(l, src, dst);
  else if (channels == 1)
    gatherT<1>(l, src, dst);
  else
    gatherT<2>(l, src, dst);
}

void dualStepTaps(const CompiledLink& l, const float* prev, const float* xb, float* p, float s,
                  float lambda, int channels) {
  if (vectorisable(l, channels))
    dualStep2(l, prev, xb, p, s, lambda);
  else if (channels == 1)
    dualStepT<1>(l, prev, xb, p, s, lambda);
  else
    dualStepT<2>(l, prev, xb, p, s, lambda);
}

void scatterSubTaps(const CompiledLink& l, const float* src, float* dst, int channels) {
  if (vectorisable(l, channels))
    scatterSub2(l, src, dst);
  else if (channels == 1)
    scatterSubT<1>(l, src, dst);
  else
    scatterSubT<2>(l, src, dst);
}

void primalUpdate(const float* y, const float* kt, float* x, float* xbar, float t, float inv,
                  float th, size_t len) {
  const V4 vt = cv::v_setall_f32(t), vinv = cv::v_setall_f32(inv), vth = cv::v_setall_f32(th);
  size_t i = 0;
  for (; i + 4 <= len; i += 4) {
    const V4 xo = cv::v_load(x + i);
    const V4 xn = (xo + vt * (cv::v_load(y + i) - cv::v_load(kt + i))) * vinv;
    cv::v_store(xbar + i, xn + vth * (xn - xo));
    cv::v_store(x + i, xn);
  }
  for (; i < len; ++i) {
    const float xn = (x[i] + t * (y[i] - kt[i])) * inv;
    xbar[i] = xn + th * (xn - x[i]);
    x[i] = xn;
  }
}

}  // namespace cf::temporal
