#pragma once
// The network's ab for a batch of decoded frames: from the ab cache where every frame of the batch
// is cached, otherwise by running the colouriser on the whole batch and caching what was missing.
//
// Batches are aligned to multiples of the batch size in source frame numbers, and a partly cached
// batch is recomputed whole, so every frame is always computed in the same batch with the same
// neighbours: an export that resumes after a crash produces bit for bit what an uninterrupted one
// does, whatever the floating-point behaviour of the backend for different batch shapes.

#include <cstdint>
#include <memory>
#include <vector>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "pipeline/AnalysedFrameStream.h"

namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

/// Last frame of the aligned batch holding `index` (at most `last_frame`).
int64_t alignedBatchLast(int64_t index, int batch_size, int64_t last_frame);

/// Sets `ab` of every frame of `batch` (consecutive frames of one aligned batch).
Status attachAb(const std::vector<std::shared_ptr<AnalysedFrame>>& batch,
                model::Colorizer& colorizer, AbCache& cache, const CancelToken& cancel,
                StreamTimings& timings);

}  // namespace cf::pipeline
