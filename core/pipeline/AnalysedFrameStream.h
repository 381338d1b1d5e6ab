#pragma once
// Decodes a frame range in order and attaches the network's ab to each frame: from the cache when
// present, otherwise by running the colouriser on batches of upcoming frames (and caching them).

#include <cstdint>
#include <deque>
#include <memory>
#include <opencv2/core.hpp>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "media/Frame.h"
#include "pipeline/AbCache.h"
#include "pipeline/NetworkOutputCheck.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

struct AnalysedFrame {
  int64_t index = 0;
  media::FramePtr frame;  ///< the decoded source frame
  cv::Mat l_full;         ///< CV_32FC1 L at the source resolution
  cv::Mat l_work;         ///< CV_32FC1 L at the working resolution
  CachedAbPtr ab;         ///< network ab (+ confidence) at the working resolution
};
using AnalysedFramePtr = std::shared_ptr<const AnalysedFrame>;

struct StreamTimings {
  double decode_s = 0.0;     ///< decoding and luma -> L
  double inference_s = 0.0;  ///< the network
  int64_t cache_hits = 0;
  int64_t inferred = 0;
  MaskedOutput masked;  ///< invalid network output masked (NetworkOutputCheck.h)
};

class AnalysedFrameStream {
 public:
  /// Frames first_frame..last_frame (inclusive) of `reader`, which must outlive the stream.
  AnalysedFrameStream(media::VideoReader& reader, model::Colorizer& colorizer, AbCache& cache,
                      int64_t first_frame, int64_t last_frame);

  /// The next frame in order; null after last_frame.
  Result<AnalysedFramePtr> next(const CancelToken& cancel);

  const StreamTimings& timings() const { return timings_; }

 private:
  Status fillBatch(const CancelToken& cancel);

  media::VideoReader& reader_;
  model::Colorizer& colorizer_;
  AbCache& cache_;
  int64_t next_decode_ = 0;
  int64_t last_frame_ = 0;
  bool positioned_ = false;
  std::deque<std::shared_ptr<AnalysedFrame>> ready_;
  StreamTimings timings_;
};

}  // namespace cf::pipeline
