#include "pipeline/ExportStages.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>

#include "color/GuidedUpsampler.h"
#include "common/ErrorBoundary.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/BatchInference.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/GuidedShots.h"

namespace cf::pipeline {

namespace {

using Clock = std::chrono::steady_clock;

class BusyTimer {
 public:
  explicit BusyTimer(double& total) : total_(total), t0_(Clock::now()) {}
  ~BusyTimer() { total_ += std::chrono::duration<double>(Clock::now() - t0_).count(); }
  BusyTimer(const BusyTimer&) = delete;
  BusyTimer& operator=(const BusyTimer&) = delete;

 private:
  double& total_;
  Clock::time_point t0_;
};

Error cancelled() {
  return makeError("cancelled");
}

// A queue refused the item: another stage failed or the user cancelled; that stage reports why.
Error stopped() {
  return makeError("stopped");
}

}  // namespace

Status runDecodeStage(media::VideoReader& reader, const model::Colorizer& colorizer, int64_t first,
                      int64_t last, FrameQueue& out, const CancelToken& cancel, StageTimes& times) {
  return guarded("decoding", [&]() -> Status {
    for (int64_t i = first; i <= last; ++i) {
      if (cancel.isCancelled())
        return cancelled();
      auto f = std::make_shared<ExportFrame>();
      {
        BusyTimer busy(times.decode_s);
        auto decoded = i == first ? reader.requireFrameAt(i) : reader.requireNext();
        if (!decoded)
          return decoded.error();
        f->index = i;
        f->frame = *decoded;
        f->l_work = colorizer.toWorkingResolution(lumaL(*f->frame));
      }
      if (!out.push(std::move(f)))
        return stopped();
    }
    out.close();
    return {};
  });
}

Status runInferenceStage(model::Colorizer& colorizer, AbCache& cache, int64_t last, FrameQueue& in,
                         FrameQueue& out, const CancelToken& cancel, StageTimes& times,
                         GuidedShots* guided) {
  return guarded("running the colour network", [&]() -> Status {
    const int batch_size = std::max(1, colorizer.batchSize());
    std::vector<std::shared_ptr<AnalysedFrame>> batch;
    std::vector<ExportFramePtr> frames;
    StreamTimings timings;
    ExportFramePtr f;
    for (;;) {
      const bool got = in.pop(f);
      if (got) {
        frames.push_back(f);
        batch.push_back(f);
      }
      const bool batch_full =
          got && f->index == alignedBatchLast(frames.front()->index, batch_size, last);
      if (!batch.empty() && (batch_full || !got)) {
        if (cancel.isCancelled())
          return cancelled();
        {
          BusyTimer busy(times.inference_s);
          // Unguided frames get the network's own colour, computed on the whole aligned batch as
          // in any export (so the network cache holds what an automatic export would); the
          // batch's frames in guided shots then get the guided colour instead.
          std::vector<std::shared_ptr<AnalysedFrame>> keyed;
          for (const auto& x : batch)
            if (guided && guided->covers(x->index))
              keyed.push_back(x);
          if (keyed.size() < batch.size())
            if (Status s = attachAb(batch, colorizer, cache, cancel, timings); !s)
              return s;
          if (!keyed.empty())
            if (Status s = guided->attach(keyed, colorizer, cancel, timings.masked); !s)
              return s;
        }
        for (ExportFramePtr& done : frames)
          if (!out.push(std::move(done)))
            return stopped();
        frames.clear();
        batch.clear();
      }
      if (!got)
        break;
    }
    times.cache_hits = timings.cache_hits;
    times.inferred = timings.inferred;
    times.masked = timings.masked;
    out.close();
    return {};
  });
}

Status runFlowStage(temporal::FrameLinker& linker, int solve_height_px,
                    const CutFramesFn& cut_frames, const FrameSpan& keep, FrameQueue& in,
                    FrameQueue& out, const CancelToken& cancel, StageTimes& times) {
  return guarded("computing optical flow", [&]() -> Status {
    ExportFramePtr prev, f;
    std::optional<std::vector<int64_t>> cuts;  // asked for when the first link is due
    const int64_t computed_before = linker.computedCount();
    while (in.pop(f)) {
      if (cancel.isCancelled())
        return cancelled();
      if (!keep.contains(f->index))
        continue;
      if (prev && prev->index == f->index - 1 && !cuts) {
        auto got = cut_frames();
        if (!got)
          return got.error();
        cuts = std::move(*got);
      }
      if (prev && prev->index == f->index - 1 &&
          !std::binary_search(cuts->begin(), cuts->end(), f->index)) {
        BusyTimer busy(times.flow_s);
        auto link = linker.link({prev->index, f->index}, prev->l_work, f->l_work,
                                temporal::solveSize(f->ab->ab.size(), solve_height_px));
        if (!link)
          return link.error();
        f->link = *link;
      }
      prev = f;
      if (!out.push(std::move(f)))
        return stopped();
    }
    times.flows_computed = linker.computedCount() - computed_before;
    out.close();
    return {};
  });
}

Status runSmoothingStage(const temporal::SmoothSettings& settings, int64_t count, FrameQueue& in,
                         FrameQueue& out, const CancelToken& cancel, StageTimes& times) {
  std::deque<ExportFramePtr> held;  // read by the smoother, not yet handed on
  bool input_ended = false;
  double waiting_s = 0.0;  // in the queues, not working
  auto source = [&](int64_t i) -> Result<temporal::SmoothInput> {
    ExportFramePtr f;
    BusyTimer wait(waiting_s);
    if (!in.pop(f)) {
      input_ended = true;
      return makeError("frame " + std::to_string(i) + " never arrived");
    }
    held.push_back(f);
    return temporal::SmoothInput{f->ab->ab, f->link};
  };
  auto sink = [&](int64_t, const cv::Mat& ab) -> Status {
    ExportFramePtr f = std::move(held.front());
    held.pop_front();
    f->smoothed_ab = ab.clone();
    BusyTimer wait(waiting_s);
    if (!out.push(std::move(f)))
      return stopped();
    return {};
  };
  const auto t0 = Clock::now();
  auto run = temporal::smoothSequence(count, source, sink, settings, cancel, {});
  times.smoothing_s +=
      std::max(0.0, std::chrono::duration<double>(Clock::now() - t0).count() - waiting_s);
  if (!run)
    return input_ended ? stopped() : Status(run.error());
  out.close();
  return {};
}

Status runRecombineStage(const FrameSpan& keep, const std::vector<GradeRange>& grades,
                         FrameQueue& in, FrameQueue& out, int rgb_depth, const CancelToken& cancel,
                         StageTimes& times) {
  return guarded("recombining L and ab", [&]() -> Status {
    ExportFramePtr f;
    while (in.pop(f)) {
      if (cancel.isCancelled())
        return cancelled();
      if (!keep.contains(f->index))
        continue;
      {
        BusyTimer busy(times.recombine_s);
        const color::Grade* grade = gradeAt(grades, f->index);
        // The working-resolution L is the guide's low-resolution L: not computed again.
        const cv::Mat l_full = lumaL(*f->frame);
        f->rgb = rgb_depth > 8
                     ? color::recombineToRgb16(l_full, f->smoothed_ab, {}, grade, f->l_work)
                     : color::recombineToRgb8(l_full, f->smoothed_ab, {}, grade, f->l_work);
        f->smoothed_ab.release();
        f->l_work.release();
        f->ab.reset();
        f->link.reset();
      }
      if (!out.push(std::move(f)))
        return stopped();
    }
    out.close();
    return {};
  });
}

}  // namespace cf::pipeline
