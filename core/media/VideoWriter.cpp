#include "media/VideoWriter.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include "media/AudioPassthrough.h"
#include "media/FfmpegError.h"
#include "media/FrameConverter.h"
#include "media/TempOutputFile.h"

namespace cf::media {

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

const char* muxerForExtension(const std::string& ext) {
  if (ext == ".mp4" || ext == ".m4v")
    return "mp4";
  if (ext == ".mkv")
    return "matroska";
  if (ext == ".mov")
    return "mov";
  return nullptr;
}

const AVCodec* findEncoder(VideoCodec codec) {
  switch (codec) {
    case VideoCodec::H264:
      return avcodec_find_encoder_by_name("libx264");
    case VideoCodec::H265:
      return avcodec_find_encoder_by_name("libx265");
    case VideoCodec::FFV1:
      return avcodec_find_encoder(AV_CODEC_ID_FFV1);
    case VideoCodec::ProRes:
      return avcodec_find_encoder_by_name("prores_ks");
    case VideoCodec::DpxSequence:  // image sequences have writers of their own
    case VideoCodec::TiffSequence:
    case VideoCodec::PngSequence:
      break;
  }
  return nullptr;
}

AVPixelFormat choosePixelFormat(const AVCodec* codec, const VideoWriterSettings& s) {
  int log2_w = 1;
  int log2_h = 1;
  if (s.chroma == ChromaFormat::k422)
    log2_h = 0;
  if (s.chroma == ChromaFormat::k444)
    log2_w = log2_h = 0;
  int depth = s.bit_depth > 8 ? 10 : 8;
  if (s.codec == VideoCodec::FFV1 && s.bit_depth > 10)
    depth = s.bit_depth > 12 ? 16 : 12;
  if (s.codec == VideoCodec::ProRes) {
    depth = 10;
    log2_w = s.chroma == ChromaFormat::k444 ? 0 : 1;
    log2_h = 0;
  }
  const AVPixelFormat wanted = planarYuvFormat(log2_w, log2_h, depth);
  if (!codec->pix_fmts)
    return wanted;
  for (const AVPixelFormat* f = codec->pix_fmts; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == wanted)
      return wanted;
  }
  return avcodec_find_best_pix_fmt_of_list(codec->pix_fmts, wanted, 0, nullptr);
}

AVRational toAv(const Rational& r) {
  return AVRational{r.num, r.den};
}

}  // namespace

VideoWriter::VideoWriter() = default;

VideoWriter::~VideoWriter() {
  abort();
}

VideoWriterSettings VideoWriterSettings::forStream(const StreamInfo& info) {
  VideoWriterSettings ws;
  ws.width_px = info.width_px;
  ws.height_px = info.height_px;
  ws.fps = info.fps;
  ws.time_base = info.time_base;
  ws.sample_aspect = info.sample_aspect;
  ws.rotation_deg = info.rotation_deg;
  ws.bit_depth = info.bit_depth;
  ws.no_reordering = info.variable_frame_rate;  // see no_reordering
  return ws;
}

Result<std::unique_ptr<VideoWriter>> VideoWriter::create(const VideoWriterSettings& settings) {
  std::unique_ptr<VideoWriter> writer(new VideoWriter());
  writer->settings_ = settings;
  Status opened = writer->open();
  if (!opened)
    return opened.error();  // the destructor removes the temporary file
  return writer;
}

