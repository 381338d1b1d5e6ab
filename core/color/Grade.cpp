#include "color/Grade.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace cf::color {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// `deg` in [0, 360).
double wrap360(double deg) {
  const double w = std::fmod(deg, 360.0);
  return w < 0.0 ? w + 360.0 : w;
}

/// Signed shortest turn from `from` to `to`, in (-180, 180].
double signedTurn(double from, double to) {
  double d = wrap360(to - from);
  return d > 180.0 ? d - 360.0 : d;
}

double rangeWidth(const HueRemap& r) {
  return wrap360(r.source_to_deg - r.source_from_deg);
}

}  // namespace

std::string gradeProblem(const Grade& g) {
  std::ostringstream out;
  if (!(g.saturation >= 0.0 && g.saturation <= Grade::kMaxSaturation))
    out << "saturation " << g.saturation << " is outside 0.." << Grade::kMaxSaturation;
  else if (!(std::abs(g.temperature) <= Grade::kMaxWhiteBalance))
    out << "temperature " << g.temperature << " is outside -" << Grade::kMaxWhiteBalance << ".."
        << Grade::kMaxWhiteBalance;
  else if (!(std::abs(g.tint) <= Grade::kMaxWhiteBalance))
    out << "tint " << g.tint << " is outside -" << Grade::kMaxWhiteBalance << ".."
        << Grade::kMaxWhiteBalance;
  else if (g.hue_remap &&
           !(std::isfinite(g.hue_remap->source_from_deg) &&
             std::isfinite(g.hue_remap->source_to_deg) && std::isfinite(g.hue_remap->target_deg)))
    out << "the hue remap's angles must be numbers of degrees";
  else if (g.hue_remap && !(g.hue_remap->softness_deg >= 0.0 && g.hue_remap->softness_deg <= 180.0))
    out << "the hue remap's softness " << g.hue_remap->softness_deg << " is outside 0..180 degrees";
  return out.str();
}

double hueRemapWeight(const HueRemap& r, double hue_deg) {
  const double width = rangeWidth(r);
  if (width <= 0.0)
    return 0.0;
  const double into = wrap360(hue_deg - r.source_from_deg);  // 0..360 from the range's start
  if (into <= width)
    return 1.0;
  // Outside: the distance to the nearer edge.
  const double outside = std::min(into - width, 360.0 - into);
  if (r.softness_deg <= 0.0 || outside >= r.softness_deg)
    return 0.0;
  const double t = 1.0 - outside / r.softness_deg;
  return t * t * (3.0 - 2.0 * t);
}

cv::Vec2f gradeAb(const Grade& g, cv::Vec2f ab) {
  if (g.hue_remap) {
    const double chroma = std::hypot(double(ab[0]), double(ab[1]));
    if (chroma > 1e-6) {
      const double hue = std::atan2(double(ab[1]), double(ab[0])) * 180.0 / kPi;
      const double weight = hueRemapWeight(*g.hue_remap, hue);
      if (weight > 0.0) {
        const HueRemap& r = *g.hue_remap;
        const double centre = r.source_from_deg + rangeWidth(r) / 2.0;
        const double moved = (hue + weight * signedTurn(centre, r.target_deg)) * kPi / 180.0;
        ab = cv::Vec2f(float(chroma * std::cos(moved)), float(chroma * std::sin(moved)));
      }
    }
  }
  const float s = static_cast<float>(g.saturation);
  return cv::Vec2f(ab[0] * s + static_cast<float>(g.tint),
                   ab[1] * s + static_cast<float>(g.temperature));
}

cv::Mat applyGrade(const Grade& grade, const cv::Mat& ab) {
  CV_Assert(ab.type() == CV_32FC2);
  cv::Mat out(ab.size(), CV_32FC2);
  for (int r = 0; r < ab.rows; ++r) {
    const cv::Vec2f* src = ab.ptr<cv::Vec2f>(r);
    cv::Vec2f* dst = out.ptr<cv::Vec2f>(r);
    for (int c = 0; c < ab.cols; ++c)
      dst[c] = gradeAb(grade, src[c]);
  }
  return out;
}

}  // namespace cf::color
