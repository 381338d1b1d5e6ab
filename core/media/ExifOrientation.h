#pragma once
// EXIF orientation of JPEG photos: read from the file and applied to decoded planes, so a photo
// taken with the camera on its side is colourised and written upright.

#include <string>

#include <opencv2/core.hpp>

namespace cf::media {

/// The EXIF orientation (1..8) of a JPEG file; 1 when it has none. Hand-written (no EXIF library
/// in the dependencies): reads the Orientation tag of IFD0 in the APP1 segment.
int jpegExifOrientation(const std::string& path);

/// Turns the planes of a decoded photo upright for EXIF `orientation` (as OpenCV's imread does);
/// chroma is brought to full size first when the picture is transposed.
void applyExifOrientation(cv::Mat* y, cv::Mat* u, cv::Mat* v, int orientation);

}  // namespace cf::media
