#include "train/HintSampler.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

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

cv::Mat renderDenseHints(const cv::Mat& ab, Rng& rng) {
  cv::Mat hints(ab.size(), CV_32FC3, cv::Scalar::all(0.0));
  if (ab.empty())
    return hints;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int w = ab.cols;
  const int h = ab.rows;
  const double side = std::min(w, h);
  // Holes (255) drawn on an 8-bit mask: ellipses, then maybe an edge band.
  cv::Mat holes(ab.size(), CV_8UC1, cv::Scalar(0));
  const bool inverted = u(rng) < 0.15;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const int count = 1 + static_cast<int>(u(rng) * 4.0);
    for (int i = 0; i < count; ++i) {
      const cv::Point centre(static_cast<int>(u(rng) * w), static_cast<int>(u(rng) * h));
      const cv::Size axes(std::max(1, static_cast<int>(side * (0.06 + 0.29 * u(rng)))),
                          std::max(1, static_cast<int>(side * (0.06 + 0.29 * u(rng)))));
      cv::ellipse(holes, centre, axes, 180.0 * u(rng), 0.0, 360.0, cv::Scalar(255), cv::FILLED);
    }
    if (!inverted && u(rng) < 0.35) {
      const int band = std::max(1, static_cast<int>(side * (0.05 + 0.35 * u(rng))));
      switch (static_cast<int>(u(rng) * 4.0)) {
        case 0:
          holes(cv::Rect(0, 0, std::min(band, w), h)).setTo(255);
          break;
        case 1:
          holes(cv::Rect(std::max(0, w - band), 0, std::min(band, w), h)).setTo(255);
          break;
        case 2:
          holes(cv::Rect(0, 0, w, std::min(band, h))).setTo(255);
          break;
        default:
          holes(cv::Rect(0, std::max(0, h - band), w, std::min(band, h))).setTo(255);
          break;
      }
    }
    const double hole_share = double(cv::countNonZero(holes)) / double(holes.total());
    const double unknown = inverted ? 1.0 - hole_share : hole_share;
    if (unknown >= 0.05 && unknown <= 0.95)
      break;
    holes.setTo(0);
  }
  if (cv::countNonZero(holes) == 0)  // four unlucky draws: one hole in the middle
    cv::ellipse(holes, cv::Point(w / 2, h / 2), cv::Size(std::max(1, w / 5), std::max(1, h / 5)),
                0.0, 0.0, 360.0, cv::Scalar(255), cv::FILLED);
  cv::Mat known = inverted ? holes : (holes == 0);
  cv::Mat colour = ab.clone();
  if (u(rng) < 0.5) {
    const double sigma = 0.3 + 1.7 * u(rng);
    cv::GaussianBlur(colour, colour, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
  }
  for (int y = 0; y < h; ++y) {
    const auto* k = known.ptr<uchar>(y);
    const auto* c = colour.ptr<cv::Vec2f>(y);
    auto* out = hints.ptr<cv::Vec3f>(y);
    for (int x = 0; x < w; ++x)
      if (k[x])
        out[x] = cv::Vec3f(c[x][0], c[x][1], 1.0f);
  }
  return hints;
}

}  // namespace cf::train
