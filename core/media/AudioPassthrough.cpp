#include "media/AudioPassthrough.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "media/Demuxer.h"
#include "media/FfmpegError.h"

namespace cf::media {

struct AudioPassthrough::Track {
  int in_index = -1;
  int out_index = -1;
  bool copy = true;
  CodecContextPtr decoder;
  CodecContextPtr encoder;
  SwrContextPtr resampler;
  AudioFifoPtr fifo;
  AvFramePtr decoded;
  AvPacketPtr encoded;
  int64_t next_pts = AV_NOPTS_VALUE;    // in 1/sample_rate
  int64_t source_pos = AV_NOPTS_VALUE;  // source time of the next converted sample, in samples
  int64_t shift_ts = 0;                 // copy: source ts - output ts, in the input time base
};

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

bool isMatroska(const AVFormatContext* out) {
  return std::string(out->oformat->name).find("matroska") != std::string::npos;
}

bool isWav(const AVFormatContext* out) {
  return std::string(out->oformat->name) == "wav";
}

bool isPcm(AVCodecID id) {
  const AVCodecDescriptor* desc = avcodec_descriptor_get(id);
  return desc && std::string(desc->name).rfind("pcm_", 0) == 0;
}

std::string containerLabel(const AVFormatContext* out) {
  const std::string name = out->oformat->name;
  if (name == "mp4")
    return "MP4";
  if (name == "mov")
    return "MOV";
  if (name.find("matroska") != std::string::npos)
    return "MKV";
  return name;
}

}  // namespace

AudioPassthrough::~AudioPassthrough() = default;

Result<std::unique_ptr<AudioPassthrough>> AudioPassthrough::open(const std::string& source_path,
                                                                 AVFormatContext* out,
                                                                 std::vector<std::string>& notes,
                                                                 const AudioRange* range) {
  auto opened = openInputFile(source_path);
  if (!opened)
    return makeError("cannot read the audio: " + opened.message());
  std::unique_ptr<AudioPassthrough> audio(new AudioPassthrough());
  audio->path_ = source_path;
  audio->in_ = std::move(opened.value());
  audio->out_ = out;
  audio->pending_ = makeAvPacket();
  if (range) {
    audio->ranged_ = true;
    audio->range_ = *range;
    if (audio->range_.end_s <= audio->range_.start_s)
      audio->range_.end_s = std::numeric_limits<double>::infinity();
    audio->shift_s_ = range->start_s - range->output_start_s;
    // Start reading a little before the range (a seek lands on or before the time asked for).
    const double seek_s = range->start_s - 1.0;
    if (seek_s > 0.0)
      avformat_seek_file(audio->in_.get(), -1, std::numeric_limits<int64_t>::min(),
                         static_cast<int64_t>(seek_s * AV_TIME_BASE),
                         static_cast<int64_t>(seek_s * AV_TIME_BASE), 0);  // failure: from 0
  }
  for (unsigned i = 0; i < audio->in_->nb_streams; ++i) {
    AVStream* st = audio->in_->streams[i];
    if (st->codecpar->codec_type != AVMEDIA_TYPE_AUDIO) {
      st->discard = AVDISCARD_ALL;
      continue;
    }
    Status added = audio->addTrack(static_cast<int>(i), notes);
    if (!added)
      return added.error();
  }
  return audio;
}

