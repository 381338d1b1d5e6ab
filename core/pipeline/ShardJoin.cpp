#include "pipeline/ShardJoin.h"

#include <chrono>
#include <cstring>

#include "common/ErrorBoundary.h"
#include "media/AudioPassthrough.h"
#include "media/AvHandles.h"
#include "media/FfmpegError.h"
#include "media/TempOutputFile.h"
#include "media/VideoReader.h"

namespace cf::pipeline {

namespace {

std::string quoted(const std::string& path) {
  return "'" + path + "'";
}

Result<media::InputFormatPtr> openInput(const std::string& path) {
  AVFormatContext* raw = nullptr;
  int ret = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot open the shard " + quoted(path), ret));
  media::InputFormatPtr in(raw);
  ret = avformat_find_stream_info(in.get(), nullptr);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot read the streams of " + quoted(path), ret));
  return in;
}

int videoStreamOf(const AVFormatContext* in) {
  for (unsigned i = 0; i < in->nb_streams; ++i)
    if (in->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
      return static_cast<int>(i);
  return -1;
}

// Same codec, size, pixel format and codec configuration: packets of either decode alike.
bool sameVideoParameters(const AVCodecParameters* a, const AVCodecParameters* b) {
  return a->codec_id == b->codec_id && a->width == b->width && a->height == b->height &&
         a->format == b->format && a->extradata_size == b->extradata_size &&
         (a->extradata_size == 0 ||
          std::memcmp(a->extradata, b->extradata, static_cast<size_t>(a->extradata_size)) == 0);
}

// FFV1 shards into an FFV1 Matroska file: every packet copied, timestamps kept (the shards keep
// the source's), the source's audio interleaved.
Result<JoinStats> copyJoin(const JoinRequest& request, const std::vector<ShardManifest>& manifests,
                           const CancelToken& cancel, const ProgressFn& progress) {
  JoinStats stats;
  stats.stream_copied = true;
  std::vector<std::string> inputs = request.shard_paths;
  if (!request.audio_from.empty())
    inputs.push_back(request.audio_from);
  auto temp = media::TempOutputFile::create(request.output_path, inputs);
  if (!temp)
    return temp.error();
  AVFormatContext* raw = nullptr;
  int ret = avformat_alloc_output_context2(&raw, av_guess_format("matroska", nullptr, nullptr),
                                           nullptr, (*temp)->path().c_str());
  if (ret < 0 || !raw)
    return makeError(media::ffmpegFailure("cannot make " + quoted(request.output_path), ret));
  media::OutputFormatPtr out(raw);

  auto first = openInput(request.shard_paths.front());
  if (!first)
    return first.error();
  const int first_video = videoStreamOf(first->get());
  if (first_video < 0)
    return makeError("the shard " + quoted(request.shard_paths.front()) + " has no video stream");
  const AVStream* ref = (*first)->streams[first_video];
  AVStream* video = avformat_new_stream(out.get(), nullptr);
  if (!video)
    return makeError("out of memory adding the video stream");
  ret = avcodec_parameters_copy(video->codecpar, ref->codecpar);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot set up the video stream", ret));
  video->codecpar->codec_tag = 0;
  video->time_base = ref->time_base;
  video->avg_frame_rate = ref->avg_frame_rate;
  video->sample_aspect_ratio = ref->sample_aspect_ratio;
  first->reset();

  std::unique_ptr<media::AudioPassthrough> audio;
  if (!request.audio_from.empty()) {
    auto opened = media::AudioPassthrough::open(request.audio_from, out.get(), stats.notes);
    if (!opened)
      return makeError("cannot write " + quoted(request.output_path) + ": " + opened.message());
    audio = std::move(*opened);
  }
  ret = avio_open(&out->pb, (*temp)->path().c_str(), AVIO_FLAG_WRITE);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot write " + quoted((*temp)->path()), ret));
  ret = avformat_write_header(out.get(), nullptr);
  if (ret < 0)
    return makeError(
        media::ffmpegFailure("cannot write the header of " + quoted(request.output_path), ret));

  media::AvPacketPtr packet = media::makeAvPacket();
  int64_t last_pts = AV_NOPTS_VALUE;
  const int64_t total = manifests.front().source_frames;
  for (size_t k = 0; k < request.shard_paths.size(); ++k) {
    const std::string& path = request.shard_paths[k];
    auto in = openInput(path);
    if (!in)
      return in.error();
    const int index = videoStreamOf(in->get());
    if (index < 0)
      return makeError("the shard " + quoted(path) + " has no video stream");
    const AVStream* stream = (*in)->streams[index];
    if (!sameVideoParameters(stream->codecpar, video->codecpar))
      return makeError("the shard " + quoted(path) + " is coded differently from " +
                       quoted(request.shard_paths.front()) +
                       " (codec, size, pixel format or FFV1 configuration): a mismatched shard; "
                       "render every shard with the same version and options");
    int64_t frames = 0;
    for (;;) {
      if (cancel.isCancelled())
        return makeError("cancelled");
      ret = av_read_frame(in->get(), packet.get());
      if (ret == AVERROR_EOF)
        break;
      if (ret < 0)
        return makeError(media::ffmpegFailure("cannot read the shard " + quoted(path), ret));
      if (packet->stream_index != index) {
        av_packet_unref(packet.get());
        continue;
      }
      av_packet_rescale_ts(packet.get(), stream->time_base, video->time_base);
      if (last_pts != AV_NOPTS_VALUE && packet->pts <= last_pts)
        return makeError("the shard " + quoted(path) +
                         " goes back in time against the shard before it: the shards overlap or "
                         "were not made from this film");
      last_pts = packet->pts;
      packet->stream_index = video->index;
      packet->pos = -1;
      const double time_s = static_cast<double>(packet->pts) * av_q2d(video->time_base);
      ret = av_interleaved_write_frame(out.get(), packet.get());
      if (ret < 0)
        return makeError(media::ffmpegFailure("cannot write " + quoted((*temp)->path()), ret));
      if (audio)
        if (Status s = audio->writeUntil(time_s); !s)
          return s.error();
      ++frames;
      ++stats.frames;
      report(progress, stats.frames, total, "join");
    }
    if (frames != manifests[k].frames())
      return makeError("the shard " + quoted(path) + " holds " + std::to_string(frames) +
                       " frames but its manifest says " + std::to_string(manifests[k].frames()) +
                       ": the shard is damaged or unfinished; render it again");
  }
  if (audio)
    if (Status s = audio->finish(); !s)
      return s.error();
  ret = av_write_trailer(out.get());
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot finish " + quoted(request.output_path), ret));
  ret = avio_closep(&out->pb);
  if (ret < 0)
    return makeError(media::ffmpegFailure("cannot close " + quoted((*temp)->path()), ret));
  if (Status s = (*temp)->commit(); !s)
    return s.error();
  return stats;
}

// Any other codec: the shards decoded in order and encoded once.
Result<JoinStats> encodeJoin(const JoinRequest& request,
                             const std::vector<ShardManifest>& manifests, const CancelToken& cancel,
                             const ProgressFn& progress) {
  JoinStats stats;
  std::unique_ptr<media::VideoWriter> writer;
  const int64_t total = manifests.front().source_frames;
  for (size_t k = 0; k < request.shard_paths.size(); ++k) {
    auto reader = media::VideoReader::open(request.shard_paths[k]);
    if (!reader)
      return reader.error();
    const media::StreamInfo& info = (*reader)->info();
    if (!writer) {
      media::VideoWriterSettings ws = media::VideoWriterSettings::forStream(info);
      ws.output_path = request.output_path;
      ws.codec = request.codec;
      ws.crf = request.crf;
      ws.audio_source_path = request.audio_from;
      ws.source_path = request.audio_from;
      auto created = media::VideoWriter::create(ws);
      if (!created)
        return created.error();
      writer = std::move(*created);
    }
    int64_t frames = 0;
    for (;;) {
      if (cancel.isCancelled())
        return makeError("cancelled");
      auto frame = (*reader)->next();
      if (!frame)
        return frame.error();
      if (!*frame)
        break;
      if (Status s = writer->write(**frame); !s)
        return s.error();
      ++frames;
      ++stats.frames;
      report(progress, stats.frames, total, "join");
    }
    if (frames != manifests[k].frames())
      return makeError("the shard " + quoted(request.shard_paths[k]) + " holds " +
                       std::to_string(frames) + " frames but its manifest says " +
                       std::to_string(manifests[k].frames()) +
                       ": the shard is damaged or unfinished; render it again");
  }
  if (Status s = writer->finish(); !s)
    return s.error();
  stats.notes = writer->notes();
  return stats;
}

}  // namespace

Result<ShardManifest> readShardManifest(const std::string& path) {
  auto in = openInput(path);
  if (!in)
    return in.error();
  const AVDictionaryEntry* tag = av_dict_get((*in)->metadata, kShardManifestTag, nullptr, 0);
  if (!tag || !tag->value)
    return makeError(quoted(path) +
                     " is not a Chromaflow shard (it has no shard manifest): make shards with "
                     "'chromaflow-cli colorize IN SHARD.mkv --shard I/N'");
  auto manifest = ShardManifest::fromJson(tag->value);
  if (!manifest)
    return makeError(quoted(path) + ": " + manifest.message());
  return manifest;
}

Result<JoinStats> joinShards(const JoinRequest& request, const CancelToken& cancel,
                             const ProgressFn& progress) {
  return guarded("joining shards into '" + request.output_path + "'", [&]() -> Result<JoinStats> {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<ShardManifest> manifests;
    for (const std::string& path : request.shard_paths) {
      auto m = readShardManifest(path);
      if (!m)
        return m.error();
      manifests.push_back(std::move(*m));
    }
    if (Status s = checkShardSet(request.shard_paths, manifests); !s)
      return s.error();
    if (!request.audio_from.empty()) {
      auto fp = sourceFingerprint(request.audio_from);
      if (!fp)
        return fp.error();
      if (*fp != manifests.front().source_fingerprint)
        return makeError(quoted(request.audio_from) +
                         " is not the film the shards were made from ('" +
                         manifests.front().source_name + "'): pass that film to --audio-from");
    }
    const bool copy = request.codec == cf::VideoCodec::FFV1;
    const std::string& out = request.output_path;
    if (copy && (out.size() < 4 || out.compare(out.size() - 4, 4, ".mkv") != 0))
      return makeError(
          "an FFV1 join is written to Matroska: name the output '.mkv', or choose "
          "another --codec");
    auto stats = copy ? copyJoin(request, manifests, cancel, progress)
                      : encodeJoin(request, manifests, cancel, progress);
    if (stats)
      stats->total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
  });
}

}  // namespace cf::pipeline
