#include "pipeline/GuidedShots.h"

#include <QCryptographicHash>
#include <QDir>
#include <algorithm>
#include <chrono>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "guide/GuidedBlend.h"
#include "guide/HintsJson.h"
#include "guide/KeyframeColour.h"
#include "guide/KeyframeReach.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/BatchInference.h"
#include "pipeline/CacheKey.h"
#include "pipeline/CacheManager.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/NetworkOutputCheck.h"
#include "pipeline/ShotLuma.h"
#include "pipeline/ShotReachFile.h"
#include "temporal/TemporalSmoother.h"

namespace cf::pipeline {

namespace {

// Bump when the propagation or the blend changes what a guided shot looks like.
// 4: the unsure part filled from trusted pixels (quality15); 5: and a frame one sweep reaches
// skips the weighted mean (speed15); 6: the fill at half size, two iterations; 7: the decay of
// confidence stops at min_decay; 8: the sweeps' weight floor is not scaled by the distance.
constexpr int kGuideVersion = 8;

std::string shotKey(const guide::Guidance& g, int64_t first, int64_t last,
                    const guide::PropagationSettings& p) {
  QCryptographicHash h(QCryptographicHash::Sha1);
  auto add = [&](const std::string& s) {
    h.addData(QByteArray::fromStdString(s));
    h.addData(QByteArrayView("\n"));
  };
  add("guide v" + std::to_string(kGuideVersion));
  add(std::to_string(first) + ".." + std::to_string(last));
  add(QString::number(g.strength, 'g', 17).toStdString());
  add(std::to_string(p.decay_per_frame) + " " + std::to_string(p.min_decay) + " " +
      std::to_string(p.luma_sigma) + " " + std::to_string(p.occluded_weight) + " " +
      std::to_string(p.min_confidence) + " " + std::to_string(p.reanchor) + " " +
      std::to_string(p.reanchor_iterations) + " " + std::to_string(p.residual_sigma_px) + " " +
      std::to_string(p.direct_match) + " " + std::to_string(p.match_finest_scale) + " " +
      std::to_string(p.match_height_px) + " " + std::to_string(p.direct_coarser) + " " +
      std::to_string(p.direct_every));
  for (const guide::ReferenceImage& r : g.references)
    if (r.frame >= first && r.frame <= last)
      add("ref " + std::to_string(r.frame) + " " + contentFingerprint(r.path).toStdString());
  for (const guide::HintPoint& x : g.hints)
    if (x.frame >= first && x.frame <= last)
      add("hint " + std::to_string(x.frame) + " " + QString::number(x.x, 'g', 17).toStdString() +
          " " + QString::number(x.y, 'g', 17).toStdString() + " " + guide::colorHex(x.r, x.g, x.b) +
          " " + QString::number(x.radius, 'g', 17).toStdString());
  return h.result().toHex().left(20).toStdString();
}

}  // namespace

std::pair<int64_t, int64_t> shotAround(int64_t frame, const std::vector<int64_t>& cut_frames,
                                       int64_t frame_count) {
  const auto next = std::upper_bound(cut_frames.begin(), cut_frames.end(), frame);
  const int64_t first = next == cut_frames.begin() ? 0 : *(next - 1);
  const int64_t last = next == cut_frames.end() ? frame_count - 1 : *next - 1;
  return {first, last};
}

Status checkGuidance(const guide::Guidance& guidance, const std::string& video_path,
                     int check_height_px) {
  auto reader = media::VideoReader::open(video_path);
  if (!reader)
    return reader.error();
  if (Status s = guide::validateGuidance(guidance, (*reader)->info().frame_count); !s)
    return s;
  for (const guide::ReferenceImage& r : guidance.references) {
    auto frame = (*reader)->frameAt(r.frame);
    if (!frame)
      return frame.error();
    if (!*frame)
      return makeError("frame " + std::to_string(r.frame) + " of '" + video_path +
                       "' could not be decoded to check the reference '" + r.path + "'");
    const cv::Mat l = color::resizeToHeight(lumaL(**frame), check_height_px);
    auto ab = guide::loadReferenceAb(r.path, r.frame, l, (*reader)->info().rotation_deg);
    if (!ab)
      return ab.error();
  }
  return {};
}

Result<std::unique_ptr<GuidedShots>> GuidedShots::prepare(const guide::Guidance& guidance,
                                                          const std::vector<int64_t>& cut_frames,
                                                          int64_t frame_count, int64_t first,
                                                          int64_t last, const GuideServices& sv,
                                                          const CancelToken& cancel,
                                                          const ProgressFn& progress) {
  return guarded("colouring the keyframes' shots", [&]() -> Result<std::unique_ptr<GuidedShots>> {
    std::unique_ptr<GuidedShots> out(new GuidedShots());
    out->strength_ = guidance.strength;
    out->guidance_ = guidance;
    out->services_ = sv;
    out->cancel_ = cancel;
    out->progress_ = progress;
    if (guidance.empty())
      return out;
    if (Status s = guide::validateGuidance(guidance, frame_count); !s)
      return s.error();
    std::vector<std::pair<int64_t, int64_t>> shots;
    for (int64_t k : guidance.keyframes()) {
      const auto shot = shotAround(k, cut_frames, frame_count);
      if (shot.second >= first && shot.first <= last &&
          std::find(shots.begin(), shots.end(), shot) == shots.end())
        shots.push_back(shot);
    }
    bool any = false;
    for (const auto& [s0, s1] : shots) {
      Shot shot;
      shot.first = s0;
      shot.last = s1;
      const auto len = static_cast<size_t>(s1 - s0 + 1);
      const std::string key = shotKey(guidance, s0, s1, sv.propagation);
      const std::string dir = sv.cache_root.empty() ? std::string() : sv.cache_root + "/" + key;
      auto cache = AbCache::open(dir, dir.empty() ? len : 16);
      if (!cache)
        return cache.error();
      if (!dir.empty())
        markCacheFolderUsed(dir);  // the cache manager's eviction order
      shot.cache = std::move(*cache);
      ++out->stats_.shots;
      bool complete = true;
      for (int64_t f = s0; f <= s1 && complete; ++f)
        complete = shot.cache->contains(f);
      if (complete) {
        ++out->stats_.shots_reused;
        // Its reach as measured when it was propagated (none from before the file was kept).
        if (!dir.empty()) {
          if (auto reach = readShotReach(dir, len)) {
            const guide::ReachGap gap = guide::longestGap(s0, reach->shares, reach->key_share);
            if (!gap.empty())
              out->stats_.gaps.push_back(gap);
          } else {
            qCInfo(lcPipeline) << "guided shot" << s0 << ".." << s1
                               << "reused without its reach:" << reach.message().c_str();
          }
        }
      } else {
        shot.propagate = true;
        shot.propagated = std::make_unique<PropagatedStore>(sv.propagated_in_memory, dir);
        shot.ready.assign(len, 0);
        shot.shares.assign(len, -1.0);
        shot.coloured.assign(len, 0);
        out->progress_total_ += static_cast<int64_t>(len) * (sv.keep_l ? 2 : 1);
        any = true;
      }
      out->shots_[s1] = std::move(shot);
    }
    if (!any)
      return out;
    auto reader = media::VideoReader::open(sv.video_path, sv.input);
    if (!reader)
      return reader.error();
    out->reader_ = std::move(*reader);
    if (cancel.isCancelled())
      return makeError("cancelled");
    out->done_ = false;
    GuidedShots* self = out.get();
    out->thread_ = std::thread([self]() {
      const auto t0 = std::chrono::steady_clock::now();
      Status s = self->propagateAll();
      std::lock_guard<std::mutex> lock(self->mutex_);
      self->stats_.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      self->error_ = s;
      self->done_ = true;
      self->changed_.notify_all();
    });
    return out;
  });
}

GuidedShots::~GuidedShots() {
  finish();
}

const GuideStats& GuidedShots::finish() {
  stop_.cancel();
  if (thread_.joinable())
    thread_.join();
  return stats_;
}

Status GuidedShots::propagateAll() {
  return guarded("propagating keyframe colour", [&]() -> Status {
    // Propagation wants links at the working resolution; the shared flow cache holds them at the
    // smoothing's (coarser) resolution for the export. A cache of their own keeps the two apart, so
    // neither overwrites the other's entries; but both come from the same two flows, so each flow
    // pair computed here fills both caches, and the export's flow stage computes nothing for a
    // guided shot.
    for (auto& [s1, shot] : shots_) {
      if (!shot.propagate)
        continue;
      if (Status s = propagateShot(shot, *reader_); !s)
        return s;
    }
    return {};
  });
}

Status GuidedShots::propagateShot(Shot& shot, media::VideoReader& reader) {
  const GuideServices& sv = services_;
  const guide::Guidance& guidance = guidance_;
  const model::Colorizer& colorizer = *sv.colorizer;
  const int rotation = reader.info().rotation_deg;
  const int64_t s0 = shot.first;
  const int64_t s1 = shot.last;
  const auto len = static_cast<size_t>(s1 - s0 + 1);
  // The shot's L at working resolution, decoded on demand a few blocks at a time, so that a long
  // take does not hold its whole L in memory; the preview's network reads it through a reader of
  // its own (colourNext()).
  auto streamed = std::make_unique<ShotLuma>(reader, colorizer, s0, static_cast<int64_t>(len));
  auto got_frames = streamed->frames();
  if (!got_frames)
    return got_frames.error();
  const guide::ShotFrames frames = std::move(*got_frames);
  std::unique_ptr<ShotLuma> preview_l;
  if (sv.keep_l) {
    auto own = media::VideoReader::open(sv.video_path, sv.input);
    if (!own)
      return own.error();
    preview_l =
        std::make_unique<ShotLuma>(std::move(*own), colorizer, s0, static_cast<int64_t>(len));
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shot.decoded = static_cast<int64_t>(len);  // decoding is part of the sweeps' steps
    updateUnits(shot);
    shot.l = std::move(preview_l);  // colourNext() may start
  }
  reportProgress();
  const cv::Size size = frames.size;
  std::vector<guide::KeyframeColour> keys;
  for (int64_t k : guidance.keyframes()) {
    if (k < s0 || k > s1)
      continue;
    cv::Mat ref_ab;
    for (const guide::ReferenceImage& r : guidance.references)
      if (r.frame == k) {
        auto lk = frames.at(k - s0);
        if (!lk)
          return lk.error();
        auto ab = guide::loadReferenceAb(r.path, k, *lk, rotation);
        if (!ab)
          return ab.error();
        ref_ab = *ab;
      }
    keys.push_back(guide::keyframeColour(k, ref_ab, guidance.hints, size, rotation));
  }
  // In memory only: at the working resolution, compressing them for the disk would cost about
  // as much as computing them (the guided result itself is cached per shot). A link serves a
  // second sweep only between two keyframes; with one keyframe each is used once, so only the
  // last few are kept. Between two keyframes the second's backward sweep uses the first's links
  // again: up to kKeptLinks are kept (about 1 MB each at 256 px), beyond that the backward sweep
  // computes them again (the same links: same frames, same flow), so a long take between two
  // references costs more time instead of growing memory.
  constexpr size_t kKeptLinks = 256;
  auto guide_links = std::make_unique<temporal::MemoryFlowCache>(keys.size() > 1 ? kKeptLinks : 64);
  temporal::MemoryFlowCache unshared(1);
  temporal::FlowCache& export_links = sv.export_links ? *sv.export_links : unshared;
  temporal::FrameLinker linker(sv.flow, *guide_links);
  const cv::Size solve_size = temporal::solveSize(size, sv.solve_height_px);
  // The propagation's links at the flows' own resolution (no resizing; their masks cost a quarter
  // of those at the working resolution); the sweeps scale each to the working size.
  const cv::Size link_size = temporal::FlowEstimator(sv.flow).flowSize(size);
  int64_t last_key = s0 - 1;  // a backward sweep reaches only frames before a keyframe
  for (const guide::KeyframeColour& k : keys)
    last_key = std::max(last_key, k.frame);
  guide::LinkFn links = [&](int64_t from, int64_t to) -> Result<temporal::FrameLinkPtr> {
    // Always computed as the export's pair (previous frame -> frame); a backward sweep's link is
    // that pair's reverse, which the same flows give: kept only where a backward sweep may come.
    if (stopping())  // prepare()'s cancel reaches the sweeps through stop_
      return makeError("cancelled");
    const int64_t a = std::min(from, to);
    const int64_t b = std::max(from, to);
    if (temporal::FrameLinkPtr c = guide_links->find({to, from});
        c && c->flow_to_prev.size() == link_size)
      return c;
    auto la = frames.at(a - s0);
    if (!la)
      return la.error();
    auto lb = frames.at(b - s0);
    if (!lb)
      return lb.error();
    auto forward = linker.link({a, b}, *la, *lb, link_size, export_links, solve_size,
                               from == a || last_key >= b);
    if (!forward || from == b)
      return forward;
    return linker.link({to, from}, *lb, *la, link_size);
  };
  // How much of each frame the keyframes' colour reaches (trusted as the blend trusts it), against
  // what the keyframes themselves cover: the shot's gaps (guide/KeyframeReach).
  const double full_trust = guide::kReachConfidence;
  double key_share = 0.0;
  for (const guide::KeyframeColour& k : keys)
    key_share = std::max(key_share, guide::trustedShare(k.confidence, full_trust));
  Status store_failure;  // a spill file that could not be written
  auto ready = [&](size_t i, guide::PropagatedColour&& colour) {
    const double share = colour.reached_share >= 0.0
                             ? colour.reached_share
                             : guide::trustedShare(colour.confidence, full_trust);
    std::lock_guard<std::mutex> lock(mutex_);
    shot.shares[i] = share;
    if (!store_failure)
      return;  // stopping after an earlier failure
    store_failure = shot.propagated->put(static_cast<int64_t>(i), std::move(colour));
    if (!store_failure) {
      stop_.cancel();  // the sweeps stop at their next frame; the failure is the error
      return;
    }
    shot.ready[i] = 1;
    changed_.notify_all();
  };
  auto steps = [&](const ProgressUpdate& u) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      shot.steps = u.done;
      shot.total_steps = u.total;
      updateUnits(shot);
    }
    reportProgress();
  };
  // Colour between two keyframes waiting for the second one's sweep: in memory for a few dozen
  // frames, in spill files beyond (a long take between two references).
  PropagatedStore waiting_store(sv.propagated_in_memory, shot.cache->dir(), "w",
                                PropagatedStore::TakenFirst::Largest);
  guide::WaitingColour waiting;
  waiting.park = [&](int64_t i, guide::PropagatedColour&& c) {
    return waiting_store.put(i, std::move(c));
  };
  waiting.unpark = [&](int64_t i) -> Result<guide::PropagatedColour> {
    auto c = waiting_store.get(i);
    waiting_store.erase(i);
    return c;
  };
  auto prop =
      guide::propagateShot(s0, frames, keys, links, sv.propagation, stop_, ready, steps, waiting);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!store_failure)
      return store_failure;
  }
  if (!prop)
    return prop.error();
  ShotReach reach{key_share, {}};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shot.units = static_cast<int64_t>(len);
    reach.shares = shot.shares;
    const guide::ReachGap gap = guide::longestGap(s0, shot.shares, key_share);
    if (!gap.empty())
      stats_.gaps.push_back(gap);
    if (gap.empty())
      qCInfo(lcPipeline, "guided shot %lld..%lld: %zu keyframes covering %.0f %%; no gap",
             static_cast<long long>(s0), static_cast<long long>(s1), keys.size(),
             100.0 * key_share);
    else
      qCInfo(lcPipeline,
             "guided shot %lld..%lld: %zu keyframes covering %.0f %%; longest gap %lld..%lld",
             static_cast<long long>(s0), static_cast<long long>(s1), keys.size(), 100.0 * key_share,
             static_cast<long long>(gap.first), static_cast<long long>(gap.last));
  }
  // Kept with the shot's frames, for when the shot is reused from the cache.
  if (!shot.cache->dir().empty())
    if (Status s = writeShotReach(shot.cache->dir(), reach); !s)
      qCWarning(lcPipeline) << "the guided shot's reach is not kept:" << s.message().c_str();
  reportProgress();
  return {};
}

