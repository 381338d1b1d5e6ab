#include "temporal/SceneCutDetector.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace cf::temporal {

CutFeatures cutFeatures(const cv::Mat& luma) {
  CV_Assert(luma.type() == CV_32FC1 || luma.type() == CV_8UC1);
  cv::Mat unit;
  luma.convertTo(unit, CV_32F, luma.depth() == CV_8U ? 1.0 / 255.0 : 1.0 / 100.0);
  CutFeatures f;
  const int bins = 64;
  f.histogram = cv::Mat::zeros(1, bins, CV_32F);
  auto* h = f.histogram.ptr<float>();
  for (int y = 0; y < unit.rows; ++y) {
    const float* p = unit.ptr<float>(y);
    for (int x = 0; x < unit.cols; ++x)
      h[std::clamp(int(p[x] * bins), 0, bins - 1)] += 1.f;
  }
  f.histogram /= double(unit.total());
  const int w = 64;
  const int th = std::max(1, cvRound(unit.rows * double(w) / unit.cols));
  cv::resize(unit, f.thumbnail, cv::Size(w, th), 0, 0, cv::INTER_AREA);
  return f;
}

CutDistance cutDistance(const CutFeatures& prev, const CutFeatures& cur) {
  CutDistance d;
  d.histogram = 0.5 * cv::norm(cur.histogram, prev.histogram, cv::NORM_L1);
  d.frame_difference =
      cv::norm(cur.thumbnail, prev.thumbnail, cv::NORM_L1) / double(cur.thumbnail.total());
  return d;
}

std::vector<SceneCut> detectSceneCuts(const std::vector<CutFeatures>& features,
                                      const SceneCutSettings& settings) {
  std::vector<CutDistance> distances(features.size());
  for (size_t t = 1; t < features.size(); ++t)
    distances[t] = cutDistance(features[t - 1], features[t]);
  return detectSceneCuts(distances, settings);
}

std::vector<SceneCut> detectSceneCuts(const std::vector<CutDistance>& distances,
                                      const SceneCutSettings& settings) {
  const int n = int(distances.size());
  std::vector<SceneCut> cuts;
  const int w = std::max(1, settings.neighbourhood_frames);
  std::vector<double> neigh;
  for (int t = 1; t < n; ++t) {
    const double d = distances[size_t(t)].histogram;
    const double diff = distances[size_t(t)].frame_difference;
    if (d < settings.min_histogram_distance || diff < settings.min_frame_difference)
      continue;
    neigh.clear();
    for (int k = std::max(1, t - w); k <= std::min(n - 1, t + w); ++k)
      if (k != t)
        neigh.push_back(distances[size_t(k)].histogram);
    double median = 0.0;
    if (!neigh.empty()) {
      std::nth_element(neigh.begin(), neigh.begin() + long(neigh.size() / 2), neigh.end());
      median = neigh[neigh.size() / 2];
    }
    if (d < settings.neighbour_ratio * std::max(median, 1e-3))
      continue;
    cuts.push_back(SceneCut{int64_t(t), d, diff});
  }
  return cuts;
}

std::vector<Shot> shotsFromCuts(const std::vector<SceneCut>& cuts, int64_t frame_count) {
  std::vector<Shot> shots;
  int64_t start = 0;
  for (const SceneCut& c : cuts) {
    if (c.frame <= start || c.frame >= frame_count)
      continue;
    shots.push_back(Shot{start, c.frame});
    start = c.frame;
  }
  if (frame_count > start)
    shots.push_back(Shot{start, frame_count});
  return shots;
}

}  // namespace cf::temporal