Status VideoWriter::open() {
  const VideoWriterSettings& s = settings_;
  const std::string target = inQuotes(s.output_path);
  // Path checks first (output == input, unwritable folder): they matter most to the user.
  auto temp = TempOutputFile::create(s.output_path, {s.source_path, s.audio_source_path});
  if (!temp)
    return temp.error();
  temp_ = std::move(temp.value());
  const char* muxer = muxerForExtension(lowerExtension(s.output_path));
  if (!muxer)
    return makeError("cannot write " + target + ": unsupported extension. Use .mp4, .mkv or .mov.");
  if (s.width_px <= 0 || s.height_px <= 0)
    return makeError("cannot write " + target + ": the frame size " + std::to_string(s.width_px) +
                     "x" + std::to_string(s.height_px) + " is invalid.");
  if (!s.fps.valid() || s.fps.num < 0 || s.fps.den < 0)
    return makeError("cannot write " + target + ": the frame rate is invalid.");
  const AVCodec* codec = findEncoder(s.codec);
  if (!codec)
    return makeError("cannot write " + target + ": this FFmpeg build has no " +
                     videoCodecName(s.codec) + " encoder.");
  const AVOutputFormat* oformat = av_guess_format(muxer, nullptr, nullptr);
  if (!oformat || avformat_query_codec(oformat, codec->id, FF_COMPLIANCE_NORMAL) != 1)
    return makeError("cannot write " + target + ": " + videoCodecName(s.codec) +
                     " video cannot be stored in " + lowerExtension(s.output_path) +
                     " files. Use " + (s.codec == VideoCodec::ProRes ? ".mov or .mkv" : ".mkv") +
                     " instead.");

  AVFormatContext* raw = nullptr;
  int ret = avformat_alloc_output_context2(&raw, oformat, nullptr, temp_->path().c_str());
  if (ret < 0)
    return makeError(ffmpegFailure("cannot set up the " + std::string(muxer) + " muxer", ret));
  out_.reset(raw);
  // Reproducible files: the same frames and settings give the same bytes (no random Matroska
  // segment UID, no library version strings), so a resumed export can be checked bit for bit.
  out_->flags |= AVFMT_FLAG_BITEXACT;

  // Video encoder.
  encoder_.reset(avcodec_alloc_context3(codec));
  if (!encoder_)
    return makeError("out of memory opening the video encoder");
  AVCodecContext* enc = encoder_.get();
  const AVRational time_base = s.time_base.valid() ? toAv(s.time_base) : av_inv_q(toAv(s.fps));
  frame_step_ = std::max<int64_t>(1, av_rescale_q(1, av_inv_q(toAv(s.fps)), time_base));
  enc->width = s.width_px;
  enc->height = s.height_px;
  enc->time_base = time_base;
  enc->framerate = toAv(s.fps);
  enc->sample_aspect_ratio = toAv(s.sample_aspect.valid() ? s.sample_aspect : Rational{1, 1});
  enc->pix_fmt = choosePixelFormat(codec, s);
  if (const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(enc->pix_fmt);
      desc && (s.codec == VideoCodec::H264 || s.codec == VideoCodec::H265) &&
      (((s.width_px & 1) && desc->log2_chroma_w) || ((s.height_px & 1) && desc->log2_chroma_h))) {
    // x264/x265 cannot subsample the chroma of an odd-sized frame: keep full chroma instead.
    enc->pix_fmt = planarYuvFormat(0, 0, desc->comp[0].depth);
    notes_.push_back("the frame size " + std::to_string(s.width_px) + "x" +
                     std::to_string(s.height_px) + " is odd, so the " + videoCodecName(s.codec) +
                     " video is 4:4:4, which some players cannot play; use ffv1 or an even size "
                     "for them");
  }
  enc->color_range = s.full_range ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
  enc->colorspace = AVCOL_SPC_BT709;  // writeRgb() converts with BT.709 and tags its frames so
  enc->color_primaries = AVCOL_PRI_BT709;
  enc->color_trc = AVCOL_TRC_BT709;
  enc->thread_count = 0;
  enc->flags |= AV_CODEC_FLAG_BITEXACT;
  if (s.no_reordering)
    enc->max_b_frames = 0;
  if (out_->oformat->flags & AVFMT_GLOBALHEADER)
    enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  AVDictionary* options = nullptr;
  switch (s.codec) {
    case VideoCodec::H264:
      av_dict_set_int(&options, "crf", s.crf >= 0 ? s.crf : 18, 0);
      av_dict_set(&options, "preset", s.preset.c_str(), 0);
      break;
    case VideoCodec::H265:
      av_dict_set_int(&options, "crf", s.crf >= 0 ? s.crf : 20, 0);
      av_dict_set(&options, "preset", s.preset.c_str(), 0);
      av_dict_set(&options, "x265-params", "log-level=error", 0);
      break;
    case VideoCodec::FFV1:
      enc->gop_size = 1;  // intra-only: every frame can be cut and checked on its own
      av_dict_set(&options, "level", "3", 0);
      av_dict_set(&options, "slicecrc", "1", 0);
      break;
    case VideoCodec::ProRes:
      av_dict_set(&options, "profile", s.chroma == ChromaFormat::k444 ? "4444" : "hq", 0);
      av_dict_set(&options, "vendor", "apl0", 0);
      break;
    case VideoCodec::DpxSequence:  // refused before: no encoder
    case VideoCodec::TiffSequence:
    case VideoCodec::PngSequence:
      break;
  }
  ret = avcodec_open2(enc, codec, &options);
  av_dict_free(&options);
  if (ret < 0)
    return makeError(ffmpegFailure(
        "cannot open the " + std::string(codec->name) + " encoder for " + target, ret));
  stream_ = avformat_new_stream(out_.get(), nullptr);
  if (!stream_)
    return makeError("out of memory adding the video stream");
  ret = avcodec_parameters_from_context(stream_->codecpar, enc);
  if (ret < 0)
    return makeError(ffmpegFailure("cannot set up the video stream", ret));
  stream_->time_base = enc->time_base;
  stream_->avg_frame_rate = enc->framerate;
  stream_->sample_aspect_ratio = enc->sample_aspect_ratio;
  if (!s.timecode.empty()) {
    av_dict_set(&stream_->metadata, "timecode", s.timecode.c_str(), 0);
    av_dict_set(&out_->metadata, "timecode", s.timecode.c_str(), 0);
  }
  if (s.rotation_deg % 360 != 0) {
    uint8_t* matrix =
        av_stream_new_side_data(stream_, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t));
    if (matrix)  // lavu 57: set() takes the clockwise angle, get() returns it counter-clockwise
      av_display_rotation_set(reinterpret_cast<int32_t*>(matrix), s.rotation_deg);
  }

  if (!s.audio_source_path.empty()) {
    auto audio = AudioPassthrough::open(s.audio_source_path, out_.get(), notes_,
                                        s.audio_range ? &*s.audio_range : nullptr);
    if (!audio)
      return makeError("cannot write " + target + ": " + audio.message());
    audio_ = std::move(audio.value());
  }

  for (const auto& [key, value] : s.metadata)
    av_dict_set(&out_->metadata, key.c_str(), value.c_str(), 0);
  ret = avio_open(&out_->pb, temp_->path().c_str(), AVIO_FLAG_WRITE);
  if (ret < 0)
    return writeError(ret,
                      makeError(ffmpegFailure("cannot write " + inQuotes(temp_->path()), ret)));
  ret = avformat_write_header(out_.get(), nullptr);
  if (ret < 0)
    return writeError(ret, makeError(ffmpegFailure("cannot write the header of " + target, ret)));
  header_written_ = true;
  packet_ = makeAvPacket();
  if (!packet_)
    return makeError("out of memory");
  return Status::success();
}

