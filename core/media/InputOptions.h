#pragma once
// How to read an input path that names images (ImageSequence.h). Plain data: no FFmpeg headers.

#include "media/Rational.h"

namespace cf::media {

struct InputOptions {
  /// Rate of an image sequence; invalid (0/1): the rate in its DPX header, else 24 fps.
  Rational sequence_fps;
  /// An image file is one photo, even when numbered files sit next to it (IMG_0001.jpg...).
  bool single_image = false;
};

}  // namespace cf::media
