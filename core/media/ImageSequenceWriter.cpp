#include "media/ImageSequenceWriter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include "common/Timecode.h"
#include "media/DpxHeader.h"
#include "media/FfmpegError.h"
#include "media/ImageMetadata.h"
#include "media/ImageSequence.h"
#include "media/TempOutputFile.h"

namespace cf::media {

namespace fs = std::filesystem;

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

std::string lowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

AVCodecID codecOf(ImageFormat format) {
  switch (format) {
    case ImageFormat::Dpx:
      return AV_CODEC_ID_DPX;
    case ImageFormat::Tiff:
      return AV_CODEC_ID_TIFF;
    case ImageFormat::Png:
      return AV_CODEC_ID_PNG;
    case ImageFormat::Jpeg:
      return AV_CODEC_ID_MJPEG;
  }
  return AV_CODEC_ID_NONE;
}

AVPixelFormat pixelFormatOf(ImageFormat format, int depth) {
  switch (format) {
    case ImageFormat::Dpx:
      return depth == 8    ? AV_PIX_FMT_RGB24
             : depth == 10 ? AV_PIX_FMT_GBRP10LE
             : depth == 12 ? AV_PIX_FMT_GBRP12LE
                           : AV_PIX_FMT_RGB48LE;
    case ImageFormat::Tiff:
      return depth == 8 ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGB48LE;
    case ImageFormat::Png:
      return depth == 8 ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGB48BE;
    case ImageFormat::Jpeg:
      return AV_PIX_FMT_YUVJ444P;
  }
  return AV_PIX_FMT_NONE;
}

/// The folder of `pattern` and the start of its file names ("out_" for "out_%06d.tif").
std::pair<fs::path, std::string> patternPrefix(const std::string& pattern) {
  const fs::path p(pattern);
  const std::string name = p.filename().string();
  return {p.parent_path(), name.substr(0, name.find('%'))};
}

/// Removes the temporary files ".NAME.partial-XXXXXX.ext" that a killed run left for `pattern`.
void removeStalePartials(const std::string& pattern) {
  const auto [dir, prefix] = patternPrefix(pattern);
  const std::string ext = fs::path(pattern).extension().string();
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("." + prefix, 0) == 0 && name.find(".partial-") != std::string::npos &&
        name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      stale.push_back(it->path());
  }
  for (const fs::path& path : stale)
    fs::remove(path, ec);
}

cv::Mat to16(const cv::Mat& rgb) {
  if (rgb.depth() == CV_16U)
    return rgb;
  cv::Mat out;
  rgb.convertTo(out, CV_16U, 257.0);
  return out;
}

cv::Mat to8(const cv::Mat& rgb) {
  if (rgb.depth() == CV_8U)
    return rgb;
  cv::Mat out;
  rgb.convertTo(out, CV_8U, 255.0 / 65535.0);
  return out;
}

}  // namespace

bool imageFormatForPath(const std::string& path, ImageFormat* format) {
  const std::string ext = lowerExtension(path);
  if (ext == ".dpx")
    *format = ImageFormat::Dpx;
  else if (ext == ".tif" || ext == ".tiff")
    *format = ImageFormat::Tiff;
  else if (ext == ".png")
    *format = ImageFormat::Png;
  else if (ext == ".jpg" || ext == ".jpeg")
    *format = ImageFormat::Jpeg;
  else
    return false;
  return true;
}

int imageFormatDepth(ImageFormat format, int wanted_bit_depth) {
  if (wanted_bit_depth <= 8 || format == ImageFormat::Jpeg)
    return 8;
  if (format == ImageFormat::Dpx)
    return wanted_bit_depth <= 10 ? 10 : wanted_bit_depth <= 12 ? 12 : 16;
  return 16;
}

ImageSequenceWriter::~ImageSequenceWriter() = default;

Result<std::unique_ptr<ImageSequenceWriter>> ImageSequenceWriter::create(
    const ImageWriterSettings& settings) {
  std::unique_ptr<ImageSequenceWriter> writer(new ImageSequenceWriter());
  writer->settings_ = settings;
  if (Status opened = writer->open(); !opened)
    return opened.error();
  return writer;
}

