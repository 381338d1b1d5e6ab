#include "media/VideoReader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/parseutils.h>
#include <libavutil/pixdesc.h>
}

#include "common/Logging.h"
#include "media/FfmpegError.h"

namespace cf::media {

namespace {

Rational toRational(AVRational r) {
  return Rational{r.num, r.den};
}

std::string inQuotes(const std::string& path) {
  return "'" + path + "'";
}

bool isStillImageDemuxer(const AVInputFormat* format) {
  const std::string name = format ? format->name : "";
  return name == "image2" || (name.size() > 5 && name.compare(name.size() - 5, 5, "_pipe") == 0);
}

int rotationFromDisplayMatrix(const AVStream* stream) {
  size_t size = 0;
  const uint8_t* data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!data || size < 9 * sizeof(int32_t))
    return 0;
  // av_display_rotation_get() is counter-clockwise; report the clockwise display rotation, as
  // ffprobe's "rotation" and the old "rotate" tag do.
  const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(data));
  if (std::isnan(ccw))
    return 0;
  int cw = static_cast<int>(std::lround(-ccw)) % 360;
  if (cw < 0)
    cw += 360;
  return cw;
}

std::string fieldOrderName(AVFieldOrder order) {
  switch (order) {
    case AV_FIELD_PROGRESSIVE:
      return "progressive";
    case AV_FIELD_TT:
    case AV_FIELD_TB:
      return "tff";
    case AV_FIELD_BB:
    case AV_FIELD_BT:
      return "bff";
    default:
      return "unknown";
  }
}

std::string tag(const AVDictionary* metadata, const char* key) {
  const AVDictionaryEntry* entry = av_dict_get(metadata, key, nullptr, 0);
  return entry ? entry->value : "";
}

/// Matroska stores per-stream durations as a "DURATION" tag "HH:MM:SS.nnnnnnnnn"; -1 if absent.
double durationTagSeconds(const AVDictionary* metadata) {
  const std::string text = tag(metadata, "DURATION");
  int64_t duration_us = 0;
  if (text.empty() || av_parse_time(&duration_us, text.c_str(), 1) < 0)
    return -1.0;
  return static_cast<double>(duration_us) / 1e6;
}

void fillStreamInfo(const AVFormatContext* fmt, int vidx, const PacketScan& scan,
                    StreamInfo& info) {
  const AVStream* st = fmt->streams[vidx];
  const AVCodecParameters* par = st->codecpar;
  const auto pix_fmt = static_cast<AVPixelFormat>(par->format);
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(pix_fmt);
  info.container = fmt->iformat ? fmt->iformat->name : "";
  info.video_codec = avcodec_get_name(par->codec_id);
  info.pixel_format = desc ? desc->name : "unknown";
  info.video_stream_index = vidx;
  info.width_px = par->width;
  info.height_px = par->height;
  info.bit_depth = desc ? desc->comp[0].depth : 8;
  info.chroma_subsampling = chromaSubsamplingName(pix_fmt);
  info.full_range = par->color_range == AVCOL_RANGE_JPEG || pix_fmt == AV_PIX_FMT_YUVJ420P ||
                    pix_fmt == AV_PIX_FMT_YUVJ422P || pix_fmt == AV_PIX_FMT_YUVJ444P;
  info.time_base = toRational(st->time_base);
  AVRational sar = av_guess_sample_aspect_ratio(const_cast<AVFormatContext*>(fmt),
                                                const_cast<AVStream*>(st), nullptr);
  info.sample_aspect = sar.num > 0 && sar.den > 0 ? toRational(sar) : Rational{1, 1};
  info.frame_count = static_cast<int64_t>(scan.pts_sorted.size());
  info.rotation_deg = rotationFromDisplayMatrix(st);
  info.field_order = fieldOrderName(par->field_order);

  const double tb = av_q2d(st->time_base);
  if (!scan.pts_sorted.empty()) {
    info.start_pts = scan.pts_sorted.front();
    info.duration_s =
        static_cast<double>(scan.pts_sorted.back() + scan.last_duration - info.start_pts) * tb;
  }
  // Timestamps with 1-tick jitter (29.97 fps in a 1/1000 time base) are still constant rate.
  info.variable_frame_rate =
      scan.pts_valid && scan.pts_sorted.size() > 2 && scan.max_delta - scan.min_delta > 1;
  const AVRational avg = st->avg_frame_rate;
  const AVRational real = st->r_frame_rate;
  const bool avg_ok = avg.num > 0 && avg.den > 0;
  const bool real_ok = real.num > 0 && real.den > 0;
  if (!info.variable_frame_rate && real_ok &&
      (!avg_ok || std::fabs(av_q2d(real) / av_q2d(avg) - 1.0) < 0.01))
    info.fps = toRational(real);
  else if (avg_ok)
    info.fps = toRational(avg);
  else if (info.duration_s > 0.0)
    info.fps = toRational(av_d2q(static_cast<double>(info.frame_count) / info.duration_s, 100000));
  if (fmt->duration != AV_NOPTS_VALUE)
    info.container_duration_s = static_cast<double>(fmt->duration) / AV_TIME_BASE;

  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVStream* s = fmt->streams[i];
    if (s->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
      AudioStreamInfo audio;
      audio.stream_index = static_cast<int>(i);
      audio.codec = avcodec_get_name(s->codecpar->codec_id);
      audio.sample_rate_hz = s->codecpar->sample_rate;
      audio.channels = s->codecpar->ch_layout.nb_channels;
      audio.language = tag(s->metadata, "language");
      const double tagged_s = durationTagSeconds(s->metadata);
      audio.duration_s = s->duration != AV_NOPTS_VALUE
                             ? static_cast<double>(s->duration) * av_q2d(s->time_base)
                         : tagged_s >= 0.0 ? tagged_s
                                           : info.container_duration_s;
      info.audio_streams.push_back(audio);
    } else if (s->codecpar->codec_type == AVMEDIA_TYPE_SUBTITLE) {
      info.subtitle_codecs.emplace_back(avcodec_get_name(s->codecpar->codec_id));
    }
  }
}

}  // namespace