Status VideoWriter::fail(Status status) {
  abort();
  return status;
}

Status VideoWriter::writeError(int errnum, Status fallback) {
  if (out_ && out_->pb && out_->pb->error < 0)
    errnum = out_->pb->error;
  if (errnum >= 0 || !(isDiskFull(errnum) || errnum == AVERROR(EIO) || errnum == AVERROR(EROFS)))
    return fallback;
  std::error_code ec;
  const auto bytes = temp_ ? std::filesystem::file_size(temp_->path(), ec) : 0;
  return makeError(
      writeFailure(settings_.output_path, errnum, ec ? 0 : static_cast<int64_t>(bytes)));
}

Status VideoWriter::writePlanes(const cv::Mat& y, const cv::Mat& u, const cv::Mat& v, int bit_depth,
                                int64_t pts, int64_t duration_ts) {
  if (closed_)
    return makeError("cannot write to " + inQuotes(settings_.output_path) +
                     ": the writer was already finished or aborted.");
  const int width = settings_.width_px;
  const int height = settings_.height_px;
  const int expected_type = bit_depth > 8 ? CV_16UC1 : CV_8UC1;
  const std::string where =
      inQuotes(settings_.output_path) + " frame " + std::to_string(frames_written_);
  if (y.cols != width || y.rows != height || y.type() != expected_type || u.size() != v.size() ||
      u.type() != expected_type || v.type() != expected_type)
    return fail(makeError("cannot write " + where + ": expected " + std::to_string(width) + "x" +
                          std::to_string(height) + " " + std::to_string(bit_depth) +
                          "-bit planes, got Y " + std::to_string(y.cols) + "x" +
                          std::to_string(y.rows) + "."));
  auto shift = [](int full, int part) {
    if (part == full)
      return 0;
    if (part == (full + 1) / 2)
      return 1;
    return -1;
  };
  const int log2_w = shift(width, u.cols);
  const int log2_h = shift(height, u.rows);
  const AVPixelFormat src_format =
      log2_w < 0 || log2_h < 0 ? AV_PIX_FMT_NONE : planarYuvFormat(log2_w, log2_h, bit_depth);
  if (src_format == AV_PIX_FMT_NONE)
    return fail(makeError("cannot write " + where + ": chroma planes " + std::to_string(u.cols) +
                          "x" + std::to_string(u.rows) + " are not 4:2:0, 4:2:2 or 4:4:4."));

  AvFramePtr frame = makeAvFrame();
  frame->format = encoder_->pix_fmt;
  frame->width = width;
  frame->height = height;
  frame->color_range = encoder_->color_range;
  int ret = av_frame_get_buffer(frame.get(), 0);
  if (ret < 0)
    return fail(makeError(ffmpegFailure("cannot allocate a frame", ret)));
  const uint8_t* src_data[4] = {y.data, u.data, v.data, nullptr};
  const int src_linesize[4] = {static_cast<int>(y.step), static_cast<int>(u.step),
                               static_cast<int>(v.step), 0};
  if (src_format == encoder_->pix_fmt) {
    av_image_copy(frame->data, frame->linesize, src_data, src_linesize, src_format, width, height);
  } else {
    SwsContext* ctx = sws_getCachedContext(sws_.release(), width, height, src_format, width, height,
                                           encoder_->pix_fmt, SWS_BICUBIC | SWS_ACCURATE_RND,
                                           nullptr, nullptr, nullptr);
    sws_.reset(ctx);
    if (!ctx)
      return fail(
          makeError("cannot convert frames for the encoder of " + inQuotes(settings_.output_path)));
    const int* table = sws_getCoefficients(SWS_CS_ITU709);
    const int range = settings_.full_range ? 1 : 0;
    sws_setColorspaceDetails(ctx, table, range, table, range, 0, 1 << 16, 1 << 16);
    sws_scale(ctx, src_data, src_linesize, 0, height, frame->data, frame->linesize);
  }
  return submit(std::move(frame), pts, duration_ts);
}

