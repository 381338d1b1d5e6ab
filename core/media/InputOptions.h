#pragma once
// How to read an input path that names images (ImageSequence.h). Plain data: no FFmpeg headers.

#include <string>

#include "media/Rational.h"

namespace cf::media {

/// Deinterlacing of interlaced video (telecine transfers): Auto deinterlaces when the stream says
/// its fields are interlaced (top or bottom field first), On always, Off never.
enum class Deinterlace { Auto, Off, On };

inline const char* deinterlaceName(Deinterlace mode) {
  switch (mode) {
    case Deinterlace::Off:
      return "off";
    case Deinterlace::On:
      return "on";
    case Deinterlace::Auto:
      break;
  }
  return "auto";
}

/// "auto", "off", "on" <-> Deinterlace; false for an unknown name.
inline bool deinterlaceFromName(const std::string& name, Deinterlace* mode) {
  for (Deinterlace m : {Deinterlace::Auto, Deinterlace::Off, Deinterlace::On})
    if (name == deinterlaceName(m)) {
      *mode = m;
      return true;
    }
  return false;
}

struct InputOptions {
  /// Rate of an image sequence; invalid (0/1): the rate in its DPX header, else 24 fps.
  Rational sequence_fps;
  /// An image file is one photo, even when numbered files sit next to it (IMG_0001.jpg...).
  bool single_image = false;
  /// Video input: deinterlace with FFmpeg's bwdif (one frame per frame, timestamps kept).
  Deinterlace deinterlace = Deinterlace::Auto;
};

}  // namespace cf::media
