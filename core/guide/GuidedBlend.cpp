#include "guide/GuidedBlend.h"

#include "guide/KeyframeReach.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/ximgproc.hpp>

namespace cf::guide {

namespace {

cv::Mat twoChannels(const cv::Mat& m) {
  cv::Mat out;
  cv::merge(std::vector<cv::Mat>{m, m}, out);
  return out;
}

}  // namespace

cv::Mat mix(const cv::Mat& w, const cv::Mat& a, const cv::Mat& b) {
  const cv::Mat wn = a.channels() == 2 ? twoChannels(w) : w;
  return a.mul(wn) + b.mul(cv::Scalar::all(1.0) - wn);
}

void networkHints(const PropagatedColour& p, cv::Mat* ab, cv::Mat* mask) {
  *ab = p.ab;
  cv::threshold(p.confidence, *mask, kHintConfidence, 1.0, cv::THRESH_BINARY);
}

cv::Mat trustOf(const PropagatedColour& p, const BlendSettings& settings) {
  return trustOf(p.confidence, settings.full_trust_confidence);
}

double networkGain(const PropagatedColour& p, const cv::Mat& trust, const cv::Mat& network_ab,
                   const BlendSettings& settings) {
  double np = 0.0;
  double nn = 0.0;
  size_t count = 0;
  for (int y = 0; y < trust.rows; ++y) {
    const auto* t = trust.ptr<float>(y);
    const auto* n = network_ab.ptr<cv::Vec2f>(y);
    const auto* q = p.ab.ptr<cv::Vec2f>(y);
    for (int x = 0; x < trust.cols; ++x)
      if (t[x] >= 1.0f) {
        np += double(n[x][0]) * q[x][0] + double(n[x][1]) * q[x][1];
        nn += double(n[x][0]) * n[x][0] + double(n[x][1]) * n[x][1];
        ++count;
      }
  }
  if (double(count) < settings.min_trusted_share * double(trust.total()) || nn <= 1e-6)
    return 1.0;
  return std::clamp(np / nn, 0.0, settings.max_network_gain);
}

void fillFromTrusted(const PropagatedColour& p, const cv::Mat& trust, const cv::Mat& l,
                     const BlendSettings& settings, cv::Mat* fill, cv::Mat* certainty) {
  // Normalised convolution along the domain transform of L (Gastal & Oliveira 2011): the spread
  // of trust * ab divided by the spread of trust; the latter is the fill's certainty.
  // One pass over three channels: trust * a, trust * b, trust; at fill_scale of the frame's size
  // (the fill is smooth: its reach is tens of pixels), then back to it.
  std::vector<cv::Mat> ab(2);
  cv::split(p.ab, ab);
  cv::Mat stacked, spread, guide;
  cv::merge(std::vector<cv::Mat>{ab[0].mul(trust), ab[1].mul(trust), trust}, stacked);
  l.convertTo(guide, CV_32F);
  const double scale = std::clamp(settings.fill_scale, 0.1, 1.0);
  if (scale < 1.0) {
    cv::resize(guide, guide, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::resize(stacked, stacked, guide.size(), 0, 0, cv::INTER_AREA);
  }
  const auto dtf =
      cv::ximgproc::createDTFilter(guide, settings.fill_sigma_px * scale, settings.fill_sigma_l,
                                   cv::ximgproc::DTF_NC, std::max(1, settings.fill_iterations));
  dtf->filter(stacked, spread);
  if (spread.size() != l.size())
    cv::resize(spread, spread, l.size(), 0, 0, cv::INTER_LINEAR);
  std::vector<cv::Mat> parts(3);
  cv::split(spread, parts);
  *certainty = parts[2];
  cv::Mat inv;
  cv::divide(1.0, cv::max(*certainty, 1e-4), inv);
  cv::merge(std::vector<cv::Mat>{parts[0].mul(inv), parts[1].mul(inv)}, *fill);
  cv::min(*certainty, 1.0, *certainty);
  cv::max(*certainty, 0.0, *certainty);
}

GuidedColour blendGuided(const PropagatedColour& p, const cv::Mat& l, const cv::Mat& network_ab,
                         const cv::Mat& network_confidence, double strength,
                         const BlendSettings& settings) {
  const double s = std::clamp(strength, 0.0, 1.0);
  const cv::Mat m = trustOf(p, settings);
  double min_m = 1.0;
  cv::minMaxLoc(m, &min_m);
  const bool unsure_anywhere = min_m < 1.0;
  // The unsure part's colour: the calibrated network, and the fill where it is certain. (Fresh
  // matrices: assigning an expression to a cv::Mat header that shares the caller's buffer would
  // write into the caller's network output.)
  cv::Mat unsure = network_ab;
  cv::Mat unsure_conf = network_confidence;
  if (unsure_anywhere && settings.calibrate_network) {
    const double k = networkGain(p, m, network_ab, settings);
    if (k != 1.0) {
      unsure = cv::Mat();
      network_ab.convertTo(unsure, -1, k);
    }
  }
  if (unsure_anywhere && settings.fill_unsure && !l.empty()) {
    cv::Mat fill, q;
    fillFromTrusted(p, m, l, settings, &fill, &q);
    unsure = mix(q, fill, unsure);
    if (!network_confidence.empty()) {
      cv::Mat c = q + network_confidence.mul(1.0 - q);
      unsure_conf = c;
    }
  }
  GuidedColour out;
  out.ab = mix(m, p.ab, unsure);
  if (s < 1.0)
    out.ab = out.ab * s + network_ab * (1.0 - s);
  if (!network_confidence.empty()) {
    out.confidence = m + unsure_conf.mul(1.0 - m);
    if (s < 1.0)
      out.confidence = out.confidence * s + network_confidence * (1.0 - s);
  }
  return out;
}

}  // namespace cf::guide
