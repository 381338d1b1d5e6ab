#include "pipeline/ShotLuma.h"

#include <algorithm>

#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/FrameConversions.h"

namespace cf::pipeline {

ShotLuma::ShotLuma(media::VideoReader& reader, const model::Colorizer& colorizer, int64_t first,
                   int64_t count, int block, int max_blocks)
    : reader_(reader),
      colorizer_(colorizer),
      first_(first),
      count_(count),
      block_(std::max(1, block)),
      max_blocks_(std::max(2, max_blocks)) {}

ShotLuma::ShotLuma(std::unique_ptr<media::VideoReader> reader, const model::Colorizer& colorizer,
                   int64_t first, int64_t count, int block, int max_blocks)
    : ShotLuma(*reader, colorizer, first, count, block, max_blocks) {
  own_reader_ = std::move(reader);
}

ShotLuma::~ShotLuma() = default;

Result<ShotLuma::Block> ShotLuma::decode(int64_t block_first) {
  Block b;
  b.first = block_first;
  const int64_t end = std::min(count_, block_first + block_);
  for (int64_t i = block_first; i < end; ++i) {
    const int64_t f = first_ + i;
    auto decoded = i == block_first ? reader_.requireFrameAt(f) : reader_.requireNext();
    if (!decoded)
      return decoded.error();
    b.l.push_back(colorizer_.toWorkingResolution(lumaL(**decoded)));
    ++decoded_;
  }
  return b;
}

Result<cv::Mat> ShotLuma::at(int64_t index) {
  if (index < 0 || index >= count_)
    return makeError("frame " + std::to_string(first_ + index) + " is outside the shot " +
                     std::to_string(first_) + ".." + std::to_string(first_ + count_ - 1));
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t block_first = index / block_ * block_;
  auto it = std::find_if(blocks_.begin(), blocks_.end(),
                         [&](const Block& b) { return b.first == block_first; });
  if (it == blocks_.end()) {
    auto b = decode(block_first);
    if (!b)
      return b.error();
    blocks_.push_front(std::move(*b));
    while (static_cast<int>(blocks_.size()) > max_blocks_)
      blocks_.pop_back();
    peak_ = std::max(peak_, static_cast<int>(blocks_.size()));
  } else if (it != blocks_.begin()) {
    blocks_.splice(blocks_.begin(), blocks_, it);
  }
  return blocks_.front().l[static_cast<size_t>(index - block_first)];
}

Result<guide::ShotFrames> ShotLuma::frames() {
  auto l0 = at(0);
  if (!l0)
    return l0.error();
  guide::ShotFrames f;
  f.count = count_;
  f.size = l0->size();
  f.at = [this](int64_t i) { return at(i); };
  return f;
}

int64_t ShotLuma::framesDecoded() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return decoded_;
}

int ShotLuma::peakBlocks() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_;
}

}  // namespace cf::pipeline
