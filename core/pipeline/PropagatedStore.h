#pragma once
// The propagated colour of a guided shot's frames between the sweeps that finish them and the
// network that consumes them (GuidedShots), with a bounded number in memory. Frames do not become
// final in the order the export takes them: a backward sweep from a keyframe at frame 900 finishes
// 899, 898, ... 0, and the export wants frame 0 first, so all 900 would wait in memory (~1.4 MB
// each at 256 px: 2.4 GB peak for bottle-detection's keyframe at 900). Beyond `max_in_memory`,
// the entry the consumer will want last (the largest frame index held) is written to a spill file,
// exactly (raw floats), and read back when asked for. Not thread-safe: GuidedShots calls it under
// its mutex. The propagation's waiting colour (guide::WaitingColour, two keyframes in a long take)
// is kept the same way (with the sums' weights once two sweeps came), with the largest frames
// kept, since a backward sweep takes them back.

#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <set>

#include "common/Result.h"
#include "guide/Propagation.h"

class QTemporaryDir;

namespace cf::pipeline {

class PropagatedStore {
 public:
  /// Which frames the consumer takes first, and so keeps in memory: the smallest frame indices
  /// (the export, frames in order) or the largest (a backward sweep unparking waiting colour).
  enum class TakenFirst { Smallest, Largest };
  /// Spill files go to `spill_dir` (named kSpillPrefix + `tag` + frame, removed when taken or when
  /// this object goes), or to a fresh temporary folder when it is empty.
  PropagatedStore(size_t max_in_memory, std::string spill_dir, std::string tag = std::string(),
                  TakenFirst taken_first = TakenFirst::Smallest);
  ~PropagatedStore();
  PropagatedStore(const PropagatedStore&) = delete;
  PropagatedStore& operator=(const PropagatedStore&) = delete;

  /// Keeps the colour of frame `index`; may write one entry to its spill file.
  Status put(int64_t index, guide::PropagatedColour&& colour);
  /// The colour of frame `index` (shares the memory entry's pixels, or reads the spill file).
  Result<guide::PropagatedColour> get(int64_t index) const;
  /// Forgets frame `index` (its spill file too).
  void erase(int64_t index);

  size_t inMemory() const { return memory_.size(); }
  size_t peakInMemory() const { return peak_; }
  int64_t spilledFrames() const { return spilled_total_; }

  /// Spill files start with this (CacheManager counts and removes leftovers of a crash).
  static constexpr const char* kSpillPrefix = "spill_";

 private:
  QString spillPath(int64_t index) const;
  Status spill(int64_t index, const guide::PropagatedColour& colour);

  size_t max_in_memory_;
  QString dir_;
  QString tag_;
  TakenFirst taken_first_;
  std::unique_ptr<QTemporaryDir> temp_;
  std::map<int64_t, guide::PropagatedColour> memory_;
  std::set<int64_t> spilled_;
  size_t peak_ = 0;
  int64_t spilled_total_ = 0;
};

}  // namespace cf::pipeline
