#pragma once
// Fresh timestamps for a video whose own cannot be trusted: files joined with `cat`, or a
// recorder whose clock was reset, where the decode timestamps jump back and the order of the
// frames cannot be told from them (VideoReader refuses such a file).
//
// The frames are decoded in the order they are stored, which is the order they were recorded in,
// and written as lossless FFV1 in Matroska at a constant rate: frame n at n / fps. This is what
// `ffmpeg -i IN -vf setpts=N/FRAME_RATE/TB -an -c:v ffv1 OUT.mkv` does, run in-app with progress
// and cancellation. The sound is not kept: its timestamps jump back too.

#include <cstdint>
#include <string>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "media/Rational.h"

namespace cf::media {

struct RetimedVideo {
  int64_t frames = 0;  ///< frames written
  Rational fps;        ///< the constant rate they were given
};

/// Writes `input_path`'s video with fresh timestamps to `output_path` (.mkv). Through a temporary
/// file: on an error or a cancel nothing is left at `output_path`, and the input is only read.
/// Progress counts KiB of the file read.
Result<RetimedVideo> regenerateTimestamps(const std::string& input_path,
                                          const std::string& output_path,
                                          const ProgressFn& progress = {},
                                          const CancelToken& cancel = {});

}  // namespace cf::media
