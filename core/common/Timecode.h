#pragma once
// SMPTE timecode (HH:MM:SS:FF) of a frame number, and back, with drop-frame counting for the NTSC
// rates 29.97 and 59.94 (HH:MM:SS;FF). Frame 0 is 00:00:00:00. What every time shown in the
// editor uses (ruler, preview overlay, failures list, status bar) and what "Go to timecode"
// reads. Hand-written: libavutil's av_timecode_* compute the same numbers (the tests check them
// against it) but log a warning on each use with the non-standard rates of film scans (12, 16,
// 18 fps), and the editor formats thousands of labels.

#include <cstdint>
#include <optional>
#include <string>

namespace cf {

/// Frames per second as counted by the timecode (30 for 29.97, 25 for 25, 12 for 12.0, ...).
int timecodeFrameBase(double fps);

/// True for the rates that count in drop-frame by convention: 29.97 and 59.94 (30000/1001 and
/// 60000/1001).
bool isDropFrameRate(double fps);

/// "HH:MM:SS:FF" of 0-based frame `frame` at `fps` ("HH:MM:SS;FF" for drop-frame rates). Hours go
/// past 23 (a timecode of the position, not a time of day). A negative frame counts as 0.
std::string formatTimecode(int64_t frame, double fps);

/// The frame a timecode names ("HH:MM:SS:FF", "HH:MM:SS;FF", "MM:SS:FF" or "SS:FF"; ':' ';' '.'
/// or ',' as separators), or a plain frame number ("1234"). Empty when the text is neither, or
/// names a timecode that does not exist at this rate (FF past the frame base; in drop-frame, the
/// skipped frames 00 and 01 of minutes not divisible by ten).
std::optional<int64_t> parseTimecodeOrFrame(const std::string& text, double fps);

/// The timecode `frames` after `start` (a source's start timecode), at the rate fps_num/fps_den:
/// for the first frame of a range export, or each file of a DPX sequence. Unlike
/// formatTimecode(), it keeps the source's own convention (drop-frame only when `start` says so
/// with ';'), as written into the output; computed by libavutil. Empty when `start` does not parse.
std::string timecodeAfter(const std::string& start, int64_t frames, int fps_num, int fps_den);

/// The timecode the editor shows for a source: frame 0 is the source's own start timecode (a MOV
/// tmcd track, a timecode tag or a DPX header), so times match the scanner's log, the edit list
/// and the exported file; 00:00:00:00 when the source has none. Keeps the source's convention:
/// drop-frame only at 29.97/59.94 and only when the start timecode says so with ';' (as
/// timecodeAfter()). Cheap to copy; computed without libavutil, for thousands of labels.
class TimecodeClock {
 public:
  TimecodeClock() = default;
  /// `start` empty or unparseable at this rate: counts from 00:00:00:00 in the rate's own
  /// convention (formatTimecode()).
  TimecodeClock(double fps, const std::string& start);

  double fps() const { return fps_; }
  /// True when frame 0 is a start timecode taken from the source.
  bool hasSourceStart() const { return from_source_; }
  /// "HH:MM:SS:FF" (or ';' before FF in drop-frame) of 0-based frame `frame`.
  std::string format(int64_t frame) const;
  /// The 0-based frame a timecode names on this clock, or a plain frame number ("1234"). A short
  /// form ("SS:FF", "MM:SS:FF") takes the fields it leaves out from the start timecode. Empty
  /// when the text is neither, or names a time before the source's start timecode.
  std::optional<int64_t> parse(const std::string& text) const;

  bool operator==(const TimecodeClock& o) const {
    return fps_ == o.fps_ && offset_ == o.offset_ && drop_ == o.drop_ &&
           from_source_ == o.from_source_;
  }
  bool operator!=(const TimecodeClock& o) const { return !(*this == o); }

 private:
  double fps_ = 25.0;
  int64_t offset_ = 0;  ///< the start timecode as a frame count
  bool drop_ = false;
  bool from_source_ = false;
};

}  // namespace cf
