#include "color/BilinearRows.h"

#include <algorithm>

namespace cf::color {

// The tables follow cv::resize's set-up for INTER_LINEAR (imgproc/src/resize.cpp, OpenCV 4):
// scale = 1 / (dst / src) in double, position (d + 0.5) * scale - 0.5 rounded to float, weights
// 1 - f and f in float; columns left of the source are clamped to column 0 with weight 0, and from
// the first column whose right tap would leave the source on, the last column is copied.
BilinearPlan::BilinearPlan(cv::Size src, cv::Size dst) : src_(src), dst_(dst) {
  CV_Assert(supports(src, dst));
  const double scale_x = 1.0 / (static_cast<double>(dst.width) / src.width);
  const double scale_y = 1.0 / (static_cast<double>(dst.height) / src.height);
  xofs_.resize(static_cast<size_t>(dst.width));
  ax_.resize(2 * static_cast<size_t>(dst.width));
  xmax_ = dst.width;
  for (int dx = 0; dx < dst.width; ++dx) {
    float fx = static_cast<float>((dx + 0.5) * scale_x - 0.5);
    int sx = cvFloor(fx);
    fx -= static_cast<float>(sx);
    if (sx < 0) {
      fx = 0.f;
      sx = 0;
    }
    if (sx + 1 >= src.width) {
      xmax_ = std::min(xmax_, dx);
      if (sx >= src.width - 1) {
        fx = 0.f;
        sx = src.width - 1;
      }
    }
    xofs_[static_cast<size_t>(dx)] = sx;
    ax_[2 * static_cast<size_t>(dx)] = 1.f - fx;
    ax_[2 * static_cast<size_t>(dx) + 1] = fx;
  }
  yofs_.resize(static_cast<size_t>(dst.height));
  by_.resize(2 * static_cast<size_t>(dst.height));
  for (int dy = 0; dy < dst.height; ++dy) {
    float fy = static_cast<float>((dy + 0.5) * scale_y - 0.5);
    const int sy = cvFloor(fy);
    fy -= static_cast<float>(sy);
    yofs_[static_cast<size_t>(dy)] = sy;
    by_[2 * static_cast<size_t>(dy)] = 1.f - fy;
    by_[2 * static_cast<size_t>(dy) + 1] = fy;
  }
}

bool BilinearPlan::supports(cv::Size src, cv::Size dst) {
  // Shrinking can switch cv::resize to other algorithms (area averaging at exactly 1/2).
  return src.width > 0 && src.height > 0 && dst.width >= src.width && dst.height >= src.height;
}

BilinearRowReader::BilinearRowReader(const BilinearPlan& plan, const cv::Mat& src)
    : plan_(plan), src_(src), channels_(src.channels()), width_(plan.dst_.width) {
  CV_Assert(src.depth() == CV_32F && src.channels() <= 4 && src.size() == plan.src_);
  for (auto& r : rows_)
    r.resize(static_cast<size_t>(channels_) * static_cast<size_t>(width_));
}

const float* BilinearRowReader::horizontal(int sy, int keep) {
  for (int i = 0; i < 2; ++i)
    if (row_of_[i] == sy)
      return rows_[i].data();
  const int slot = row_of_[0] == keep ? 1 : 0;
  row_of_[slot] = sy;
  float* out = rows_[slot].data();
  const float* s = src_.ptr<float>(sy);
  const int cn = channels_;
  const int* xofs = plan_.xofs_.data();
  const float* ax = plan_.ax_.data();
  for (int c = 0; c < cn; ++c) {
    float* d = out + static_cast<size_t>(c) * static_cast<size_t>(width_);
    int dx = 0;
    for (; dx < plan_.xmax_; ++dx) {
      const int sx = xofs[dx] * cn + c;
      d[dx] = s[sx] * ax[2 * dx] + s[sx + cn] * ax[2 * dx + 1];
    }
    for (; dx < width_; ++dx)
      d[dx] = s[xofs[dx] * cn + c];
  }
  return out;
}

void BilinearRowReader::row(int dy, float* const* out) {
  const int last = plan_.src_.height - 1;
  const int sy = plan_.yofs_[static_cast<size_t>(dy)];
  const float b0 = plan_.by_[2 * static_cast<size_t>(dy)];
  const float b1 = plan_.by_[2 * static_cast<size_t>(dy) + 1];
  const int y0 = std::clamp(sy, 0, last);
  const int y1 = std::clamp(sy + 1, 0, last);
  const float* r0 = horizontal(y0, y1);
  const float* r1 = horizontal(y1, y0);
  for (int c = 0; c < channels_; ++c) {
    const size_t off = static_cast<size_t>(c) * static_cast<size_t>(width_);
    const float* s0 = r0 + off;
    const float* s1 = r1 + off;
    float* d = out[c];
    for (int x = 0; x < width_; ++x)
      d[x] = s0[x] * b0 + s1[x] * b1;
  }
}

}  // namespace cf::color
