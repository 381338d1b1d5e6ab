#pragma once
// FFmpeg reports failures as negative AVERROR codes; these helpers turn them into readable text.

#include <string>

namespace cf::media {

/// The text of an AVERROR code, e.g. "Invalid data found when processing input".
std::string ffmpegErrorText(int errnum);

/// "<what>: <ffmpeg text>" -- the usual way a libav* failure becomes part of a cf::Error message.
std::string ffmpegFailure(const std::string& what, int errnum);

}  // namespace cf::media
