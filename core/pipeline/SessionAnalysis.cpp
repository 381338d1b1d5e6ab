// Session::analyse and Session::timeline: per-frame signals, cuts and failure ranges.

#include <algorithm>
#include <cmath>

#include "analysis/FailureFlagger.h"
#include "analysis/FrameSignals.h"
#include "common/ErrorBoundary.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/SessionImpl.h"
#include "temporal/OpticalFlow.h"

namespace cf::pipeline {

Status Session::analyse(int64_t first_frame, int64_t last_frame, const CancelToken& cancel,
                        const ProgressFn& progress) {
  Impl& d = *impl_;
  return guarded("analysing '" + d.info.path + "'", [&]() -> Status {
    if (Status s = d.ensureEngine(); !s)
      return s;
    if (Status s = d.ensureScan(cancel, {}); !s)
      return s;
    const int64_t first = std::clamp<int64_t>(first_frame, 0, d.info.frame_count - 1);
    const int64_t last = std::clamp<int64_t>(last_frame, first, d.info.frame_count - 1);
    // Start one frame early so the first frame gets its link to the previous one.
    const int64_t start = std::max<int64_t>(0, first - 1);
    bool all_done = true;
    for (int64_t n = first; n <= last; ++n)
      all_done = all_done && d.analysed[size_t(n)];
    if (all_done)
      return d.measureFlicker(first, last, cancel);

    AnalysedFrameStream stream(*d.reader, *d.colorizer, *d.ab_cache, start, last);
    temporal::FrameLinker linker(d.flowSettings(), *d.flow_cache);
    AnalysedFramePtr prev;
    const int64_t total = last - start + 1;
    for (int64_t n = start; n <= last; ++n) {
      auto f = stream.next(cancel);
      if (!f)
        return f.error();
      if (!*f)
        break;
      const AnalysedFrame& cur = **f;
      if (n < first) {
        // The frame before the range only gives the first frame its link. Its own metrics were
        // computed with its own predecessor (or will be); recomputing them here without one
        // would lose its flicker and motion, so a film analysed in chunks (the GUI) would be
        // flagged differently from one analysed in one go (the CLI).
        prev = *f;
        continue;
      }
      analysis::FrameSignalInputs in;
      in.frame_index = n;
      in.l = cur.l_work;
      in.ab = cur.ab->ab;
      in.confidence = cur.ab->confidence;
      in.scene_cut = d.metrics[size_t(n)].scene_cut;
      if (prev && !in.scene_cut) {
        // The link the export smooths with (at the smoothing's resolution, shared through the
        // cache), brought to the working resolution the signals are measured at.
        auto link = linker.link({n - 1, n}, prev->l_work, cur.l_work,
                                temporal::solveSize(cur.ab->ab.size(), d.smoothSolveHeight()));
        if (!link)
          return link.error();
        const temporal::FrameLink at_ab = temporal::resizeLink(**link, cur.ab->ab.size());
        in.warped_prev_l = temporal::warpWithFlow(prev->l_work, at_ab.flow_to_prev);
        in.warped_prev_ab = temporal::warpWithFlow(prev->ab->ab, at_ab.flow_to_prev);
        in.valid_mask = at_ab.mask;
        in.flow = at_ab.flow_to_prev;
      }
      d.metrics[size_t(n)] = analysis::computeFrameMetrics(in);
      d.analysed[size_t(n)] = 1;
      d.touchFrames(n, n);
      prev = *f;
      report(progress, n - start + 1, total, "analyse");
    }
    // Flicker is judged on what the export writes: the ab smoothed at the shot's lambda.
    return d.measureFlicker(first, last, cancel);
  });
}

analysis::AnalysisReport Session::failureReport() const {
  const Impl& d = *impl_;
  analysis::AnalysisReport report;
  report.source_path = d.info.path;
  report.model_name = d.colorizer ? d.colorizer->card().name.toStdString() : d.model_path;
  report.thresholds = d.settings.thresholds;
  std::vector<analysis::FrameMetrics> analysed;
  for (size_t i = 0; i < d.metrics.size(); ++i)
    if (d.analysed[i])
      analysed.push_back(d.metrics[i]);
  // A gap in the analysed frames starts a new "shot" for the relative thresholds.
  for (size_t k = 1; k < analysed.size(); ++k)
    if (analysed[k].frame_index != analysed[k - 1].frame_index + 1)
      analysed[k].scene_cut = true;
  report.frames = analysis::flagFrames(analysed, d.settings.thresholds);
  report.ranges = analysis::mergeRanges(report.frames);
  return report;
}

void Session::Impl::touchFrames(int64_t first, int64_t last) {
  changed_first = changed_first < 0 ? first : std::min(changed_first, first);
  changed_last = std::max(changed_last, last);
}

FrameSignals Session::Impl::signalsOf(size_t i) const {
  FrameSignals s;
  if (!analysed[i])
    return s;
  const analysis::FrameMetrics& m = metrics[i];
  s.analysed = true;
  s.colorfulness = static_cast<float>(m.colorfulness);
  s.flicker = static_cast<float>(m.flicker);
  s.confidence = static_cast<float>(m.mean_confidence);
  s.motion = static_cast<float>(m.motion_fraction);
  return s;
}

namespace {

std::vector<int64_t> cutFrames(const std::optional<CutScanResult>& scan) {
  std::vector<int64_t> cuts;
  if (scan)
    for (const temporal::SceneCut& cut : scan->cuts)
      cuts.push_back(cut.frame);
  return cuts;
}

}  // namespace

TimelineDataPtr Session::timeline() const {
  const Impl& d = *impl_;
  auto t = std::make_shared<TimelineData>();
  t->frame_count = d.info.frame_count;
  t->fps = d.info.fps;
  t->cuts = cutFrames(d.scan);
  t->frames.resize(d.metrics.size());
  for (size_t i = 0; i < d.metrics.size(); ++i)
    t->frames[i] = d.signalsOf(i);
  t->failures = failureReport().ranges;
  return t;
}

int64_t Session::analysedFrameCount() const {
  return std::count(impl_->analysed.begin(), impl_->analysed.end(), char(1));
}

int64_t Session::nearestUnanalysed(int64_t focus) const {
  const std::vector<char>& done = impl_->analysed;
  const auto total = int64_t(done.size());
  for (int64_t d = 0; d < total; ++d)
    for (int64_t f : {focus + d, focus - d - 1})
      if (f >= 0 && f < total && !done[size_t(f)])
        return f;
  return -1;
}

TimelineDeltaPtr Session::timelineDelta() {
  Impl& d = *impl_;
  auto delta = std::make_shared<TimelineDelta>();
  delta->frame_count = d.info.frame_count;
  delta->fps = d.info.fps;
  std::vector<int64_t> cuts = cutFrames(d.scan);
  std::vector<FailureRange> failures = failureReport().ranges;
  if (d.timeline_reset || cuts != d.sent_cuts) {
    delta->full = true;
    delta->cuts = cuts;
    delta->frames.resize(d.metrics.size());
    for (size_t i = 0; i < d.metrics.size(); ++i)
      delta->frames[i] = d.signalsOf(i);
    delta->failures_removed = d.sent_failures.size();
    delta->failures = failures;
  } else {
    if (d.changed_first >= 0) {
      const int64_t last = std::min<int64_t>(d.changed_last, int64_t(d.metrics.size()) - 1);
      delta->first_frame = d.changed_first;
      for (int64_t i = d.changed_first; i <= last; ++i)
        delta->frames.push_back(d.signalsOf(size_t(i)));
    }
    diffFailures(d.sent_failures, failures, *delta);
  }
  d.timeline_reset = false;
  d.changed_first = d.changed_last = -1;
  d.sent_cuts = std::move(cuts);
  d.sent_failures = std::move(failures);
  return delta;
}

}  // namespace cf::pipeline
