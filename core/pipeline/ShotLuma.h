#pragma once
// A guided shot's L frames at working resolution, decoded on demand in blocks of consecutive
// frames with only a few blocks kept, for the export's propagation (guide::ShotFrames): a long take
// (the bottle-detection clip is one shot of 1,189 frames; an archive reel may hold a single take of
// ten thousand) no longer holds its whole L in memory (~0.5 MB a frame at 256 px). A sweep reads
// its frames one after the other, forward or backward, so a block is decoded once per sweep that
// crosses it; a backward sweep decodes each block forward from its first frame (frameAt(), which
// decodes on without seeking when that is shorter). Thread-safe: the sweep's helper thread and the
// sweep's own thread may ask at once.

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <opencv2/core.hpp>
#include <vector>

#include "common/Result.h"
#include "guide/Propagation.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

class ShotLuma {
 public:
  /// Frames first..first + count - 1 of `reader` (used by this object alone from now on), L at
  /// `colorizer`'s working resolution; `block` frames per block, at most `max_blocks` kept.
  ShotLuma(media::VideoReader& reader, const model::Colorizer& colorizer, int64_t first,
           int64_t count, int block = 32, int max_blocks = 4);
  /// The same with a reader of its own.
  ShotLuma(std::unique_ptr<media::VideoReader> reader, const model::Colorizer& colorizer,
           int64_t first, int64_t count, int block = 32, int max_blocks = 4);
  ~ShotLuma();

  /// Frame `index` of the shot (0-based in the shot).
  Result<cv::Mat> at(int64_t index);
  /// The frames as guide::propagateShot() reads them (this object must outlive the result).
  /// Decodes the first frame to learn the working size.
  Result<guide::ShotFrames> frames();

  int64_t framesDecoded() const;
  /// The most blocks held at once so far.
  int peakBlocks() const;

 private:
  struct Block {
    int64_t first = 0;  // index in the shot of its first frame
    std::vector<cv::Mat> l;
  };
  Result<Block> decode(int64_t block_first);

  std::unique_ptr<media::VideoReader> own_reader_;
  media::VideoReader& reader_;
  const model::Colorizer& colorizer_;
  int64_t first_;
  int64_t count_;
  int block_;
  int max_blocks_;
  mutable std::mutex mutex_;
  std::list<Block> blocks_;  // most recently used first
  int64_t decoded_ = 0;
  int peak_ = 0;
};

}  // namespace cf::pipeline
