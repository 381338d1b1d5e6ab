#pragma once
// Timecode and frame rate in DPX files written by FFmpeg (issue 17). FFmpeg's DPX encoder writes
// the 1664-byte generic header only, so its files carry no timecode. This adds SMPTE 268M's film
// (256 bytes) and television (128 bytes) industry headers between the generic header and the
// image data, with the frame's timecode (BCD, as the spec and every scanner write it) and rate in
// them and every other field "undefined" (all ones). FFmpeg has no option for this; it is written
// by hand, from the spec's offsets.

#include <cstdint>
#include <string>
#include <vector>

#include "media/Rational.h"

namespace cf::media {

/// What a DPX file's industry headers say: the original frame rate (film header, else the
/// television header) and the start timecode; empty/invalid when absent or undefined.
struct DpxHeaderFacts {
  Rational fps;
  std::string timecode;
};
DpxHeaderFacts readDpxHeader(const std::string& path);

/// `dpx` (an FFmpeg-written DPX file in memory) with industry headers stating `timecode`
/// ("HH:MM:SS:FF", ';' allowed) and `fps`. Empty when `dpx` does not have the expected layout
/// or the timecode does not parse; the caller then writes the file as it was.
std::vector<uint8_t> dpxWithTimecode(const uint8_t* dpx, size_t size, const std::string& timecode,
                                     Rational fps);

}  // namespace cf::media
