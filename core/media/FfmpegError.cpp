#include "media/FfmpegError.h"

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

}  // namespace cf::media
