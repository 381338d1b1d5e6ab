#pragma once
// EXIF orientation of photos (read with Exiv2: imageOrientation() in ImageMetadata.h) applied to
// decoded planes, so a photo taken with the camera on its side is colourised and written upright.

#include <string>

#include <opencv2/core.hpp>

namespace cf::media {

/// Turns the planes of a decoded photo upright for EXIF `orientation` (as OpenCV's imread does);
/// chroma is brought to full size first when the picture is transposed.
void applyExifOrientation(cv::Mat* y, cv::Mat* u, cv::Mat* v, int orientation);

}  // namespace cf::media
