// fuzz_cache_entry links MemoryFlowCache (FlowCache.cpp), whose FrameLinker calls
// computeFrameLink(); the target never computes a flow. This stand-in keeps OpenCV's flow code
// and LibTorch (ErrorBoundary) out of the fuzz build. Fuzz build only.

#include <cstdlib>

#include "temporal/FrameLink.h"

namespace cf::temporal {

Result<FrameLinkPtr> computeFrameLink(FlowEstimator&, const cv::Mat&, const cv::Mat&, cv::Size) {
  std::abort();  // never reached from the cache entry parsers
}

}  // namespace cf::temporal
