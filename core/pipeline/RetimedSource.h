#pragma once
// A video whose timestamps jump back (files joined with `cat`, a recorder whose clock was reset)
// is refused by VideoReader. With the user's consent (the editor asks; chromaflow-cli:
// --regenerate-timestamps) it is used through a lossless copy with fresh timestamps
// (media::regenerateTimestamps), kept in the cache root so the next open reuses it. The original
// is only read.

#include <cstdint>
#include <string>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// How many times the decode timestamps of `video_path`'s video jump back: 0 for a sane file, a
/// file that cannot be opened or an image sequence.
int64_t timestampJumps(const std::string& video_path);

/// Where the copy of `video_path` with fresh timestamps lives
/// (retimedFolderFor()/NAME.retimed.mkv).
std::string retimedCopyPath(const std::string& video_path, const SessionSettings& settings);

/// The copy, made when it is missing (progress and cancel as regenerateTimestamps()), reused when
/// it exists. On an error or a cancel nothing is left of a half-made copy.
Result<std::string> makeRetimedCopy(const std::string& video_path, const SessionSettings& settings,
                                    const ProgressFn& progress = {},
                                    const CancelToken& cancel = {});

}  // namespace cf::pipeline