Status AudioPassthrough::addTrack(int in_index, std::vector<std::string>& notes) {
  AVStream* in_st = in_->streams[in_index];
  const AVCodecParameters* in_par = in_st->codecpar;
  auto track = std::make_unique<Track>();
  track->in_index = in_index;
  const std::string codec_name = avcodec_get_name(in_par->codec_id);
  const std::string label =
      "audio stream #" + std::to_string(in_index) + " (" + codec_name + ") of " + inQuotes(path_);
  track->copy = avformat_query_codec(out_->oformat, in_par->codec_id, FF_COMPLIANCE_NORMAL) == 1 &&
                (!isWav(out_) || isPcm(in_par->codec_id));

  AVStream* out_st = avformat_new_stream(out_, nullptr);
  if (!out_st)
    return makeError("out of memory adding " + label);
  track->out_index = out_st->index;
  out_st->disposition = in_st->disposition;
  av_dict_copy(&out_st->metadata, in_st->metadata, 0);

  if (track->copy) {
    int ret = avcodec_parameters_copy(out_st->codecpar, in_par);
    if (ret < 0)
      return makeError(ffmpegFailure("cannot copy " + label, ret));
    out_st->codecpar->codec_tag = 0;  // let the muxer pick the tag of its container
    out_st->time_base = in_st->time_base;
    track->shift_ts = std::llround(shift_s_ / av_q2d(in_st->time_base));
    tracks_.push_back(std::move(track));
    by_input_[in_index] = tracks_.back().get();
    return Status::success();
  }

  // Re-encode: AAC for MP4/MOV, FLAC (lossless) for Matroska.
  const AVCodec* decoder = avcodec_find_decoder(in_par->codec_id);
  if (!decoder)
    return makeError("cannot keep " + label + ": no decoder for it in this FFmpeg build.");
  track->decoder.reset(avcodec_alloc_context3(decoder));
  if (!track->decoder)
    return makeError("out of memory opening " + label);
  int ret = avcodec_parameters_to_context(track->decoder.get(), in_par);
  if (ret >= 0) {
    track->decoder->pkt_timebase = in_st->time_base;
    ret = avcodec_open2(track->decoder.get(), decoder, nullptr);
  }
  if (ret < 0)
    return makeError(ffmpegFailure("cannot decode " + label, ret));

  // Re-encode: PCM for a WAV sidecar (24-bit for deep sources), else as below.
  const bool deep_source =
      in_par->bits_per_raw_sample > 16 || in_par->format == AV_SAMPLE_FMT_S32 ||
      in_par->format == AV_SAMPLE_FMT_S32P || in_par->format == AV_SAMPLE_FMT_FLT ||
      in_par->format == AV_SAMPLE_FMT_FLTP;
  const AVCodecID target_id = isWav(out_)
                                  ? deep_source ? AV_CODEC_ID_PCM_S24LE : AV_CODEC_ID_PCM_S16LE
                              : isMatroska(out_) ? AV_CODEC_ID_FLAC
                                                 : AV_CODEC_ID_AAC;
  const AVCodec* encoder = avcodec_find_encoder(target_id);
  if (!encoder)
    return makeError("cannot re-encode " + label + ": no " + avcodec_get_name(target_id) +
                     " encoder in this FFmpeg build.");
  track->encoder.reset(avcodec_alloc_context3(encoder));
  if (!track->encoder)
    return makeError("out of memory opening the audio encoder");
  AVCodecContext* enc = track->encoder.get();
  const AVCodecContext* dec = track->decoder.get();
  int rate = dec->sample_rate > 0 ? dec->sample_rate : 48000;
  if (encoder->supported_samplerates) {
    bool supported = false;
    for (const int* r = encoder->supported_samplerates; *r; ++r)
      supported = supported || *r == rate;
    if (!supported)
      rate = 48000;
  }
  enc->sample_rate = rate;
  const int channels = std::clamp(dec->ch_layout.nb_channels, 1, 8);
  if (dec->ch_layout.order == AV_CHANNEL_ORDER_NATIVE && dec->ch_layout.nb_channels <= 8)
    av_channel_layout_copy(&enc->ch_layout, &dec->ch_layout);
  else
    av_channel_layout_default(&enc->ch_layout, channels);
  const bool deep = dec->bits_per_raw_sample > 16 || dec->sample_fmt == AV_SAMPLE_FMT_S32 ||
                    dec->sample_fmt == AV_SAMPLE_FMT_S32P || dec->sample_fmt == AV_SAMPLE_FMT_FLT ||
                    dec->sample_fmt == AV_SAMPLE_FMT_FLTP;
  if (target_id == AV_CODEC_ID_FLAC)
    enc->sample_fmt = deep ? AV_SAMPLE_FMT_S32 : AV_SAMPLE_FMT_S16;
  else
    enc->sample_fmt = encoder->sample_fmts ? encoder->sample_fmts[0] : AV_SAMPLE_FMT_FLTP;
  if (target_id == AV_CODEC_ID_FLAC && deep)
    enc->bits_per_raw_sample = 24;
  const int64_t bit_rate = std::min<int64_t>(96000LL * channels, 512000);
  if (target_id == AV_CODEC_ID_AAC)
    enc->bit_rate = bit_rate;
  enc->time_base = AVRational{1, rate};
  if (out_->oformat->flags & AVFMT_GLOBALHEADER)
    enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  ret = avcodec_open2(enc, encoder, nullptr);
  if (ret < 0)
    return makeError(ffmpegFailure(
        "cannot open the " + std::string(encoder->name) + " encoder for " + label, ret));
  ret = avcodec_parameters_from_context(out_st->codecpar, enc);
  if (ret < 0)
    return makeError(ffmpegFailure("cannot set up the output for " + label, ret));
  out_st->time_base = enc->time_base;
  track->fifo.reset(av_audio_fifo_alloc(enc->sample_fmt, enc->ch_layout.nb_channels, 4096));
  track->decoded = makeAvFrame();
  track->encoded = makeAvPacket();
  if (!track->fifo || !track->decoded || !track->encoded)
    return makeError("out of memory opening the audio encoder");

  std::string note = label + " cannot be stored in " + containerLabel(out_) +
                     " without re-encoding: re-encoded to ";
  note += target_id == AV_CODEC_ID_AAC    ? "AAC " + std::to_string(bit_rate / 1000) + " kb/s"
          : target_id == AV_CODEC_ID_FLAC ? std::string("FLAC (lossless)")
                                          : std::string("PCM");
  notes.push_back(note + ".");
  tracks_.push_back(std::move(track));
  by_input_[in_index] = tracks_.back().get();
  return Status::success();
}