Status VideoWriter::writeRgb(const cv::Mat& rgb, int64_t pts, int64_t duration_ts) {
  if (closed_)
    return makeError("cannot write to " + inQuotes(settings_.output_path) +
                     ": the writer was already finished or aborted.");
  if ((rgb.type() != CV_8UC3 && rgb.type() != CV_16UC3) || rgb.cols != settings_.width_px ||
      rgb.rows != settings_.height_px)
    return fail(makeError("cannot write " + inQuotes(settings_.output_path) + " frame " +
                          std::to_string(frames_written_) + ": expected a " +
                          std::to_string(settings_.width_px) + "x" +
                          std::to_string(settings_.height_px) + " 8- or 16-bit RGB image."));
  const AVPixelFormat src_format = rgb.depth() == CV_16U ? AV_PIX_FMT_RGB48 : AV_PIX_FMT_RGB24;
  AvFramePtr frame = makeAvFrame();
  frame->format = encoder_->pix_fmt;
  frame->width = rgb.cols;
  frame->height = rgb.rows;
  int ret = av_frame_get_buffer(frame.get(), 0);
  if (ret < 0)
    return fail(makeError(ffmpegFailure("cannot allocate a frame", ret)));
  SwsContext* ctx = sws_getCachedContext(
      sws_.release(), rgb.cols, rgb.rows, src_format, rgb.cols, rgb.rows, encoder_->pix_fmt,
      SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr);
  sws_.reset(ctx);
  if (!ctx)
    return fail(makeError("cannot convert RGB frames for " + inQuotes(settings_.output_path)));
  const int* table = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(ctx, table, 1, table, settings_.full_range ? 1 : 0, 0, 1 << 16, 1 << 16);
  const uint8_t* src_data[4] = {rgb.data, nullptr, nullptr, nullptr};
  const int src_linesize[4] = {static_cast<int>(rgb.step), 0, 0, 0};
  sws_scale(ctx, src_data, src_linesize, 0, rgb.rows, frame->data, frame->linesize);
  frame->colorspace = AVCOL_SPC_BT709;
  frame->color_primaries = AVCOL_PRI_BT709;
  frame->color_trc = AVCOL_TRC_BT709;
  return submit(std::move(frame), pts, duration_ts);
}

