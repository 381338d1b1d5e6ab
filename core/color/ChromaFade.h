#pragma once
// Chroma fade at the ends of the lightness range: the output's colour fades to neutral as L
// approaches 0 or 100, so black stays black and white stays white (a pillarbox bar at L 0 with a
// predicted a* of +20 would otherwise come out as RGB (10, 0, 17) after gamut clipping).
// Applied by the export's and the preview's last step (LabToRgb8) and by `eval` to its prediction.

#include <algorithm>

#include <opencv2/core.hpp>

namespace cf::color {

/// Lightness below which chroma starts to fade (full fade at L 0).
inline constexpr float kChromaFadeDarkL = 10.0f;
/// Lightness above which chroma starts to fade (full fade at L 100).
inline constexpr float kChromaFadeBrightL = 95.0f;

/// Factor in 0..1 for the chroma of a pixel of lightness `l` (smoothstep at both ends).
inline float chromaFade(float l) {
  const float dark = std::clamp(l / kChromaFadeDarkL, 0.0f, 1.0f);
  const float bright = std::clamp((100.0f - l) / (100.0f - kChromaFadeBrightL), 0.0f, 1.0f);
  const float t = std::min(dark, bright);
  return t * t * (3.0f - 2.0f * t);
}

/// ab (CV_32FC2) multiplied by chromaFade(L) per pixel; L is CV_32FC1 of the same size.
cv::Mat fadeChroma(const cv::Mat& l, const cv::Mat& ab);

}  // namespace cf::color
