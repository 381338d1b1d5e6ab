#pragma once
// Per-shot grading, the last colour step before RGB: a hue-range remap ("make these reds blue"),
// then saturation, then white balance (temperature and tint). It works on the Lab chroma (a*, b*)
// and leaves L alone, so the film's own lightness is never touched; the chroma fade at black and
// white (ChromaFade.h) comes after it, so black and white stay neutral whatever the grade.
// Applied in LabToRgb8 -- the one conversion that both the preview and the export run -- so the
// preview shows exactly what the export writes.

#include <opencv2/core.hpp>
#include <optional>
#include <string>

namespace cf::color {

/// Moves the hues of one range to another hue. Hues are CIE Lab hue angles in degrees
/// (atan2(b*, a*): red ~40, yellow ~90, green ~135, blue ~290).
struct HueRemap {
  double source_from_deg = 0.0;  ///< the range runs counter-clockwise from here ...
  double source_to_deg = 60.0;   ///< ... to here (to < from wraps through 0)
  double target_deg = 0.0;       ///< the range's centre moves here; the others keep their offset
  double softness_deg = 10.0;    ///< outside the range, the move fades out over this many degrees
  bool operator==(const HueRemap& o) const {
    return source_from_deg == o.source_from_deg && source_to_deg == o.source_to_deg &&
           target_deg == o.target_deg && softness_deg == o.softness_deg;
  }
  bool operator!=(const HueRemap& o) const { return !(*this == o); }
};

struct Grade {
  static constexpr double kMaxSaturation = 3.0;
  static constexpr double kMaxWhiteBalance = 40.0;  ///< |temperature|, |tint| in ab units

  double saturation = 1.0;   ///< chroma factor: 0 grey, 1 unchanged, 2 twice as saturated
  double temperature = 0.0;  ///< added to b*: positive warmer (yellow), negative cooler (blue)
  double tint = 0.0;         ///< added to a*: positive magenta, negative green
  std::optional<HueRemap> hue_remap;

  bool isIdentity() const {
    return saturation == 1.0 && temperature == 0.0 && tint == 0.0 && !hue_remap;
  }
  bool operator==(const Grade& o) const {
    return saturation == o.saturation && temperature == o.temperature && tint == o.tint &&
           hue_remap == o.hue_remap;
  }
  bool operator!=(const Grade& o) const { return !(*this == o); }
};

/// Empty when the grade is valid; else what is wrong ("saturation 5 is outside 0..3").
std::string gradeProblem(const Grade& grade);

/// The share (0..1) of the hue remap that applies at hue `hue_deg`: 1 inside the range, fading
/// (smoothstep) to 0 over `softness_deg` outside it.
double hueRemapWeight(const HueRemap& remap, double hue_deg);

/// One pixel's graded chroma.
cv::Vec2f gradeAb(const Grade& grade, cv::Vec2f ab);

/// ab (CV_32FC2) graded per pixel.
cv::Mat applyGrade(const Grade& grade, const cv::Mat& ab);

}  // namespace cf::color
