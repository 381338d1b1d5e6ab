#include "temporal/FlickerMeter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>

#include "color/Colorfulness.h"
#include "common/ErrorBoundary.h"
#include "temporal/OcclusionMask.h"

namespace cf::temporal {

namespace {

cv::Mat toUnitRgb(const cv::Mat& rgb) {
  CV_Assert(rgb.type() == CV_8UC3 || rgb.type() == CV_32FC3);
  if (rgb.type() == CV_32FC3)
    return rgb;
  cv::Mat f;
  rgb.convertTo(f, CV_32F, 1.0 / 255.0);
  return f;
}

}  // namespace

double warpingError(const cv::Mat& a, const cv::Mat& b, const cv::Mat& flow_a_to_b,
                    const cv::Mat& mask) {
  CV_Assert(a.type() == CV_32FC3 && b.type() == CV_32FC3 && a.size() == b.size());
  const cv::Mat warped = warpWithFlow(b, flow_a_to_b);
  double sum = 0.0;
  int64_t count = 0;
  for (int y = 0; y < a.rows; ++y) {
    const auto* pa = a.ptr<cv::Vec3f>(y);
    const auto* pw = warped.ptr<cv::Vec3f>(y);
    const uchar* m = mask.ptr<uchar>(y);
    for (int x = 0; x < a.cols; ++x) {
      if (!m[x])
        continue;
      const cv::Vec3f d = pa[x] - pw[x];
      sum += double(d.dot(d));
      ++count;
    }
  }
  return count > 0 ? sum / double(count) : -1.0;
}

RgbHistogram rgbHistogram(const cv::Mat& rgb) {
  cv::Mat u8;
  if (rgb.type() == CV_8UC3)
    u8 = rgb;
  else
    rgb.convertTo(u8, CV_8U, 255.0);
  RgbHistogram h{};
  for (int y = 0; y < u8.rows; ++y) {
    const auto* p = u8.ptr<cv::Vec3b>(y);
    for (int x = 0; x < u8.cols; ++x)
      for (int c = 0; c < 3; ++c)
        h[size_t(c)][p[x][c]] += 1.0;
  }
  const double n = double(std::max<size_t>(1, u8.total()));
  for (auto& ch : h)
    for (double& v : ch)
      v /= n;
  return h;
}

double jsDivergence(const RgbHistogram& p, const RgbHistogram& q) {
  double total = 0.0;
  for (size_t c = 0; c < 3; ++c) {
    double js = 0.0;
    for (size_t i = 0; i < 256; ++i) {
      const double a = p[c][i];
      const double b = q[c][i];
      const double m = 0.5 * (a + b);
      if (a > 0.0)
        js += 0.5 * a * std::log(a / m);
      if (b > 0.0)
        js += 0.5 * b * std::log(b / m);
    }
    total += js;
  }
  return total / 3.0;
}

std::string formatFlickerReport(const FlickerReport& r) {
  double lo = 0.0;
  double hi = 0.0;
  if (!r.colorfulness.empty()) {
    lo = *std::min_element(r.colorfulness.begin(), r.colorfulness.end());
    hi = *std::max_element(r.colorfulness.begin(), r.colorfulness.end());
  }
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "frames: %lld\n"
                "warping error E_warp (RGB [0,1]^2, lower is steadier): %.6f\n"
                "colour distribution consistency CDC (JS, d=1,2,4): %.6f\n"
                "colourfulness (Hasler-Suesstrunk, 0..255): mean %.2f, min %.2f, max %.2f\n",
                static_cast<long long>(r.frames), r.warping_error, r.cdc, r.mean_colorfulness, lo,
                hi);
  return buf;
}

FlickerMeter::FlickerMeter(FlowSettings flow) : estimator_(flow) {}

Status FlickerMeter::addFrame(const cv::Mat& rgb, const cv::Mat& luma) {
  const int64_t t = int64_t(colorfulness_.size());
  return guarded("flicker metrics, frame " + std::to_string(t), [&]() -> Status {
    const cv::Mat unit = toUnitRgb(rgb);
    cv::Mat grey = luma;
    if (grey.empty())
      cv::cvtColor(unit, grey, cv::COLOR_RGB2GRAY);  // 0..1 float -> scaled below
    if (grey.type() == CV_32FC1 && luma.empty())
      grey.convertTo(grey, CV_8U, 255.0);
    if (grey.size() != unit.size())
      return makeError("the luma (" + std::to_string(grey.cols) + "x" + std::to_string(grey.rows) +
                       ") does not match the colour frame size");
    if (!prev_rgb_.empty()) {
      if (prev_rgb_.size() != unit.size())
        return makeError("the frame size changed; measure each clip on its own");
      auto fwd = estimator_.compute(prev_luma_, grey, unit.size());
      if (!fwd)
        return fwd.error();
      auto bwd = estimator_.compute(grey, prev_luma_, unit.size());
      if (!bwd)
        return bwd.error();
      const cv::Mat mask = consistencyMask(fwd.value(), bwd.value());
      warp_.push_back(warpingError(prev_rgb_, unit, fwd.value(), mask));
    }
    const RgbHistogram h = rgbHistogram(unit);
    const std::array<size_t, 3> distances{1, 2, 4};
    for (size_t i = 0; i < distances.size(); ++i) {
      if (history_.size() >= distances[i]) {
        js_sum_[i] += jsDivergence(history_[history_.size() - distances[i]], h);
        ++js_count_[i];
      }
    }
    history_.push_back(h);
    if (history_.size() > 4)
      history_.pop_front();
    colorfulness_.push_back(cf::color::colorfulness(unit));
    prev_rgb_ = unit.clone();
    prev_luma_ = grey.clone();
    return {};
  });
}

FlickerReport FlickerMeter::report() const {
  FlickerReport r;
  r.frames = int64_t(colorfulness_.size());
  r.warping_error_per_pair = warp_;
  r.colorfulness = colorfulness_;
  double sum = 0.0;
  int64_t n = 0;
  for (double e : warp_) {
    if (e >= 0.0) {
      sum += e;
      ++n;
    }
  }
  r.warping_error = n > 0 ? sum / double(n) : 0.0;
  double cdc = 0.0;
  int used = 0;
  for (size_t i = 0; i < 3; ++i) {
    if (js_count_[i] > 0) {
      cdc += js_sum_[i] / double(js_count_[i]);
      ++used;
    }
  }
  r.cdc = used > 0 ? cdc / used : 0.0;
  double cf_sum = 0.0;
  for (double c : colorfulness_)
    cf_sum += c;
  r.mean_colorfulness = colorfulness_.empty() ? 0.0 : cf_sum / double(colorfulness_.size());
  return r;
}

}  // namespace cf::temporal
