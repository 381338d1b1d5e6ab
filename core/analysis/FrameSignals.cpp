#include "analysis/FrameSignals.h"

#include "analysis/ConfidenceMap.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "color/Colorfulness.h"
#include "color/LabConversion.h"

namespace cf::analysis {

namespace {

constexpr double kPi = 3.14159265358979323846;

void hueStatistics(const cv::Mat& ab, FrameMetrics* m) {
  double chroma_sum = 0.0, band_sum = 0.0, cos_sum = 0.0, sin_sum = 0.0, all_chroma = 0.0;
  for (int r = 0; r < ab.rows; ++r) {
    const cv::Vec2f* row = ab.ptr<cv::Vec2f>(r);
    for (int c = 0; c < ab.cols; ++c) {
      const double a = row[c][0], b = row[c][1];
      const double chroma = std::sqrt(a * a + b * b);
      all_chroma += chroma;
      if (chroma < kMinChroma)
        continue;
      const double hue_deg = std::atan2(b, a) * 180.0 / kPi;
      chroma_sum += chroma;
      cos_sum += a;  // chroma * cos(hue)
      sin_sum += b;
      if (hue_deg >= kSepiaHueLowDeg && hue_deg <= kSepiaHueHighDeg)
        band_sum += chroma;
    }
  }
  const double n = static_cast<double>(ab.total());
  m->mean_chroma = n > 0 ? all_chroma / n : 0.0;
  if (chroma_sum <= 0.0) {
    m->sepia_fraction = 0.0;
    m->hue_spread_deg = 0.0;
    return;
  }
  m->sepia_fraction = band_sum / chroma_sum;
  // Chroma-weighted circular standard deviation of hue: sqrt(-2 ln R).
  const double resultant = std::min(1.0, std::hypot(cos_sum, sin_sum) / chroma_sum);
  m->hue_spread_deg = std::sqrt(-2.0 * std::log(std::max(resultant, 1e-12))) * 180.0 / kPi;
}

// Share of the frame where the flow check fails in patches wide enough to be motion. Real motion
// occludes bands about as wide as it moves; grain, dust and film scratches make the check fail on
// specks and thin (mostly vertical) lines. An opening of the failed pixels with a square of about
// 2 % of the frame height keeps the first and drops the second.
double wideOcclusionFraction(const cv::Mat& valid_mask) {
  cv::Mat failed = valid_mask == 0;
  const int size = std::max(3, valid_mask.rows / 50) | 1;
  const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(size, size));
  cv::morphologyEx(failed, failed, cv::MORPH_OPEN, kernel);
  return static_cast<double>(cv::countNonZero(failed)) / static_cast<double>(failed.total());
}

}  // namespace

double maskedMeanSquaredChange(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask) {
  if (!mask.empty() && cv::countNonZero(mask) == 0)
    return 0.0;
  cv::Mat diff;
  cv::subtract(a, b, diff);
  cv::Mat sq = diff.mul(diff);
  if (sq.channels() > 1) {
    cv::Mat flat = sq.reshape(1, static_cast<int>(sq.total()));
    cv::reduce(flat, flat, 1, cv::REDUCE_SUM);
    sq = flat.reshape(1, a.rows);
  }
  return mask.empty() ? cv::mean(sq)[0] : cv::mean(sq, mask)[0];
}

FrameMetrics computeFrameMetrics(const FrameSignalInputs& in) {
  CV_Assert(in.l.type() == CV_32FC1 && in.ab.type() == CV_32FC2 && in.l.size() == in.ab.size());
  FrameMetrics m;
  m.frame_index = in.frame_index;
  m.scene_cut = in.scene_cut;

  const cv::Mat rgb = color::labToRgb(color::mergeLab(in.l, in.ab));
  m.colorfulness = color::colorfulness(rgb);
  hueStatistics(in.ab, &m);

  if (!in.confidence.empty()) {
    CV_Assert(in.confidence.type() == CV_32FC1);
    // Black bars carry no picture to be sure or unsure about.
    const cv::Rect area = scaleArea(pictureArea(in.l), in.l.size(), in.confidence.size());
    const cv::Mat picture = in.confidence(area);
    m.mean_confidence = cv::mean(picture)[0];
    m.low_confidence_fraction = static_cast<double>(cv::countNonZero(picture < kLowConfidence)) /
                                static_cast<double>(picture.total());
    const ConfidenceScale p = confidencePercentiles(in.confidence, area);
    m.confidence_p05 = p.low;
    m.confidence_p95 = p.high;
  }

  m.has_previous = !in.scene_cut && !in.warped_prev_l.empty() && !in.warped_prev_ab.empty();
  if (m.has_previous) {
    const bool any_valid = in.valid_mask.empty() || cv::countNonZero(in.valid_mask) > 0;
    if (any_valid) {
      m.flicker_ab = maskedMeanSquaredChange(in.ab, in.warped_prev_ab, in.valid_mask);
      m.flicker_luma = maskedMeanSquaredChange(in.l, in.warped_prev_l, in.valid_mask);
    }
    m.flicker = flickerRatio(m.flicker_ab, m.flicker_luma);
    if (!in.valid_mask.empty())
      m.occluded_fraction = wideOcclusionFraction(in.valid_mask);
  }
  if (!in.flow.empty()) {
    CV_Assert(in.flow.type() == CV_32FC2);
    cv::Mat channels[2];
    cv::split(in.flow, channels);
    cv::Mat magnitude;
    cv::magnitude(channels[0], channels[1], magnitude);
    // Where the flow fails its check (scratches, dust, grain) its vectors are noise: average the
    // flow the check trusts, unless it trusts too little of the frame to say anything.
    const bool use_mask = !in.valid_mask.empty() && in.valid_mask.size() == magnitude.size() &&
                          cv::countNonZero(in.valid_mask) >= int(magnitude.total() / 4);
    m.motion_px = use_mask ? cv::mean(magnitude, in.valid_mask)[0] : cv::mean(magnitude)[0];
    m.motion_fraction = m.motion_px / std::max(1, in.flow.cols);
  }
  return m;
}

}  // namespace cf::analysis
