#include "temporal/FlowCache.h"

#include <algorithm>
#include <cmath>

namespace cf::temporal {

FrameLinkPtr quantizeLink(const FrameLink& link) {
  CV_Assert(link.flow_to_prev.type() == CV_32FC2);
  auto out = std::make_shared<FrameLink>();
  const cv::Mat& flow = link.flow_to_prev;
  out->flow_to_prev.create(flow.size(), CV_32FC2);
  const float scale = 1.0f / kFlowStepPx;
  for (int r = 0; r < flow.rows; ++r) {
    const float* src = flow.ptr<float>(r);
    float* dst = out->flow_to_prev.ptr<float>(r);
    for (int c = 0; c < flow.cols * 2; ++c)
      dst[c] = static_cast<float>(std::clamp(std::lround(src[c] * scale), -32768L, 32767L)) *
               kFlowStepPx;
  }
  out->mask = link.mask;
  return out;
}

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
  return cache_.insert(pair, quantizeLink(*computed.value()));
}

Result<FrameLinkPtr> FrameLinker::link(const FramePair& pair, const cv::Mat& l_prev,
                                       const cv::Mat& l_cur, cv::Size size, FlowCache& also,
                                       cv::Size also_size, bool reverse) {
  if (FrameLinkPtr cached = cache_.find(pair); cached && cached->flow_to_prev.size() == size)
    return cached;
  std::vector<FrameLinkPtr> reversed;
  auto computed = computeFrameLinks(estimator_, l_prev, l_cur, {size, also_size},
                                    reverse ? &reversed : nullptr);
  if (!computed)
    return makeError("frames " + std::to_string(pair.prev_frame) + "->" +
                     std::to_string(pair.frame) + ": " + computed.message());
  ++computed_;
  if (FrameLinkPtr other = also.find(pair); !other || other->flow_to_prev.size() != also_size)
    if (auto stored = also.insert(pair, quantizeLink(*(*computed)[1])); !stored)
      return stored.error();
  const FramePair reversed_pair{pair.frame, pair.prev_frame};
  if (reverse)
    if (FrameLinkPtr other = cache_.find(reversed_pair);
        !other || other->flow_to_prev.size() != size)
      if (auto stored = cache_.insert(reversed_pair, quantizeLink(*reversed[0])); !stored)
        return stored.error();
  return cache_.insert(pair, quantizeLink(*(*computed)[0]));
}

}  // namespace cf::temporal
