#pragma once
// One decoded video frame as planar Y, U, V at the source's native bit depth.

#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>

namespace cf::media {

struct Frame {
  int64_t index = 0;     ///< position in presentation order, 0-based
  int64_t pts = 0;       ///< presentation timestamp in the stream time base (StreamInfo::time_base)
  int64_t duration = 0;  ///< display duration in the stream time base; 0 when unknown
  double time_s = 0.0;   ///< seconds since the first frame of the stream
  int bit_depth = 8;     ///< 8, 10, 12 or 16: sample values are native (0..1023 for 10-bit)
  bool full_range = false;  ///< true for full-range (JPEG) levels, false for limited (16..235)
  cv::Mat y;                ///< luma, CV_8UC1 (bit_depth 8) or CV_16UC1
  cv::Mat u;  ///< Cb at its subsampled size (4:2:0 -> ceil(w/2) x ceil(h/2)), same type as y
  cv::Mat v;  ///< Cr, same size and type as u
};

using FramePtr = std::shared_ptr<const Frame>;

}  // namespace cf::media
