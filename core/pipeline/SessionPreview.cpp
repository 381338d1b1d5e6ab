// Session::preview: one frame, raw and smoothed, from a small window of its shot.

#include "analysis/ConfidenceMap.h"
#include "color/GuidedUpsampler.h"
#include "common/ErrorBoundary.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/SessionImpl.h"
#include "temporal/FlowCache.h"

namespace cf::pipeline {

namespace {
// Frames on each side of the previewed frame that are smoothed with it.
constexpr int64_t kPreviewRadius = 6;
}  // namespace

Result<PreviewFramePtr> Session::preview(const PreviewRequest& request, const CancelToken& cancel) {
  Impl& d = *impl_;
  const int64_t i = request.frame_index;
  return guarded("preview of frame " + std::to_string(i), [&]() -> Result<PreviewFramePtr> {
    if (i < 0 || i >= d.info.frame_count)
      return makeError("frame " + std::to_string(i) + " is outside the video (0.." +
                       std::to_string(d.info.frame_count - 1) + ")");
    if (Status s = d.ensureEngine(); !s)
      return s.error();
    d.last_previewed = i;
    if (d.guidedAb(i))  // a prepared guided shot: its own path (SessionGuide.cpp)
      return d.guidedPreview(request, cancel);
    const auto [shot_first, shot_end] = d.shotOf(i);
    const int64_t first = std::max(shot_first, i - kPreviewRadius);
    const int64_t last = std::min(shot_end - 1, i + kPreviewRadius);

    AnalysedFramePtr centre;
    if (d.window.first != first || d.window.last != last) {
      AnalysedFrameStream stream(*d.reader, *d.colorizer, *d.ab_cache, first, last);
      Impl::PreviewWindow w;
      w.first = first;
      w.last = last;
      temporal::FrameLinker linker(d.flowSettings(), *d.flow_cache);
      cv::Mat prev_l;
      for (int64_t n = first; n <= last; ++n) {
        auto f = stream.next(cancel);
        if (!f)
          return f.error();
        if (!*f)
          break;
        if ((*f)->index == i)
          centre = *f;
        temporal::FrameLinkPtr link;
        if (!prev_l.empty()) {
          auto l = linker.link({n - 1, n}, prev_l, (*f)->l_work,
                               temporal::solveSize((*f)->ab->ab.size(), d.smoothSolveHeight()));
          if (!l)
            return l.error();
          link = *l;
        }
        prev_l = (*f)->l_work;
        w.ab.push_back((*f)->ab->ab);
        w.links.push_back(link);
      }
      w.last = first + static_cast<int64_t>(w.ab.size()) - 1;
      if (Status s = w.smoother.setShot(w.ab, w.links, d.smoothSolveHeight()); !s)
        return s.error();
      d.window = std::move(w);
    }
    if (!centre && d.window.centre && d.window.centre->index == i)
      centre = d.window.centre;  // the same frame again (a hint click, a λ change)
    if (!centre) {
      // The window is cached; only the centre frame itself is decoded again.
      AnalysedFrameStream stream(*d.reader, *d.colorizer, *d.ab_cache, i, i);
      auto f = stream.next(cancel);
      if (!f)
        return f.error();
      if (!*f)
        return makeError("frame " + std::to_string(i) + " could not be decoded");
      centre = *f;
    }
    d.window.centre = centre;
    if (i > d.window.last)
      return makeError("frame " + std::to_string(i) + " could not be decoded");

    const double lambda = request.lambda;
    if (d.window.solved_lambda != lambda) {
      temporal::SmoothSettings ss;
      ss.lambda = lambda;
      auto solved = d.window.smoother.smooth(ss, cancel);
      if (!solved)
        return solved.error();
      d.window.solved_lambda = lambda;
    }
    cv::Mat smoothed_ab = d.window.smoother.frame(static_cast<size_t>(i - d.window.first));

    auto out = std::make_shared<PreviewFrame>();
    // Keyframe colour not propagated yet (SessionGuide.cpp): a keyframe re-coloured alone from
    // its own hints and reference, unsmoothed.
    CachedAbPtr ab;
    if (d.shotIsGuided(i)) {
      out->guide = d.guide_failed ? GuideState::Stopped : GuideState::Pending;
      if (d.isKeyframe(i)) {
        auto quick = d.keyframeAb(i, centre->l_work);
        if (!quick)
          return quick.error();
        ab = *quick;
        smoothed_ab = ab->ab;
      }
    }
    if (!ab)
      ab = centre->ab;
    out->frame_index = i;
    out->lambda = lambda;
    out->grade = request.grade;
    out->grey_rgb8 = greyRgb8(centre->l_full);
    // The export's own conversion, with the shot's grade (ExportStages.cpp, runRecombineStage).
    out->raw_rgb8 = color::recombineToRgb8(centre->l_full, ab->ab, {}, &request.grade);
    out->smoothed_rgb8 =
        smoothed_ab.data == ab->ab.data  // a keyframe not smoothed yet
            ? out->raw_rgb8
            : color::recombineToRgb8(centre->l_full, smoothed_ab, {}, &request.grade);
    if (d.info.source_has_colour)
      out->source_rgb8 = frameToRgb8(*centre->frame);
    out->confidence = ab->confidence;
    if (!out->confidence.empty()) {
      out->picture_area = analysis::scaleArea(analysis::pictureArea(centre->l_work),
                                              centre->l_work.size(), out->confidence.size());
      // The shot's scale from its analysed frames; the frame's own until there are some.
      std::vector<analysis::ConfidenceScale> frames;
      for (int64_t n = shot_first; n < shot_end; ++n)
        if (d.analysed[size_t(n)])
          frames.push_back({float(d.metrics[size_t(n)].confidence_p05),
                            float(d.metrics[size_t(n)].confidence_p95)});
      if (frames.empty())
        frames.push_back(analysis::confidencePercentiles(out->confidence, out->picture_area));
      out->confidence_scale = analysis::shotScale(frames);
    }
    return PreviewFramePtr(out);
  });
}

}  // namespace cf::pipeline
