// Keyframe colour in the preview (issue #15): the preview shows what the export writes. A frame of
// a guided shot shows the shot's propagated colour, computed in the background by the very code
// the export runs (GuidedShots, with the export's cache folder, so an export after the preview
// reuses it); until then a keyframe is re-coloured alone from its own hints and reference (one
// network pass). Also the model's suggested colours at a pixel.

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "analysis/ConfidenceMap.h"
#include "color/GuidedUpsampler.h"
#include "color/LabConversion.h"
#include "common/ErrorBoundary.h"
#include "guide/GuidedBlend.h"
#include "guide/KeyframeColour.h"
#include "media/VideoReader.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/CacheManager.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/SessionImpl.h"
#include "temporal/TemporalSmoother.h"

namespace cf::pipeline {

std::vector<int64_t> Session::Impl::cutFrames() const {
  std::vector<int64_t> cuts;
  if (scan)
    for (const temporal::SceneCut& cut : scan->cuts)
      cuts.push_back(cut.frame);
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

GuideServices Session::Impl::guideServices() const {
  GuideServices gs;
  gs.video_path = info.path;
  gs.input = settings.input;
  gs.colorizer = colorizer.get();
  gs.flow = flowSettings();
  if (ab_cache && !ab_cache->dir().empty())
    gs.cache_root = ab_cache->dir() + kGuidedCacheSuffix;  // the cache manager finds them there
  gs.export_links = flow_cache.get();
  gs.solve_height_px = smoothSolveHeight();
  return gs;
}

CachedAbPtr Session::Impl::guidedAb(int64_t frame) const {
  const auto it = guided_shots.find(shotOf(frame).first);
  if (it == guided_shots.end() || !it->second->covers(frame))
    return nullptr;
  return it->second->find(frame);
}

bool Session::Impl::isKeyframe(int64_t frame) const {
  const std::vector<int64_t> keys = guidance.keyframes();
  return std::binary_search(keys.begin(), keys.end(), frame);
}

bool Session::Impl::shotIsGuided(int64_t frame) const {
  const auto [first, end] = shotOf(frame);
  for (int64_t k : guidance.keyframes())
    if (k >= first && k < end)
      return true;
  return false;
}

Result<CachedAbPtr> Session::Impl::keyframeAb(int64_t frame, const cv::Mat& l_work) {
  const int rotation = reader->info().rotation_deg;
  cv::Mat ref_ab;
  for (const guide::ReferenceImage& r : guidance.references)
    if (r.frame == frame) {
      auto ab = guide::loadReferenceAb(r.path, frame, l_work, rotation);
      if (!ab)
        return ab.error();
      ref_ab = *ab;
    }
  const guide::KeyframeColour k =
      guide::keyframeColour(frame, ref_ab, guidance.hints, l_work.size(), rotation);
  guide::PropagatedColour p{k.ab, k.confidence};
  model::ColorHints hints;
  guide::networkHints(p, &hints.ab, &hints.mask);
  auto net = colorizer->colorize({l_work}, {hints});
  if (!net)
    return net.error();
  auto entry = std::make_shared<CachedAb>();
  guide::GuidedColour g = guide::blendGuided(
      p, l_work, net->front().ab, colorizer->hasConfidence() ? net->front().confidence : cv::Mat(),
      guidance.strength);
  const InterimBase& base = interim_base;
  if (base.ab && base.frame == frame && base.ab->ab.size() == g.ab.size() &&
      base.ab->confidence.size() == g.ab.size() && !g.confidence.empty()) {
    // The shot was guided before this change (same references): its colour stays where the
    // keyframe's own colour is not, as the propagation will leave it (the keyframe's colour
    // outweighs every sweep on its own frame, the other sweeps fill the rest).
    entry->ab = guide::mix(k.confidence, g.ab, base.ab->ab);
    entry->confidence = guide::mix(k.confidence, g.confidence, base.ab->confidence);
    return CachedAbPtr(entry);
  }
  entry->ab = std::move(g.ab);
  entry->confidence = std::move(g.confidence);
  return CachedAbPtr(entry);
}

void Session::Impl::dropGuidedShots() {
  pending_guide.reset();  // stops its propagation (before the colorizer or caches it uses go)
  pending_shot = GuidedShotRange();
  guided_shots.clear();
  guided_smooth = GuidedSmooth();
  guide_failed = false;
}

void Session::setGuidance(guide::Guidance guidance) {
  Impl& d = *impl_;
  if (guidance == d.guidance)
    return;
  if (CachedAbPtr prev = d.last_previewed >= 0 ? d.guidedAb(d.last_previewed) : nullptr)
    d.interim_base = {d.last_previewed, prev, d.guidance};
  const guide::Guidance& was = d.interim_base.guidance;
  const bool only_added_hints =
      guidance.references == was.references && guidance.strength == was.strength &&
      std::all_of(was.hints.begin(), was.hints.end(), [&](const guide::HintPoint& h) {
        return std::find(guidance.hints.begin(), guidance.hints.end(), h) != guidance.hints.end();
      });
  if (!only_added_hints)
    d.interim_base = {};  // the old colour is no base for this guidance
  d.dropGuidedShots();
  d.guidance = std::move(guidance);
}

const guide::Guidance& Session::guidance() const {
  return impl_->guidance;
}

Result<GuidedShotRange> Session::prepareGuidedShot(int64_t near_frame, const CancelToken& cancel,
                                                   const ProgressFn& progress) {
  Impl& d = *impl_;
  // `cancel` interrupts the steps only: the pending shot is then dropped here (stopping its
  // propagation) and started again by the next call.
  const CancelToken propagation;
  for (;;) {
    auto step = stepGuidedShot(near_frame, propagation, cancel, progress);
    if (!step) {
      d.pending_guide.reset();
      d.pending_shot = GuidedShotRange();
      return step.error();
    }
    switch (step->state) {
      case GuideStep::State::Idle:
        return GuidedShotRange{};
      case GuideStep::State::Ready:
        return step->shot;
      case GuideStep::State::Working:
        break;
      case GuideStep::State::Waiting: {
        // Wait here for the next batch (the editor does other work instead).
        auto coloured = d.pending_guide->colourNext(*d.colorizer, cancel, true);
        if (!coloured) {
          if (!cancel.isCancelled())
            d.guide_failed = true;
          d.pending_guide.reset();
          d.pending_shot = GuidedShotRange();
          return coloured.error();
        }
        break;
      }
    }
  }
}

Result<GuideStep> Session::stepGuidedShot(int64_t near_frame, const CancelToken& propagation_cancel,
                                          const CancelToken& step_cancel,
                                          const ProgressFn& progress) {
  Impl& d = *impl_;
  GuideStep out;
  if (d.guidance.empty() || d.guide_failed)
    return out;
  auto stop = [&](const Error& error) -> Result<GuideStep> {
    d.pending_guide.reset();
    d.pending_shot = GuidedShotRange();
    // Failed (reported once) or stopped by the user: not again until the guidance changes.
    d.guide_failed = true;
    return error;
  };
  if (!d.pending_guide) {
    if (Status s = d.ensureEngine(); !s)
      return s.error();
    if (Status s = d.ensureScan(step_cancel, {}); !s)
      return s.error();
    // The pending shot nearest `near_frame`: its own first, then after it, then before it.
    std::vector<int64_t> keys = d.guidance.keyframes();
    std::stable_sort(keys.begin(), keys.end(), [&](int64_t a, int64_t b) {
      const auto rank = [&](int64_t k) {
        const auto [first, end] = d.shotOf(k);
        if (near_frame >= first && near_frame < end)
          return int64_t(0);
        return k > near_frame ? k - near_frame : d.info.frame_count + near_frame - k;
      };
      return rank(a) < rank(b);
    });
    for (int64_t k : keys) {
      const auto [first, end] = d.shotOf(k);
      if (d.guided_shots.count(first))
        continue;
      const std::vector<int64_t> cuts = d.cutFrames();
      GuideServices gs = d.guideServices();
      gs.keep_l = true;
      // The propagation starts on its own thread; the network colours its frames in later steps.
      auto prepared = GuidedShots::prepare(d.guidance, cuts, d.info.frame_count, first, end - 1, gs,
                                           propagation_cancel, progress);
      if (!prepared)
        return stop(prepared.error());
      d.pending_guide = std::move(*prepared);
      d.pending_shot = GuidedShotRange{first, end - 1};
      break;
    }
    if (!d.pending_guide)
      return out;  // every guided shot is prepared
  }
  out.shot = d.pending_shot;
  if (propagation_cancel.isCancelled())
    return stop(makeError("cancelled"));
  auto coloured = d.pending_guide->colourNext(*d.colorizer, step_cancel, false);
  if (!coloured) {
    if (step_cancel.isCancelled() && !propagation_cancel.isCancelled())
      return coloured.error();  // interrupted for something more urgent: tried again
    return stop(coloured.error());
  }
  switch (*coloured) {
    case GuidedShots::ColourStep::Coloured:
      out.state = GuideStep::State::Working;
      break;
    case GuidedShots::ColourStep::Waiting:
      out.state = GuideStep::State::Waiting;
      break;
    case GuidedShots::ColourStep::Done:
      if (const auto gaps = d.pending_guide->reachGaps(); !gaps.empty())
        out.gap = gaps.front();  // the preview prepares one shot at a time
      d.guided_shots[d.pending_shot.first] = std::move(d.pending_guide);
      d.pending_shot = GuidedShotRange();
      out.state = GuideStep::State::Ready;
      break;
  }
  return out;
}

Result<cv::Mat> Session::Impl::guidedSmoothedAb(int64_t frame, double lambda,
                                                const CancelToken& cancel) {
  const auto [s0, s_end] = shotOf(frame);
  GuidedSmooth& c = guided_smooth;
  if (c.shot_first == s0 && c.lambda == lambda && frame >= c.first &&
      frame < c.first + static_cast<int64_t>(c.ab.size()))
    return c.ab[static_cast<size_t>(frame - c.first)];
  c = GuidedSmooth();
  // Frames kept around the playhead: a little behind, more ahead (playback goes forward).
  constexpr int64_t kBehind = 8;
  constexpr int64_t kAhead = 32;
  const int64_t keep_first = std::max(s0, frame - kBehind);
  const int64_t keep_last = std::min(s_end - 1, frame + kAhead);
  temporal::FrameLinker linker(flowSettings(), *flow_cache);
  const int solve_height = smoothSolveHeight();
  cv::Mat prev_l;
  GuidedSmooth next;
  next.shot_first = s0;
  next.lambda = lambda;
  next.first = keep_first;
  auto source = [&](int64_t n) -> Result<temporal::SmoothInput> {
    const int64_t f = s0 + n;
    auto decoded = n == 0 ? reader->requireFrameAt(f) : reader->requireNext();
    if (!decoded)
      return decoded.error();
    const cv::Mat l = colorizer->toWorkingResolution(lumaL(**decoded));
    const CachedAbPtr ab = guidedAb(f);
    if (!ab)
      return makeError("the guided colour of frame " + std::to_string(f) +
                       " went missing from its cache");
    temporal::FrameLinkPtr link;
    if (!prev_l.empty()) {
      auto linked =
          linker.link({f - 1, f}, prev_l, l, temporal::solveSize(ab->ab.size(), solve_height));
      if (!linked)
        return linked.error();
      link = *linked;
    }
    prev_l = l;
    return temporal::SmoothInput{ab->ab, link};
  };
  // Windows that emit the kept frames are solved exactly as in the whole run; after the last
  // kept frame the run stops.
  bool done = false;
  auto sink = [&](int64_t n, const cv::Mat& ab) -> Status {
    const int64_t f = s0 + n;
    if (f >= keep_first)
      next.ab.push_back(ab.clone());
    if (f >= keep_last) {
      done = true;
      return makeError("enough");
    }
    return {};
  };
  const temporal::SmoothSettings ss = temporalSettings(lambda).smooth;
  auto run = temporal::smoothSequence(s_end - s0, source, sink, ss, cancel, {});
  if (!run && !done)
    return run.error();
  c = std::move(next);
  if (frame < c.first || frame >= c.first + static_cast<int64_t>(c.ab.size()))
    return makeError("frame " + std::to_string(frame) + " was not smoothed");
  return c.ab[static_cast<size_t>(frame - c.first)];
}

Result<PreviewFramePtr> Session::Impl::guidedPreview(const PreviewRequest& request,
                                                     const CancelToken& cancel) {
  const int64_t i = request.frame_index;
  const CachedAbPtr ab = guidedAb(i);
  auto smoothed = guidedSmoothedAb(i, request.lambda, cancel);
  if (!smoothed)
    return smoothed.error();
  auto decoded = reader->requireFrameAt(i);
  if (!decoded)
    return decoded.error();
  const cv::Mat l_full = lumaL(**decoded);
  auto out = std::make_shared<PreviewFrame>();
  out->frame_index = i;
  out->guide = GuideState::Applied;
  out->lambda = request.lambda;
  out->grade = request.grade;
  out->grey_rgb8 = greyRgb8(l_full);
  // The export's own conversion, with the shot's grade (ExportStages.cpp, runRecombineStage).
  out->raw_rgb8 = color::recombineToRgb8(l_full, ab->ab, {}, &request.grade);
  out->smoothed_rgb8 = color::recombineToRgb8(l_full, *smoothed, {}, &request.grade);
  if (info.source_has_colour)
    out->source_rgb8 = frameToRgb8(**decoded);
  out->confidence = ab->confidence;
  if (!out->confidence.empty()) {
    const cv::Mat l_work = colorizer->toWorkingResolution(l_full);
    out->picture_area =
        analysis::scaleArea(analysis::pictureArea(l_work), l_work.size(), out->confidence.size());
    out->confidence_scale = analysis::confidencePercentiles(out->confidence, out->picture_area);
  }
  return PreviewFramePtr(out);
}

Result<std::vector<SuggestedColour>> Session::suggestedColours(int64_t frame, double x, double y,
                                                               int n) {
  Impl& d = *impl_;
  return guarded(
      "suggesting colours on frame " + std::to_string(frame),
      [&]() -> Result<std::vector<SuggestedColour>> {
        if (frame < 0 || frame >= d.info.frame_count)
          return makeError("frame " + std::to_string(frame) + " is outside the video (0.." +
                           std::to_string(d.info.frame_count - 1) + ")");
        if (Status s = d.ensureEngine(); !s)
          return s.error();
        cv::Mat l_work;
        if (d.window.centre && d.window.centre->index == frame) {
          l_work = d.window.centre->l_work;  // the frame on screen, decoded already
        } else {
          auto decoded = d.reader->requireFrameAt(frame);
          if (!decoded)
            return decoded.error();
          l_work = d.colorizer->toWorkingResolution(lumaL(**decoded));
        }
        // The frame's own hints guide the network, as in the preview.
        const guide::KeyframeColour k = guide::keyframeColour(
            frame, {}, d.guidance.hints, l_work.size(), d.reader->info().rotation_deg);
        guide::PropagatedColour p{k.ab, k.confidence};
        model::ColorHints hints;
        if (cv::countNonZero(k.confidence) > 0)
          guide::networkHints(p, &hints.ab, &hints.mask);
        // (x, y) is a hint's point: display orientation; l_work is stored.
        const guide::FramePoint at = guide::storedFromDisplay({x, y}, d.info.rotation_deg);
        auto bins = d.colorizer->likelyColours(l_work, hints, at.x, at.y, n);
        if (!bins)
          return bins.error();
        const int px = std::clamp(int(at.x * l_work.cols), 0, l_work.cols - 1);
        const int py = std::clamp(int(at.y * l_work.rows), 0, l_work.rows - 1);
        const float l = l_work.at<float>(py, px);
        std::vector<SuggestedColour> out;
        for (const model::BinChoice& c : *bins) {
          cv::Mat lab(1, 1, CV_32FC3, cv::Scalar(l, c.a, c.b));
          const cv::Vec3f rgb = color::labToRgb(lab).at<cv::Vec3f>(0, 0);
          SuggestedColour s;
          s.a = c.a;
          s.b = c.b;
          s.probability = c.probability;
          s.red = cv::saturate_cast<uint8_t>(rgb[0] * 255.f);
          s.green = cv::saturate_cast<uint8_t>(rgb[1] * 255.f);
          s.blue = cv::saturate_cast<uint8_t>(rgb[2] * 255.f);
          out.push_back(s);
        }
        return out;
      });
}

}  // namespace cf::pipeline
