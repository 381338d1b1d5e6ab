#include "guide/GuideTypes.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace cf::guide {

std::vector<int64_t> Guidance::keyframes() const {
  std::vector<int64_t> frames;
  for (const ReferenceImage& r : references)
    frames.push_back(r.frame);
  for (const HintPoint& h : hints)
    frames.push_back(h.frame);
  std::sort(frames.begin(), frames.end());
  frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
  return frames;
}

namespace {
int quarterTurns(int rotation_deg) {
  return (((rotation_deg % 360) + 360) % 360) / 90;
}
}  // namespace

FramePoint storedFromDisplay(FramePoint d, int rotation_deg) {
  switch (quarterTurns(rotation_deg)) {
    case 1:  // displayed turned clockwise: the display's top row is the stored left column
      return {d.y, 1.0 - d.x};
    case 2:
      return {1.0 - d.x, 1.0 - d.y};
    case 3:
      return {1.0 - d.y, d.x};
    default:
      return d;
  }
}

FramePoint displayFromStored(FramePoint s, int rotation_deg) {
  switch (quarterTurns(rotation_deg)) {
    case 1:
      return {1.0 - s.y, s.x};
    case 2:
      return {1.0 - s.x, 1.0 - s.y};
    case 3:
      return {s.y, 1.0 - s.x};
    default:
      return s;
  }
}

std::string colorHex(uint8_t r, uint8_t g, uint8_t b) {
  char text[8] = {};
  std::snprintf(text, sizeof text, "#%02x%02x%02x", r, g, b);
  return text;
}

bool parseColorHex(const std::string& text, uint8_t* r, uint8_t* g, uint8_t* b) {
  if (text.size() != 7 && text.size() != 4)
    return false;
  if (text[0] != '#')
    return false;
  int v[6] = {};
  for (size_t i = 1; i < text.size(); ++i) {
    const int c = std::tolower(static_cast<unsigned char>(text[i]));
    if (c >= '0' && c <= '9')
      v[i - 1] = c - '0';
    else if (c >= 'a' && c <= 'f')
      v[i - 1] = c - 'a' + 10;
    else
      return false;
  }
  if (text.size() == 4) {
    *r = static_cast<uint8_t>(v[0] * 17);
    *g = static_cast<uint8_t>(v[1] * 17);
    *b = static_cast<uint8_t>(v[2] * 17);
  } else {
    *r = static_cast<uint8_t>(v[0] * 16 + v[1]);
    *g = static_cast<uint8_t>(v[2] * 16 + v[3]);
    *b = static_cast<uint8_t>(v[4] * 16 + v[5]);
  }
  return true;
}

}  // namespace cf::guide
