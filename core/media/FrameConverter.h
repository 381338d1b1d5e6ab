#pragma once
// Turns decoded AVFrames into planar Y/U/V cv::Mat planes (Frame), converting formats that are not
// planar 4:2:0 / 4:2:2 / 4:4:4 YUV (NV12, RGB, palette, grey, 4:1:1, packed 4:2:2, P010...) with
// swscale so callers always get three planes at the native bit depth.

#include <memory>

#include "common/Result.h"
#include "media/AvHandles.h"
#include "media/Frame.h"

namespace cf::media {

/// Planar YUV format for chroma shifts (log2 of the subsampling) and bit depth (8, 10, 12, 16).
/// Returns AV_PIX_FMT_NONE for combinations other than 4:2:0, 4:2:2 and 4:4:4.
AVPixelFormat planarYuvFormat(int log2_chroma_w, int log2_chroma_h, int bit_depth);

/// The planar format FrameConverter produces for frames in `format` (itself when it is one).
AVPixelFormat planarTargetFor(AVPixelFormat format);

/// "4:2:0", "4:2:2", "4:4:4", "4:1:1", "RGB", "grey", ... for a pixel format.
const char* chromaSubsamplingName(AVPixelFormat format);

class FrameConverter {
 public:
  /// Copies (or converts) the pixels of `src` into a new Frame of `width_px` x `height_px`: the
  /// stream's size, which a damaged or resolution-changing stream may not decode to; such frames
  /// are scaled. Index and timestamps are left to the caller.
  Result<std::shared_ptr<Frame>> convert(const AVFrame& src, int width_px, int height_px);

 private:
  SwsContextPtr sws_;
};

}  // namespace cf::media
