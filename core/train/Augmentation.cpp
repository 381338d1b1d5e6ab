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

/// A print's look: an S- or inverse-S tone curve of strength `curve` (-0.4..0.4; monotonic) at L
/// 50, then 1..3 vertical scratches, 1 px wide, brighter or darker by 15..40 L.
cv::Mat filmDamage(const cv::Mat& l_in, double curve, uint64_t seed) {
  cv::Mat l = l_in.clone();
  for (int r = 0; r < l.rows; ++r) {
    float* p = l.ptr<float>(r);
    for (int c = 0; c < l.cols; ++c) {
      const double x = std::clamp(p[c] / 100.0, 0.0, 1.0);
      const double s = x + curve * x * (1.0 - x) * (2.0 * x - 1.0) * 2.0;
      p[c] = static_cast<float>(100.0 * std::clamp(s, 0.0, 1.0));
    }
  }
  Rng rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int scratches = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < scratches; ++i) {
    const int col = static_cast<int>(rng() % static_cast<uint64_t>(l.cols));
    const double delta = (unit(rng) < 0.5 ? -1.0 : 1.0) * (15.0 + 25.0 * unit(rng));
    const int top = static_cast<int>(unit(rng) * 0.5 * l.rows);
    for (int r = top; r < l.rows; ++r)
      l.at<float>(r, col) += static_cast<float>(delta);
  }
  return l;
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
  // Drawn only when enabled, so runs without film damage keep their random sequence.
  const bool damage = a.film_damage > 0.0 && film && unit(rng) < a.film_damage;
  const double curve = damage ? 0.4 * (2.0 * unit(rng) - 1.0) : 0.0;
  const uint64_t scratch_seed = damage ? rng() : 0;

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
  if (damage)
    l = filmDamage(l, curve, scratch_seed);
  cv::min(cv::max(l, 0.0), 100.0, s.l);
  return s;
}

}  // namespace cf::train
