#pragma once
// Cache of frame links (flows + masks) keyed by frame pair, so that a change of lambda never
// recomputes a flow. One cache belongs to one video and one flow configuration (method, flow and
// ab resolution). FlowCache is the interface; DiskFlowCache (DiskFlowCache.h) keeps links on disk.

#include <atomic>
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

#include "temporal/FrameLink.h"

namespace cf::temporal {

/// Flow vectors are stored and served in steps of this (pixels of the link's resolution): the
/// largest error of quantizeLink() is half a step, 1/32 px.
constexpr float kFlowStepPx = 1.0f / 16.0f;

/// The link with its flow rounded to kFlowStepPx (clamped to +-2048 px), the mask as it is.
/// FrameLinker serves every computed link this way, whether the cache keeps it in memory or on
/// disk, so a run that computed a flow and a run that reads it back compute the same.
FrameLinkPtr quantizeLink(const FrameLink& link);

struct FramePair {
  int64_t prev_frame = 0;
  int64_t frame = 0;
  bool operator==(const FramePair& o) const {
    return prev_frame == o.prev_frame && frame == o.frame;
  }
};

class FlowCache {
 public:
  virtual ~FlowCache() = default;
  /// The cached link, or null.
  virtual FrameLinkPtr find(const FramePair& pair) = 0;
  /// Stores the link and returns the link exactly as find() will return it later (a disk cache
  /// quantises it), so a run that computed the link and one that reads it back compute the same.
  virtual Result<FrameLinkPtr> insert(const FramePair& pair, FrameLinkPtr link) = 0;
  /// Forgets the links held in memory.
  virtual void clear() = 0;
};

/// In-memory cache, thread-safe, with an optional bound on the number of entries (LRU eviction).
class MemoryFlowCache final : public FlowCache {
 public:
  explicit MemoryFlowCache(size_t max_entries = 0);  ///< 0 = unbounded

  FrameLinkPtr find(const FramePair& pair) override;
  Result<FrameLinkPtr> insert(const FramePair& pair, FrameLinkPtr link) override;
  void clear() override;
  size_t size() const;

 private:
  struct PairHash {
    size_t operator()(const FramePair& p) const {
      return std::hash<int64_t>()(p.prev_frame * 1000003 + p.frame);
    }
  };
  using Lru = std::list<FramePair>;
  struct Entry {
    FrameLinkPtr link;
    Lru::iterator lru_pos;
  };
  size_t max_entries_ = 0;
  mutable std::mutex mutex_;
  Lru lru_;
  std::unordered_map<FramePair, Entry, PairHash> map_;
};

/// Gets a link from the cache or computes, quantizes (quantizeLink) and stores it. Counts the flows
/// it computed. `size` is the link's resolution (temporal::solveSize() of the ab frames in the
/// export, preview and analysis); a cached link of another size is computed again.
class FrameLinker {
 public:
  FrameLinker(FlowSettings settings, FlowCache& cache) : estimator_(settings), cache_(cache) {}

  Result<FrameLinkPtr> link(const FramePair& pair, const cv::Mat& l_prev, const cv::Mat& l_cur,
                            cv::Size size);
  /// link(), and when it has to compute the flows, the same two flows also give (computeFrameLinks)
  /// the link at `also_size`, stored in `also` where that lacks it, and (with `reverse`) the link
  /// of the reversed pair at `size`, stored in this linker's cache: another consumer at another
  /// resolution (the export's smoothing) and a sweep in the other direction then compute nothing.
  Result<FrameLinkPtr> link(const FramePair& pair, const cv::Mat& l_prev, const cv::Mat& l_cur,
                            cv::Size size, FlowCache& also, cv::Size also_size,
                            bool reverse = true);
  int64_t computedCount() const { return computed_; }
  FlowCache& cache() { return cache_; }

 private:
  FlowEstimator estimator_;
  FlowCache& cache_;
  int64_t computed_ = 0;
};

}  // namespace cf::temporal