Status ImageSequenceWriter::open() {
  const ImageWriterSettings& s = settings_;
  const std::string target = inQuotes(s.output_path);
  if (!imageFormatForPath(s.output_path, &format_))
    return makeError("cannot write " + target +
                     ": unsupported image extension. Use .dpx, .tif, .png or .jpg.");
  sequence_ = isSequencePattern(s.output_path);
  if (!sequence_ && s.output_path.find('%') != std::string::npos)
    return makeError("cannot write " + target +
                     ": an image sequence pattern needs one frame number such as %06d.");
  if (sequence_ && format_ == ImageFormat::Jpeg)
    return makeError("cannot write " + target +
                     ": JPEG loses detail in every frame; write a sequence as .dpx, .tif or .png.");
  if (s.width_px <= 0 || s.height_px <= 0)
    return makeError("cannot write " + target + ": the frame size is invalid.");
  if (s.start_number < 0)
    return makeError("cannot write " + target + ": the start number must be 0 or more.");
  const fs::path dir = fs::path(s.output_path).parent_path();
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec))
    return makeError("cannot write " + target + ": the folder " + inQuotes(dir.string()) +
                     " does not exist. Create it or choose another output folder.");
  depth_ = imageFormatDepth(format_, s.bit_depth);

  const AVCodec* codec = avcodec_find_encoder(codecOf(format_));
  if (!codec)
    return makeError("cannot write " + target + ": this FFmpeg build has no " +
                     avcodec_get_name(codecOf(format_)) + " encoder.");
  encoder_.reset(avcodec_alloc_context3(codec));
  if (!encoder_)
    return makeError("out of memory opening the image encoder");
  AVCodecContext* enc = encoder_.get();
  enc->width = s.width_px;
  enc->height = s.height_px;
  enc->pix_fmt = pixelFormatOf(format_, depth_);
  enc->time_base = AVRational{1, 25};
  enc->thread_count = 1;  // one complete file per frame, at once
  enc->flags |= AV_CODEC_FLAG_BITEXACT;
  enc->color_range = AVCOL_RANGE_JPEG;
  if (format_ == ImageFormat::Jpeg) {
    enc->flags |= AV_CODEC_FLAG_QSCALE;
    enc->global_quality = FF_QP2LAMBDA * 2;
  }
  // PNG (pHYs) and TIFF (resolution tags) state a resolution; JPEG keeps it in the EXIF block.
  const int dpi =
      s.metadata_source.empty() ? 0 : static_cast<int>(imageDpi(s.metadata_source) + 0.5);
  if (dpi > 0 && (format_ == ImageFormat::Png || format_ == ImageFormat::Tiff))
    av_opt_set_int(enc->priv_data, "dpi", std::min(dpi, 65536), 0);
  int ret = avcodec_open2(enc, codec, nullptr);
  if (ret < 0)
    return makeError(ffmpegFailure(
        "cannot open the " + std::string(codec->name) + " encoder for " + target, ret));
  const AVCodec* decoder = avcodec_find_decoder(codecOf(format_));
  if (decoder) {
    checker_.reset(avcodec_alloc_context3(decoder));
    if (checker_) {
      checker_->thread_count = 1;
      if (avcodec_open2(checker_.get(), decoder, nullptr) < 0)
        checker_.reset();
    }
  }
  packet_ = makeAvPacket();
  if (!packet_)
    return makeError("out of memory opening the image encoder");
  removeStalePartials(s.output_path);
  return Status::success();
}

std::string ImageSequenceWriter::pathOf(int64_t index) const {
  if (!sequence_)
    return settings_.output_path;
  ImageSequence seq;
  seq.pattern = settings_.output_path;
  return seq.pathOf(settings_.start_number + index);
}

bool ImageSequenceWriter::verifyExisting(int64_t index) {
  const std::string path = pathOf(index);
  std::error_code ec;
  if (!checker_ || !fs::is_regular_file(path, ec) || fs::file_size(path, ec) == 0)
    return false;
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  AvPacketPtr packet = makeAvPacket();
  AvFramePtr frame = makeAvFrame();
  if (!packet || !frame || av_new_packet(packet.get(), static_cast<int>(bytes.size())) < 0)
    return false;
  std::copy(bytes.begin(), bytes.end(), packet->data);
  avcodec_flush_buffers(checker_.get());
  if (avcodec_send_packet(checker_.get(), packet.get()) < 0 ||
      avcodec_receive_frame(checker_.get(), frame.get()) < 0)
    return false;
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame->format));
  const bool ok = frame->width == settings_.width_px && frame->height == settings_.height_px &&
                  desc && desc->comp[0].depth == depth_ &&
                  !(frame->flags & AV_FRAME_FLAG_CORRUPT) && frame->decode_error_flags == 0;
  if (ok)
    ++skipped_;
  return ok;
}