Status VideoWriter::write(const Frame& frame) {
  return writePlanes(frame.y, frame.u, frame.v, frame.bit_depth, frame.pts, frame.duration);
}

Status VideoWriter::submit(AvFramePtr frame, int64_t pts, int64_t duration_ts) {
  if (pts == kNoPts)
    pts = last_pts_ == kNoPts ? 0 : last_pts_ + frame_step_;
  if (last_pts_ != kNoPts && pts <= last_pts_)
    return fail(makeError("cannot write " + inQuotes(settings_.output_path) + " frame " +
                          std::to_string(frames_written_) + ": its pts " + std::to_string(pts) +
                          " does not come after the previous frame's " + std::to_string(last_pts_) +
                          "."));
  if (last_pts_ != kNoPts)
    last_step_ = pts - last_pts_;
  last_pts_ = pts;
  if (pending_) {
    Status sent = sendPending(pts - pending_pts_);
    if (!sent)
      return fail(sent);
  }
  pending_ = std::move(frame);
  pending_pts_ = pts;
  pending_duration_ = duration_ts;
  ++frames_written_;
  return Status::success();
}

Status VideoWriter::sendPending(int64_t duration_ts) {
  pending_->pts = pending_pts_;
  duration_by_pts_[pending_pts_] = duration_ts;
  int ret = avcodec_send_frame(encoder_.get(), pending_.get());
  pending_.reset();
  if (ret < 0)
    return makeError(ffmpegFailure("encoding " + inQuotes(settings_.output_path), ret));
  return drainEncoder();
}

Status VideoWriter::drainEncoder() {
  while (true) {
    int ret = avcodec_receive_packet(encoder_.get(), packet_.get());
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
      return Status::success();
    if (ret < 0)
      return makeError(ffmpegFailure("encoding " + inQuotes(settings_.output_path), ret));
    const auto it = duration_by_pts_.find(packet_->pts);
    if (it != duration_by_pts_.end()) {
      packet_->duration = it->second;
      duration_by_pts_.erase(it);
    }
    av_packet_rescale_ts(packet_.get(), encoder_->time_base, stream_->time_base);
    packet_->stream_index = stream_->index;
    const double time_s =
        static_cast<double>(packet_->dts != AV_NOPTS_VALUE ? packet_->dts : packet_->pts) *
        av_q2d(stream_->time_base);
    ret = av_interleaved_write_frame(out_.get(), packet_.get());
    if (ret < 0)
      return writeError(ret, makeError(ffmpegFailure("writing " + inQuotes(temp_->path()), ret)));
    if (audio_) {
      Status audio = audio_->writeUntil(time_s);
      if (!audio)
        return writeError(0, audio);
    }
  }
}

