// libFuzzer target: VideoReader's open-and-decode path on arbitrary bytes. Each input is written to
// a file in /dev/shm (VideoReader opens paths; an in-memory AVIOContext would need a second open
// path in the reader that production code never uses), then opened, its info read, up to
// kMaxFrames decoded in order and a few frames fetched with frameAt(). Besides ASan/UBSan findings,
// the target traps when our own contracts break: an error message must be one line naming the
// file, and every frame must have the stream's size, a valid index and three planes.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
#include <libavutil/log.h>
}

#include "FuzzContract.h"
#include "media/VideoReader.h"

namespace {

using cf::fuzz::check;
using cf::fuzz::checkMessage;

constexpr int kMaxFrames = 48;

void checkFrame(const cf::media::Frame& frame, const cf::media::StreamInfo& info) {
  check(frame.index >= 0 && frame.index < info.frame_count, "frame index out of range",
        std::to_string(frame.index) + " of " + std::to_string(info.frame_count));
  check(frame.y.cols == info.width_px && frame.y.rows == info.height_px, "frame size",
        std::to_string(frame.y.cols) + "x" + std::to_string(frame.y.rows) + " in a " +
            std::to_string(info.width_px) + "x" + std::to_string(info.height_px) + " stream");
  check(!frame.u.empty() && !frame.v.empty() && frame.u.size == frame.v.size, "chroma planes",
        std::to_string(frame.index));
}

const std::string& scratchPath() {
  static const std::string path = "/dev/shm/cf-fuzz-videoreader-" + std::to_string(getpid());
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  av_log_set_level(AV_LOG_QUIET);
  setenv("QT_LOGGING_RULES", "chromaflow.*=false", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = scratchPath();
  {
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
      std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
      std::abort();
    std::fclose(file);
  }
  auto opened = cf::media::VideoReader::open(path);
  if (!opened) {
    checkMessage(opened.message(), path);
    return 0;
  }
  cf::media::VideoReader& reader = *opened.value();
  const cf::media::StreamInfo info = reader.info();
  check(info.frame_count > 0 && info.width_px > 0 && info.height_px > 0, "opened stream facts",
        std::to_string(info.width_px) + "x" + std::to_string(info.height_px));
  for (int i = 0; i < kMaxFrames; ++i) {
    auto frame = reader.next();
    if (!frame) {
      checkMessage(frame.message(), path);
      break;
    }
    if (!frame.value())
      break;
    checkFrame(*frame.value(), info);
  }
  const int64_t picks[] = {info.frame_count - 1, info.frame_count / 2, 0};
  for (const int64_t index : picks) {
    auto frame = reader.frameAt(index);
    if (!frame) {
      checkMessage(frame.message(), path);
      continue;
    }
    check(frame.value() != nullptr, "frameAt returned no frame", std::to_string(index));
    checkFrame(*frame.value(), info);
    check(frame.value()->index == index, "frameAt returned another frame", std::to_string(index));
  }
  for (const int64_t index : reader.damagedFrames())
    check(index >= 0 && index < info.frame_count, "damaged frame index out of range",
          std::to_string(index));
  const std::string summary = reader.damageSummary();
  check(summary.find('\n') == std::string::npos, "multi-line damage summary", summary);
  const std::string resized = reader.resizeSummary();
  check(resized.find('\n') == std::string::npos, "multi-line resize summary", resized);
  return 0;
}
