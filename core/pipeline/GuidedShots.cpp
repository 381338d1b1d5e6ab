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
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/CacheKey.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/NetworkOutputCheck.h"

namespace cf::pipeline {

namespace {

// Bump when the propagation or the blend changes what a guided shot looks like.
constexpr int kGuideVersion = 1;

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
  add(std::to_string(p.decay_per_frame) + " " + std::to_string(p.luma_sigma) + " " +
      std::to_string(p.occluded_weight) + " " + std::to_string(p.min_confidence) + " " +
      std::to_string(p.reanchor) + " " + std::to_string(p.reanchor_iterations) + " " +
      std::to_string(p.residual_sigma_px) + " " + std::to_string(p.direct_match) + " " +
      std::to_string(p.match_finest_scale));
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
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<GuidedShots> out(new GuidedShots());
    if (guidance.empty())
      return out;
    if (Status s = guide::validateGuidance(guidance, frame_count); !s)
      return s.error();
    media::VideoReader& reader = *sv.reader;
    model::Colorizer& colorizer = *sv.colorizer;
    const int rotation = reader.info().rotation_deg;
    // Propagation wants links at the working resolution; the shared flow cache holds them at the
    // smoothing's (coarser) resolution for the export. A cache of their own keeps the two apart,
    // so neither overwrites the other's entries. (The guided result itself is cached per shot.)
    temporal::MemoryFlowCache guide_links;
    temporal::FrameLinker linker(sv.flow, guide_links);
    std::vector<std::pair<int64_t, int64_t>> shots;
    for (int64_t k : guidance.keyframes()) {
      const auto shot = shotAround(k, cut_frames, frame_count);
      if (shot.second >= first && shot.first <= last &&
          std::find(shots.begin(), shots.end(), shot) == shots.end())
        shots.push_back(shot);
    }
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
      shot.cache = std::move(*cache);
      ++out->stats_.shots;
      bool complete = true;
      for (int64_t f = s0; f <= s1 && complete; ++f)
        complete = shot.cache->contains(f);
      if (complete) {
        ++out->stats_.shots_reused;
        out->shots_[s1] = std::move(shot);
        continue;
      }
      // Decode the shot's L at working resolution.
      std::vector<cv::Mat> l;
      l.reserve(len);
      for (int64_t f = s0; f <= s1; ++f) {
        if (cancel.isCancelled())
          return makeError("cancelled");
        auto decoded = f == s0 ? reader.frameAt(f) : reader.next();
        if (!decoded)
          return decoded.error();
        if (!*decoded)
          return makeError("frame " + std::to_string(f) + " of '" + reader.info().path +
                           "' could not be decoded (the file ends early)");
        l.push_back(colorizer.toWorkingResolution(lumaL(**decoded)));
        report(progress, f - s0 + 1, static_cast<int64_t>(len) * 2, "keyframes");
      }
      const cv::Size size = l.front().size();
      std::vector<guide::KeyframeColour> keys;
      for (int64_t k : guidance.keyframes()) {
        if (k < s0 || k > s1)
          continue;
        cv::Mat ref_ab;
        for (const guide::ReferenceImage& r : guidance.references)
          if (r.frame == k) {
            auto ab = guide::loadReferenceAb(r.path, k, l[static_cast<size_t>(k - s0)], rotation);
            if (!ab)
              return ab.error();
            ref_ab = *ab;
          }
        keys.push_back(guide::keyframeColour(k, ref_ab, guidance.hints, size, rotation));
      }
      guide::LinkFn links = [&](int64_t from, int64_t to) {
        return linker.link({to, from}, l[static_cast<size_t>(to - s0)],
                           l[static_cast<size_t>(from - s0)], size);
      };
      auto prop = guide::propagateShot(s0, l, keys, links, sv.propagation, cancel);
      if (!prop)
        return prop.error();
      // The network, guided by the propagated colour, in batches; then the blend.
      const size_t batch = static_cast<size_t>(std::max(1, colorizer.batchSize()));
      MaskedOutput masked;
      for (size_t b0 = 0; b0 < len; b0 += batch) {
        const size_t b1 = std::min(len, b0 + batch);
        std::vector<cv::Mat> inputs(l.begin() + static_cast<std::ptrdiff_t>(b0),
                                    l.begin() + static_cast<std::ptrdiff_t>(b1));
        std::vector<model::ColorHints> hints;
        for (size_t i = b0; i < b1; ++i) {
          model::ColorHints h;
          guide::networkHints((*prop)[i], &h.ab, &h.mask);
          hints.push_back(h);
        }
        auto net = colorizer.colorize(inputs, hints, {}, cancel);
        if (!net)
          return net.error();
        for (size_t i = b0; i < b1; ++i) {
          const int64_t frame = s0 + static_cast<int64_t>(i);
          model::ColorizedFrame& n = (*net)[i - b0];
          if (Status s = checkNetworkOutput(frame, n.ab, n.confidence, masked); !s)
            return s.error();
          auto entry = std::make_shared<CachedAb>();
          entry->ab = guide::blendGuided((*prop)[i], n.ab, guidance.strength);
          if (colorizer.hasConfidence())
            entry->confidence = guide::blendConfidence((*prop)[i], n.confidence, guidance.strength);
          if (Status s = shot.cache->store(frame, entry); !s)
            return s.error();
          ++out->stats_.frames_guided;
        }
        report(progress, static_cast<int64_t>(len + b1), static_cast<int64_t>(len) * 2,
               "keyframes");
      }
      qCInfo(lcPipeline, "guided shot %lld..%lld: %zu keyframes", static_cast<long long>(s0),
             static_cast<long long>(s1), keys.size());
      out->shots_[s1] = std::move(shot);
    }
    out->stats_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
  });
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
