#include "media/FrameToRgb.h"

extern "C" {
#include <libswscale/swscale.h>
}

#include "media/AvHandles.h"
#include "media/FrameConverter.h"

namespace cf::media {

Result<cv::Mat> frameToRgb8(const Frame& frame) {
  if (frame.y.empty() || frame.u.empty() || frame.v.empty())
    return makeError("frame " + std::to_string(frame.index) + " has no picture to convert");
  const int w = frame.y.cols, h = frame.y.rows;
  const int log2_w = frame.u.cols == w ? 0 : 1;
  const int log2_h = frame.u.rows == h ? 0 : 1;
  const AVPixelFormat src_format = planarYuvFormat(log2_w, log2_h, frame.bit_depth);
  if (src_format == AV_PIX_FMT_NONE)
    return makeError("frame " + std::to_string(frame.index) + " has an unsupported chroma layout");
  SwsContextPtr sws(sws_getContext(w, h, src_format, w, h, AV_PIX_FMT_RGB24,
                                   SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr,
                                   nullptr, nullptr));
  if (!sws)
    return makeError("cannot convert frame " + std::to_string(frame.index) + " to RGB");
  const int matrix = h >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
  const int* coefficients = sws_getCoefficients(matrix);
  sws_setColorspaceDetails(sws.get(), coefficients, frame.full_range ? 1 : 0, coefficients, 1, 0,
                           1 << 16, 1 << 16);
  cv::Mat rgb(h, w, CV_8UC3);
  const uint8_t* src[4] = {frame.y.data, frame.u.data, frame.v.data, nullptr};
  const int src_stride[4] = {static_cast<int>(frame.y.step[0]), static_cast<int>(frame.u.step[0]),
                             static_cast<int>(frame.v.step[0]), 0};
  uint8_t* dst[4] = {rgb.data, nullptr, nullptr, nullptr};
  const int dst_stride[4] = {static_cast<int>(rgb.step[0]), 0, 0, 0};
  sws_scale(sws.get(), src, src_stride, 0, h, dst, dst_stride);
  return rgb;
}

}  // namespace cf::media
