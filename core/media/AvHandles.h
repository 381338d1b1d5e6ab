#pragma once
// RAII handles for FFmpeg objects: std::unique_ptr with deleters that call the matching libav*
// free function, so every early return releases what was allocated.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <memory>

namespace cf::media {

struct InputFormatDeleter {
  void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};
/// A demuxer opened with avformat_open_input().
using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;

struct OutputFormatDeleter {
  void operator()(AVFormatContext* ctx) const {
    if (ctx->pb && ctx->oformat && !(ctx->oformat->flags & AVFMT_NOFILE))
      avio_closep(&ctx->pb);
    avformat_free_context(ctx);
  }
};
/// A muxer made with avformat_alloc_output_context2(); closes its AVIOContext too.
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;

struct CodecContextDeleter {
  void operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

struct AvFrameDeleter {
  void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using AvFramePtr = std::unique_ptr<AVFrame, AvFrameDeleter>;

struct AvPacketDeleter {
  void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
using AvPacketPtr = std::unique_ptr<AVPacket, AvPacketDeleter>;

struct SwsContextDeleter {
  void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

struct SwrContextDeleter {
  void operator()(SwrContext* ctx) const { swr_free(&ctx); }
};
using SwrContextPtr = std::unique_ptr<SwrContext, SwrContextDeleter>;

struct AudioFifoDeleter {
  void operator()(AVAudioFifo* fifo) const { av_audio_fifo_free(fifo); }
};
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, AudioFifoDeleter>;

inline AvFramePtr makeAvFrame() {
  return AvFramePtr(av_frame_alloc());
}
inline AvPacketPtr makeAvPacket() {
  return AvPacketPtr(av_packet_alloc());
}

}  // namespace cf::media
