#include "color/BoxMeans.h"

#include <opencv2/core.hpp>

namespace cf::color {

namespace {

// The hot loops, compiled for AVX2 too and picked at run time (4 doubles per instruction instead
// of SSE2's 2); the arithmetic is the same IEEE operations in the same order on either path.
__attribute__((target_clones("avx2", "default"))) void rowSums3(const float* w, double* d,
                                                                size_t n) {
  for (size_t x = 0; x < n; ++x)
    d[x] = double(w[x]) + double(w[x + 1]) + double(w[x + 2]);
}

__attribute__((target_clones("avx2", "default"))) void rowSums5(const float* w, double* d,
                                                                size_t n) {
  for (size_t x = 0; x < n; ++x)
    d[x] = double(w[x]) + double(w[x + 1]) + double(w[x + 2]) + double(w[x + 3]) + double(w[x + 4]);
}

__attribute__((target_clones("avx2", "default"))) void addRow(double* c, const double* d,
                                                              size_t n) {
  for (size_t x = 0; x < n; ++x)
    c[x] += d[x];
}

__attribute__((target_clones("avx2", "default"))) void columnStep(double* c, const double* plus,
                                                                  const double* minus, float* o,
                                                                  double scale, size_t n) {
  for (size_t x = 0; x < n; ++x) {
    const double s0 = c[x] + plus[x];
    o[x] = static_cast<float>(s0 * scale);
    c[x] = s0 - minus[x];
  }
}

}  // namespace

bool BoxMeans::supports(int rows, int cols, int radius) {
  return (radius == 1 || radius == 2) && rows >= 2 * radius + 1 && cols >= 2 * radius + 1;
}

BoxMeans::BoxMeans(int planes, int rows, int cols, int radius)
    : planes_(planes), rows_(rows), cols_(cols), radius_(radius), ksize_(2 * radius + 1) {
  CV_Assert(planes > 0 && supports(rows, cols, radius));
  in_.resize(static_cast<size_t>(planes_) * static_cast<size_t>(cols_ + 2 * radius_));
  row_sums_.resize(static_cast<size_t>(planes_) * static_cast<size_t>(ksize_) *
                   static_cast<size_t>(cols_));
  column_.resize(static_cast<size_t>(planes_) * static_cast<size_t>(cols_));
  out_.resize(static_cast<size_t>(planes_) * static_cast<size_t>(cols_));
}

void BoxMeans::run(const RowSource& source, const RowSink& sink) {
  const size_t cols = static_cast<size_t>(cols_);
  const size_t in_stride = cols + 2 * static_cast<size_t>(radius_);
  const double scale = 1.0 / (ksize_ * ksize_);  // OpenCV's normalising factor, in double
  std::vector<float*> in_rows(static_cast<size_t>(planes_));
  std::vector<const float*> out_rows(static_cast<size_t>(planes_));
  for (int p = 0; p < planes_; ++p) {
    in_rows[size_t(p)] = in_.data() + size_t(p) * in_stride + size_t(radius_);
    out_rows[size_t(p)] = out_.data() + size_t(p) * cols;
  }
  auto rowSums = [&](int p, int slot) {
    return row_sums_.data() + (size_t(p) * size_t(ksize_) + size_t(slot)) * cols;
  };
  // Row sums of extended row e (-r .. rows-1+r) into ring slot (e + r) % ksize.
  auto sumRow = [&](int e) {
    source(cv::borderInterpolate(e, rows_, cv::BORDER_REFLECT), in_rows.data());
    const int slot = (e + radius_) % ksize_;
    for (int p = 0; p < planes_; ++p) {
      float* s = in_rows[size_t(p)];
      for (int j = 1; j <= radius_; ++j) {
        s[-j] = s[cv::borderInterpolate(-j, cols_, cv::BORDER_REFLECT)];
        s[cols_ - 1 + j] = s[cv::borderInterpolate(cols_ - 1 + j, cols_, cv::BORDER_REFLECT)];
      }
      const float* w = s - radius_;  // the window of output x starts at w[x]
      double* d = rowSums(p, slot);
      if (ksize_ == 3)
        rowSums3(w, d, cols);
      else
        rowSums5(w, d, cols);
    }
  };
  // The first ksize-1 extended rows start the column sums (from zero, as OpenCV's memset).
  std::fill(column_.begin(), column_.end(), 0.0);
  for (int e = -radius_; e < radius_; ++e) {
    sumRow(e);
    const int slot = (e + radius_) % ksize_;
    for (int p = 0; p < planes_; ++p) {
      addRow(column_.data() + size_t(p) * cols, rowSums(p, slot), cols);
    }
  }
  for (int y = 0; y < rows_; ++y) {
    sumRow(y + radius_);
    const int add = (y + 2 * radius_) % ksize_;  // slot of extended row y + r
    const int sub = y % ksize_;                  // slot of extended row y - r
    for (int p = 0; p < planes_; ++p) {
      columnStep(column_.data() + size_t(p) * cols, rowSums(p, add), rowSums(p, sub),
                 out_.data() + size_t(p) * cols, scale, cols);
    }
    sink(y, out_rows.data());
  }
}

}  // namespace cf::color
