#include "pipeline/ExportOutput.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <system_error>

#include "common/Timecode.h"
#include "media/AudioPassthrough.h"
#include "media/FfmpegError.h"
#include "media/ImageSequence.h"
#include "media/ImageSequenceWriter.h"
#include "media/TempOutputFile.h"
#include "media/VideoReader.h"
#include "pipeline/Exporter.h"

namespace cf::pipeline {

namespace fs = std::filesystem;

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

/// "out.wav" next to "out_%06d.tif" (".mka" when there are several audio streams).
std::string sidecarPathFor(const std::string& pattern, int audio_streams) {
  const fs::path p(pattern);
  std::string stem = p.filename().string();
  stem = stem.substr(0, stem.find('%'));
  while (!stem.empty() && (stem.back() == '_' || stem.back() == '.' || stem.back() == '-'))
    stem.pop_back();
  if (stem.empty())
    stem = "audio";
  return (p.parent_path() / (stem + (audio_streams > 1 ? ".mka" : ".wav"))).string();
}

}  // namespace

bool isImageOutputPath(const std::string& path) {
  media::ImageFormat format = media::ImageFormat::Png;
  return media::imageFormatForPath(path, &format);
}

ExportOutput::~ExportOutput() = default;

Result<std::unique_ptr<ExportOutput>> ExportOutput::create(const RenderRequest& request,
                                                           media::VideoReader& reader,
                                                           int64_t first, int64_t last) {
  std::unique_ptr<ExportOutput> out(new ExportOutput());
  const media::StreamInfo& info = reader.info();
  out->info_ = info;
  out->input_path_ = request.input_path;
  const int wanted_depth = request.bit_depth > 0 ? request.bit_depth : info.bit_depth;
  const bool whole = first == 0 && last == info.frame_count - 1;
  // The output starts where the source starts, but never before 0: MP4/MOV muxers treat frames
  // with negative timestamps as encoder priming and hide them behind the edit list (a transport
  // stream whose clock wrapped lost its first frames that way). Such a film is moved to 0, audio
  // with it, as a range export is. An exact range (a shard) keeps the source's timestamps.
  out->out_start_pts_ = std::max<int64_t>(info.start_pts, 0);
  out->moved_ = (!whole || info.start_pts < 0) && !request.exact_range;
  if ((!whole || info.start_pts < 0) && request.keep_audio && info.hasAudio()) {
    const auto [start_s, end_s] = reader.frameSpanS(first, last);
    const double output_start_s =
        request.exact_range ? start_s
                            : static_cast<double>(out->out_start_pts_) * info.time_base.toDouble();
    out->audio_range_ = media::AudioRange{start_s, whole ? 0.0 : end_s, output_start_s};
    out->ranged_audio_ = true;
  }

  if (isImageOutputPath(request.output_path)) {
    media::ImageWriterSettings is;
    is.output_path = request.output_path;
    is.width_px = info.width_px;
    is.height_px = info.height_px;
    is.bit_depth = wanted_depth;
    is.inputs = {request.input_path};
    if (!info.image_pattern.empty())
      is.inputs.push_back(info.image_pattern);
    if (info.still_image)
      is.metadata_source = request.input_path;
    is.timecode = timecodeAfter(info.timecode, first, info.fps.num, info.fps.den);
    is.fps = info.fps;
    // Numbered like the source: a sequence's own numbers, a video's frame numbers.
    is.start_number =
        request.start_number >= 0 ? request.start_number : info.image_first_number + first;
    auto writer = media::ImageSequenceWriter::create(is);
    if (!writer)
      return writer.error();
    if (!(*writer)->isSequence() && last > first)
      return makeError("cannot write " + inQuotes(request.output_path) + ": it is one image, but " +
                       std::to_string(last - first + 1) +
                       " frames are exported. Give a pattern such as out_%06d.png, or one frame "
                       "(--first N --last N).");
    // A pattern that names the source's own files would overwrite them.
    std::error_code ec;
    if (!info.image_pattern.empty() && fs::weakly_canonical(request.output_path, ec) ==
                                           fs::weakly_canonical(info.image_pattern, ec))
      return makeError("refusing to write " + inQuotes(request.output_path) +
                       ": it names the input sequence's own files. Choose another name.");
    out->images_ = std::move(*writer);
    out->output_depth_ = out->images_->bitDepth();
    out->rgb_depth_ = out->output_depth_ > 8 ? 16 : 8;
    if (request.keep_audio && info.hasAudio() && out->images_->isSequence())
      out->sidecar_path_ = sidecarPathFor(request.output_path, info.audioStreamCount());
    return out;
  }

  media::VideoWriterSettings ws = media::VideoWriterSettings::forStream(info);
  ws.output_path = request.output_path;
  ws.codec = request.codec;
  ws.crf = request.crf;
  ws.source_path = request.input_path;
  ws.metadata = request.metadata;
  ws.timecode = timecodeAfter(info.timecode, first, info.fps.num, info.fps.den);
  switch (request.codec) {
    case cf::VideoCodec::ProRes:
      ws.bit_depth = 10;
      break;
    case cf::VideoCodec::FFV1:
      ws.bit_depth = wanted_depth;
      break;
    default:  // H.264/H.265: 8-bit unless asked for 10
      ws.bit_depth = request.bit_depth > 8 ? 10 : 8;
      break;
  }
  if (request.keep_audio && info.hasAudio()) {
    ws.audio_source_path = request.input_path;
    if (out->ranged_audio_)
      ws.audio_range = out->audio_range_;
  }
  auto writer = media::VideoWriter::create(ws);
  if (!writer)
    return writer.error();
  out->video_ = std::move(*writer);
  out->output_depth_ = ws.bit_depth > 8 ? (ws.bit_depth > 12   ? 16
                                           : ws.bit_depth > 10 ? 12
                                                               : 10)
                                        : 8;
  // 8-bit sources keep the 8-bit path (and its bytes) unless the output is asked to be deeper.
  out->rgb_depth_ =
      out->output_depth_ > 8 && (info.bit_depth > 8 || request.bit_depth > 8) ? 16 : 8;
  return out;
}

