// Keyframe colour in the preview (issue #15): the preview shows what the export writes. A frame of
// a guided shot shows the shot's propagated colour, computed in the background by the very code
// the export runs (GuidedShots, with the export's cache folder, so an export after the preview
// reuses it); until then a keyframe is re-coloured alone from its own hints and reference (one
// network pass). Also the model's suggested colours at a pixel.

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/ErrorBoundary.h"
#include "guide/GuidedBlend.h"
#include "guide/KeyframeColour.h"
#include "media/VideoReader.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/SessionImpl.h"

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
  gs.reader = reader.get();
  gs.colorizer = colorizer.get();
  gs.flow = flowSettings();
  if (ab_cache && !ab_cache->dir().empty())
    gs.cache_root = ab_cache->dir() + "-guided";
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
  entry->ab = guide::blendGuided(p, net->front().ab, guidance.strength);
  if (colorizer->hasConfidence())
    entry->confidence = guide::blendConfidence(p, net->front().confidence, guidance.strength);
  return CachedAbPtr(entry);
}

void Session::setGuidance(guide::Guidance guidance) {
  Impl& d = *impl_;
  if (guidance == d.guidance)
    return;
  d.guidance = std::move(guidance);
  d.guided_shots.clear();
  d.guide_failed = false;
  if (d.window.guided)
    d.window = Impl::PreviewWindow();
}

const guide::Guidance& Session::guidance() const {
  return impl_->guidance;
}

Result<GuidedShotRange> Session::prepareGuidedShot(int64_t near_frame, const CancelToken& cancel,
                                                   const ProgressFn& progress) {
  Impl& d = *impl_;
  if (d.guidance.empty() || d.guide_failed)
    return GuidedShotRange{};
  if (Status s = d.ensureEngine(); !s)
    return s.error();
  if (Status s = d.ensureScan(cancel, {}); !s)
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
    auto prepared = GuidedShots::prepare(d.guidance, cuts, d.info.frame_count, first, end - 1,
                                         d.guideServices(), cancel, progress);
    if (!prepared) {
      if (!cancel.isCancelled())
        d.guide_failed = true;  // reported once; the next guidance change tries again
      return prepared.error();
    }
    d.guided_shots[first] = std::move(*prepared);
    if (d.window.first <= end - 1 && d.window.last >= first)
      d.window = Impl::PreviewWindow();  // rebuilt from the guided colour
    return GuidedShotRange{first, end - 1};
  }
  return GuidedShotRange{};
}

Result<std::vector<SuggestedColour>> Session::suggestedColours(int64_t frame, double x, double y,
                                                               int n) {
  Impl& d = *impl_;
  return guarded("suggesting colours on frame " + std::to_string(frame),
                 [&]() -> Result<std::vector<SuggestedColour>> {
                   if (frame < 0 || frame >= d.info.frame_count)
                     return makeError("frame " + std::to_string(frame) +
                                      " is outside the video (0.." +
                                      std::to_string(d.info.frame_count - 1) + ")");
                   if (Status s = d.ensureEngine(); !s)
                     return s.error();
                   auto decoded = d.reader->frameAt(frame);
                   if (!decoded)
                     return decoded.error();
                   if (!*decoded)
                     return makeError("frame " + std::to_string(frame) +
                                      " could not be decoded");
                   const cv::Mat l_work = d.colorizer->toWorkingResolution(lumaL(**decoded));
                   // The frame's own hints guide the network, as in the preview.
                   const guide::KeyframeColour k = guide::keyframeColour(
                       frame, {}, d.guidance.hints, l_work.size(), d.reader->info().rotation_deg);
                   guide::PropagatedColour p{k.ab, k.confidence};
                   model::ColorHints hints;
                   if (cv::countNonZero(k.confidence) > 0)
                     guide::networkHints(p, &hints.ab, &hints.mask);
                   auto bins = d.colorizer->likelyColours(l_work, hints, x, y, n);
                   if (!bins)
                     return bins.error();
                   const int px = std::clamp(int(x * l_work.cols), 0, l_work.cols - 1);
                   const int py = std::clamp(int(y * l_work.rows), 0, l_work.rows - 1);
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
