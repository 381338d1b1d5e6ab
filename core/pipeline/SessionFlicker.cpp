// Session::refreshFlicker and the flicker measurement after analyse(): the flicker signal is
// measured on the ab smoothed at the frame's shot lambda (what the export writes), so the flags
// follow lambda. The network output and the flows come from the caches; only the smoothing runs.

#include "analysis/FrameSignals.h"
#include "common/ErrorBoundary.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/SessionImpl.h"
#include "pipeline/SmoothedFlicker.h"

namespace cf::pipeline {

bool Session::Impl::flickerStale(int64_t frame, double lambda) const {
  const auto& m = metrics[size_t(frame)];
  return analysed[size_t(frame)] && m.has_previous && m.flicker_lambda != lambda;
}

// A shot is measured once all its frames are analysed, in one piece from its first frame, as the
// export smooths it: the GUI's chunked analysis then gives the same flags as the CLI's one pass.
// Until then its frames keep the flicker of the raw network output (flicker_lambda -1).
bool Session::Impl::shotNeedsFlicker(int64_t shot_first, int64_t shot_end) const {
  const double lambda = lambdaFor(shot_first);
  bool stale = false;
  for (int64_t k = shot_first; k < shot_end; ++k) {
    if (!analysed[size_t(k)])
      return false;
    stale = stale || flickerStale(k, lambda);
  }
  return stale;
}

int64_t Session::Impl::firstStaleFlicker(int64_t from) const {
  int64_t n = std::max<int64_t>(0, from);
  while (n < info.frame_count) {
    const auto [shot_first, shot_end] = shotOf(n);
    if (shotNeedsFlicker(shot_first, shot_end))
      return shot_first;
    n = shot_end;
  }
  return -1;
}

Status Session::Impl::measureShotFlicker(int64_t shot_first, int64_t shot_end,
                                         const CancelToken& cancel) {
  const double lambda = lambdaFor(shot_first);
  const int64_t last = shot_end - 1;
  AnalysedFrameStream stream(*reader, *colorizer, *ab_cache, shot_first, last);
  temporal::FrameLinker linker(flowSettings(), *flow_cache);
  cv::Mat prev_l;
  auto source = [&](int64_t i) -> Result<temporal::SmoothInput> {
    const int64_t n = shot_first + i;
    auto f = stream.next(cancel);
    if (!f)
      return f.error();
    if (!*f)
      return makeError("frame " + std::to_string(n) + " could not be decoded");
    temporal::SmoothInput in{(*f)->ab->ab, nullptr};
    if (!prev_l.empty()) {
      auto link = linker.link({n - 1, n}, prev_l, (*f)->l_work, in.ab.size());
      if (!link)
        return link.error();
      in.link = *link;
    }
    prev_l = (*f)->l_work;
    return in;
  };
  auto measured =
      smoothedFlickerAb(shot_end - shot_first, source, temporalSettings(lambda).smooth, cancel);
  if (!measured)
    return measured.error();
  for (int64_t k = shot_first; k < shot_end; ++k) {
    analysis::FrameMetrics& m = metrics[size_t(k)];
    const double value = (*measured)[size_t(k - shot_first)];
    if (m.has_previous && value >= 0.0) {
      m.flicker_ab = value;
      m.flicker = analysis::flickerRatio(value, m.flicker_luma);
    }
    m.flicker_lambda = lambda;  // a frame without a link has no flicker to measure
  }
  touchFrames(shot_first, last);
  return {};
}

Status Session::Impl::measureFlicker(int64_t first, int64_t last, const CancelToken& cancel) {
  int64_t n = std::max<int64_t>(0, first);
  while (n <= last && n < info.frame_count) {
    const auto [shot_first, shot_end] = shotOf(n);
    if (shotNeedsFlicker(shot_first, shot_end))
      if (Status s = measureShotFlicker(shot_first, shot_end, cancel); !s)
        return s;
    n = shot_end;
  }
  return {};
}

Result<bool> Session::refreshFlicker(int64_t max_frames, const CancelToken& cancel) {
  Impl& d = *impl_;
  return guarded("measuring flicker in '" + d.info.path + "'", [&]() -> Result<bool> {
    const int64_t first = d.firstStaleFlicker(0);
    if (first < 0)
      return false;
    if (Status s = d.ensureEngine(); !s)
      return s.error();
    // Whole shots, at least one, until max_frames are covered.
    if (Status s = d.measureFlicker(first, first + std::max<int64_t>(1, max_frames) - 1, cancel);
        !s)
      return s.error();
    return true;
  });
}

}  // namespace cf::pipeline