Status AudioPassthrough::writeUntil(double time_s) {
  while (!eof_) {
    if (!have_pending_) {
      const int ret = av_read_frame(in_.get(), pending_.get());
      if (ret < 0) {
        if (ret != AVERROR_EOF && !avio_feof(in_->pb))
          return makeError(ffmpegFailure("reading the audio of " + inQuotes(path_), ret));
        eof_ = true;
        break;
      }
      if (by_input_.count(pending_->stream_index) == 0) {
        av_packet_unref(pending_.get());
        continue;
      }
      have_pending_ = true;
    }
    const AVStream* st = in_->streams[pending_->stream_index];
    const int64_t ts = pending_->dts != AV_NOPTS_VALUE ? pending_->dts : pending_->pts;
    const double source_s = static_cast<double>(ts) * av_q2d(st->time_base);
    if (ts != AV_NOPTS_VALUE && source_s > time_s + shift_s_)
      return Status::success();
    if (ranged_ && ts != AV_NOPTS_VALUE && source_s > range_.end_s + 1.0) {
      eof_ = true;  // past the range on every stream (1 s of interleaving slack)
      av_packet_unref(pending_.get());
      have_pending_ = false;
      break;
    }
    Status done = process(*by_input_[pending_->stream_index], pending_.get());
    av_packet_unref(pending_.get());
    have_pending_ = false;
    if (!done)
      return done;
  }
  return Status::success();
}

