#include "media/TimestampRegenerator.h"

#include <algorithm>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "common/Logging.h"
#include "media/AvHandles.h"
#include "media/Demuxer.h"
#include "media/FfmpegError.h"
#include "media/FrameConverter.h"
#include "media/VideoWriter.h"

namespace cf::media {

namespace {

std::string inQuotes(const std::string& path) {
  return "'" + path + "'";
}

ChromaFormat chromaOf(const Frame& f) {
  if (f.u.cols == f.y.cols && f.u.rows == f.y.rows)
    return ChromaFormat::k444;
  if (f.u.rows == f.y.rows)
    return ChromaFormat::k422;
  return ChromaFormat::k420;
}

/// Decodes in file order and hands each picture to the writer.
class Retimer {
 public:
  Retimer(std::string in, std::string out) : in_(std::move(in)), out_(std::move(out)) {}

  Result<RetimedVideo> run(const ProgressFn& progress, const CancelToken& cancel) {
    auto opened = openInputFile(in_);
    if (!opened)
      return opened.error();
    fmt_ = std::move(opened.value());
    vidx_ = findVideoStream(fmt_.get());
    if (vidx_ < 0)
      return makeError("cannot use " + inQuotes(in_) + ": it has no video stream.");
    for (unsigned i = 0; i < fmt_->nb_streams; ++i)
      fmt_->streams[i]->discard = static_cast<int>(i) == vidx_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    AVStream* st = fmt_->streams[vidx_];
    const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
    if (!codec)
      return makeError("cannot decode " + inQuotes(in_) +
                       ": this FFmpeg build has no decoder for " +
                       avcodec_get_name(st->codecpar->codec_id) + " video.");
    decoder_.reset(avcodec_alloc_context3(codec));
    if (!decoder_ || avcodec_parameters_to_context(decoder_.get(), st->codecpar) < 0)
      return makeError("cannot set up the decoder for " + inQuotes(in_));
    decoder_->thread_count = 0;
    if (int ret = avcodec_open2(decoder_.get(), codec, nullptr); ret < 0)
      return makeError(ffmpegFailure("cannot open the decoder for " + inQuotes(in_), ret));
    const AVRational rate = av_guess_frame_rate(fmt_.get(), st, nullptr);
    fps_ = rate.num > 0 && rate.den > 0 && av_q2d(rate) <= 1000.0 ? Rational{rate.num, rate.den}
                                                                  : Rational{25, 1};
    const AVRational sar = av_guess_sample_aspect_ratio(fmt_.get(), st, nullptr);
    sar_ = sar.num > 0 && sar.den > 0 ? Rational{sar.num, sar.den} : Rational{1, 1};
    width_ = st->codecpar->width;
    height_ = st->codecpar->height;

    const int64_t total_kib = std::max<int64_t>(1, avio_size(fmt_->pb) / 1024);
    AvPacketPtr packet = makeAvPacket();
    AvFramePtr frame = makeAvFrame();
    if (!packet || !frame)
      return makeError("out of memory reading " + inQuotes(in_));
    bool draining = false;
    while (true) {
      if (cancel.isCancelled())
        return makeError("cancelled");
      int ret = avcodec_receive_frame(decoder_.get(), frame.get());
      if (ret == 0) {
        if (Status s = write(*frame); !s)
          return s.error();
        continue;
      }
      if (ret == AVERROR_EOF)
        break;
      if (ret != AVERROR(EAGAIN) && ret != AVERROR_INVALIDDATA)
        return makeError(ffmpegFailure("decoding " + inQuotes(in_), ret));
      if (draining)
        break;
      ret = av_read_frame(fmt_.get(), packet.get());
      if (ret < 0) {
        draining = true;
        avcodec_send_packet(decoder_.get(), nullptr);
        continue;
      }
      if (packet->stream_index == vidx_) {
        // The stored timestamps are what cannot be trusted: the decoder gets none, so it
        // outputs the pictures in their coded order.
        packet->pts = AV_NOPTS_VALUE;
        packet->dts = AV_NOPTS_VALUE;
        if (avcodec_send_packet(decoder_.get(), packet.get()) < 0)
          qCDebug(lcMedia, "retime: a damaged packet in '%s' is skipped", in_.c_str());
        // Progress in KiB read: no second pass over the film just to count its packets.
        const int64_t read_kib = std::max<int64_t>(0, avio_tell(fmt_->pb)) / 1024;
        report(progress, std::min(read_kib, total_kib), total_kib, "retime");
      }
      av_packet_unref(packet.get());
    }
    if (!writer_)
      return makeError("cannot use " + inQuotes(in_) +
                       ": no video frame could be decoded from it.");
    if (Status s = writer_->finish(); !s)
      return s.error();
    return RetimedVideo{frames_, fps_};
  }

 private:
  Status write(const AVFrame& av) {
    auto converted = converter_.convert(av, width_, height_);
    if (!converted)
      return converted.error();
    const Frame& f = *converted.value();
    if (!writer_) {
      VideoWriterSettings s;
      s.output_path = out_;
      s.source_path = in_;
      s.codec = VideoCodec::FFV1;
      s.width_px = width_;
      s.height_px = height_;
      s.fps = fps_;
      s.bit_depth = f.bit_depth;
      s.chroma = chromaOf(f);
      s.full_range = f.full_range;
      s.sample_aspect = sar_;
      auto created = VideoWriter::create(s);
      if (!created)
        return created.error();
      writer_ = std::move(created.value());
    }
    if (Status s = writer_->writePlanes(f.y, f.u, f.v, f.bit_depth, frames_, 1); !s)
      return s;
    ++frames_;
    return Status::success();
  }

  std::string in_;
  std::string out_;
  InputFormatPtr fmt_;
  CodecContextPtr decoder_;
  int vidx_ = -1;
  int width_ = 0;
  int height_ = 0;
  Rational fps_{25, 1};
  Rational sar_{1, 1};
  FrameConverter converter_;
  std::unique_ptr<VideoWriter> writer_;
  int64_t frames_ = 0;
};

}  // namespace

Result<RetimedVideo> regenerateTimestamps(const std::string& input_path,
                                          const std::string& output_path,
                                          const ProgressFn& progress, const CancelToken& cancel) {
  Retimer retimer(input_path, output_path);
  return retimer.run(progress, cancel);
}

}  // namespace cf::media
