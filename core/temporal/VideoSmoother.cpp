#include "temporal/VideoSmoother.h"

#include <unordered_set>

namespace cf::temporal {

VideoSmoother::VideoSmoother(TemporalSettings settings, FlowCache& cache)
    : settings_(settings), linker_(settings.flow, cache) {}

std::vector<SceneCut> VideoSmoother::findCuts(const std::vector<CutFeatures>& features,
                                              const SceneCutSettings& settings) {
  return detectSceneCuts(features, settings);
}

Result<VideoSmoothStats> VideoSmoother::run(int64_t frame_count, const LabFrameSource& source,
                                            const std::vector<SceneCut>& cuts,
                                            const FrameSink& sink, const CancelToken& cancel,
                                            const ProgressFn& progress) {
  std::unordered_set<int64_t> cut_frames;
  for (const SceneCut& c : cuts)
    cut_frames.insert(c.frame);
  const int64_t computed_before = linker_.computedCount();
  cv::Mat prev_l;
  auto linked_source = [&](int64_t i) -> Result<SmoothInput> {
    auto frame = source(i);
    if (!frame)
      return frame.error();
    SmoothInput in{frame.value().ab, nullptr};
    if (i > 0 && !prev_l.empty() && cut_frames.count(i) == 0) {
      auto link = linker_.link(FramePair{i - 1, i}, prev_l, frame.value().l,
                               solveSize(in.ab.size(), settings_.smooth.solve_height_px));
      if (!link)
        return link.error();
      in.link = link.value();
    }
    prev_l = frame.value().l;
    return in;
  };
  auto stats = smoothSequence(frame_count, linked_source, sink, settings_.smooth, cancel, progress);
  if (!stats)
    return stats.error();
  VideoSmoothStats out;
  out.smooth = stats.value();
  out.flows_computed = linker_.computedCount() - computed_before;
  return out;
}

}  // namespace cf::temporal
