#include "train/HintSampler.h"

#include <algorithm>

namespace cf::train {

std::vector<HintPoint> sampleHintPoints(const cv::Mat& ab, const HintSettings& settings, Rng& rng) {
  std::vector<HintPoint> points;
  if (ab.empty())
    return points;
  std::geometric_distribution<int> count_dist(std::clamp(settings.point_p, 1e-6, 1.0));
  const int limit = std::max(1, ab.rows * ab.cols / 4);
  const int count = std::min(count_dist(rng), limit);
  const int max_side = std::clamp(settings.max_patch_px, 1, std::min(ab.rows, ab.cols));
  std::uniform_int_distribution<int> side_dist(1, max_side);
  points.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const int side = side_dist(rng);
    std::uniform_int_distribution<int> xd(0, ab.cols - side);
    std::uniform_int_distribution<int> yd(0, ab.rows - side);
    const int x = xd(rng);
    const int y = yd(rng);
    HintPoint p;
    p.patch = cv::Rect(x, y, side, side);
    const cv::Scalar mean = cv::mean(ab(p.patch));
    p.ab = cv::Vec2f(static_cast<float>(mean[0]), static_cast<float>(mean[1]));
    points.push_back(p);
  }
  return points;
}

cv::Mat renderHints(const cv::Size& size, const std::vector<HintPoint>& points) {
  cv::Mat hints(size, CV_32FC3, cv::Scalar::all(0.0));
  for (const HintPoint& p : points)
    hints(p.patch).setTo(cv::Scalar(p.ab[0], p.ab[1], 1.0));
  return hints;
}

}  // namespace cf::train
