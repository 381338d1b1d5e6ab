#pragma once
// FFmpeg reports failures as negative AVERROR codes; these helpers turn them into readable text.

#include <cstdint>
#include <string>

namespace cf::media {

/// The text of an AVERROR code, e.g. "Invalid data found when processing input".
std::string ffmpegErrorText(int errnum);

/// "<what>: <ffmpeg text>" -- the usual way a libav* failure becomes part of a cf::Error message.
std::string ffmpegFailure(const std::string& what, int errnum);

/// A failed write of the file that becomes `target`, `bytes_written` bytes in. A full disk, a
/// used-up quota, a too-large file, a read-only or failing disk get a sentence that names the
/// folder and says what to do; other codes read as ffmpegFailure("cannot write 'target'", ...).
std::string writeFailure(const std::string& target, int errnum, int64_t bytes_written);

/// True for the AVERROR codes of a disk that cannot take more data (ENOSPC, EDQUOT, EFBIG).
bool isDiskFull(int errnum);

}  // namespace cf::media