VideoReader::~VideoReader() = default;

Result<std::unique_ptr<VideoReader>> VideoReader::open(const std::string& path) {
  auto probed = openInputFile(path);
  if (!probed)
    return probed.error();
  AVFormatContext* fmt = probed.value().get();

  const int vidx = findVideoStream(fmt);
  if (vidx < 0) {
    int audio_streams = 0;
    for (unsigned i = 0; i < fmt->nb_streams; ++i)
      audio_streams += fmt->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO ? 1 : 0;
    if (audio_streams > 0)
      return makeError("cannot use " + inQuotes(path) + ": it is an audio-only file (" +
                       std::to_string(audio_streams) +
                       " audio stream(s), no video stream). Open a video file.");
    return makeError("cannot use " + inQuotes(path) +
                     ": it has no video stream. Open a video file.");
  }
  AVStream* st = fmt->streams[vidx];
  if (isStillImageDemuxer(fmt->iformat))
    return makeError("cannot use " + inQuotes(path) + ": it is a still image (" +
                     avcodec_get_name(st->codecpar->codec_id) +
                     "), not a video. Open a video file.");
  if (!avcodec_find_decoder(st->codecpar->codec_id))
    return makeError("cannot decode " + inQuotes(path) + ": this FFmpeg build has no decoder for " +
                     avcodec_get_name(st->codecpar->codec_id) + " video.");

  PacketScan scan = scanVideoPackets(fmt, vidx);
  const int64_t frames = static_cast<int64_t>(scan.pts_sorted.size());
  if (frames == 0)
    return makeError("cannot use " + inQuotes(path) +
                     ": its video stream has no frames (0 frames). Open a video with content.");
  const bool indexed =
      fmt->iformat && std::string(fmt->iformat->name).find("mp4") != std::string::npos;
  if (indexed && st->nb_frames > 0 && scan.packets_read < st->nb_frames)
    return makeError("cannot use " + inQuotes(path) + ": the file is truncated (its index lists " +
                     std::to_string(st->nb_frames) + " frames but only " +
                     std::to_string(scan.packets_read) +
                     " are in the file). Copy or export the video again.");
  if (scan.read_error != 0)
    return makeError("cannot use " + inQuotes(path) + ": reading stopped after " +
                     std::to_string(frames) + " frames (" + ffmpegErrorText(scan.read_error) +
                     "). The file is damaged or truncated.");

  std::unique_ptr<VideoReader> reader(new VideoReader());
  reader->path_ = path;
  reader->stream_index_ = vidx;
  reader->info_.path = path;
  fillStreamInfo(fmt, vidx, scan, reader->info_);
  reader->scan_ = std::move(scan);
  probed = Error{};  // close the scanning demuxer before opening the decoding one

  Status opened = reader->openDecoder();
  if (!opened)
    return opened.error();
  auto first = reader->decodeFrame();
  if (!first)
    return makeError("cannot decode the first frame of " + inQuotes(path) + ": " + first.message());
  if (!first.value())
    return makeError("cannot decode " + inQuotes(path) + ": the decoder produced no frame from " +
                     std::to_string(frames) + " packets. The video data is damaged.");
  reader->peeked_ = first.value();
  reader->position_ = first.value()->index;
  qCDebug(lcMedia) << "opened" << QString::fromStdString(path) << reader->info_.frame_count
                   << "frames, pts table" << (reader->scan_.pts_valid ? "exact" : "unavailable");
  return reader;
}

