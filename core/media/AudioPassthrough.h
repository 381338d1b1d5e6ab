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

/// The part of a source's audio that goes with a range export, in seconds on the source's clock
/// (pts x time_base, as Frame::pts and StreamInfo::start_pts): the audio of [start_s, end_s) is
/// kept and moved so that source time start_s plays at output time output_start_s (where the
/// range's first video frame is written). Copied audio is cut at packet boundaries: it starts
/// with the first packet that starts at or after start_s (so up to one packet, ~20 ms, of
/// silence at the start) and ends with the last packet that starts before end_s. Re-encoded audio
/// is trimmed to the sample.
struct AudioRange {
  double start_s = 0.0;
  double end_s = 0.0;  ///< <= start_s: to the end of the audio
  double output_start_s = 0.0;
};

class AudioPassthrough {
 public:
  /// Opens `source_path` and adds one output stream per audio stream to `out`; call before
  /// avformat_write_header(). Appends a line to `notes` for every stream that is re-encoded.
  /// `range`: keep only that part of the audio (see AudioRange); null = all of it, unchanged.
  static Result<std::unique_ptr<AudioPassthrough>> open(const std::string& source_path,
                                                        AVFormatContext* out,
                                                        std::vector<std::string>& notes,
                                                        const AudioRange* range = nullptr);
  ~AudioPassthrough();
  AudioPassthrough(const AudioPassthrough&) = delete;
  AudioPassthrough& operator=(const AudioPassthrough&) = delete;

  int streamCount() const { return static_cast<int>(tracks_.size()); }

  /// Writes the audio packets that start before `time_s` (seconds on the output clock, which is
  /// the source clock unless a range moves it).
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
  Status keepSamples(Track& track, const AVFrame& converted);

  std::string path_;
  InputFormatPtr in_;
  AVFormatContext* out_ = nullptr;
  std::vector<std::unique_ptr<Track>> tracks_;
  std::map<int, Track*> by_input_;
  AvPacketPtr pending_;
  bool have_pending_ = false;
  bool eof_ = false;
  bool ranged_ = false;
  AudioRange range_;
  double shift_s_ = 0.0;  // source time - output time
};

}  // namespace cf::media