Status AudioPassthrough::process(Track& track, AVPacket* packet) {
  const AVStream* in_st = in_->streams[track.in_index];
  if (track.copy) {
    AVStream* out_st = out_->streams[track.out_index];
    if (ranged_) {
      // Packet-accurate cut: packets that start inside [start_s, end_s), moved by the shift.
      const int64_t ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
      const double t = static_cast<double>(ts) * av_q2d(in_st->time_base);
      if (ts == AV_NOPTS_VALUE || t < range_.start_s - 1e-6 || t >= range_.end_s - 1e-6)
        return Status::success();
      if (packet->pts != AV_NOPTS_VALUE)
        packet->pts -= track.shift_ts;
      if (packet->dts != AV_NOPTS_VALUE)
        packet->dts -= track.shift_ts;
    }
    av_packet_rescale_ts(packet, in_st->time_base, out_st->time_base);
    packet->stream_index = track.out_index;
    packet->pos = -1;
    const int ret = av_interleaved_write_frame(out_, packet);
    if (ret < 0)
      return makeError(ffmpegFailure("writing the audio copied from " + inQuotes(path_), ret));
    return Status::success();
  }
  int ret = avcodec_send_packet(track.decoder.get(), packet);
  if (ret < 0 && ret != AVERROR_INVALIDDATA)
    return makeError(ffmpegFailure("decoding the audio of " + inQuotes(path_), ret));
  return decodeAvailable(track);
}

Status AudioPassthrough::decodeAvailable(Track& track) {
  AVCodecContext* enc = track.encoder.get();
  while (true) {
    int ret = avcodec_receive_frame(track.decoder.get(), track.decoded.get());
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
      return Status::success();
    if (ret < 0)
      return makeError(ffmpegFailure("decoding the audio of " + inQuotes(path_), ret));
    AVFrame* in = track.decoded.get();
    if (in->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
      // e.g. PCM without a channel mask: swresample needs a concrete layout.
      const int count = in->ch_layout.nb_channels;
      av_channel_layout_uninit(&in->ch_layout);
      av_channel_layout_default(&in->ch_layout, count);
    }
    if (track.source_pos == AV_NOPTS_VALUE) {
      const int64_t pts = in->best_effort_timestamp;
      track.source_pos =
          pts == AV_NOPTS_VALUE
              ? 0
              : av_rescale_q(pts, in_->streams[track.in_index]->time_base, enc->time_base);
    }
    if (!track.resampler) {
      SwrContext* swr = nullptr;
      ret = swr_alloc_set_opts2(&swr, &enc->ch_layout, enc->sample_fmt, enc->sample_rate,
                                &in->ch_layout, static_cast<AVSampleFormat>(in->format),
                                in->sample_rate, 0, nullptr);
      track.resampler.reset(swr);
      if (ret >= 0)
        ret = swr_init(swr);
      if (ret < 0)
        return makeError(ffmpegFailure("cannot convert the audio of " + inQuotes(path_), ret));
    }
    AvFramePtr converted = makeAvFrame();
    converted->format = enc->sample_fmt;
    converted->sample_rate = enc->sample_rate;
    av_channel_layout_copy(&converted->ch_layout, &enc->ch_layout);
    ret = swr_convert_frame(track.resampler.get(), converted.get(), in);
    av_frame_unref(in);
    if (ret < 0)
      return makeError(ffmpegFailure("cannot convert the audio of " + inQuotes(path_), ret));
    if (Status kept = keepSamples(track, *converted); !kept)
      return kept;
    Status encoded = encodeFifo(track, false);
    if (!encoded)
      return encoded;
  }
}

