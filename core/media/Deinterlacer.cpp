#include "media/Deinterlacer.h"

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/opt.h>
}

#include "media/FfmpegError.h"

namespace cf::media {

bool wantsDeinterlace(Deinterlace mode, const std::string& field_order) {
  switch (mode) {
    case Deinterlace::On:
      return true;
    case Deinterlace::Off:
      return false;
    case Deinterlace::Auto:
      break;
  }
  return field_order == "tff" || field_order == "bff";
}

void Deinterlacer::GraphDeleter::operator()(AVFilterGraph* graph) const {
  avfilter_graph_free(&graph);
}

Deinterlacer::Deinterlacer(bool bottom_first, AVRational time_base)
    : bottom_first_(bottom_first), time_base_(time_base) {}

Deinterlacer::~Deinterlacer() = default;

void Deinterlacer::reset() {
  drained_.clear();
  graph_.reset();
  source_ = sink_ = nullptr;
  flushed_ = false;
}

Status Deinterlacer::build(const AVFrame& like) {
  graph_.reset();
  source_ = sink_ = nullptr;
  flushed_ = false;
  graph_.reset(avfilter_graph_alloc());
  if (!graph_)
    return makeError("out of memory setting up the deinterlacer");
  graph_->nb_threads = 1;  // decode already uses the cores; keep the filter deterministic
  const AVRational sar =
      like.sample_aspect_ratio.num > 0 ? like.sample_aspect_ratio : AVRational{1, 1};
  const std::string args =
      "video_size=" + std::to_string(like.width) + "x" + std::to_string(like.height) +
      ":pix_fmt=" + std::to_string(like.format) + ":time_base=" + std::to_string(time_base_.num) +
      "/" + std::to_string(std::max(1, time_base_.den)) +
      ":pixel_aspect=" + std::to_string(sar.num) + "/" + std::to_string(sar.den);
  int ret = avfilter_graph_create_filter(&source_, avfilter_get_by_name("buffer"), "in",
                                         args.c_str(), nullptr, graph_.get());
  if (ret >= 0)
    ret = avfilter_graph_create_filter(&sink_, avfilter_get_by_name("buffersink"), "out", nullptr,
                                       nullptr, graph_.get());
  AVFilterContext* bwdif = nullptr;
  const std::string bwdif_args =
      std::string("mode=send_frame:deint=all:parity=") + (bottom_first_ ? "bff" : "tff");
  if (ret >= 0)
    ret = avfilter_graph_create_filter(&bwdif, avfilter_get_by_name("bwdif"), "deinterlace",
                                       bwdif_args.c_str(), nullptr, graph_.get());
  if (ret >= 0)
    ret = avfilter_link(source_, 0, bwdif, 0);
  if (ret >= 0)
    ret = avfilter_link(bwdif, 0, sink_, 0);
  if (ret >= 0)
    ret = avfilter_graph_config(graph_.get(), nullptr);
  if (ret < 0) {
    reset();
    return makeError(ffmpegFailure("cannot set up the deinterlacer (bwdif)", ret));
  }
  width_ = like.width;
  height_ = like.height;
  format_ = like.format;
  return {};
}

Status Deinterlacer::push(AVFrame* frame) {
  if (!graph_ || frame->width != width_ || frame->height != height_ || frame->format != format_) {
    if (graph_) {  // the size or format changed: keep what the old graph still holds
      if (Status s = flush(); !s)
        return s;
      for (;;) {
        AvFramePtr held = makeAvFrame();
        if (!held || av_buffersink_get_frame(sink_, held.get()) < 0)
          break;
        toStreamTime(held.get());
        drained_.push_back(std::move(held));
      }
    }
    if (Status s = build(*frame); !s) {
      av_frame_unref(frame);
      return s;
    }
  }
  if (frame->pts == AV_NOPTS_VALUE)
    frame->pts = frame->best_effort_timestamp;
  const int ret = av_buffersrc_add_frame_flags(source_, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
  av_frame_unref(frame);
  if (ret < 0)
    return makeError(ffmpegFailure("deinterlacing a frame", ret));
  return {};
}

Status Deinterlacer::flush() {
  if (!graph_ || flushed_)
    return {};
  flushed_ = true;
  const int ret = av_buffersrc_add_frame_flags(source_, nullptr, 0);
  if (ret < 0)
    return makeError(ffmpegFailure("finishing the deinterlacer", ret));
  return {};
}

Result<bool> Deinterlacer::pull(AVFrame* out) {
  if (!drained_.empty()) {
    av_frame_move_ref(out, drained_.front().get());
    drained_.pop_front();
    return true;
  }
  if (!graph_)
    return false;
  const int ret = av_buffersink_get_frame(sink_, out);
  if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
    return false;
  if (ret < 0)
    return makeError(ffmpegFailure("deinterlacing a frame", ret));
  toStreamTime(out);
  return true;
}

void Deinterlacer::toStreamTime(AVFrame* frame) const {
  // bwdif works on fields: its output time base is half the input's.
  const AVRational tb = av_buffersink_get_time_base(sink_);
  if (frame->pts != AV_NOPTS_VALUE)
    frame->pts = av_rescale_q(frame->pts, tb, time_base_);
  frame->best_effort_timestamp = frame->pts;
  if (frame->pkt_duration > 0)
    frame->pkt_duration = av_rescale_q(frame->pkt_duration, tb, time_base_);
}

}  // namespace cf::media
