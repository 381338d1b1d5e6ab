#include "train/Augmentation.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"

namespace cf::train {

namespace {

cv::Mat squareResize(const cv::Mat& rgb8, const cv::Rect& roi, int size_px, bool flip) {
  cv::Mat out;
  const int interp = roi.width > size_px ? cv::INTER_AREA : cv::INTER_LINEAR;
  cv::resize(rgb8(roi), out, cv::Size(size_px, size_px), 0, 0, interp);
  if (flip)
    cv::flip(out, out, 1);
  return out;
}

}  // namespace

uint64_t mixSeed(uint64_t a, uint64_t b) {
  uint64_t z = a + 0x9E3779B97F4A7C15ull * (b + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Rng sampleRng(uint64_t seed, int64_t step, int64_t index) {
  return Rng(mixSeed(mixSeed(seed, static_cast<uint64_t>(step)), static_cast<uint64_t>(index)));
}

LabSample toLab(const cv::Mat& rgb8) {
  cv::Mat rgb;
  rgb8.convertTo(rgb, CV_32FC3, 1.0 / 255.0);
  LabSample s;
  color::splitLab(color::rgbToLab(rgb), &s.l, &s.ab);
  return s;
}

LabSample centreSample(const cv::Mat& rgb8, int size_px) {
  const int side = std::min(rgb8.cols, rgb8.rows);
  const cv::Rect roi((rgb8.cols - side) / 2, (rgb8.rows - side) / 2, side, side);
  return toLab(squareResize(rgb8, roi, size_px, false));
}

LabSample augmentSample(const cv::Mat& rgb8, const AugmentSettings& a, Rng& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int shorter = std::min(rgb8.cols, rgb8.rows);
  const double frac = a.min_crop_frac + (1.0 - a.min_crop_frac) * unit(rng);
  const int side = std::clamp(static_cast<int>(std::lround(frac * shorter)), 1, shorter);
  const int x = static_cast<int>(unit(rng) * (rgb8.cols - side + 1)) % (rgb8.cols - side + 1);
  const int y = static_cast<int>(unit(rng) * (rgb8.rows - side + 1)) % (rgb8.rows - side + 1);
  const bool flip = a.flip && unit(rng) < 0.5;
  LabSample s = toLab(squareResize(rgb8, cv::Rect(x, y, side, side), a.crop_px, flip));

  // Photometric changes on L only.
  const double log_gamma = a.gamma_jitter * (2.0 * unit(rng) - 1.0);
  const double contrast = 1.0 + a.contrast_jitter * (2.0 * unit(rng) - 1.0);
  const bool film = unit(rng) < a.film_fraction;
  const double blur_px = a.film_blur_max_px * unit(rng);
  const double grain = a.film_grain_max * unit(rng);
  const uint64_t noise_seed = rng();

  cv::Mat l = s.l;
  if (log_gamma != 0.0) {
    cv::Mat t = l / 100.0;
    cv::max(t, 0.0, t);
    cv::pow(t, std::exp(log_gamma), t);
    l = t * 100.0;
  }
  if (contrast != 1.0) {
    const double mean = cv::mean(l)[0];
    l = (l - mean) * contrast + mean;
  }
  if (film) {
    if (blur_px > 0.05)
      cv::GaussianBlur(l, l, cv::Size(0, 0), blur_px);
    if (grain > 0.0) {
      cv::Mat noise(l.size(), CV_32FC1);
      cv::RNG cv_rng(noise_seed);
      cv_rng.fill(noise, cv::RNG::NORMAL, 0.0, grain);
      l = l + noise;
    }
  }
  cv::min(cv::max(l, 0.0), 100.0, s.l);
  return s;
}

}  // namespace cf::train
