// The preview's side of GuidedShots (issue #15): the guided shots coloured in steps the engine
// thread interleaves with its other work (colourNext), and the progress reported from both the
// propagation's thread and the engine's.

#include <algorithm>
#include <chrono>

#include "model/Colorizer.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/BatchInference.h"
#include "pipeline/GuidedShots.h"
#include "pipeline/NetworkOutputCheck.h"

namespace cf::pipeline {

void GuidedShots::updateUnits(Shot& shot) {
  // Decoding and the sweeps' steps; a sweep step (two or three DIS flows) costs about as much as
  // decoding kDecodesPerStep frames at the working resolution (chaplin, 640x360 at 256 px: the
  // whole shot decodes in a few seconds of a minute's propagation).
  constexpr int64_t kDecodesPerStep = 10;
  const int64_t len = shot.last - shot.first + 1;
  const int64_t sweeps = shot.total_steps > 0 ? shot.total_steps : len;  // a guess until known
  const int64_t units = len * (shot.decoded + kDecodesPerStep * std::min(shot.steps, sweeps)) /
                        (len + kDecodesPerStep * sweeps);
  shot.units = std::clamp(units, shot.units, len);
}

void GuidedShots::reportProgress() {
  if (!progress_)
    return;
  int64_t done = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [s1, shot] : shots_)
      done += shot.propagate ? shot.units : 0;
    done += coloured_frames_;
  }
  std::lock_guard<std::mutex> lock(progress_mutex_);
  reported_ = std::max(reported_, std::min(done, progress_total_));
  report(progress_, reported_, progress_total_, "keyframes");
}

Status GuidedShots::colourAll(model::Colorizer& colorizer, const CancelToken& cancel) {
  for (;;) {
    auto step = colourNext(colorizer, cancel, true);
    if (!step)
      return step.error();
    if (*step == ColourStep::Done)
      return {};
  }
}

Result<GuidedShots::ColourStep> GuidedShots::colourNext(model::Colorizer& colorizer,
                                                        const CancelToken& cancel, bool wait) {
  if (!services_.keep_l)
    return makeError("internal error: colouring a guided shot needs GuideServices::keep_l");
  const int batch = std::max(1, colorizer.batchSize());
  Shot* found = nullptr;
  int64_t b0 = 0;
  int64_t b1 = 0;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      bool all_coloured = true;
      for (auto& [s1, shot] : shots_) {
        if (!shot.propagate)
          continue;
        for (int64_t a = shot.first; a <= shot.last && !found;) {
          // The export's aligned batch (BatchInference.h) within the shot.
          const int64_t b = std::min(shot.last, alignedBatchLast(a, batch, shot.last));
          if (!shot.coloured[static_cast<size_t>(a - shot.first)]) {
            all_coloured = false;
            bool ready = shot.l != nullptr;
            for (int64_t f = a; f <= b && ready; ++f)
              ready = shot.ready[static_cast<size_t>(f - shot.first)] != 0;
            if (ready) {
              found = &shot;
              b0 = a;
              b1 = b;
            }
          }
          a = b + 1;
        }
        if (found)
          break;
      }
      if (found)
        break;
      if (all_coloured) {
        for (auto& [s1, shot] : shots_)
          shot.l.reset();
        return ColourStep::Done;
      }
      if (done_ && !error_)
        return error_.error();
      if (done_)
        return makeError(
            "internal error: the propagation ended before every frame of its shot "
            "was ready");
      if (!wait)
        return ColourStep::Waiting;
      if (cancel.isCancelled())
        return makeError("cancelled");
      changed_.wait_for(lock, std::chrono::milliseconds(100));
    }
  }
  std::vector<std::shared_ptr<AnalysedFrame>> frames;
  for (int64_t f = b0; f <= b1; ++f) {
    auto a = std::make_shared<AnalysedFrame>();
    a->index = f;
    auto l = found->l->at(f - found->first);
    if (!l)
      return l.error();
    a->l_work = *l;
    frames.push_back(a);
  }
  MaskedOutput masked;
  if (Status s = attach(frames, colorizer, cancel, masked); !s)
    return s.error();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    found->coloured[static_cast<size_t>(b0 - found->first)] = 1;
    coloured_frames_ += b1 - b0 + 1;
  }
  reportProgress();
  return ColourStep::Coloured;
}

}  // namespace cf::pipeline
