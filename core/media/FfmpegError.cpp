#include "media/FfmpegError.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>

extern "C" {
#include <libavutil/error.h>
}

namespace cf::media {

std::string ffmpegErrorText(int errnum) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {0};
  if (av_strerror(errnum, text, sizeof text) < 0)
    return "FFmpeg error " + std::to_string(errnum);
  return text;
}

std::string ffmpegFailure(const std::string& what, int errnum) {
  return what + ": " + ffmpegErrorText(errnum);
}

bool isDiskFull(int errnum) {
  return errnum == AVERROR(ENOSPC) || errnum == AVERROR(EDQUOT) || errnum == AVERROR(EFBIG);
}

std::string writeFailure(const std::string& target, int errnum, int64_t bytes_written) {
  std::string folder = std::filesystem::path(target).parent_path().string();
  if (folder.empty())
    folder = ".";
  char written[64] = {};
  if (bytes_written < 1000000)
    std::snprintf(written, sizeof written, "%lld kB", static_cast<long long>(bytes_written / 1000));
  else
    std::snprintf(written, sizeof written, "%.1f MB", static_cast<double>(bytes_written) / 1e6);
  const std::string head = "cannot write '" + target + "': ";
  const std::string tail = " after " + std::string(written) + " were written (" +
                           ffmpegErrorText(errnum) + "); nothing was left at '" + target + "'. ";
  if (errnum == AVERROR(ENOSPC))
    return head + "the disk holding '" + folder + "' is full" + tail +
           "Free some space there or choose another output folder.";
  if (errnum == AVERROR(EDQUOT))
    return head + "your disk quota on '" + folder + "' is used up" + tail +
           "Free some space there or choose another output folder.";
  if (errnum == AVERROR(EFBIG))
    return head + "the file system holding '" + folder + "' cannot hold a file this large" + tail +
           "Choose an output folder on another file system.";
  if (errnum == AVERROR(EROFS))
    return head + "the disk holding '" + folder + "' is read-only" + tail +
           "Choose a folder you can write to.";
  if (errnum == AVERROR(EIO))
    return head + "the disk holding '" + folder + "' reported a read/write error" + tail +
           "Check the disk (or its connection) or choose another output folder.";
  return ffmpegFailure(head + "writing failed after " + written, errnum);
}

}  // namespace cf::media