Status VideoWriter::finish() {
  if (closed_)
    return makeError("cannot finish " + inQuotes(settings_.output_path) +
                     ": the writer was already finished or aborted.");
  if (frames_written_ == 0)
    return fail(makeError("cannot finish " + inQuotes(settings_.output_path) +
                          ": no frames were written, so no file was made."));
  if (pending_) {
    int64_t duration = pending_duration_ > 0 ? pending_duration_
                       : last_step_ > 0      ? last_step_
                                             : frame_step_;
    Status sent = sendPending(duration);
    if (!sent)
      return fail(sent);
  }
  int ret = avcodec_send_frame(encoder_.get(), nullptr);
  if (ret < 0)
    return fail(makeError(ffmpegFailure("flushing the encoder", ret)));
  Status drained = drainEncoder();
  if (!drained)
    return fail(drained);
  if (audio_) {
    Status audio = audio_->finish();
    if (!audio)
      return fail(writeError(0, audio));
  }
  ret = av_write_trailer(out_.get());
  if (ret < 0)
    return fail(writeError(
        ret, makeError(ffmpegFailure("finishing " + inQuotes(settings_.output_path), ret))));
  ret = avio_closep(&out_->pb);
  if (ret < 0)
    return fail(
        writeError(ret, makeError(ffmpegFailure("closing " + inQuotes(temp_->path()), ret))));
  Status committed = temp_->commit();
  if (!committed)
    return fail(committed);
  closed_ = true;
  audio_.reset();
  out_.reset();
  encoder_.reset();
  return Status::success();
}

void VideoWriter::abort() {
  if (closed_)
    return;
  closed_ = true;
  audio_.reset();
  out_.reset();  // closes the AVIOContext
  encoder_.reset();
  if (temp_)
    temp_->discard();
}

std::string subtitlesLeftOutNote(const StreamInfo& source) {
  std::string codecs;
  for (const std::string& codec : source.subtitle_codecs)
    codecs += (codecs.empty() ? "" : ", ") + codec;
  return "the " + std::to_string(source.subtitleStreamCount()) + " subtitle stream(s) of '" +
         source.path + "' (" + codecs +
         ") were left out: only video and audio are written. Mux them back with ffmpeg if needed.";
}

Status checkVideoTarget(const std::string& path, VideoCodec codec) {
  namespace fs = std::filesystem;
  const std::string target = inQuotes(path);
  if (path.empty())
    return makeError("no output file given. Pass the path of the video to write.");
  // The path first (as VideoWriter::create and TempOutputFile do): it matters most to the user.
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return makeError("cannot write " + target +
                     ": it is a folder. Give a file name such as out.mp4.");
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty())
    dir = ".";
  if (!fs::exists(dir, ec))
    return makeError("cannot write " + target + ": the folder " + inQuotes(dir.string()) +
                     " does not exist. Create it or choose another output folder.");
  if (!fs::is_directory(dir, ec))
    return makeError("cannot write " + target + ": " + inQuotes(dir.string()) +
                     " is not a folder.");
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    return makeError("cannot write " + target + ": the folder " + inQuotes(dir.string()) +
                     " is not writable (" + std::strerror(errno) +
                     "). Choose a folder you can write to.");
  const std::string ext = lowerExtension(path);
  const char* muxer = muxerForExtension(ext);
  if (!muxer)
    return makeError("cannot write " + target + ": unsupported extension. Use .mp4, .mkv or .mov.");
  if (!isVideoFileCodec(codec))
    return makeError("cannot write " + target + ": '" + videoCodecName(codec) +
                     "' writes one image per frame, not a video file. Name the output like "
                     "out_%06d." +
                     videoCodecName(codec) + ", or choose h264, h265, ffv1 or prores.");
  const AVCodec* encoder = findEncoder(codec);
  if (!encoder)
    return makeError("cannot write " + target + ": this FFmpeg build has no " +
                     videoCodecName(codec) + " encoder.");
  const AVOutputFormat* oformat = av_guess_format(muxer, nullptr, nullptr);
  if (!oformat || avformat_query_codec(oformat, encoder->id, FF_COMPLIANCE_NORMAL) != 1)
    return makeError("cannot write " + target + ": " + videoCodecName(codec) +
                     " video cannot be stored in " + ext + " files. Use " +
                     (codec == VideoCodec::ProRes ? ".mov or .mkv" : ".mkv") + " instead.");
  return {};
}

}  // namespace cf::media
