#include "media/FrameConverter.h"

#include <cstring>

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "media/FfmpegError.h"

namespace cf::media {

namespace {

bool isJpegRangeFormat(AVPixelFormat format) {
  return format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P ||
         format == AV_PIX_FMT_YUVJ444P || format == AV_PIX_FMT_YUVJ440P ||
         format == AV_PIX_FMT_YUVJ411P;
}

int roundedDepth(int depth) {
  if (depth <= 8)
    return 8;
  if (depth <= 10)
    return 10;
  if (depth <= 12)
    return 12;
  return 16;
}

/// Copies a plane row by row (handles padding and negative line sizes).
cv::Mat copyPlane(const uint8_t* data, int linesize, int width, int height, int cv_type) {
  cv::Mat plane(height, width, cv_type);
  const size_t row_bytes = static_cast<size_t>(width) * plane.elemSize();
  for (int row = 0; row < height; ++row)
    std::memcpy(plane.ptr(row), data + static_cast<ptrdiff_t>(row) * linesize, row_bytes);
  return plane;
}

/// The samples of a one-plane grey format (8..16 bits, either byte order) as CV_8U or CV_16U.
cv::Mat greyPlane(const AVFrame& src, const AVPixFmtDescriptor& desc, int cv_type) {
  cv::Mat plane = copyPlane(src.data[0], src.linesize[0], src.width, src.height, cv_type);
  const bool big_endian = (desc.flags & AV_PIX_FMT_FLAG_BE) != 0;
  const bool host_big_endian = AV_NE(true, false);
  if (cv_type == CV_16UC1 && big_endian != host_big_endian) {
    for (int row = 0; row < plane.rows; ++row) {
      auto* p = plane.ptr<uint16_t>(row);
      for (int col = 0; col < plane.cols; ++col)
        p[col] = static_cast<uint16_t>((p[col] >> 8) | (p[col] << 8));
    }
  }
  const int shift = desc.comp[0].shift;
  if (shift > 0 && cv_type == CV_16UC1)
    plane /= (1 << shift);
  return plane;
}

}  // namespace

AVPixelFormat planarYuvFormat(int log2_chroma_w, int log2_chroma_h, int bit_depth) {
  const int depth = roundedDepth(bit_depth);
  const int index = depth == 8 ? 0 : depth == 10 ? 1 : depth == 12 ? 2 : 3;
  static constexpr AVPixelFormat k420[] = {AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV420P10LE,
                                           AV_PIX_FMT_YUV420P12LE, AV_PIX_FMT_YUV420P16LE};
  static constexpr AVPixelFormat k422[] = {AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV422P10LE,
                                           AV_PIX_FMT_YUV422P12LE, AV_PIX_FMT_YUV422P16LE};
  static constexpr AVPixelFormat k444[] = {AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUV444P10LE,
                                           AV_PIX_FMT_YUV444P12LE, AV_PIX_FMT_YUV444P16LE};
  if (log2_chroma_w == 1 && log2_chroma_h == 1)
    return k420[index];
  if (log2_chroma_w == 1 && log2_chroma_h == 0)
    return k422[index];
  if (log2_chroma_w == 0 && log2_chroma_h == 0)
    return k444[index];
  return AV_PIX_FMT_NONE;
}

AVPixelFormat planarTargetFor(AVPixelFormat format) {
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
  if (!desc)
    return AV_PIX_FMT_NONE;
  const int depth = desc->comp[0].depth;
  if (isJpegRangeFormat(format)) {
    const AVPixelFormat planar = planarYuvFormat(desc->log2_chroma_w, desc->log2_chroma_h, 8);
    return planar == AV_PIX_FMT_NONE ? AV_PIX_FMT_YUV444P : format;
  }
  if (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL))
    return planarYuvFormat(0, 0, depth);
  if (desc->nb_components <= 2)  // grey (+ alpha): 4:2:0 with neutral chroma
    return planarYuvFormat(1, 1, depth);
  const AVPixelFormat planar = planarYuvFormat(desc->log2_chroma_w, desc->log2_chroma_h, depth);
  return planar == AV_PIX_FMT_NONE ? planarYuvFormat(0, 0, depth) : planar;
}

const char* chromaSubsamplingName(AVPixelFormat format) {
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
  if (!desc)
    return "unknown";
  if (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL))
    return "RGB";
  if (desc->nb_components <= 2)
    return "grey";
  const int w = desc->log2_chroma_w;
  const int h = desc->log2_chroma_h;
  if (w == 0 && h == 0)
    return "4:4:4";
  if (w == 1 && h == 0)
    return "4:2:2";
  if (w == 1 && h == 1)
    return "4:2:0";
  if (w == 2 && h == 0)
    return "4:1:1";
  if (w == 0 && h == 1)
    return "4:4:0";
  if (w == 2 && h == 2)
    return "4:1:0";
  return "other";
}

