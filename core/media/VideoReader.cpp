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
#include "media/ExifOrientation.h"
#include "media/FfmpegError.h"

namespace cf::media {

namespace {

/// Decode errors in a row after which a stream counts as undecodable rather than damaged.
constexpr int kMaxDecodeErrorsInARow = 64;
/// The largest frame side accepted: 16K. Damaged headers claim sizes like 64x63023.
constexpr int kMaxSidePx = 16384;
/// Damaged frames logged one by one; the rest are only counted.
constexpr size_t kLoggedDamagedFrames = 20;

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

PacketScan sequencePacketTable(const ImageSequence& seq) {
  PacketScan scan;
  for (int64_t i = 0; i < seq.file_count; ++i) {
    scan.pts_sorted.push_back(i);
    scan.keyframe_indices.push_back(i);
  }
  scan.packets_read = seq.file_count;
  scan.last_duration = 1;
  scan.min_delta = scan.max_delta = 1;
  return scan;
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
  info.timecode = tag(st->metadata, "timecode");
  if (info.timecode.empty())
    info.timecode = tag(fmt->metadata, "timecode");
  for (unsigned i = 0; i < fmt->nb_streams && info.timecode.empty(); ++i)  // a tmcd/data track
    info.timecode = tag(fmt->streams[i]->metadata, "timecode");

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
    } else if (s->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && static_cast<int>(i) != vidx &&
               !(s->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
      ++info.other_video_streams;
    }
  }
}

}  // namespace

VideoReader::~VideoReader() = default;

std::optional<Truncation> VideoReader::truncation(const std::string& path) {
  InputOptions options;
  options.readable_part = true;
  auto reader = open(path, options);
  if (!reader || !(*reader)->info().truncated)
    return std::nullopt;
  return Truncation{(*reader)->info().frame_count, (*reader)->info().listed_frames};
}

