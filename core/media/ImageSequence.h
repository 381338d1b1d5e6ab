#pragma once
// Image inputs: numbered image sequences (film scans as DPX/TIFF/PNG/JPEG/EXR files, one per
// frame) and single still photos. A sequence is named by a printf-style pattern
// ("scan_%06d.dpx"), by its first file ("scan_000101.dpx") or by the folder that holds it; this
// finds its files, its start number and any gap in the numbering. FFmpeg's image2 demuxer then
// reads it like a video (openImageInput()).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Result.h"
#include "media/AvHandles.h"
#include "media/Rational.h"

namespace cf::media {

/// The frame rate of a sequence without one in its files (DPX headers may carry one).
inline constexpr Rational kDefaultSequenceFps{24, 1};

struct ImageSequence {
  std::string pattern;           ///< printf-style path, e.g. "/scans/reel1_%06d.dpx" ('%' as "%%")
  int64_t first_number = 0;      ///< number of the first file (the start number)
  int64_t last_number = 0;       ///< number of the last file
  int64_t file_count = 0;        ///< files found between first and last
  std::vector<int64_t> missing;  ///< numbers between first and last with no file (ascending)
  bool single_still = false;     ///< one photo, not a numbered sequence (pattern is its own path)
  Rational header_fps;           ///< rate stored in the first file (DPX header); invalid when none
  std::string header_timecode;   ///< "HH:MM:SS:FF" from the first DPX header; empty when none
  int orientation = 1;           ///< EXIF orientation of a single JPEG photo (1 = upright, 2..8)

  /// Path of the file numbered `number` (pattern formatted).
  std::string pathOf(int64_t number) const;
  /// The missing numbers as "105, 106, ..." (a dozen at most, then the count).
  std::string missingText() const;
};

/// True for the extensions FFmpeg reads as still images: .dpx .tif .tiff .png .jpg .jpeg .exr
/// .webp .bmp (any case).
bool isImageExtension(const std::string& path);

/// True when `path` holds a printf-style frame number ("%d", "%04d").
bool isSequencePattern(const std::string& path);

/// Resolves `path` into an image input when it names one: a pattern, a folder that holds one
/// numbered sequence, or an image file (with numbered siblings: the sequence starting at it;
/// alone: a single still). Nothing (no error) for other paths, which are videos or missing files.
/// Errors: a pattern or folder that matches no files, a folder with several sequences.
/// `single_image`: an image file is a single still even with numbered siblings.
Result<std::optional<ImageSequence>> findImageInput(const std::string& path,
                                                    bool single_image = false);

/// Opens the image2 demuxer on `seq` at `fps` (invalid: the header's rate, else 24 fps). A gap in
/// the numbering is an error that lists the missing numbers.
Result<InputFormatPtr> openImageInput(const ImageSequence& seq, Rational fps);

/// The photos among `paths`: image files as they are; folders are listed (image files, sorted by
/// name, hidden files skipped). Errors name a path that is neither.
Result<std::vector<std::string>> collectStillPaths(const std::vector<std::string>& paths);

}  // namespace cf::media