Status VideoReader::openDecoder() {
  peeked_.reset();
  position_ = 0;
  draining_ = false;
  decoder_.reset();
  fmt_.reset();
  auto opened = openInputFile(path_);
  if (!opened)
    return opened.error();
  fmt_ = std::move(opened.value());
  if (stream_index_ >= static_cast<int>(fmt_->nb_streams))
    return makeError("the streams of " + inQuotes(path_) + " changed while reading it.");
  for (unsigned i = 0; i < fmt_->nb_streams; ++i)
    fmt_->streams[i]->discard =
        static_cast<int>(i) == stream_index_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  const AVStream* st = fmt_->streams[stream_index_];
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  decoder_.reset(avcodec_alloc_context3(codec));
  if (!decoder_)
    return makeError("out of memory opening the decoder for " + inQuotes(path_));
  int ret = avcodec_parameters_to_context(decoder_.get(), st->codecpar);
  if (ret < 0)
    return makeError(ffmpegFailure("cannot set up the decoder for " + inQuotes(path_), ret));
  decoder_->pkt_timebase = st->time_base;
  decoder_->thread_count = 0;  // one thread per core
  ret = avcodec_open2(decoder_.get(), codec, nullptr);
  if (ret < 0)
    return makeError(ffmpegFailure(
        "cannot open the " + std::string(codec->name) + " decoder for " + inQuotes(path_), ret));
  packet_ = makeAvPacket();
  av_frame_ = makeAvFrame();
  if (!packet_ || !av_frame_)
    return makeError("out of memory opening " + inQuotes(path_));
  return Status::success();
}

Result<bool> VideoReader::decodeOne() {
  while (true) {
    int ret = avcodec_receive_frame(decoder_.get(), av_frame_.get());
    if (ret == 0)
      return true;
    if (ret == AVERROR_EOF)
      return false;
    if (ret != AVERROR(EAGAIN))
      return makeError(ffmpegFailure("decoding " + where(position_), ret));
    if (draining_)
      return false;
    ret = av_read_frame(fmt_.get(), packet_.get());
    if (ret < 0) {
      if (ret != AVERROR_EOF && !avio_feof(fmt_->pb))
        return makeError(ffmpegFailure("reading " + where(position_), ret));
      draining_ = true;
      avcodec_send_packet(decoder_.get(), nullptr);
      continue;
    }
    if (packet_->stream_index == stream_index_) {
      ret = avcodec_send_packet(decoder_.get(), packet_.get());
      if (ret == AVERROR_INVALIDDATA) {
        ++bad_packets_;  // damaged packet: the decoder conceals it; keep going
        qCWarning(lcMedia) << "damaged video packet near"
                           << QString::fromStdString(where(position_));
      } else if (ret < 0) {
        av_packet_unref(packet_.get());
        return makeError(ffmpegFailure("decoding " + where(position_), ret));
      }
    }
    av_packet_unref(packet_.get());
  }
}

int64_t VideoReader::indexOfPts(int64_t pts) const {
  const auto& table = scan_.pts_sorted;
  const auto it = std::lower_bound(table.begin(), table.end(), pts);
  if (it == table.end() || *it != pts)
    return -1;
  return static_cast<int64_t>(it - table.begin());
}

std::pair<double, double> VideoReader::frameSpanS(int64_t first, int64_t last) const {
  const double tb = info_.time_base.toDouble();
  const auto& table = scan_.pts_sorted;
  const auto frames = static_cast<int64_t>(table.size());
  if (scan_.pts_valid && first >= 0 && first <= last && last < frames) {
    const int64_t end_pts =
        last + 1 < frames ? table[size_t(last + 1)] : table[size_t(last)] + scan_.last_duration;
    return {static_cast<double>(table[size_t(first)]) * tb, static_cast<double>(end_pts) * tb};
  }
  const double start_s = static_cast<double>(info_.start_pts) * tb;
  const double frame_s = info_.fps.valid() ? 1.0 / info_.fps.toDouble() : 0.04;
  return {start_s + static_cast<double>(first) * frame_s,
          start_s + static_cast<double>(last + 1) * frame_s};
}

std::string VideoReader::where(int64_t index) const {
  return inQuotes(path_) + " frame " + std::to_string(index);
}