Result<std::unique_ptr<VideoReader>> VideoReader::open(const std::string& path,
                                                       const InputOptions& options) {
  auto images = findImageInput(path, options.single_image);
  if (!images)
    return images.error();
  const std::optional<ImageSequence>& seq = images.value();
  auto probed = seq ? openImageInput(*seq, options.sequence_fps) : openInputFile(path);
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
    if (looksLikeIsoBmff(path))
      return makeError(
          "cannot use " + inQuotes(path) +
          ": its MP4/MOV index (moov atom) is damaged and lists no video or audio "
          "stream, so the file is probably truncated. Copy or export the video again.");
    return makeError("cannot use " + inQuotes(path) +
                     ": it has no video stream. Open a video file.");
  }
  AVStream* st = fmt->streams[vidx];
  if (!seq && isStillImageDemuxer(fmt->iformat))
    return makeError("cannot use " + inQuotes(path) + ": it is a still image (" +
                     avcodec_get_name(st->codecpar->codec_id) +
                     "), not a video. Open a video file.");
  if (!avcodec_find_decoder(st->codecpar->codec_id))
    return makeError("cannot decode " + inQuotes(path) + ": this FFmpeg build has no decoder for " +
                     avcodec_get_name(st->codecpar->codec_id) + " video.");

  const int width_px = st->codecpar->width;
  const int height_px = st->codecpar->height;
  if (width_px <= 0 || height_px <= 0)
    return makeError("cannot use " + inQuotes(path) + ": its video stream has no frame size (" +
                     std::to_string(width_px) + "x" + std::to_string(height_px) +
                     "). The file is damaged.");
  if (width_px > kMaxSidePx || height_px > kMaxSidePx)
    return makeError("cannot use " + inQuotes(path) + ": its frames are " +
                     std::to_string(width_px) + "x" + std::to_string(height_px) +
                     " pixels, more than the " + std::to_string(kMaxSidePx) + "x" +
                     std::to_string(kMaxSidePx) +
                     " Chromaflow handles (or the file is damaged). Scale it down first.");

  // An image sequence is one picture per file, all key frames: its packet table is known without
  // reading every file.
  PacketScan scan = seq ? sequencePacketTable(*seq) : scanVideoPackets(fmt, vidx);
  const int64_t frames = static_cast<int64_t>(scan.pts_sorted.size());
  if (frames == 0)
    return makeError("cannot use " + inQuotes(path) +
                     ": its video stream has no frames (0 frames). Open a video with content.");
  const bool indexed =
      fmt->iformat && std::string(fmt->iformat->name).find("mp4") != std::string::npos;
  std::optional<Truncation> cut;
  if (indexed && st->nb_frames > 0 && scan.packets_read < st->nb_frames)
    cut = Truncation{frames, st->nb_frames};
  else if (scan.read_error != 0)
    cut = Truncation{frames, -1};
  // What to say after the reason when a truncated file is refused.
  const std::string readable_part =
      " The first " + std::to_string(frames) +
      " frame(s) can be read: open just those (the editor offers it; chromaflow-cli: "
      "--readable-part), or copy or export the video again.";
  if (cut && cut->listed_frames > 0 && !options.readable_part)
    return makeError("cannot use " + inQuotes(path) + ": the file is truncated (its index lists " +
                     std::to_string(st->nb_frames) + " frames but only " +
                     std::to_string(scan.packets_read) + " are in the file)." + readable_part);
  if (scan.dts_jumps_back > 0)
    return makeError(
        "cannot use " + inQuotes(path) + ": its timestamps jump back " +
        std::to_string(scan.dts_jumps_back) + " time(s), the first at video packet " +
        std::to_string(scan.first_jump_packet) +
        " (as in files joined with cat, or a recorder whose clock was reset), so the order of "
        "its frames cannot be told from them. Give its frames fresh timestamps in the order they "
        "are stored: the editor offers it, chromaflow-cli takes --regenerate-timestamps (or join "
        "the parts with ffmpeg's concat demuxer).");
  if (cut && cut->listed_frames < 0 && !options.readable_part)
    return makeError("cannot use " + inQuotes(path) + ": reading stopped after " +
                     std::to_string(frames) + " frames (" + ffmpegErrorText(scan.read_error) +
                     "). The file is damaged or truncated." + readable_part);

  std::unique_ptr<VideoReader> reader(new VideoReader());
  reader->path_ = path;
  reader->images_ = seq;
  reader->options_ = options;
  reader->stream_index_ = vidx;
  reader->info_.path = path;
  fillStreamInfo(fmt, vidx, scan, reader->info_);
  if (cut) {
    reader->info_.truncated = true;
    reader->info_.listed_frames = cut->listed_frames;
    qCWarning(lcMedia, "'%s' is truncated; opening its first %lld frames", path.c_str(),
              static_cast<long long>(frames));
  }
  if (seq) {
    reader->info_.image_pattern = seq->single_still ? seq->pathOf(0) : seq->pattern;
    reader->info_.image_first_number = seq->first_number;
    reader->info_.still_image = seq->single_still;
    reader->info_.container = seq->single_still ? "image" : "image sequence";
    if (!seq->header_timecode.empty())
      reader->info_.timecode = seq->header_timecode;
    reader->orientation_ = seq->orientation;
  }
  reader->coded_width_px_ = reader->info_.width_px;
  reader->coded_height_px_ = reader->info_.height_px;
  if (reader->orientation_ >= 5)  // EXIF: shown transposed
    std::swap(reader->info_.width_px, reader->info_.height_px);
  reader->scan_ = std::move(scan);
  reader->info_.deinterlaced =
      !seq && wantsDeinterlace(options.deinterlace, reader->info_.field_order);
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
  reader->position_ = 0;  // next() repeats the first frame if the decoder dropped any before it
  qCDebug(lcMedia) << "opened" << QString::fromStdString(path) << reader->info_.frame_count
                   << "frames, pts table" << (reader->scan_.pts_valid ? "exact" : "unavailable");
  return reader;
}

