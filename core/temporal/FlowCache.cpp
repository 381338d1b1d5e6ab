#include "temporal/FlowCache.h"

namespace cf::temporal {

MemoryFlowCache::MemoryFlowCache(size_t max_entries) : max_entries_(max_entries) {}

FrameLinkPtr MemoryFlowCache::find(const FramePair& pair) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = map_.find(pair);
  if (it == map_.end())
    return {};
  lru_.splice(lru_.begin(), lru_, it->second.lru_pos);
  return it->second.link;
}

Result<FrameLinkPtr> MemoryFlowCache::insert(const FramePair& pair, FrameLinkPtr link) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = map_.find(pair);
  if (it != map_.end()) {
    it->second.link = link;
    lru_.splice(lru_.begin(), lru_, it->second.lru_pos);
    return link;
  }
  lru_.push_front(pair);
  map_.emplace(pair, Entry{link, lru_.begin()});
  while (max_entries_ > 0 && map_.size() > max_entries_) {
    map_.erase(lru_.back());
    lru_.pop_back();
  }
  return link;
}

void MemoryFlowCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  map_.clear();
  lru_.clear();
}

size_t MemoryFlowCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return map_.size();
}

Result<FrameLinkPtr> FrameLinker::link(const FramePair& pair, const cv::Mat& l_prev,
                                       const cv::Mat& l_cur, cv::Size ab_size) {
  if (FrameLinkPtr cached = cache_.find(pair); cached && cached->flow_to_prev.size() == ab_size)
    return cached;
  auto computed = computeFrameLink(estimator_, l_prev, l_cur, ab_size);
  if (!computed)
    return makeError("frames " + std::to_string(pair.prev_frame) + "->" +
                     std::to_string(pair.frame) + ": " + computed.message());
  ++computed_;
  return cache_.insert(pair, computed.value());
}

}  // namespace cf::temporal
