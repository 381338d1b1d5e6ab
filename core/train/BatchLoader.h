#pragma once
// Worker threads that decode and augment training batches ahead of the trainer, through a bounded
// queue. Batch `step` is a pure function of (samples, settings, seed, step): its files come from
// a seeded per-epoch permutation and each sample's randomness from sampleRng(seed, step, i), so
// the batches do not depend on thread timing and a resumed run sees the same batches.

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <torch/types.h>

#include "common/Result.h"
#include "train/TrainDataset.h"
#include "train/TrainSettings.h"

namespace cf::train {

struct Batch {
  int64_t step = 0;
  torch::Tensor l;          ///< [B,1,S,S] float, 0..100
  torch::Tensor ab;         ///< [B,2,S,S] float, Lab units
  torch::Tensor hints;      ///< [B,3,S,S] (a, b, mask) or undefined (automatic batch)
  int decode_failures = 0;  ///< unreadable files replaced by the next one in the permutation
};

struct BatchRecipe {
  AugmentSettings augment;
  HintSettings hints;
  int batch_size = 32;
  uint64_t seed = 1;
};

/// Builds batch `step` in the calling thread (what the workers run).
Result<Batch> makeBatch(const std::vector<SampleRef>& samples, const BatchRecipe& recipe,
                        int64_t step, SampleDecoder& decoder);

/// Index into `samples` of sample `index` of batch `step` (epoch-wise seeded permutation).
class EpochOrder {
 public:
  EpochOrder(size_t count, uint64_t seed) : count_(count), seed_(seed) {}
  size_t at(int64_t global_index);

 private:
  size_t count_ = 0;
  uint64_t seed_ = 1;
  int64_t epoch_ = -1;
  std::vector<size_t> perm_;
};

class BatchLoader {
 public:
  /// Starts `workers` threads producing batches first_step, first_step + 1, ... with at most
  /// `prefetch` batches decoded ahead of the consumer.
  BatchLoader(std::vector<SampleRef> samples, BatchRecipe recipe, int64_t first_step, int workers,
              int prefetch);
  ~BatchLoader();
  BatchLoader(const BatchLoader&) = delete;
  BatchLoader& operator=(const BatchLoader&) = delete;

  /// The next batch in step order (blocks until a worker has it).
  Result<Batch> next();

 private:
  void work();

  std::vector<SampleRef> samples_;
  BatchRecipe recipe_;
  int prefetch_ = 4;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  int64_t next_to_make_ = 0;
  int64_t next_to_give_ = 0;
  std::map<int64_t, Result<Batch>> ready_;
  std::vector<std::thread> threads_;
};

}  // namespace cf::train
