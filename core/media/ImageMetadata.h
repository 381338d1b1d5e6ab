#pragma once
// Carries a photo's metadata over to its colourised copy (issue 17), with Exiv2: EXIF (the
// camera, date, author, copyright, resolution/DPI...), IPTC, XMP and an RGB ICC profile. The
// orientation tag is set to 1, since the written pixels are already upright. A grey ICC profile
// (a greyscale scan's) does not describe colour pixels, so it is left out, with a note.

#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::media {

struct ImageMetadataCopy {
  bool exif = false;
  bool iptc = false;
  bool xmp = false;
  bool icc = false;
  double dpi = 0.0;                ///< the source's resolution in dots per inch; 0 when none
  std::vector<std::string> notes;  ///< what could not be carried over, for the user
};

/// The EXIF orientation (1..8) of the photo `path` (JPEG, PNG, TIFF, WebP...); 1 when it has none
/// or cannot be read.
int imageOrientation(const std::string& path);

/// The resolution `path` states, in dots per inch (EXIF X resolution and unit); 0 when none.
double imageDpi(const std::string& path);

/// Copies the metadata of the photo `from` into the image file `to` (JPEG, PNG or TIFF), which
/// is rewritten in place. An image without metadata copies nothing and succeeds.
Result<ImageMetadataCopy> copyImageMetadata(const std::string& from, const std::string& to);

}  // namespace cf::media