Result<AvFramePtr> ImageSequenceWriter::toEncoderFrame(const cv::Mat& rgb) {
  AvFramePtr frame = makeAvFrame();
  if (!frame)
    return makeError("out of memory allocating a frame");
  frame->format = encoder_->pix_fmt;
  frame->width = settings_.width_px;
  frame->height = settings_.height_px;
  frame->color_range = AVCOL_RANGE_JPEG;
  if (av_frame_get_buffer(frame.get(), 0) < 0)
    return makeError("out of memory allocating a frame");
  const int w = frame->width;
  const int h = frame->height;
  switch (encoder_->pix_fmt) {
    case AV_PIX_FMT_RGB24: {
      const cv::Mat src = to8(rgb);
      for (int y = 0; y < h; ++y)
        std::copy_n(src.ptr<uint8_t>(y), size_t(w) * 3, frame->data[0] + y * frame->linesize[0]);
      break;
    }
    case AV_PIX_FMT_RGB48LE:
    case AV_PIX_FMT_RGB48BE: {
      const cv::Mat src = to16(rgb);
      const bool swap = (encoder_->pix_fmt == AV_PIX_FMT_RGB48BE) != AV_NE(true, false);
      for (int y = 0; y < h; ++y) {
        const uint16_t* in = src.ptr<uint16_t>(y);
        auto* out = reinterpret_cast<uint16_t*>(frame->data[0] + y * frame->linesize[0]);
        for (int i = 0; i < w * 3; ++i)
          out[i] = swap ? static_cast<uint16_t>((in[i] >> 8) | (in[i] << 8)) : in[i];
      }
      break;
    }
    case AV_PIX_FMT_GBRP10LE:
    case AV_PIX_FMT_GBRP12LE: {
      const cv::Mat src = to16(rgb);
      const uint32_t max_code = encoder_->pix_fmt == AV_PIX_FMT_GBRP10LE ? 1023u : 4095u;
      static constexpr int kPlaneOfChannel[3] = {2, 0, 1};  // R, G, B -> planes G, B, R
      for (int y = 0; y < h; ++y) {
        const uint16_t* in = src.ptr<uint16_t>(y);
        uint16_t* planes[3];
        for (int c = 0; c < 3; ++c)
          planes[c] = reinterpret_cast<uint16_t*>(frame->data[kPlaneOfChannel[c]] +
                                                  y * frame->linesize[kPlaneOfChannel[c]]);
        for (int x = 0; x < w; ++x)
          for (int c = 0; c < 3; ++c)
            planes[c][x] = static_cast<uint16_t>((in[3 * x + c] * max_code + 32767u) / 65535u);
      }
      break;
    }
    default: {  // JPEG: 8-bit RGB -> full-range YUV 4:4:4
      const cv::Mat src = to8(rgb);
      SwsContext* ctx =
          sws_getCachedContext(sws_.release(), w, h, AV_PIX_FMT_RGB24, w, h, encoder_->pix_fmt,
                               SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
      sws_.reset(ctx);
      if (!ctx)
        return makeError("cannot convert RGB for the JPEG encoder");
      const uint8_t* src_data[4] = {src.data, nullptr, nullptr, nullptr};
      const int src_linesize[4] = {static_cast<int>(src.step), 0, 0, 0};
      sws_scale(ctx, src_data, src_linesize, 0, h, frame->data, frame->linesize);
      frame->quality = encoder_->global_quality;
      break;
    }
  }
  return frame;
}

Status ImageSequenceWriter::writeRgb(const cv::Mat& rgb, int64_t index) {
  const std::string target = pathOf(index);
  if (rgb.cols != settings_.width_px || rgb.rows != settings_.height_px ||
      (rgb.type() != CV_8UC3 && rgb.type() != CV_16UC3))
    return makeError("cannot write " + inQuotes(target) + ": the frame is not " +
                     std::to_string(settings_.width_px) + "x" +
                     std::to_string(settings_.height_px) + " 8- or 16-bit RGB.");
  auto frame = toEncoderFrame(rgb);
  if (!frame)
    return frame.error();
  int ret = avcodec_send_frame(encoder_.get(), frame->get());
  if (ret >= 0)
    ret = avcodec_receive_packet(encoder_.get(), packet_.get());
  if (ret < 0)
    return makeError(ffmpegFailure("encoding " + inQuotes(target), ret));
  auto temp = TempOutputFile::create(target, settings_.inputs);
  if (!temp) {
    av_packet_unref(packet_.get());
    return temp.error();
  }
  {
    std::vector<uint8_t> with_timecode;
    if (format_ == ImageFormat::Dpx && !settings_.timecode.empty())
      with_timecode = dpxWithTimecode(
          packet_->data, static_cast<size_t>(packet_->size),
          timecodeAfter(settings_.timecode, index, settings_.fps.num, settings_.fps.den),
          settings_.fps);
    std::ofstream out((*temp)->path(), std::ios::binary | std::ios::trunc);
    if (!with_timecode.empty())
      out.write(reinterpret_cast<const char*>(with_timecode.data()),
                static_cast<std::streamsize>(with_timecode.size()));
    else
      out.write(reinterpret_cast<const char*>(packet_->data), packet_->size);
    out.flush();
    av_packet_unref(packet_.get());
    if (!out)
      return makeError("cannot write " + inQuotes(target) + ": writing to the folder " +
                       inQuotes(fs::path(target).parent_path().string()) +
                       " failed (is the disk full or read-only?). Free some space and run the "
                       "export again: the frames already written are kept.");
  }
  if (!sequence_ && !settings_.metadata_source.empty()) {
    auto copied = copyImageMetadata(settings_.metadata_source, (*temp)->path());
    if (!copied)
      return copied.error();
    notes_ = copied->notes;
  }
  if (Status committed = (*temp)->commit(); !committed)
    return committed;
  ++written_;
  return Status::success();
}

}  // namespace cf::media
