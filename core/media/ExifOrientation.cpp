#include "media/ExifOrientation.h"

#include <cstring>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace cf::media {

namespace {

uint32_t readU32(const unsigned char* p, bool big_endian) {
  return big_endian ? (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) |
                          uint32_t(p[3])
                    : (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) |
                          uint32_t(p[0]);
}

}  // namespace

int jpegExifOrientation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char marker[4] = {0};
  if (!in.read(reinterpret_cast<char*>(marker), 2) || marker[0] != 0xFF || marker[1] != 0xD8)
    return 1;
  while (in.read(reinterpret_cast<char*>(marker), 4)) {
    if (marker[0] != 0xFF || marker[1] == 0xDA || marker[1] == 0xD9)
      return 1;  // not a marker, or the image data starts: no EXIF before it
    const size_t length = (size_t(marker[2]) << 8 | marker[3]);
    if (length < 2)
      return 1;
    std::vector<unsigned char> body(length - 2);
    if (!in.read(reinterpret_cast<char*>(body.data()), static_cast<std::streamsize>(body.size())))
      return 1;
    if (marker[1] != 0xE1 || body.size() < 14 || std::memcmp(body.data(), "Exif\0\0", 6) != 0)
      continue;
    const unsigned char* tiff = body.data() + 6;
    const size_t size = body.size() - 6;
    const bool big = tiff[0] == 'M';
    auto u16 = [&](size_t at) {
      return at + 2 > size ? 0u
             : big         ? unsigned(tiff[at]) << 8 | tiff[at + 1]
                           : unsigned(tiff[at + 1]) << 8 | tiff[at];
    };
    const size_t ifd = size >= 8 ? readU32(tiff + 4, big) : size;
    const unsigned entries = u16(ifd);
    for (unsigned i = 0; i < entries; ++i) {
      const size_t entry = ifd + 2 + 12 * size_t(i);
      if (entry + 12 > size)
        break;
      if (u16(entry) == 0x0112) {
        const unsigned value = u16(entry + 8);
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
      }
    }
    return 1;
  }
  return 1;
}

void applyExifOrientation(cv::Mat* y, cv::Mat* u, cv::Mat* v, int orientation) {
  if (orientation < 2 || orientation > 8)
    return;
  const bool transposed = orientation >= 5;
  const cv::Size full_size = y->size();  // before it is turned
  for (cv::Mat* plane : {y, u, v}) {
    cv::Mat p = *plane;
    if (transposed && plane != y && p.size() != full_size) {
      cv::Mat full;
      cv::resize(p, full, full_size, 0, 0, cv::INTER_LINEAR);
      p = full;
    }
    cv::Mat out;
    switch (orientation) {  // as OpenCV's ApplyExifOrientation
      case 2:
        cv::flip(p, out, 1);
        break;
      case 3:
        cv::flip(p, out, -1);
        break;
      case 4:
        cv::flip(p, out, 0);
        break;
      case 5:
        cv::transpose(p, out);
        break;
      default: {
        cv::Mat t;
        cv::transpose(p, t);
        cv::flip(t, out, orientation == 6 ? 1 : orientation == 7 ? -1 : 0);
        break;
      }
    }
    *plane = out;
  }
}

}  // namespace cf::media
