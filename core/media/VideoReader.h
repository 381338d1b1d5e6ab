#pragma once
// Decodes the main video stream of a file into planar Y/U/V frames, in order (next()) or at any
// frame index (frameAt(), frame-accurate: the same pixels as a decode from the start).
// Damaged video data does not stop decoding: frames the decoder reports as damaged are returned as
// it concealed them, frames it drops are replaced by the previous frame (so the frame count and the
// indices stay exact), and both are listed in damagedFrames() and logged (chromaflow.media).

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/Result.h"
#include "media/AvHandles.h"
#include "media/Deinterlacer.h"
#include "media/Demuxer.h"
#include "media/Frame.h"
#include "media/FrameConverter.h"
#include "media/ImageSequence.h"
#include "media/InputOptions.h"
#include "media/StreamInfo.h"

namespace cf::media {

/// What can be read of a truncated file.
struct Truncation {
  int64_t readable_frames = 0;
  int64_t listed_frames = -1;  ///< frames its index lists; -1 when it has none (reading stopped)
};

class VideoReader {
 public:
  /// Opens `path`, counts its frames exactly (a demux-only pass over the video packets) and
  /// decodes the first frame, so a reader that opens is known to decode. Errors name the file
  /// and the problem: missing, empty, not a video, truncated, audio only, 0 frames. A truncated
  /// file is refused unless `options.readable_part`.
  /// `path` may also name an image sequence or a photo (ImageSequence.h: a pattern, a folder or
  /// an image file), read as `options` say (rate, one photo or its numbered siblings).
  static Result<std::unique_ptr<VideoReader>> open(const std::string& path,
                                                   const InputOptions& options = {});
  /// When `path` is a truncated video whose first frames can be read (what open() refuses without
  /// readable_part): how many. Nullopt for a complete file or one that cannot be read at all.
  static std::optional<Truncation> truncation(const std::string& path);

  ~VideoReader();
  VideoReader(const VideoReader&) = delete;
  VideoReader& operator=(const VideoReader&) = delete;

  const StreamInfo& info() const { return info_; }

  /// The next frame in presentation order; a null FramePtr at the end of the stream.
  Result<FramePtr> next();

  /// Frame `index` (0-based, presentation order). Seeks to the keyframe before it and decodes
  /// forward, matching by pts; decodes forward without seeking when that is shorter. next()
  /// continues after it.
  Result<FramePtr> frameAt(int64_t index);

  /// next() and frameAt() for callers that know the frame exists (it was counted or scanned):
  /// the end of the stream is an error naming the frame and the file ("the file ends early"),
  /// so the result is never null.
  Result<FramePtr> requireNext();
  Result<FramePtr> requireFrameAt(int64_t index);

  /// Indices (ascending) of the frames decoded so far that were damaged: reported as damaged by the
  /// decoder or dropped by it and replaced by the previous frame.
  std::vector<int64_t> damagedFrames() const;
  /// Frames decoded so far that had another size than the stream and were scaled to it.
  int64_t resizedFrameCount() const { return resized_frames_; }
  /// One line for the user about damagedFrames(); empty when there are none.
  std::string damageSummary() const;
  /// One line for the user about resizedFrameCount() (a resolution change is not damage); empty
  /// when it is 0.
  std::string resizeSummary() const;
  /// Source times (seconds, pts x time_base) where frame `first` starts and frame `last` ends
  /// (inclusive): from the packet table, so exact for VFR; from the nominal rate when the file's
  /// timestamps are unusable. For a range export's audio (VideoWriterSettings::audio_range).
  std::pair<double, double> frameSpanS(int64_t first, int64_t last) const;

 private:
  VideoReader() = default;
  Status openDecoder();                       // (re)opens the demuxer and decoder at the start
  Result<InputFormatPtr> openSource() const;  // the file, or the image input
  Result<bool> decodeOne();                   // fills av_frame_; false at end of stream
  Result<bool> nextDecoded();                 // decodeOne(), through the deinterlacer if any
  Result<FramePtr> decodeFrame();             // next decoded frame as a Frame; null at end
  Result<FramePtr> decodeForwardTo(int64_t index);
  Result<FramePtr> seekAndDecode(int64_t index);
  /// Frame `index` as a copy of `like` (sharing its pixels), noted as damaged; next() goes on
  /// after.
  FramePtr conceal(int64_t index, const FramePtr& like);
  void stamp(Frame& frame, int64_t index, int64_t pts, int64_t packet_duration) const;
  void noteDamage(int64_t index, const std::string& what);
  int64_t indexOfPts(int64_t pts) const;   // -1 when pts is not a frame of the table
  std::string where(int64_t index) const;  // "'path' frame N"

  std::string path_;
  std::optional<ImageSequence> images_;  // set for image sequences and photos
  InputOptions options_;
  std::unique_ptr<Deinterlacer> deinterlacer_;  // set when the input is deinterlaced
  bool deinterlacer_flushed_ = false;
  int orientation_ = 1;     // EXIF orientation of a photo, applied to each decoded frame
  int coded_width_px_ = 0;  // the decoded size (info_ has the upright one)
  int coded_height_px_ = 0;
  StreamInfo info_;
  PacketScan scan_;
  int stream_index_ = -1;
  InputFormatPtr fmt_;
  CodecContextPtr decoder_;
  AvPacketPtr packet_;
  AvFramePtr av_frame_;
  FrameConverter converter_;
  FramePtr peeked_;         // frame `position_`, already decoded (by open())
  int64_t position_ = 0;    // index of the frame next() returns
  bool draining_ = false;   // the end of the file was reached and the decoder is being drained
  FramePtr last_returned_;  // the frame next() returned last: repeated in place of dropped ones
  std::set<int64_t> damaged_;
  int64_t resized_frames_ = 0;
};

}  // namespace cf::media