bool ExportOutput::alreadyWritten(int64_t index) {
  return images_ && images_->isSequence() && images_->verifyExisting(index);
}

int64_t ExportOutput::ptsOffset(int64_t first_pts) const {
  return moved_ ? first_pts - out_start_pts_ : 0;
}

Status ExportOutput::write(const cv::Mat& rgb, int64_t index, int64_t pts, int64_t duration) {
  if (images_)
    return images_->writeRgb(rgb, index);
  return video_->writeRgb(rgb, pts, duration);
}

Status ExportOutput::finish() {
  if (video_)
    return video_->finish();
  if (!sidecar_path_.empty())
    return writeSidecarAudio();
  return {};
}

Status ExportOutput::writeSidecarAudio() {
  auto temp = media::TempOutputFile::create(sidecar_path_, {input_path_});
  if (!temp)
    return temp.error();
  const char* muxer = info_.audioStreamCount() > 1 ? "matroska" : "wav";
  AVFormatContext* raw = nullptr;
  int ret = avformat_alloc_output_context2(&raw, nullptr, muxer, (*temp)->path().c_str());
  if (ret < 0)
    return makeError(
        media::ffmpegFailure("cannot set up the audio file " + inQuotes(sidecar_path_), ret));
  media::OutputFormatPtr fmt(raw);
  fmt->flags |= AVFMT_FLAG_BITEXACT;
  std::vector<std::string> notes;
  auto audio = media::AudioPassthrough::open(input_path_, fmt.get(), notes,
                                             ranged_audio_ ? &audio_range_ : nullptr);
  if (!audio)
    return makeError("cannot write " + inQuotes(sidecar_path_) + ": " + audio.message());
  ret = avio_open(&fmt->pb, (*temp)->path().c_str(), AVIO_FLAG_WRITE);
  if (ret >= 0)
    ret = avformat_write_header(fmt.get(), nullptr);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot write " + inQuotes(sidecar_path_), ret));
  Status written = (*audio)->writeUntil(std::numeric_limits<double>::infinity());
  if (written)
    written = (*audio)->finish();
  if (!written)
    return makeError("cannot write " + inQuotes(sidecar_path_) + ": " + written.message());
  ret = av_write_trailer(fmt.get());
  if (ret >= 0)
    ret = avio_closep(&fmt->pb);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot finish " + inQuotes(sidecar_path_), ret));
  if (Status committed = (*temp)->commit(); !committed)
    return committed;
  notes_.push_back("the audio went to " + inQuotes(sidecar_path_) +
                   " (an image sequence holds no sound)");
  return {};
}

std::vector<std::string> ExportOutput::notes() const {
  std::vector<std::string> notes = notes_;
  if (video_)
    for (const std::string& note : video_->notes())
      notes.push_back(note);
  if (images_)
    for (const std::string& note : images_->notes())
      notes.push_back(note);
  if (images_ && images_->framesSkipped() > 0)
    notes.push_back(std::to_string(images_->framesSkipped()) +
                    " frame file(s) from an earlier run were checked and kept; " +
                    std::to_string(images_->framesWritten()) + " written now");
  return notes;
}

}  // namespace cf::pipeline
