#pragma once
// The user's colour guidance of a film: keyframes that carry a reference colour image and click
// hints (issue #15). Plain data shared by the CLI (--reference, --hints), the project file and the
// GUI's project model; one vocabulary, declared once here.

#include <cstdint>
#include <string>
#include <vector>

namespace cf::guide {

/// A colour given at one point of one frame. Only its chroma is used; the frame keeps its own L.
struct HintPoint {
  int64_t frame = 0;  ///< 0-based source frame
  double x = 0.0;     ///< 0..1 across the frame's width (display orientation)
  double y = 0.0;     ///< 0..1 down the frame's height
  uint8_t r = 0;      ///< sRGB colour
  uint8_t g = 0;
  uint8_t b = 0;
  double radius = kDefaultRadius;  ///< share of the frame height, (0, 0.5]

  static constexpr double kDefaultRadius = 0.02;
  bool operator==(const HintPoint& o) const {
    return frame == o.frame && x == o.x && y == o.y && r == o.r && g == o.g && b == o.b &&
           radius == o.radius;
  }
  bool operator!=(const HintPoint& o) const { return !(*this == o); }
};

/// A colour picture of one frame (hand-coloured, or a colour still of the same shot), any size.
struct ReferenceImage {
  int64_t frame = 0;
  std::string path;
  bool operator==(const ReferenceImage& o) const { return frame == o.frame && path == o.path; }
  bool operator!=(const ReferenceImage& o) const { return !(*this == o); }
};

/// Everything the user said about colour. Empty: automatic colourisation.
struct Guidance {
  std::vector<ReferenceImage> references;
  std::vector<HintPoint> hints;
  /// How strongly the propagated colour overrides the network, 0..1.
  double strength = 1.0;

  bool empty() const { return references.empty() && hints.empty(); }
  /// Frames that carry a reference or a hint, sorted, each once.
  std::vector<int64_t> keyframes() const;
  bool operator==(const Guidance& o) const {
    return references == o.references && hints == o.hints && strength == o.strength;
  }
  bool operator!=(const Guidance& o) const { return !(*this == o); }
};

/// A point normalised to 0..1 of a frame's width and height.
struct FramePoint {
  double x = 0.0;
  double y = 0.0;
};
/// Hints are placed in the display orientation (HintPoint); frames are decoded, previewed and
/// coloured in the stored one. `rotation_deg`: the clockwise rotation that displays the stored
/// frame upright (StreamInfo::rotation_deg: 0, 90, 180 or 270).
FramePoint storedFromDisplay(FramePoint display, int rotation_deg);
FramePoint displayFromStored(FramePoint stored, int rotation_deg);

/// "#rrggbb" (lower case).
std::string colorHex(uint8_t r, uint8_t g, uint8_t b);
/// Parses "#rrggbb" or "#rgb" (case-insensitive); false for anything else.
bool parseColorHex(const std::string& text, uint8_t* r, uint8_t* g, uint8_t* b);

}  // namespace cf::guide