Status VideoReader::openDecoder() {
  peeked_.reset();
  last_returned_.reset();
  position_ = 0;
  draining_ = false;
  decoder_.reset();
  fmt_.reset();
  auto opened = openSource();
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
  deinterlacer_.reset();
  deinterlacer_flushed_ = false;
  if (info_.deinterlaced)
    deinterlacer_ = std::make_unique<Deinterlacer>(info_.field_order == "bff", st->time_base);
  packet_ = makeAvPacket();
  av_frame_ = makeAvFrame();
  if (!packet_ || !av_frame_)
    return makeError("out of memory opening " + inQuotes(path_));
  return Status::success();
}

Result<InputFormatPtr> VideoReader::openSource() const {
  return images_ ? openImageInput(*images_, options_.sequence_fps) : openInputFile(path_);
}

Result<bool> VideoReader::decodeOne() {
  int errors_in_a_row = 0;
  while (true) {
    int ret = avcodec_receive_frame(decoder_.get(), av_frame_.get());
    if (ret == 0)
      return true;
    if (ret == AVERROR_EOF)
      return false;
    if (ret == AVERROR(ENOMEM))
      return makeError(ffmpegFailure("decoding " + where(position_), ret));
    if (ret != AVERROR(EAGAIN)) {
      // The decoder gave up on a damaged frame: a frame missing from its output is repeated by
      // next() and noted there. A decoder that fails on every packet is not worth waiting for.
      qCDebug(lcMedia, "decode error near %s: %s", where(position_).c_str(),
              ffmpegErrorText(ret).c_str());
      if (++errors_in_a_row > kMaxDecodeErrorsInARow)
        return makeError(ffmpegFailure("decoding " + where(position_) + " failed " +
                                           std::to_string(errors_in_a_row) +
                                           " times in a row (the video data is damaged)",
                                       ret));
      continue;
    }
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
      if (ret == AVERROR(ENOMEM)) {
        av_packet_unref(packet_.get());
        return makeError(ffmpegFailure("decoding " + where(position_), ret));
      }
      if (ret < 0) {
        // A damaged packet: the decoder skips or conceals it; decoding goes on.
        const int64_t index = scan_.pts_valid && packet_->pts != AV_NOPTS_VALUE
                                  ? indexOfPts(packet_->pts)
                                  : position_;
        noteDamage(index >= 0 ? index : position_,
                   "has a damaged packet (" + ffmpegErrorText(ret) + ")");
        if (++errors_in_a_row > kMaxDecodeErrorsInARow) {
          av_packet_unref(packet_.get());
          return makeError(ffmpegFailure("decoding " + where(position_) + " failed " +
                                             std::to_string(errors_in_a_row) +
                                             " times in a row (the video data is damaged)",
                                         ret));
        }
      } else {
        errors_in_a_row = 0;
      }
    }
    av_packet_unref(packet_.get());
  }
}

