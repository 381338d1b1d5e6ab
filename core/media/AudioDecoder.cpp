#include "media/AudioDecoder.h"

#include <algorithm>
#include <cmath>
#include <vector>

extern "C" {
#include <libavutil/opt.h>
}

#include "media/Demuxer.h"
#include "media/FfmpegError.h"

namespace cf::media {

AudioDecoder::~AudioDecoder() = default;

Result<std::unique_ptr<AudioDecoder>> AudioDecoder::open(const std::string& path, int sample_rate,
                                                         int channels) {
  auto fmt = openInputFile(path);
  if (!fmt)
    return fmt.error();
  std::unique_ptr<AudioDecoder> d(new AudioDecoder());
  d->fmt_ = std::move(*fmt);
  AVFormatContext* f = d->fmt_.get();
  d->stream_ = av_find_best_stream(f, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (d->stream_ < 0)
    return makeError("'" + path + "' has no audio stream to play.");
  AVStream* st = f->streams[d->stream_];
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  if (!codec)
    return makeError("cannot play the sound of '" + path + "': no decoder for " +
                     avcodec_get_name(st->codecpar->codec_id) + " audio.");
  d->decoder_.reset(avcodec_alloc_context3(codec));
  int ret = d->decoder_ ? avcodec_parameters_to_context(d->decoder_.get(), st->codecpar)
                        : AVERROR(ENOMEM);
  if (ret >= 0)
    ret = avcodec_open2(d->decoder_.get(), codec, nullptr);
  if (ret < 0)
    return makeError("cannot play the sound of '" + path + "': " + ffmpegErrorText(ret));
  // The clock starts at the video's first frame, as the preview's frame numbers do.
  const int video = av_find_best_stream(f, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (video >= 0 && f->streams[video]->start_time != AV_NOPTS_VALUE)
    d->origin_s_ = double(f->streams[video]->start_time) * av_q2d(f->streams[video]->time_base);
  d->sample_rate_ = std::clamp(sample_rate, 8000, 192000);
  d->channels_ = std::clamp(channels, 1, 8);
  d->packet_ = makeAvPacket();
  d->frame_ = makeAvFrame();
  for (unsigned i = 0; i < f->nb_streams; ++i)
    f->streams[i]->discard = int(i) == d->stream_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  return d;
}

Status AudioDecoder::convert(const AVFrame* in) {
  AVChannelLayout in_layout{};
  if (in->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || in->ch_layout.nb_channels <= 0)
    av_channel_layout_default(&in_layout, std::max(1, in->ch_layout.nb_channels));
  else
    av_channel_layout_copy(&in_layout, &in->ch_layout);
  if (!resampler_) {
    AVChannelLayout out_layout{};
    av_channel_layout_default(&out_layout, channels_);
    SwrContext* swr = nullptr;
    int ret =
        swr_alloc_set_opts2(&swr, &out_layout, AV_SAMPLE_FMT_S16, sample_rate_, &in_layout,
                            static_cast<AVSampleFormat>(in->format), in->sample_rate, 0, nullptr);
    resampler_.reset(swr);
    if (ret >= 0)
      ret = swr_init(swr);
    av_channel_layout_uninit(&out_layout);
    if (ret < 0) {
      av_channel_layout_uninit(&in_layout);
      return makeError("cannot convert the sound for playback: " + ffmpegErrorText(ret));
    }
  }
  av_channel_layout_uninit(&in_layout);
  if (!pcm_positioned_) {
    // Where this frame's first sample sits on the output clock.
    const AVStream* st = fmt_->streams[stream_];
    const int64_t pts =
        in->best_effort_timestamp != AV_NOPTS_VALUE ? in->best_effort_timestamp : in->pts;
    const double start_s = pts != AV_NOPTS_VALUE ? double(pts) * av_q2d(st->time_base) : 0.0;
    pcm_first_frame_ = std::llround((start_s - origin_s_) * sample_rate_);
    pcm_positioned_ = true;
  }
  const int capacity = swr_get_out_samples(resampler_.get(), in->nb_samples) + 32;
  std::vector<int16_t> out(size_t(capacity) * size_t(channels_));
  uint8_t* planes[1] = {reinterpret_cast<uint8_t*>(out.data())};
  const int got = swr_convert(resampler_.get(), planes, capacity,
                              const_cast<const uint8_t**>(in->extended_data), in->nb_samples);
  if (got < 0)
    return makeError("cannot convert the sound for playback: " + ffmpegErrorText(got));
  pcm_.insert(pcm_.end(), out.begin(), out.begin() + int64_t(got) * channels_);
  return {};
}

Status AudioDecoder::fill(int64_t frames) {
  while (!eof_ && int64_t(pcm_.size()) / channels_ < frames) {
    int ret = avcodec_receive_frame(decoder_.get(), frame_.get());
    if (ret >= 0) {
      Status s = convert(frame_.get());
      av_frame_unref(frame_.get());
      if (!s)
        return s;
      continue;
    }
    if (ret == AVERROR_EOF) {
      eof_ = true;
      break;
    }
    ret = av_read_frame(fmt_.get(), packet_.get());
    if (ret < 0) {
      avcodec_send_packet(decoder_.get(), nullptr);  // drain; a damaged tail ends the sound
      continue;
    }
    if (packet_->stream_index == stream_)
      avcodec_send_packet(decoder_.get(), packet_.get());  // a damaged packet is skipped
    av_packet_unref(packet_.get());
  }
  return {};
}

Status AudioDecoder::seek(double time_s) {
  next_frame_ = std::max<int64_t>(0, std::llround(time_s * sample_rate_));
  const AVStream* st = fmt_->streams[stream_];
  // A little before, so that the decoder's first frame starts at or before the target.
  const double source_s = std::max(0.0, time_s + origin_s_ - 0.5);
  const int64_t ts = int64_t(source_s / av_q2d(st->time_base));
  const int ret = av_seek_frame(fmt_.get(), stream_, ts, AVSEEK_FLAG_BACKWARD);
  if (ret < 0 && next_frame_ > 0)
    return makeError("cannot seek in the sound: " + ffmpegErrorText(ret));
  avcodec_flush_buffers(decoder_.get());
  resampler_.reset();
  pcm_.clear();
  pcm_positioned_ = false;
  eof_ = false;
  return {};
}

Result<int64_t> AudioDecoder::read(int16_t* out, int64_t max_frames) {
  if (max_frames <= 0)
    return int64_t(0);
  // Decode up to the read position, dropping what lies before it.
  for (;;) {
    if (Status s = fill(1); !s)
      return s.error();
    if (!pcm_positioned_) {
      if (eof_)
        return int64_t(0);
      pcm_first_frame_ = next_frame_;
      pcm_positioned_ = true;
    }
    const int64_t skip =
        std::min<int64_t>(next_frame_ - pcm_first_frame_, int64_t(pcm_.size()) / channels_);
    if (skip > 0) {
      pcm_.erase(pcm_.begin(), pcm_.begin() + skip * channels_);
      pcm_first_frame_ += skip;
    }
    if (!pcm_.empty() || eof_ || pcm_first_frame_ >= next_frame_)
      break;
  }
  int64_t written = 0;
  if (pcm_first_frame_ > next_frame_) {
    const int64_t silence = std::min(max_frames, pcm_first_frame_ - next_frame_);
    std::fill(out, out + silence * channels_, int16_t(0));
    written = silence;
  }
  if (written < max_frames) {
    if (Status s = fill(max_frames - written); !s)
      return s.error();
    const int64_t n = std::min(max_frames - written, int64_t(pcm_.size()) / channels_);
    std::copy(pcm_.begin(), pcm_.begin() + n * channels_, out + written * channels_);
    pcm_.erase(pcm_.begin(), pcm_.begin() + n * channels_);
    pcm_first_frame_ += n;
    written += n;
  }
  next_frame_ += written;
  return written;
}

}  // namespace cf::media