std::vector<guide::ReachGap> GuidedShots::reachGaps() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_.gaps;
}

bool GuidedShots::stopping() const {
  if (cancel_.isCancelled())
    stop_.cancel();
  return stop_.isCancelled();
}

Status GuidedShots::attach(const std::vector<std::shared_ptr<AnalysedFrame>>& frames,
                           model::Colorizer& colorizer, const CancelToken& cancel,
                           MaskedOutput& masked) {
  return guarded("colouring frames with keyframe colour", [&]() -> Status {
    // The batch's frames, grouped by shot (a batch may cross a cut between two guided shots).
    for (size_t i0 = 0; i0 < frames.size();) {
      Shot* shot = shotOf(frames[i0]->index);
      if (!shot)
        return makeError("internal error: frame " + std::to_string(frames[i0]->index) +
                         " is not in a guided shot");
      size_t i1 = i0;
      bool cached = true;
      while (i1 < frames.size() && frames[i1]->index <= shot->last) {
        frames[i1]->ab = shot->cache->find(frames[i1]->index);
        cached = cached && frames[i1]->ab;
        ++i1;
      }
      if (!cached) {
        // Wait until the sweeps are done with these frames (or the propagation failed).
        std::unique_lock<std::mutex> lock(mutex_);
        auto readyAll = [&]() {
          for (size_t i = i0; i < i1; ++i) {
            const auto rel = static_cast<size_t>(frames[i]->index - shot->first);
            if (rel >= shot->ready.size() || !shot->ready[rel])
              return false;
          }
          return true;
        };
        while (!readyAll()) {
          if (done_)
            return error_
                       ? Status(makeError("internal error: the propagation ended without frame " +
                                          std::to_string(frames[i0]->index)))
                       : error_;
          if (cancel.isCancelled())
            return makeError("cancelled");
          changed_.wait_for(lock, std::chrono::milliseconds(100));
        }
        std::vector<guide::PropagatedColour> colours;
        for (size_t i = i0; i < i1; ++i) {
          auto c = shot->propagated->get(frames[i]->index - shot->first);
          if (!c || c->ab.empty())
            return makeError("the propagated colour of frame " + std::to_string(frames[i]->index) +
                             " is missing" + (c ? std::string() : ": " + c.message()));
          colours.push_back(std::move(*c));
        }
        lock.unlock();
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<cv::Mat> inputs;
        std::vector<model::ColorHints> hints;
        for (size_t i = i0; i < i1; ++i) {
          inputs.push_back(frames[i]->l_work);
          model::ColorHints h;
          guide::networkHints(colours[i - i0], &h.ab, &h.mask);
          hints.push_back(h);
        }
        auto net = colorizer.colorize(inputs, hints, {}, cancel);
        if (!net)
          return net.error();
        for (size_t i = i0; i < i1; ++i) {
          AnalysedFrame& f = *frames[i];
          model::ColorizedFrame& n = (*net)[i - i0];
          if (!f.ab) {  // a frame the cache holds already (from this same batch) is kept
            if (Status s = checkNetworkOutput(f.index, n.ab, n.confidence, masked); !s)
              return s;
            auto entry = std::make_shared<CachedAb>();
            guide::GuidedColour g =
                guide::blendGuided(colours[i - i0], f.l_work, n.ab,
                                   colorizer.hasConfidence() ? n.confidence : cv::Mat(), strength_);
            entry->ab = std::move(g.ab);
            entry->confidence = std::move(g.confidence);
            if (Status s = shot->cache->store(f.index, entry); !s)
              return s;
            f.ab = shot->cache->find(f.index);
            if (!f.ab)
              return makeError("the guided colour of frame " + std::to_string(f.index) +
                               " went missing from its cache");
            ++stats_.frames_guided;
          }
        }
        stats_.network_s +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        for (size_t i = i0; i < i1; ++i) {
          if (shot->propagated)
            shot->propagated->erase(frames[i]->index - shot->first);
        }
      }
      i0 = i1;
    }
    return {};
  });
}

GuidedShots::Shot* GuidedShots::shotOf(int64_t frame) {
  const auto it = shots_.lower_bound(frame);
  if (it == shots_.end() || it->second.first > frame)
    return nullptr;
  return &it->second;
}

const GuidedShots::Shot* GuidedShots::shotOf(int64_t frame) const {
  const auto it = shots_.lower_bound(frame);
  if (it == shots_.end() || it->second.first > frame)
    return nullptr;
  return &it->second;
}

bool GuidedShots::covers(int64_t frame) const {
  return shotOf(frame) != nullptr;
}

CachedAbPtr GuidedShots::find(int64_t frame) const {
  const Shot* shot = shotOf(frame);
  return shot ? shot->cache->find(frame) : nullptr;
}

}  // namespace cf::pipeline