Result<bool> VideoReader::nextDecoded() {
  if (!deinterlacer_)
    return decodeOne();
  for (;;) {
    auto ready = deinterlacer_->pull(av_frame_.get());
    if (!ready || ready.value())
      return ready;
    auto got = decodeOne();
    if (!got)
      return got.error();
    if (!got.value()) {  // the decoder is done: the deinterlacer releases what it holds back
      if (deinterlacer_flushed_)
        return false;
      deinterlacer_flushed_ = true;
      if (Status s = deinterlacer_->flush(); !s)
        return s.error();
      continue;
    }
    if (Status s = deinterlacer_->push(av_frame_.get()); !s)
      return s.error();
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

void VideoReader::noteDamage(int64_t index, const std::string& what) {
  // Damage after the last counted frame (a decoder making more frames than packets) counts
  // against the last frame.
  index = std::clamp<int64_t>(index, 0, std::max<int64_t>(info_.frame_count - 1, 0));
  if (!damaged_.insert(index).second)
    return;
  if (damaged_.size() <= kLoggedDamagedFrames)
    qCWarning(lcMedia, "%s %s; decoding goes on", where(index).c_str(), what.c_str());
  else if (damaged_.size() == kLoggedDamagedFrames + 1)
    qCWarning(lcMedia, "more damaged frames in '%s'; not logging each", path_.c_str());
}

std::vector<int64_t> VideoReader::damagedFrames() const {
  return {damaged_.begin(), damaged_.end()};
}

std::string VideoReader::damageSummary() const {
  std::string text;
  if (!damaged_.empty()) {
    constexpr size_t kListed = 12;
    std::string list;
    size_t listed = 0;
    for (const int64_t index : damaged_) {
      if (listed == kListed) {
        list += ", ...";
        break;
      }
      list += (listed++ ? ", " : "") + std::to_string(index);
    }
    text = std::to_string(damaged_.size()) + " of " + std::to_string(info_.frame_count) +
           " frames of " + inQuotes(path_) + " are damaged (frame " + list +
           "): they show the decoder's repair or repeat the frame before";
  }
  if (!text.empty())
    text += ". Use an undamaged copy of the file if there is one.";
  return text;
}

std::string VideoReader::resizeSummary() const {
  if (resized_frames_ == 0)
    return {};
  return std::to_string(resized_frames_) + " frames of " + inQuotes(path_) +
         " have another size than the stream's " + std::to_string(info_.width_px) + "x" +
         std::to_string(info_.height_px) +
         " (the resolution changes mid-stream): they were scaled to " +
         std::to_string(info_.width_px) + "x" + std::to_string(info_.height_px) + ".";
}

void VideoReader::stamp(Frame& frame, int64_t index, int64_t pts, int64_t packet_duration) const {
  frame.index = index;
  frame.pts = pts == AV_NOPTS_VALUE ? index : pts;
  const int64_t frames = static_cast<int64_t>(scan_.pts_sorted.size());
  if (scan_.pts_valid && index + 1 < frames)
    frame.duration = scan_.pts_sorted[index + 1] - scan_.pts_sorted[index];
  else if (scan_.pts_valid && index + 1 == frames)
    frame.duration = scan_.last_duration;
  else
    frame.duration = packet_duration;
  frame.time_s = static_cast<double>(frame.pts - info_.start_pts) * info_.time_base.toDouble();
}

Result<FramePtr> VideoReader::decodeFrame() {
  auto got = nextDecoded();
  if (!got)
    return got.error();
  if (!got.value())
    return FramePtr();
  AVFrame* av = av_frame_.get();
  const int64_t pts = av->pts != AV_NOPTS_VALUE ? av->pts : av->best_effort_timestamp;
  int64_t index = scan_.pts_valid ? indexOfPts(pts) : -1;
  if (index < 0)
    index = position_;
  if (av->decode_error_flags != 0 || (av->flags & AV_FRAME_FLAG_CORRUPT))
    noteDamage(index, "was decoded with errors (concealed by the decoder)");
  if (av->width != coded_width_px_ || av->height != coded_height_px_) {
    ++resized_frames_;
    qCDebug(lcMedia, "%s is %dx%d in a %dx%d stream; scaled", where(index).c_str(), av->width,
            av->height, coded_width_px_, coded_height_px_);
  }
  auto converted = converter_.convert(*av, coded_width_px_, coded_height_px_);
  const int64_t duration = av->pkt_duration;
  av_frame_unref(av);
  if (!converted)
    return makeError(where(index) + ": " + converted.message());
  std::shared_ptr<Frame> frame = std::move(converted.value());
  applyExifOrientation(&frame->y, &frame->u, &frame->v, orientation_);
  stamp(*frame, index, pts, duration);
  return FramePtr(std::move(frame));
}

FramePtr VideoReader::conceal(int64_t index, const FramePtr& like) {
  auto copy = std::make_shared<Frame>(*like);  // shares the planes: frames are immutable
  stamp(*copy, index, scan_.pts_sorted[static_cast<size_t>(index)], like->duration);
  noteDamage(index, "was dropped by the decoder (the frame before is repeated)");
  position_ = index + 1;
  last_returned_ = copy;
  return copy;
}

Result<FramePtr> VideoReader::next() {
  FramePtr frame;
  if (peeked_) {
    frame = std::move(peeked_);
    peeked_.reset();
  } else {
    auto decoded = decodeFrame();
    if (!decoded)
      return decoded.error();
    frame = decoded.value();
  }
  // Only an exact pts table tells which frames the decoder dropped; fill them in.
  const bool can_fill = scan_.pts_valid && position_ < info_.frame_count;
  if (!frame) {
    if (can_fill && last_returned_)
      return conceal(position_, last_returned_);  // the decoder ended early
    return FramePtr();
  }
  if (frame->index >= info_.frame_count) {
    // More frames than packets (a damaged stream without an exact pts table): the frame count is
    // the contract, so the extra frames are left out.
    qCDebug(lcMedia, "%s: decoder output beyond the %lld counted frames left out", path_.c_str(),
            static_cast<long long>(info_.frame_count));
    return FramePtr();
  }
  if (can_fill && frame->index > position_) {
    peeked_ = frame;
    return conceal(position_, last_returned_ ? last_returned_ : frame);
  }
  position_ = frame->index + 1;
  last_returned_ = frame;
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
  // The deinterlacer looks at the frame before: start at a keyframe before that one, so a frame
  // read by seeking has the same pixels as one read from the start.
  const int64_t first_needed = deinterlacer_ ? std::max<int64_t>(0, index - 1) : index;
  auto key_it = std::upper_bound(keys.begin(), keys.end(), first_needed);
  int64_t key_pos = static_cast<int64_t>(key_it - keys.begin()) - 1;  // last keyframe <= index
  // A demuxer may land on a later keyframe than asked (MP4 seeks by dts): step back and retry.
  for (int attempt = 0; attempt < 3 && key_pos >= 0; ++attempt, --key_pos) {
    const int64_t seek_pts = scan_.pts_sorted[keys[static_cast<size_t>(key_pos)]];
    if (av_seek_frame(fmt_.get(), stream_index_, seek_pts, AVSEEK_FLAG_BACKWARD) < 0)
      break;
    avcodec_flush_buffers(decoder_.get());
    if (deinterlacer_) {
      deinterlacer_->reset();
      deinterlacer_flushed_ = false;
    }
    peeked_.reset();
    last_returned_.reset();
    draining_ = false;
    FramePtr before;  // the last frame decoded before the target
    while (true) {
      auto frame = decodeFrame();
      if (!frame)
        return frame.error();
      if (!frame.value())
        break;
      const int64_t pts = frame.value()->pts;
      if (!before && pts > target_pts)
        break;  // landed after the target: retry from an earlier keyframe
      if (pts == target_pts) {
        position_ = index + 1;
        last_returned_ = frame.value();
        return frame;
      }
      if (pts > target_pts) {
        peeked_ = frame.value();  // the decoder dropped the target: repeat the frame before it
        return conceal(index, before);
      }
      before = frame.value();
    }
    if (before) {
      position_ = index;  // the decoder ended before the target
      last_returned_ = before;
      return next();
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
  if (peeked_ && peeked_->index == index && position_ == index)
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

Result<FramePtr> VideoReader::requireNext() {
  const int64_t index = position_;
  auto f = next();
  if (f && !*f)
    return makeError("frame " + std::to_string(index) + " of '" + info_.path +
                     "' could not be decoded (the file ends early)");
  return f;
}

Result<FramePtr> VideoReader::requireFrameAt(int64_t index) {
  auto f = frameAt(index);
  if (f && !*f)
    return makeError("frame " + std::to_string(index) + " of '" + info_.path +
                     "' could not be decoded (the file ends early)");
  return f;
}

}  // namespace cf::media
