#pragma once
// Decodes a file's first audio stream to interleaved signed 16-bit PCM at a chosen rate and
// channel count (libswresample), for the preview's sound. Times are seconds from the video's
// first frame (the clock the preview's frame numbers run on: frame n starts at about n / fps), so
// seek(n / fps) is what goes with frame n. Not thread-safe: one owner reads it.

#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "common/Result.h"
#include "media/AvHandles.h"

namespace cf::media {

class AudioDecoder {
 public:
  /// Opens the first audio stream of `path`; an error when it has none.
  static Result<std::unique_ptr<AudioDecoder>> open(const std::string& path, int sample_rate,
                                                    int channels);
  ~AudioDecoder();
  AudioDecoder(const AudioDecoder&) = delete;
  AudioDecoder& operator=(const AudioDecoder&) = delete;

  int sampleRate() const { return sample_rate_; }
  int channels() const { return channels_; }

  /// The next read() starts at `time_s` (silence before the audio starts).
  Status seek(double time_s);
  /// Up to `max_frames` sample frames (channels() samples each) into `out`; returns how many.
  /// 0 at the end of the audio.
  Result<int64_t> read(int16_t* out, int64_t max_frames);
  /// Time of the next sample read() returns.
  double position_s() const { return double(next_frame_) / double(sample_rate_); }

 private:
  AudioDecoder() = default;
  /// Decodes packets until `pcm_` holds at least `frames` sample frames or the audio ends.
  Status fill(int64_t frames);
  Status convert(const AVFrame* frame);

  InputFormatPtr fmt_;
  CodecContextPtr decoder_;
  SwrContextPtr resampler_;
  AvPacketPtr packet_;
  AvFramePtr frame_;
  int stream_ = -1;
  int sample_rate_ = 48000;
  int channels_ = 2;
  double origin_s_ = 0.0;        ///< source time of the video's first frame
  int64_t next_frame_ = 0;       ///< output sample frame read() returns next (from the origin)
  int64_t pcm_first_frame_ = 0;  ///< output sample frame of pcm_.front()
  bool pcm_positioned_ = false;  ///< pcm_first_frame_ is known (after the first decoded frame)
  std::deque<int16_t> pcm_;
  bool eof_ = false;
};

}  // namespace cf::media
