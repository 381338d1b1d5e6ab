#include "analysis/ConfidenceMap.h"

#include <algorithm>
#include <cmath>

namespace cf::analysis {

namespace {

bool isBar(const cv::Mat& line) {
  double peak = 0.0;
  cv::minMaxLoc(line, nullptr, &peak);
  return cv::mean(line)[0] <= kBarMaxMeanL && peak <= kBarMaxPeakL;
}

float median(std::vector<float> v) {
  if (v.empty())
    return 0.f;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  return v[mid];
}

}  // namespace

cv::Rect pictureArea(const cv::Mat& l) {
  CV_Assert(l.type() == CV_32FC1);
  const cv::Rect whole(0, 0, l.cols, l.rows);
  if (l.empty())
    return whole;
  int top = 0, bottom = l.rows, left = 0, right = l.cols;
  while (top < bottom && isBar(l.row(top)))
    ++top;
  while (bottom > top && isBar(l.row(bottom - 1)))
    --bottom;
  if (bottom - top < l.rows / 4)
    return whole;
  const cv::Mat rows = l.rowRange(top, bottom);
  while (left < right && isBar(rows.col(left)))
    ++left;
  while (right > left && isBar(rows.col(right - 1)))
    --right;
  if (right - left < l.cols / 4)
    return whole;
  return cv::Rect(left, top, right - left, bottom - top);
}

cv::Rect scaleArea(const cv::Rect& area, cv::Size from, cv::Size to) {
  if (from.width <= 0 || from.height <= 0)
    return cv::Rect(0, 0, to.width, to.height);
  const double sx = double(to.width) / from.width, sy = double(to.height) / from.height;
  const int x0 = int(std::ceil(area.x * sx - 1e-9)), y0 = int(std::ceil(area.y * sy - 1e-9));
  const int x1 = int(std::floor(area.br().x * sx + 1e-9));
  const int y1 = int(std::floor(area.br().y * sy + 1e-9));
  return cv::Rect(x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)) &
         cv::Rect(0, 0, to.width, to.height);
}

ConfidenceScale confidencePercentiles(const cv::Mat& confidence, const cv::Rect& area,
                                      double low_pct, double high_pct) {
  const cv::Rect inside = area & cv::Rect(0, 0, confidence.cols, confidence.rows);
  if (confidence.empty() || inside.empty())
    return {};
  CV_Assert(confidence.type() == CV_32FC1);
  std::vector<float> values;
  values.reserve(size_t(inside.area()));
  const cv::Mat roi = confidence(inside);
  for (int y = 0; y < roi.rows; ++y) {
    const float* row = roi.ptr<float>(y);
    values.insert(values.end(), row, row + roi.cols);
  }
  auto at = [&](double pct) {
    const auto k =
        static_cast<std::ptrdiff_t>(std::clamp(pct, 0.0, 1.0) * double(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return values[size_t(k)];
  };
  ConfidenceScale s;
  s.low = at(low_pct);
  s.high = at(high_pct);
  return s;
}

ConfidenceScale shotScale(const std::vector<ConfidenceScale>& frames, float min_span) {
  if (frames.empty())
    return {};
  std::vector<float> lows, highs;
  for (const auto& f : frames) {
    lows.push_back(f.low);
    highs.push_back(f.high);
  }
  ConfidenceScale s{median(lows), median(highs)};
  if (s.high - s.low < min_span) {  // a flat map: centre a minimal span on it
    const float mid = 0.5f * (s.low + s.high);
    s.low = std::max(0.f, mid - 0.5f * min_span);
    s.high = std::min(1.f, s.low + min_span);
  }
  return s;
}

cv::Mat scaledConfidence(const cv::Mat& confidence, const cv::Rect& area,
                         const ConfidenceScale& scale) {
  if (confidence.empty())
    return {};
  CV_Assert(confidence.type() == CV_32FC1);
  const float span = std::max(1e-6f, scale.high - scale.low);
  cv::Mat out(confidence.size(), CV_32FC1, cv::Scalar(-1.f));
  const cv::Rect inside = area & cv::Rect(0, 0, confidence.cols, confidence.rows);
  for (int y = inside.y; y < inside.br().y; ++y) {
    const float* src = confidence.ptr<float>(y);
    float* dst = out.ptr<float>(y);
    for (int x = inside.x; x < inside.br().x; ++x)
      dst[x] = std::clamp((src[x] - scale.low) / span, 0.f, 1.f);
  }
  return out;
}

}  // namespace cf::analysis
