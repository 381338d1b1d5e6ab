#include "pipeline/BatchInference.h"

#include <chrono>

#include "model/Colorizer.h"

namespace cf::pipeline {

int64_t alignedBatchLast(int64_t index, int batch_size, int64_t last_frame) {
  const int64_t b = std::max(1, batch_size);
  return std::min(last_frame, (index / b + 1) * b - 1);
}

Status attachAb(const std::vector<std::shared_ptr<AnalysedFrame>>& batch,
                model::Colorizer& colorizer, AbCache& cache, const CancelToken& cancel,
                StreamTimings& timings) {
  bool all_cached = true;
  for (const auto& f : batch) {
    f->ab = cache.find(f->index);
    all_cached = all_cached && f->ab;
  }
  if (all_cached) {
    timings.cache_hits += static_cast<int64_t>(batch.size());
    return {};
  }
  std::vector<cv::Mat> inputs;
  for (const auto& f : batch)
    inputs.push_back(f->l_work);
  const auto t0 = std::chrono::steady_clock::now();
  // The network's own output: the cache keeps it and upsamples it (AbCache::store), so the frames
  // served now are exactly those a later run reads back.
  auto out = colorizer.colorizeNative(inputs, {}, {}, cancel);
  if (!out)
    return out.error();
  timings.inference_s +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t i = 0; i < batch.size(); ++i) {
    AnalysedFrame& f = *batch[i];
    if (f.ab) {  // cached already, from this same batch computed earlier: keep it
      ++timings.cache_hits;
      continue;
    }
    ++timings.inferred;
    auto entry = std::make_shared<CachedAb>();
    entry->native = std::move((*out)[i].native);
    if (!colorizer.hasConfidence())
      entry->native.confidence.release();
    // Never cache, smooth or show NaN/inf: mask it, or fail naming the frame.
    if (Status s =
            checkNetworkOutput(f.index, entry->native.ab, entry->native.confidence, timings.masked);
        !s)
      return s;
    if (Status s = cache.store(f.index, entry); !s)
      return s;
    f.ab = cache.find(f.index);
    if (!f.ab)
      f.ab = AbCache::quantized(*entry);
  }
  return {};
}

}  // namespace cf::pipeline
