#include "pipeline/SmoothedFlicker.h"

#include <deque>

#include "analysis/FrameSignals.h"
#include "temporal/OpticalFlow.h"

namespace cf::pipeline {

Result<std::vector<double>> smoothedFlickerAb(int64_t frame_count,
                                              const temporal::FrameSource& source,
                                              const temporal::SmoothSettings& settings,
                                              const CancelToken& cancel) {
  std::vector<double> flicker_ab;
  flicker_ab.reserve(static_cast<size_t>(std::max<int64_t>(0, frame_count)));
  // The smoother reads up to a window ahead of what it hands on: keep the links until then.
  std::deque<temporal::FrameLinkPtr> links;
  auto linked_source = [&](int64_t n) -> Result<temporal::SmoothInput> {
    auto in = source(n);
    if (in)
      links.push_back(in->link);
    return in;
  };
  cv::Mat prev;
  auto sink = [&](int64_t, const cv::Mat& ab) -> Status {
    temporal::FrameLinkPtr link = links.front();
    links.pop_front();
    double value = -1.0;
    if (link && !prev.empty()) {
      const cv::Mat warped = temporal::warpWithFlow(prev, link->flow_to_prev);
      value = analysis::maskedMeanSquaredChange(ab, warped, link->mask);
    }
    flicker_ab.push_back(value);
    prev = ab.clone();
    return {};
  };
  auto run = temporal::smoothSequence(frame_count, linked_source, sink, settings, cancel, {});
  if (!run)
    return run.error();
  return flicker_ab;
}

}  // namespace cf::pipeline
