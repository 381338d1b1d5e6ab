#pragma once
// Where an export writes its frames: a video file (VideoWriter: .mp4/.mkv/.mov), an image
// sequence ("out_%06d.dpx"/.tif/.png, numbered like the source unless a start number is given,
// with the audio of a video source in a sidecar WAV) or a single image (a still photo's output).
// Also decides the precision: 16-bit RGB reaches the writer when the output keeps more than 8 bits
// (ProRes, FFV1, 10..16-bit DPX/TIFF/PNG from a deeper source), else 8-bit RGB.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "common/Result.h"
#include "media/StreamInfo.h"
#include "media/VideoWriter.h"

namespace cf::media {
class ImageSequenceWriter;
class VideoReader;
}  // namespace cf::media

namespace cf::pipeline {

struct RenderRequest;

/// True when `path` names image output (a pattern or a file with an image extension).
bool isImageOutputPath(const std::string& path);

class ExportOutput {
 public:
  /// Opens the writer for frames first..last (inclusive) of `reader`'s source.
  static Result<std::unique_ptr<ExportOutput>> create(const RenderRequest& request,
                                                      media::VideoReader& reader, int64_t first,
                                                      int64_t last);
  ~ExportOutput();
  ExportOutput(const ExportOutput&) = delete;
  ExportOutput& operator=(const ExportOutput&) = delete;

  /// 16 when the frames should be recombined as CV_16UC3, else 8.
  int rgbDepth() const { return rgb_depth_; }
  /// The bit depth written (e.g. 10 for ProRes, 16 for a 16-bit TIFF sequence).
  int outputDepth() const { return output_depth_; }
  /// Frame `index` (0-based in the output) is already written by an earlier run and checked: the
  /// caller skips write() for it. Always false for video.
  bool alreadyWritten(int64_t index);
  /// What to subtract from the source pts of every frame, given the first written frame's pts:
  /// a range (or a film with negative timestamps) is moved to start at the source's start, or 0.
  int64_t ptsOffset(int64_t first_pts) const;
  /// Writes frame `index` of the output; pts/duration in the source's time base.
  Status write(const cv::Mat& rgb, int64_t index, int64_t pts, int64_t duration);
  /// Completes the output (video trailer and rename; the sidecar audio).
  Status finish();
  /// Lines for the user (audio re-encoded, frames skipped on resume, ...).
  std::vector<std::string> notes() const;

 private:
  ExportOutput() = default;
  Status writeSidecarAudio();

  std::unique_ptr<media::VideoWriter> video_;
  std::unique_ptr<media::ImageSequenceWriter> images_;
  media::StreamInfo info_;
  std::string input_path_;
  std::string sidecar_path_;  // WAV next to a sequence; empty when none
  media::AudioRange audio_range_;
  bool ranged_audio_ = false;
  int64_t out_start_pts_ = 0;
  bool moved_ = false;
  int rgb_depth_ = 8;
  int output_depth_ = 8;
  std::vector<std::string> notes_;
};

}  // namespace cf::pipeline
