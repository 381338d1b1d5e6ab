#include "train/ColourMetrics.h"

#include <cmath>
#include <limits>

#include "color/Colorfulness.h"
#include "color/LabConversion.h"

namespace cf::train {

namespace {

cv::Mat renderRgb8(const cv::Mat& l, const cv::Mat& ab) {
  cv::Mat rgb8;
  color::labToRgb(color::mergeLab(l, ab)).convertTo(rgb8, CV_8UC3, 255.0);
  return rgb8;
}

double sumSquares(const cv::Mat& diff) {
  const cv::Scalar s = cv::sum(diff.mul(diff));
  return s[0] + s[1] + s[2] + s[3];
}

}  // namespace

void scoreHue(const cv::Mat& ab_pred, const cv::Mat& ab_truth, FrameScore* score) {
  CV_Assert(ab_pred.type() == CV_32FC2 && ab_truth.type() == CV_32FC2 &&
            ab_pred.size() == ab_truth.size());
  const double cos_tol = std::cos(kHueToleranceDeg * M_PI / 180.0);
  double hits = 0.0, coloured = 0.0;
  for (int r = 0; r < ab_truth.rows; ++r) {
    const cv::Vec2f* p = ab_pred.ptr<cv::Vec2f>(r);
    const cv::Vec2f* t = ab_truth.ptr<cv::Vec2f>(r);
    for (int c = 0; c < ab_truth.cols; ++c) {
      const double ct = std::hypot(t[c][0], t[c][1]);
      if (!(ct > kHueTruthChroma))
        continue;
      coloured += 1.0;
      const double cp = std::hypot(p[c][0], p[c][1]);
      if (!(cp > kHuePredChroma))
        continue;
      // Angle between the two ab vectors within the tolerance <=> cosine above its cosine.
      const double cosine = (p[c][0] * t[c][0] + p[c][1] * t[c][1]) / (cp * ct);
      if (cosine >= cos_tol)
        hits += 1.0;
    }
  }
  score->hue_hits = hits;
  score->hue_coloured = coloured;
  const cv::Scalar mp = cv::mean(ab_pred), mt = cv::mean(ab_truth);
  score->cast = std::hypot(mp[0] - mt[0], mp[1] - mt[1]);
}

FrameScore scoreFrame(const cv::Mat& l, const cv::Mat& ab_pred, const cv::Mat& ab_truth) {
  FrameScore s;
  const double pixels = static_cast<double>(l.total());
  cv::Mat ab_diff = ab_pred - ab_truth;
  s.ab_sq_err = sumSquares(ab_diff);
  s.ab_values = 2.0 * pixels;
  const cv::Mat pred = renderRgb8(l, ab_pred);
  const cv::Mat truth = renderRgb8(l, ab_truth);
  cv::Mat pf, tf;
  pred.convertTo(pf, CV_32FC3);
  truth.convertTo(tf, CV_32FC3);
  s.rgb_sq_err = sumSquares(pf - tf);
  s.rgb_values = 3.0 * pixels;
  s.cf_pred = color::colorfulness(pred);
  s.cf_truth = color::colorfulness(truth);
  scoreHue(ab_pred, ab_truth, &s);
  return s;
}

double psnrFromMse(double mse, double peak) {
  if (!(mse > 0.0))
    return 99.0;  // identical: report a capped value instead of infinity (JSON has no inf)
  return 10.0 * std::log10(peak * peak / mse);
}

void ScoreAccumulator::add(const FrameScore& s) {
  sum_.ab_sq_err += s.ab_sq_err;
  sum_.rgb_sq_err += s.rgb_sq_err;
  sum_.ab_values += s.ab_values;
  sum_.rgb_values += s.rgb_values;
  sum_.cf_pred += s.cf_pred;
  sum_.cf_truth += s.cf_truth;
  sum_.hue_hits += s.hue_hits;
  sum_.hue_coloured += s.hue_coloured;
  sum_.cast += s.cast;
  ++frames_;
}

double ScoreAccumulator::abPsnr() const {
  return sum_.ab_values > 0 ? psnrFromMse(sum_.ab_sq_err / sum_.ab_values) : 0.0;
}

double ScoreAccumulator::rgbPsnr() const {
  return sum_.rgb_values > 0 ? psnrFromMse(sum_.rgb_sq_err / sum_.rgb_values) : 0.0;
}

double ScoreAccumulator::cfPred() const {
  return frames_ > 0 ? sum_.cf_pred / frames_ : 0.0;
}

double ScoreAccumulator::hueAccuracy() const {
  return sum_.hue_coloured > 0 ? sum_.hue_hits / sum_.hue_coloured : 0.0;
}

double ScoreAccumulator::cast() const {
  return frames_ > 0 ? sum_.cast / frames_ : 0.0;
}

double ScoreAccumulator::cfTruth() const {
  return frames_ > 0 ? sum_.cf_truth / frames_ : 0.0;
}

}  // namespace cf::train