Result<FramePtr> VideoReader::decodeFrame() {
  auto got = decodeOne();
  if (!got)
    return got.error();
  if (!got.value())
    return FramePtr();
  AVFrame* av = av_frame_.get();
  const int64_t pts = av->pts != AV_NOPTS_VALUE ? av->pts : av->best_effort_timestamp;
  int64_t index = scan_.pts_valid ? indexOfPts(pts) : -1;
  if (index < 0)
    index = position_;
  auto converted = converter_.convert(*av);
  const int64_t duration = av->pkt_duration;
  av_frame_unref(av);
  if (!converted)
    return makeError(where(index) + ": " + converted.message());
  std::shared_ptr<Frame> frame = std::move(converted.value());
  frame->index = index;
  frame->pts = pts == AV_NOPTS_VALUE ? index : pts;
  const int64_t frames = static_cast<int64_t>(scan_.pts_sorted.size());
  if (scan_.pts_valid && index + 1 < frames)
    frame->duration = scan_.pts_sorted[index + 1] - scan_.pts_sorted[index];
  else if (scan_.pts_valid && index + 1 == frames)
    frame->duration = scan_.last_duration;
  else
    frame->duration = duration;
  frame->time_s = static_cast<double>(frame->pts - info_.start_pts) * info_.time_base.toDouble();
  return FramePtr(std::move(frame));
}

Result<FramePtr> VideoReader::next() {
  if (peeked_) {
    FramePtr frame = std::move(peeked_);
    peeked_.reset();
    position_ = frame->index + 1;
    return frame;
  }
  auto frame = decodeFrame();
  if (frame && frame.value())
    position_ = frame.value()->index + 1;
  return frame;
}

Result<FramePtr> VideoReader::decodeForwardTo(int64_t index) {
  while (true) {
    auto frame = next();
    if (!frame)
      return frame.error();
    if (!frame.value())
      return makeError("cannot read " + where(index) + ": the stream ended at frame " +
                       std::to_string(position_) + ".");
    if (frame.value()->index == index)
      return frame;
    if (frame.value()->index > index)
      return makeError("cannot read " + where(index) +
                       ": the decoder skipped it (the video data is damaged there).");
  }
}

Result<FramePtr> VideoReader::seekAndDecode(int64_t index) {
  const auto& keys = scan_.keyframe_indices;
  const int64_t target_pts = scan_.pts_sorted[index];
  auto key_it = std::upper_bound(keys.begin(), keys.end(), index);
  int64_t key_pos = static_cast<int64_t>(key_it - keys.begin()) - 1;  // last keyframe <= index
  // A demuxer may land on a later keyframe than asked (MP4 seeks by dts): step back and retry.
  for (int attempt = 0; attempt < 3 && key_pos >= 0; ++attempt, --key_pos) {
    const int64_t seek_pts = scan_.pts_sorted[keys[static_cast<size_t>(key_pos)]];
    if (av_seek_frame(fmt_.get(), stream_index_, seek_pts, AVSEEK_FLAG_BACKWARD) < 0)
      break;
    avcodec_flush_buffers(decoder_.get());
    peeked_.reset();
    draining_ = false;
    bool first = true;
    while (true) {
      auto frame = decodeFrame();
      if (!frame)
        return frame.error();
      if (!frame.value())
        break;
      const int64_t pts = frame.value()->pts;
      if (first && pts > target_pts)
        break;  // landed after the target: retry from an earlier keyframe
      first = false;
      if (pts == target_pts) {
        position_ = index + 1;
        return frame;
      }
      if (pts > target_pts)
        return makeError("cannot read " + where(index) +
                         ": the decoder skipped it (the video data is damaged there).");
    }
  }
  // Last resort: decode from the start.
  qCDebug(lcMedia) << "seek fell back to decoding from the start for"
                   << QString::fromStdString(where(index));
  Status reopened = openDecoder();
  if (!reopened)
    return reopened.error();
  return decodeForwardTo(index);
}

Result<FramePtr> VideoReader::frameAt(int64_t index) {
  if (index < 0 || index >= info_.frame_count)
    return makeError("cannot read " + where(index) + ": the video has " +
                     std::to_string(info_.frame_count) + " frames (0.." +
                     std::to_string(info_.frame_count - 1) + ").");
  if (peeked_ && peeked_->index == index)
    return next();
  if (!scan_.pts_valid) {
    // No exact pts table (e.g. AVI without timestamps): count frames from the start.
    if (index < position_) {
      Status reopened = openDecoder();
      if (!reopened)
        return reopened.error();
    }
    return decodeForwardTo(index);
  }
  const auto& keys = scan_.keyframe_indices;
  const auto key_it = std::upper_bound(keys.begin(), keys.end(), index);
  const int64_t key_index = key_it == keys.begin() ? 0 : *(key_it - 1);
  if (position_ <= index && position_ >= key_index && !draining_)
    return decodeForwardTo(index);
  return seekAndDecode(index);
}

}  // namespace cf::media
