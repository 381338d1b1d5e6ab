// libFuzzer target: the disk cache entry formats (AbCache and DiskFlowCache, version 3 with a
// CRC-32; seeds from make_cache_seeds.py) on arbitrary bytes. The first 8 bytes of an input choose
// the frame (and frame pair) it is decoded for; the rest is the entry file. Besides ASan/UBSan
// findings, the target traps when a contract breaks:
// - a rejected entry gives a one-line reason;
// - an accepted ab entry has the header's size, only finite values within +-1000, and encodes back
//   to exactly the input bytes (the format has one spelling per entry);
// - an accepted flow entry decodes again identically after re-encoding.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "FuzzContract.h"
#include "pipeline/AbCache.h"
#include "temporal/DiskFlowCache.h"

namespace {

using cf::fuzz::check;
using cf::fuzz::checkMessage;

void checkReason(const std::string& problem) {
  check(!problem.empty(), "rejected without a reason", "");
  check(problem.find('\n') == std::string::npos, "multi-line reason", problem);
}

bool sameMat(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() &&
         (a.empty() || cv::norm(a, b, cv::NORM_INF) == 0.0);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("QT_LOGGING_RULES", "chromaflow.*=false", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int64_t frame = 0;
  if (size >= sizeof frame) {
    std::memcpy(&frame, data, sizeof frame);
    data += sizeof frame;
    size -= sizeof frame;
  }
  const char* bytes = reinterpret_cast<const char*>(data);

  std::string problem;
  const cf::pipeline::CachedAbPtr ab =
      cf::pipeline::AbCache::decodeEntry(bytes, size, frame, &problem);
  if (!ab) {
    checkReason(problem);
  } else {
    check(ab->ab.type() == CV_32FC2 && !ab->ab.empty(), "ab plane", "");
    check(ab->confidence.empty() || ab->confidence.size() == ab->ab.size(), "confidence size", "");
    check(cv::checkRange(ab->ab, true, nullptr, -1000.0, 1000.0), "ab values", "");
    const std::string again = cf::pipeline::AbCache::encodeEntry(frame, *ab);
    check(again.size() == size && std::memcmp(again.data(), bytes, size) == 0,
          "ab entry does not encode back to its bytes", std::to_string(size));
  }

  problem.clear();
  // The pair (frame - 1, frame), wrapping at INT64_MIN like the bytes do.
  const cf::temporal::FramePair pair{static_cast<int64_t>(static_cast<uint64_t>(frame) - 1), frame};
  const cf::temporal::FrameLinkPtr link =
      cf::temporal::DiskFlowCache::decodeLink(bytes, size, pair, &problem);
  if (!link) {
    checkReason(problem);
  } else {
    check(link->flow_to_prev.type() == CV_32FC2 && link->mask.type() == CV_8UC1 &&
              link->flow_to_prev.size() == link->mask.size(),
          "flow link planes", "");
    const std::string again = cf::temporal::DiskFlowCache::encodeLink(pair, *link);
    const cf::temporal::FrameLinkPtr back =
        cf::temporal::DiskFlowCache::decodeLink(again.data(), again.size(), pair, &problem);
    check(
        back && sameMat(back->flow_to_prev, link->flow_to_prev) && sameMat(back->mask, link->mask),
        "flow link does not survive a re-encode", problem);
  }
  return 0;
}
