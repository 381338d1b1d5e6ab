#pragma once
// Encodes frames to H.264 / H.265 / FFV1 / ProRes in MP4, MKV or MOV (chosen by the extension),
// keeps each frame's timestamp and duration (so VFR and the total duration survive), carries the
// audio of a source file (copied, or re-encoded with a note; all of it, or the part that goes with
// a frame range), and writes to a temporary file that becomes the output only on finish(). A full,
// read-only or failing disk gives one message naming the folder and what to do.

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/Result.h"
#include "common/Vocabulary.h"
#include "media/AudioPassthrough.h"
#include "media/AvHandles.h"
#include "media/Frame.h"
#include "media/Rational.h"
#include "media/StreamInfo.h"

namespace cf::media {

class TempOutputFile;

enum class ChromaFormat { k420, k422, k444 };

struct VideoWriterSettings {
  std::string output_path;  ///< .mp4, .mkv or .mov
  VideoCodec codec = VideoCodec::H264;
  int width_px = 0;
  int height_px = 0;
  Rational fps{25, 1};
  Rational time_base{0, 1};  ///< unit of the pts passed to write(); invalid -> 1/fps
  int crf = -1;              ///< H.264/H.265 quality (lower = better); -1 = 18 (H.264), 20 (H.265)
  std::string preset = "medium";  ///< x264/x265 speed preset
  int bit_depth = 8;              ///< 8 or 10; FFV1 also 12 or 16 (ProRes is always 10-bit)
  ChromaFormat chroma = ChromaFormat::k420;  ///< ProRes: 4:2:2 (HQ) unless 4:4:4 (4444)
  bool full_range = false;                   ///< levels of the planes given to write()
  Rational sample_aspect{1, 1};              ///< pixel aspect ratio stored in the output
  int rotation_deg = 0;           ///< clockwise display rotation stored (MP4/MOV display matrix)
  std::string audio_source_path;  ///< copy the audio streams of this file; empty = no audio
  /// Range export: keep only this part of the audio, moved to start with the video (see
  /// AudioRange; copied audio is cut at packet boundaries). Unset: all of it, unchanged.
  std::optional<AudioRange> audio_range;
  std::string source_path;  ///< the video being converted; never overwritten
  /// No B-frames (H.264/H.265): for irregular timestamps. x264/x265 derive the decode-time delay
  /// of reordering from the first frames' timestamp gaps, and an MP4/MOV edit list then hides
  /// every frame before the end of such a gap (3 frames, the third 10 h in: 1 frame played).
  bool no_reordering = false;
  /// Container tags (key, value), e.g. a shard's manifest (Matroska global tags).
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string timecode;  ///< start timecode "HH:MM:SS:FF" (MOV tmcd track, MKV tag); empty: none

  /// The geometry, rate, time base, pixel aspect, rotation and bit depth of `info`'s video, with
  /// no_reordering for a variable frame rate; the rest left at the defaults.
  static VideoWriterSettings forStream(const StreamInfo& info);
};

class VideoWriter {
 public:
  static constexpr int64_t kNoPts = std::numeric_limits<int64_t>::min();

  /// Validates the settings and paths, creates the temporary file, opens the encoder and the
  /// audio source and writes the container header.
  static Result<std::unique_ptr<VideoWriter>> create(const VideoWriterSettings& settings);
  /// Without finish(), the destructor aborts: the temporary file is removed.
  ~VideoWriter();
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  /// Planes as in Frame: y CV_8UC1/CV_16UC1 (width x height), u/v at 4:2:0, 4:2:2 or 4:4:4 size.
  /// `pts` in settings.time_base (kNoPts = previous + one frame); `duration_ts` = 0 uses the
  /// gap to the next frame (the last frame repeats the previous gap).
  Status writePlanes(const cv::Mat& y, const cv::Mat& u, const cv::Mat& v, int bit_depth,
                     int64_t pts = kNoPts, int64_t duration_ts = 0);
  /// RGB CV_8UC3 or CV_16UC3 (R, G, B order), converted with BT.709 coefficients.
  Status writeRgb(const cv::Mat& rgb, int64_t pts = kNoPts, int64_t duration_ts = 0);
  /// A decoded frame, keeping its pts and duration.
  Status write(const Frame& frame);

  /// Flushes the encoder, writes the rest of the audio and the trailer, and renames the
  /// temporary file onto the output path.
  Status finish();
  /// Stops and removes the temporary file; nothing is left at the output path.
  void abort();

  /// Lines worth telling the user (e.g. audio re-encoded because the container cannot hold it).
  const std::vector<std::string>& notes() const { return notes_; }
  int64_t framesWritten() const { return frames_written_; }

 private:
  VideoWriter();
  Status open();
  Status submit(AvFramePtr frame, int64_t pts, int64_t duration_ts);
  Status sendPending(int64_t duration_ts);
  Status drainEncoder();
  Status fail(Status status);  // aborts, then returns `status`
  // A write failure: a full, read-only or failing disk (from `errnum` or the AVIOContext's error)
  // becomes a message that says so and what to do; anything else stays `fallback`.
  Status writeError(int errnum, Status fallback);

  VideoWriterSettings settings_;
  std::unique_ptr<TempOutputFile> temp_;
  OutputFormatPtr out_;
  CodecContextPtr encoder_;
  AVStream* stream_ = nullptr;
  std::unique_ptr<AudioPassthrough> audio_;
  SwsContextPtr sws_;
  AvPacketPtr packet_;
  AvFramePtr pending_;
  int64_t pending_pts_ = kNoPts;
  int64_t pending_duration_ = 0;
  int64_t last_pts_ = kNoPts;
  int64_t last_step_ = 0;
  int64_t frame_step_ = 1;  // one frame at settings.fps, in the time base
  std::map<int64_t, int64_t> duration_by_pts_;
  std::vector<std::string> notes_;
  int64_t frames_written_ = 0;
  bool header_written_ = false;
  bool closed_ = false;
};

/// Checks, without writing anything, that `path` can take `codec` video: a known extension (.mp4,
/// .m4v, .mkv, .mov), an encoder in this FFmpeg build, a container that stores the codec, and an
/// existing folder. The same messages as VideoWriter::create gives later; for commands that must
/// refuse a bad output before any long work.
Status checkVideoTarget(const std::string& path, VideoCodec codec);

/// The writer carries video and audio only: the note that says the subtitle streams of `source`
/// were left out (call when source.subtitleStreamCount() > 0).
std::string subtitlesLeftOutNote(const StreamInfo& source);

}  // namespace cf::media
