#pragma once
// Carries the audio streams of a source file into a muxer: packets are copied unchanged when the
// output container accepts the codec, otherwise decoded and re-encoded (AAC for MP4/MOV, FLAC for
// Matroska) with a note saying so. Packets are fed interleaved with the video (writeUntil).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"
#include "media/AvHandles.h"

namespace cf::media {

class AudioPassthrough {
 public:
  /// Opens `source_path` and adds one output stream per audio stream to `out`; call before
  /// avformat_write_header(). Appends a line to `notes` for every stream that is re-encoded.
  static Result<std::unique_ptr<AudioPassthrough>> open(const std::string& source_path,
                                                        AVFormatContext* out,
                                                        std::vector<std::string>& notes);
  ~AudioPassthrough();
  AudioPassthrough(const AudioPassthrough&) = delete;
  AudioPassthrough& operator=(const AudioPassthrough&) = delete;

  int streamCount() const { return static_cast<int>(tracks_.size()); }

  /// Writes the audio packets that start before `time_s` (seconds on the source clock).
  Status writeUntil(double time_s);
  /// Writes the remaining packets and flushes the encoders.
  Status finish();

 private:
  struct Track;
  AudioPassthrough() = default;
  Status addTrack(int in_index, std::vector<std::string>& notes);
  Status process(Track& track, AVPacket* packet);
  Status encodeFifo(Track& track, bool final);
  Status writeEncoded(Track& track);
  Status decodeAvailable(Track& track);

  std::string path_;
  InputFormatPtr in_;
  AVFormatContext* out_ = nullptr;
  std::vector<std::unique_ptr<Track>> tracks_;
  std::map<int, Track*> by_input_;
  AvPacketPtr pending_;
  bool have_pending_ = false;
  bool eof_ = false;
};

}  // namespace cf::media