Result<std::shared_ptr<Frame>> FrameConverter::convert(const AVFrame& src, int width_px,
                                                       int height_px) {
  const auto src_format = static_cast<AVPixelFormat>(src.format);
  const AVPixelFormat target = planarTargetFor(src_format);
  const AVPixFmtDescriptor* src_desc = av_pix_fmt_desc_get(src_format);
  const AVPixFmtDescriptor* dst_desc = av_pix_fmt_desc_get(target);
  if (!src_desc || !dst_desc || src.width <= 0 || src.height <= 0 || !src.data[0])
    return makeError(std::string("unsupported decoded pixel format ") +
                     (src_desc ? src_desc->name : "none"));
  if (width_px <= 0 || height_px <= 0)
    return makeError("invalid frame size " + std::to_string(width_px) + "x" +
                     std::to_string(height_px));
  const bool same_size = src.width == width_px && src.height == height_px;

  auto frame = std::make_shared<Frame>();
  frame->bit_depth = dst_desc->comp[0].depth;
  const int cv_type = frame->bit_depth > 8 ? CV_16UC1 : CV_8UC1;
  const int chroma_w = AV_CEIL_RSHIFT(width_px, dst_desc->log2_chroma_w);
  const int chroma_h = AV_CEIL_RSHIFT(height_px, dst_desc->log2_chroma_h);
  const bool src_rgb = (src_desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0;
  frame->full_range =
      src.color_range == AVCOL_RANGE_JPEG || isJpegRangeFormat(src_format) || src_rgb;

  const bool src_grey = !src_rgb && src_desc->nb_components == 1 &&
                        !(src_desc->flags & AV_PIX_FMT_FLAG_FLOAT) && src_desc->comp[0].depth > 8 &&
                        src_desc->comp[0].step == 2;
  if (src_grey && same_size) {
    // 10..16-bit grey (film scans, 16-bit photos): the samples are the luma, copied exactly;
    // swscale's intermediate precision would cost the low bits. Full range unless tagged.
    frame->full_range = src.color_range != AVCOL_RANGE_MPEG;
    frame->y = greyPlane(src, *src_desc, cv_type);
    const double neutral = static_cast<double>(1 << (frame->bit_depth - 1));
    frame->u = cv::Mat(chroma_h, chroma_w, cv_type, cv::Scalar(neutral));
    frame->v = cv::Mat(chroma_h, chroma_w, cv_type, cv::Scalar(neutral));
    return frame;
  }

  if (target == src_format && same_size) {
    frame->y = copyPlane(src.data[0], src.linesize[0], src.width, src.height, cv_type);
    frame->u = copyPlane(src.data[1], src.linesize[1], chroma_w, chroma_h, cv_type);
    frame->v = copyPlane(src.data[2], src.linesize[2], chroma_w, chroma_h, cv_type);
    return frame;
  }

  // sws_getCachedContext reuses the context while the source geometry and format stay the same.
  SwsContext* ctx = sws_getCachedContext(
      sws_.release(), src.width, src.height, src_format, width_px, height_px, target,
      SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr);
  sws_.reset(ctx);
  if (!ctx)
    return makeError(std::string("cannot convert pixel format ") + src_desc->name + " to " +
                     dst_desc->name);
  const bool src_full = src.color_range == AVCOL_RANGE_JPEG || isJpegRangeFormat(src_format);
  const int colorspace = src.colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
  const int* coefficients = sws_getCoefficients(colorspace);
  // RGB becomes full-range YUV (no level clipping); YUV and grey keep their range.
  sws_setColorspaceDetails(ctx, coefficients, src_full ? 1 : 0, coefficients,
                           frame->full_range ? 1 : 0, 0, 1 << 16, 1 << 16);

  // Convert into an aligned scratch frame (swscale's SIMD paths want aligned rows), then copy.
  AvFramePtr scratch = makeAvFrame();
  if (!scratch)
    return makeError("out of memory allocating a frame");
  scratch->format = target;
  scratch->width = width_px;
  scratch->height = height_px;
  const int ret = av_frame_get_buffer(scratch.get(), 0);
  if (ret < 0)
    return makeError(ffmpegFailure("cannot allocate a frame", ret));
  const int rows =
      sws_scale(ctx, src.data, src.linesize, 0, src.height, scratch->data, scratch->linesize);
  if (rows != height_px)
    return makeError(std::string("swscale failed converting ") + src_desc->name + " to " +
                     dst_desc->name);
  frame->y = copyPlane(scratch->data[0], scratch->linesize[0], width_px, height_px, cv_type);
  frame->u = copyPlane(scratch->data[1], scratch->linesize[1], chroma_w, chroma_h, cv_type);
  frame->v = copyPlane(scratch->data[2], scratch->linesize[2], chroma_w, chroma_h, cv_type);
  return frame;
}

}  // namespace cf::media