Status AudioPassthrough::keepSamples(Track& track, const AVFrame& converted) {
  const int n = converted.nb_samples;
  if (n <= 0)
    return Status::success();
  const int64_t pos = track.source_pos;  // source time of converted's first sample, in samples
  track.source_pos += n;
  int first = 0;
  int end = n;
  int64_t shift = 0;
  if (ranged_) {
    const double rate = track.encoder->sample_rate;
    const int64_t start = std::llround(range_.start_s * rate);
    const double end_samples = range_.end_s * rate;
    first = static_cast<int>(std::clamp<int64_t>(start - pos, 0, n));
    if (end_samples < static_cast<double>(pos + n))
      end = static_cast<int>(std::clamp<int64_t>(std::llround(end_samples) - pos, 0, n));
    shift = std::llround(shift_s_ * rate);
  }
  if (end <= first)
    return Status::success();
  if (track.next_pts == AV_NOPTS_VALUE)
    track.next_pts = pos + first - shift;
  // Frames arrive in order, so samples are dropped at the start only while nothing is kept yet:
  // the FIFO is empty then, and draining it after the write removes exactly `first` samples.
  if (av_audio_fifo_write(track.fifo.get(),
                          reinterpret_cast<void**>(const_cast<uint8_t**>(converted.data)),
                          end) < end)
    return makeError("out of memory buffering the audio of " + inQuotes(path_));
  if (first > 0)
    av_audio_fifo_drain(track.fifo.get(), first);
  return Status::success();
}

Status AudioPassthrough::encodeFifo(Track& track, bool final) {
  AVCodecContext* enc = track.encoder.get();
  const int frame_size = enc->frame_size > 0 ? enc->frame_size : 1024;
  while (av_audio_fifo_size(track.fifo.get()) >= frame_size ||
         (final && av_audio_fifo_size(track.fifo.get()) > 0)) {
    const int samples = std::min(av_audio_fifo_size(track.fifo.get()), frame_size);
    AvFramePtr frame = makeAvFrame();
    frame->nb_samples = samples;
    frame->format = enc->sample_fmt;
    frame->sample_rate = enc->sample_rate;
    av_channel_layout_copy(&frame->ch_layout, &enc->ch_layout);
    int ret = av_frame_get_buffer(frame.get(), 0);
    if (ret < 0)
      return makeError(ffmpegFailure("cannot allocate an audio frame", ret));
    av_audio_fifo_read(track.fifo.get(), reinterpret_cast<void**>(frame->data), samples);
    frame->pts = track.next_pts;
    track.next_pts += samples;
    ret = avcodec_send_frame(enc, frame.get());
    if (ret < 0)
      return makeError(ffmpegFailure("encoding the audio of " + inQuotes(path_), ret));
    Status written = writeEncoded(track);
    if (!written)
      return written;
  }
  return Status::success();
}

Status AudioPassthrough::writeEncoded(Track& track) {
  AVStream* out_st = out_->streams[track.out_index];
  while (true) {
    int ret = avcodec_receive_packet(track.encoder.get(), track.encoded.get());
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
      return Status::success();
    if (ret < 0)
      return makeError(ffmpegFailure("encoding the audio of " + inQuotes(path_), ret));
    av_packet_rescale_ts(track.encoded.get(), track.encoder->time_base, out_st->time_base);
    track.encoded->stream_index = track.out_index;
    ret = av_interleaved_write_frame(out_, track.encoded.get());
    if (ret < 0)
      return makeError(ffmpegFailure("writing the re-encoded audio", ret));
  }
}

Status AudioPassthrough::finish() {
  Status rest = writeUntil(1e300);
  if (!rest)
    return rest;
  for (auto& track : tracks_) {
    if (track->copy)
      continue;
    avcodec_send_packet(track->decoder.get(), nullptr);
    Status drained = decodeAvailable(*track);
    if (!drained)
      return drained;
    if (track->resampler) {
      // Flush the resampler's delay line into the FIFO.
      AvFramePtr tail = makeAvFrame();
      tail->format = track->encoder->sample_fmt;
      tail->sample_rate = track->encoder->sample_rate;
      av_channel_layout_copy(&tail->ch_layout, &track->encoder->ch_layout);
      if (swr_convert_frame(track->resampler.get(), tail.get(), nullptr) >= 0) {
        if (Status kept = keepSamples(*track, *tail); !kept)
          return kept;
      }
    }
    Status encoded = encodeFifo(*track, true);
    if (!encoded)
      return encoded;
    avcodec_send_frame(track->encoder.get(), nullptr);
    Status written = writeEncoded(*track);
    if (!written)
      return written;
  }
  return Status::success();
}

}  // namespace cf::media
