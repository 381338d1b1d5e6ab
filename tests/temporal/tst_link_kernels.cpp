// The window solver's vectorised per-pixel kernels (LinkKernels.h) against the scalar loops they
// replaced, kept here as the reference: the smoothing, and so the exported frames, must not
// change, so every comparison is exact (the floats' bits, signed zeros included).

#include <QtTest>
#include <algorithm>
#include <cstring>
#include <opencv2/core.hpp>
#include <vector>

#include "temporal/LinkKernels.h"
#include "temporal/WindowSolver.h"

using namespace cf::temporal;

namespace ref {

struct Weights {
  float w00, w01, w10, w11;
};

Weights weights(const LinkTap& t) {
  constexpr float k = 1.f / 255.f;
  const float ax = float(t.fx) * k;
  const float ay = float(t.fy) * k;
  return Weights{(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay};
}

void gather(const CompiledLink& l, const float* src, float* dst, int C) {
  const size_t dx = size_t(l.dx), dy = size_t(l.dy);
  for (size_t q = 0; q < l.taps.size(); ++q) {
    const LinkTap t = l.taps[q];
    const size_t b = size_t(t.base);
    const Weights w = weights(t);
    for (int c = 0; c < C; ++c)
      dst[q * C + c] = w.w00 * src[b * C + c] + w.w01 * src[(b + dx) * C + c] +
                       w.w10 * src[(b + dy) * C + c] + w.w11 * src[(b + dx + dy) * C + c];
  }
}

void dualStep(const CompiledLink& l, const float* prev, const float* xb, float* p, float s,
              float lambda, int C) {
  const size_t dx = size_t(l.dx), dy = size_t(l.dy);
  for (size_t q = 0; q < l.taps.size(); ++q) {
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

void scatterSub(const CompiledLink& l, const float* src, float* dst, int C) {
  const size_t dx = size_t(l.dx), dy = size_t(l.dy);
  for (size_t q = 0; q < l.taps.size(); ++q) {
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

}  // namespace ref

namespace {

// A link with random flow (some of it pointing outside the frame) and a random mask.
CompiledLinkPtr randomLink(cv::Size size, cv::RNG& rng) {
  FrameLink link;
  link.flow_to_prev = cv::Mat(size, CV_32FC2);
  rng.fill(link.flow_to_prev, cv::RNG::UNIFORM, -3.0, 3.0);
  link.mask = cv::Mat(size, CV_8UC1);
  rng.fill(link.mask, cv::RNG::UNIFORM, 0, 2);
  return compileLink(link);
}

std::vector<float> randomBuffer(size_t n, cv::RNG& rng, bool zeros) {
  std::vector<float> v(n);
  for (float& x : v)
    x = zeros && rng.uniform(0, 4) == 0 ? (rng.uniform(0, 2) ? 0.f : -0.f)
                                        : rng.uniform(-50.f, 50.f);
  return v;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

class TestLinkKernels : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void kernelsEqualTheScalarLoops_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("channels");
    QTest::newRow("solve size, ab") << QSize(114, 64) << 2;
    QTest::newRow("odd, ab") << QSize(13, 7) << 2;
    QTest::newRow("one row, ab") << QSize(9, 1) << 2;
    QTest::newRow("one column, ab") << QSize(1, 9) << 2;
    QTest::newRow("one channel") << QSize(17, 11) << 1;
  }
  void kernelsEqualTheScalarLoops() {
    QFETCH(QSize, size);
    QFETCH(int, channels);
    cv::RNG rng(uint64(size.width() * 100 + size.height()));
    const cv::Size sz(size.width(), size.height());
    const size_t len = sz.area() * size_t(channels);
    for (int round = 0; round < 5; ++round) {
      const CompiledLinkPtr link = randomLink(sz, rng);
      QVERIFY(!link->identity);
      const auto src = randomBuffer(len, rng, false);
      const auto xb = randomBuffer(len, rng, true);

      std::vector<float> got(len), want(len);
      gatherTaps(*link, src.data(), got.data(), channels);
      ref::gather(*link, src.data(), want.data(), channels);
      QVERIFY(sameBits(got, want));

      // Lambda 0 clamps everything to +-0: the signed zeros must come out as std::clamp's.
      for (const float lambda : {4.f, 0.f}) {
        auto p_got = randomBuffer(len, rng, true);
        auto p_want = p_got;
        dualStepTaps(*link, src.data(), xb.data(), p_got.data(), 0.3f, lambda, channels);
        ref::dualStep(*link, src.data(), xb.data(), p_want.data(), 0.3f, lambda, channels);
        QVERIFY(sameBits(p_got, p_want));
      }

      auto d_got = randomBuffer(len, rng, true);
      auto d_want = d_got;
      scatterSubTaps(*link, src.data(), d_got.data(), channels);
      ref::scatterSub(*link, src.data(), d_want.data(), channels);
      QVERIFY(sameBits(d_got, d_want));
    }
  }

  void primalUpdateEqualsTheScalarLoop() {
    cv::RNG rng(3);
    for (const size_t len : {size_t(14592), size_t(7)}) {
      const auto y = randomBuffer(len, rng, true);
      const auto kt = randomBuffer(len, rng, true);
      auto x_got = randomBuffer(len, rng, true);
      auto x_want = x_got;
      std::vector<float> xb_got(len), xb_want(len);
      const float t = 0.35f, inv = 1.f / 1.35f, th = 1.f;
      primalUpdate(y.data(), kt.data(), x_got.data(), xb_got.data(), t, inv, th, len);
      for (size_t i = 0; i < len; ++i) {
        const float xn = (x_want[i] + t * (y[i] - kt[i])) * inv;
        xb_want[i] = xn + th * (xn - x_want[i]);
        x_want[i] = xn;
      }
      QVERIFY(sameBits(x_got, x_want));
      QVERIFY(sameBits(xb_got, xb_want));
    }
  }
};

QTEST_GUILESS_MAIN(TestLinkKernels)
#include "tst_link_kernels.moc"
