#include "guide/Propagation.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "guide/KeyframeReach.h"
#include "temporal/OpticalFlow.h"

#include <opencv2/video/tracking.hpp>

namespace cf::guide {

namespace {

cv::Mat identityGrid(cv::Size size) {
  cv::Mat grid(size, CV_32FC2);
  for (int y = 0; y < size.height; ++y) {
    auto* row = grid.ptr<cv::Vec2f>(y);
    for (int x = 0; x < size.width; ++x)
      row[x] = cv::Vec2f(static_cast<float>(x), static_cast<float>(y));
  }
  return grid;
}

cv::Mat sample(const cv::Mat& src, const cv::Mat& pos, bool zero_outside,
               int interpolation = cv::INTER_LINEAR) {
  cv::Mat out;
  cv::remap(src, out, pos, cv::noArray(), interpolation,
            zero_outside ? cv::BORDER_CONSTANT : cv::BORDER_REPLICATE, cv::Scalar::all(0));
  return out;
}

// What the sweeps that reached one frame left there: the first one's colour as it came (a frame
// that only one sweep reaches gets exactly that, without the weighted sums' arithmetic), and the
// weighted sums once a second one comes.
struct Accumulator {
  int count = 0;
  bool parked = false;    // the first sweep's ab and conf wait in a WaitingColour
  double reached = -1.0;  // the largest reached share of the sweeps so far
  cv::Mat ab, conf;       // the first sweep's
  int distance = 0;       // its distance to its keyframe
  cv::Mat wab;            // sum of w * ab
  cv::Mat wconf;          // sum of w * confidence
  cv::Mat w;              // sum of w
};

// A small floor keeps the best guess of ab defined where no sweep is confident. It is added
// after the distance weighting: scaled by it, a hint-only keyframe's own frame (distance 0, so
// 1 / 0.01) gave its pixels without hints a weight of 0.01, more than a reference's sweep at
// full confidence from 100 frames away, and the frame lost the reference's colour (a one-frame
// flash of the network's colour in a long shot). And it is tiny: a sweep that is not confident
// at a pixel (a hint-only keyframe's sweep away from its hints, whose colour there is grey) must
// not pull a confident sweep's colour towards its own, even thousands of frames from the
// confident sweep's keyframe (at 1e-4, 7 % of the chroma 400 frames from a reference).
constexpr double kWeightFloor = 1e-7;

void addWeighted(Accumulator& acc, const cv::Mat& ab, const cv::Mat& conf, int distance) {
  const cv::Mat w = conf * (1.0 / (distance + 0.01)) + kWeightFloor;
  if (acc.w.empty()) {
    acc.w = cv::Mat::zeros(conf.size(), CV_32FC1);
    acc.wconf = cv::Mat::zeros(conf.size(), CV_32FC1);
    acc.wab = cv::Mat::zeros(conf.size(), CV_32FC2);
  }
  acc.w += w;
  acc.wconf += w.mul(conf);
  cv::Mat w2;
  cv::merge(std::vector<cv::Mat>{w, w}, w2);
  acc.wab += w2.mul(ab);
}

// `ab` and `conf` are kept as they are (shared, not copied): nothing may change them afterwards.
void accumulate(Accumulator& acc, const cv::Mat& ab, const cv::Mat& conf, int distance) {
  if (acc.count == 0) {
    acc.ab = ab;
    acc.conf = conf;
    acc.distance = distance;
  } else {
    if (acc.count == 1) {
      addWeighted(acc, acc.ab, acc.conf, acc.distance);
      acc.ab.release();
      acc.conf.release();
    }
    addWeighted(acc, ab, conf, distance);
  }
  ++acc.count;
}

// The frame's colour from what the sweeps left (empty where none reached it); clears `acc`.
PropagatedColour blended(Accumulator& acc) {
  PropagatedColour p;
  p.reached_share = acc.reached;
  if (acc.count == 1) {
    p.ab = acc.ab;
    p.confidence = acc.conf;
  } else if (acc.count > 1) {
    cv::Mat w = cv::max(acc.w, 1e-12);
    cv::Mat inv;
    cv::divide(1.0, w, inv);
    cv::Mat inv2;
    cv::merge(std::vector<cv::Mat>{inv, inv}, inv2);
    p.ab = acc.wab.mul(inv2);
    p.confidence = acc.wconf.mul(inv);
  }
  acc = Accumulator{};
  return p;
}

// Hands what the sweeps left at a frame to `waiting` while a later sweep is still to come: the
// first sweep's colour, or the weighted sums once two or more came.
Status park(const WaitingColour& waiting, Accumulator& acc, int64_t index) {
  PropagatedColour c;
  if (acc.count == 1) {
    c.ab = std::move(acc.ab);
    c.confidence = std::move(acc.conf);
  } else {
    c.ab = std::move(acc.wab);
    c.confidence = std::move(acc.wconf);
    c.weight = std::move(acc.w);
  }
  acc.parked = true;
  return waiting.park(index, std::move(c));
}

// Brings back what park() handed to `waiting` before the accumulator is used.
Status unpark(const WaitingColour& waiting, Accumulator& acc, int64_t index) {
  if (!acc.parked)
    return {};
  auto c = waiting.unpark(index);
  if (!c)
    return c.error();
  if (acc.count == 1) {
    acc.ab = std::move(c->ab);
    acc.conf = std::move(c->confidence);
  } else {
    if (c->weight.empty())
      return makeError("the waiting colour of frame " + std::to_string(index) +
                       " came back without its weights");
    acc.wab = std::move(c->ab);
    acc.wconf = std::move(c->confidence);
    acc.w = std::move(c->weight);
  }
  acc.parked = false;
  return {};
}

// |l - (lk seen through map)|: the local L mismatch that agreementFrom() turns into agreement.
cv::Mat lumaDifference(const cv::Mat& l, const cv::Mat& lk, const cv::Mat& map) {
  cv::Mat diff;
  cv::absdiff(l, sample(lk, map, false), diff);
  return diff;
}

// exp(-d^2 / 2 sigma^2) of `diff` averaged over a Gaussian window.
cv::Mat agreementFrom(const cv::Mat& diff, double sigma, double window_px) {
  cv::Mat blurred;
  cv::GaussianBlur(diff, blurred, cv::Size(0, 0), window_px);
  cv::Mat agree = blurred.mul(blurred) * (-0.5 / (sigma * sigma));
  cv::exp(agree, agree);
  return agree;
}

// Per-pixel agreement of `l` with the keyframe L `lk` seen through `map`: exp(-d^2 / 2 sigma^2)
// of the locally averaged |dL|.
cv::Mat agreementOf(const cv::Mat& l, const cv::Mat& lk, const cv::Mat& map, double sigma,
                    double window_px = 1.5) {
  return agreementFrom(lumaDifference(l, lk, map), sigma, window_px);
}

class Sweeper {
 public:
  Sweeper(int64_t first, const ShotFrames& l, const LinkFn& links,
          const PropagationSettings& settings, std::vector<Accumulator>& acc,
          std::function<void(int64_t)> done, const WaitingColour& waiting, const Status& failure)
      : done_(std::move(done)),
        waiting_(waiting),
        failure_(failure),
        first_(first),
        l_(l),
        links_(links),
        settings_(settings),
        acc_(acc),
        grid_(identityGrid(l.size)),
        ones_(l.size, CV_32FC1, cv::Scalar(1.0)),
        residual_(cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_MEDIUM)),
        direct_(cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_MEDIUM)) {
    const int scale = matchScale(settings, l.size.height);
    residual_->setFinestScale(scale);
    direct_->setFinestScale(scale + std::max(0, settings.direct_coarser));
  }

  static int matchScale(const PropagationSettings& s, int rows) {
    if (s.match_finest_scale >= 0)
      return s.match_finest_scale;
    int scale = 0;
    while ((rows >> (scale + 1)) >= s.match_height_px)
      ++scale;
    return scale;
  }

  cv::Mat agreement(const cv::Mat& l, const cv::Mat& lk, const cv::Mat& map) const {
    return agreementOf(l, lk, map, settings_.luma_sigma);
  }

  /// Sweeps from keyframe `k` in direction `dir` (+1/-1) up to relative frame `stop` inclusive.
  /// Calls done(n) for every frame n of that range once this sweep will not touch it any more.
  Status run(const KeyframeColour& k, int dir, int64_t stop, const CancelToken& cancel) {
    int64_t next = k.frame - first_ + dir;  // the first frame this sweep has not finished
    auto finishTo = [&](int64_t end) {      // done() for next..end (inclusive, along dir)
      for (; dir > 0 ? next <= end : next >= end; next += dir)
        done_(next);
    };
    Status s = sweep(k, dir, stop, cancel, finishTo);
    if (s)
      finishTo(stop);  // the frames after an early stop
    return s;
  }

 private:
  struct Prefetched {
    temporal::FrameLinkPtr link;  ///< frame n to its neighbour towards the keyframe
    cv::Mat ln;                   ///< frame n's L
    cv::Mat ln8;                  ///< frame n's L as 8 bits (the matches' input)
    cv::Mat map_direct;           ///< direct match: positions in the keyframe
    cv::Mat agree_direct;         ///< and its agreements, narrow and wide
    cv::Mat wide_direct;
  };

  Result<Prefetched> prefetch(const cv::Mat& lk, const cv::Mat& lk8, int dir, int64_t kr,
                              int64_t n) {
    return guarded("propagating keyframe colour", [&]() -> Result<Prefetched> {
      Prefetched p;
      auto link = links_(first_ + n, first_ + n - dir);
      if (!link)
        return link.error();
      p.link = *link;
      auto l = l_.at(n);
      if (!l)
        return l.error();
      p.ln = *l;
      const cv::Mat& ln = p.ln;
      if (p.link->flow_to_prev.size() != ln.size())  // links come at the flows' own resolution
        p.link = std::make_shared<temporal::FrameLink>(temporal::resizeLink(*p.link, ln.size()));
      ln.convertTo(p.ln8, CV_8U, 2.55);
      if (settings_.direct_match && std::abs(n - kr) % std::max(1, settings_.direct_every) == 0) {
        cv::Mat direct;
        direct_->calc(p.ln8, lk8, direct);
        p.map_direct = grid_ + direct;
        // One sampling of the keyframe for both windows.
        const cv::Mat diff = lumaDifference(ln, lk, p.map_direct);
        p.agree_direct = agreementFrom(diff, settings_.luma_sigma, 1.5);
        p.wide_direct = agreementFrom(diff, settings_.luma_sigma, 4.0);
      }
      return p;
    });
  }

  template <class FinishFn>
  Status sweep(const KeyframeColour& k, int dir, int64_t stop, const CancelToken& cancel,
               FinishFn& finishTo) {
    const int64_t kr = k.frame - first_;
    auto lk_at = l_.at(kr);
    if (!lk_at)
      return lk_at.error();
    const cv::Mat lk = *lk_at;
    cv::Mat lk8;
    lk.convertTo(lk8, CV_8U, 2.55);
    cv::Mat map = grid_.clone();
    // 1 where the chain of flows stayed inside the frames back to the keyframe (the direct match
    // sets it again); only for reached_share, the colour does not depend on it.
    cv::Mat origin = ones_.clone();
    double decay = 1.0;
    // What does not depend on the chain's map (the link and the direct match to the keyframe) is
    // computed for the next frame on a helper thread while this one is re-anchored: the same
    // calls in the same order, so the result does not change; the sweep's critical path holds
    // only the residual flows.
    auto fetch = [this, &lk, &lk8, dir, kr](int64_t n) {
      return std::async(std::launch::async,
                        [this, &lk, &lk8, dir, kr, n]() { return prefetch(lk, lk8, dir, kr, n); });
    };
    const auto inRange = [&](int64_t n) { return dir > 0 ? n <= stop : n >= stop; };
    std::future<Result<Prefetched>> next;
    if (inRange(kr + dir))
      next = fetch(kr + dir);
    for (int64_t n = kr + dir; inRange(n); n += dir) {
      if (cancel.isCancelled())
        return makeError("cancelled");
      auto got = next.get();
      if (inRange(n + dir))
        next = fetch(n + dir);
      if (!got)
        return got.error();
      const Prefetched& pre = *got;
      const temporal::FrameLinkPtr& link = pre.link;
      const cv::Mat pos = grid_ + link->flow_to_prev;
      map = sample(map, pos, false);
      origin = sample(origin, pos, true);
      // This link's forward-backward check only: the map is re-anchored on the keyframe and checked
      // against its L at every frame, so a pixel once occluded recovers when it reappears.
      cv::Mat link_ok;
      link->mask.convertTo(link_ok, CV_32F, 1.0 - settings_.occluded_weight,
                           settings_.occluded_weight);
      cv::threshold(link_ok, link_ok, 1.0, 1.0, cv::THRESH_TRUNC);
      cv::Mat inside = sample(ones_, pos, true, cv::INTER_NEAREST);
      const cv::Mat& ln = pre.ln;
      if (settings_.reanchor) {
        for (int it = 0; it < settings_.reanchor_iterations; ++it) {
          cv::Mat warped8, residual;
          sample(lk, map, false).convertTo(warped8, CV_8U, 2.55);
          residual_->calc(pre.ln8, warped8, residual);
          // Optionally only its smooth part (a sharp residual may "explain" another texture by
          // shuffling the keyframe's pixels; a smooth one corrects less).
          if (settings_.residual_sigma_px > 0.0)
            cv::GaussianBlur(residual, residual, cv::Size(0, 0), settings_.residual_sigma_px);
          map = sample(map, grid_ + residual, false);
        }
      }
      cv::Mat agree = agreement(ln, lk, map);
      if (!pre.map_direct.empty()) {
        // Long-range re-match: a flow straight from this frame to the keyframe. Where it explains
        // the frame's L better than the chained map (an object back from behind an occluder, a
        // chain broken by a fast motion), it replaces the map, and the chain goes on from there.
        // Only where the chain clearly fails and the direct match holds over a wider window
        // (a texture can be matched falsely pixel by pixel).
        const cv::Mat better = (agree < 0.5) & (pre.wide_direct > 0.8) & (pre.agree_direct > agree);
        pre.map_direct.copyTo(map, better);
        pre.agree_direct.copyTo(agree, better);
        origin.setTo(1.0, better);
        link_ok.setTo(1.0, better);
        inside.setTo(1.0, better);
      }
      decay = std::max(decay * settings_.decay_per_frame, settings_.min_decay);
      cv::Mat conf = sample(k.confidence, map, true).mul(link_ok).mul(agree).mul(inside) * decay;
      const cv::Mat ab = sample(k.ab, map, false);
      Accumulator& acc = acc_[static_cast<size_t>(n)];
      acc.reached = std::max(acc.reached, trustedShare(conf, kReachConfidence, origin > 0.5));
      if (Status s = unpark(waiting_, acc, n); !s)
        return s;
      accumulate(acc, ab, conf, static_cast<int>(std::abs(n - kr)));
      finishTo(n);
      if (!failure_)  // a colour that could not be parked
        return failure_;
      double peak = 0.0;
      cv::minMaxLoc(conf, nullptr, &peak);
      if (peak < settings_.min_confidence)
        break;
    }
    return {};
  }

  std::function<void(int64_t)> done_;
  const WaitingColour& waiting_;
  const Status& failure_;
  int64_t first_;
  const ShotFrames& l_;
  const LinkFn& links_;
  const PropagationSettings& settings_;
  std::vector<Accumulator>& acc_;
  cv::Mat grid_;
  cv::Mat ones_;
  cv::Ptr<cv::DISOpticalFlow> residual_;
  cv::Ptr<cv::DISOpticalFlow> direct_;
};

}  // namespace

ShotFrames shotFrames(const std::vector<cv::Mat>& l) {
  ShotFrames f;
  f.count = static_cast<int64_t>(l.size());
  f.size = l.empty() ? cv::Size() : l.front().size();
  f.at = [&l](int64_t i) -> Result<cv::Mat> {
    if (i < 0 || i >= static_cast<int64_t>(l.size()))
      return makeError("frame " + std::to_string(i) + " is outside the shot's " +
                       std::to_string(l.size()) + " frames");
    return l[static_cast<size_t>(i)];
  };
  return f;
}

Result<std::vector<PropagatedColour>> propagateShot(
    int64_t first, const std::vector<cv::Mat>& l, const std::vector<KeyframeColour>& keyframes,
    const LinkFn& links, const PropagationSettings& settings, const CancelToken& cancel,
    const FrameReadyFn& ready, const ProgressFn& progress) {
  return propagateShot(first, shotFrames(l), keyframes, links, settings, cancel, ready, progress,
                       {});
}

Result<std::vector<PropagatedColour>> propagateShot(
    int64_t first, const ShotFrames& l, const std::vector<KeyframeColour>& keyframes,
    const LinkFn& links, const PropagationSettings& settings, const CancelToken& cancel,
    const FrameReadyFn& ready, const ProgressFn& progress, const WaitingColour& waiting) {
  return guarded("propagating keyframe colour", [&]() -> Result<std::vector<PropagatedColour>> {
    const auto count = std::max<int64_t>(0, l.count);
    std::vector<PropagatedColour> out(static_cast<size_t>(count));
    if (count == 0)
      return out;
    std::vector<const KeyframeColour*> keys;
    for (const KeyframeColour& k : keyframes)
      if (k.frame >= first && k.frame < first + count)
        keys.push_back(&k);
    std::sort(keys.begin(), keys.end(),
              [](const KeyframeColour* a, const KeyframeColour* b) { return a->frame < b->frame; });
    std::vector<Accumulator> acc(static_cast<size_t>(count));
    // A frame's colour is final once every sweep that may reach it is done with it: count them.
    struct Sweep {
      const KeyframeColour* key;
      int dir;
      int64_t stop;
    };
    std::vector<Sweep> sweeps;
    std::vector<int> pending(static_cast<size_t>(count), 0);
    for (size_t i = 0; i < keys.size(); ++i) {
      const KeyframeColour& k = *keys[i];
      const int64_t kr = k.frame - first;
      // A sweep stops before the next full reference (hint-only: before the next keyframe).
      int64_t stop_fwd = count - 1;
      for (size_t j = i + 1; j < keys.size(); ++j)
        if (keys[j]->frame != k.frame && (keys[j]->full || !k.full)) {
          stop_fwd = keys[j]->frame - first - 1;
          break;
        }
      int64_t stop_bwd = 0;
      for (size_t j = i; j-- > 0;)
        if (keys[j]->frame != k.frame && (keys[j]->full || !k.full)) {
          stop_bwd = keys[j]->frame - first + 1;
          break;
        }
      // Backward first: frames then become final roughly in order, as a streaming consumer
      // (the export) wants them.
      sweeps.push_back({&k, -1, stop_bwd});
      sweeps.push_back({&k, +1, stop_fwd});
      for (int64_t n = kr - 1; n >= stop_bwd; --n)
        ++pending[static_cast<size_t>(n)];
      for (int64_t n = kr + 1; n <= stop_fwd; ++n)
        ++pending[static_cast<size_t>(n)];
      // Copies: the frame's colour is handed on (a consumer may change it) while sweeps read k.
      accumulate(acc[static_cast<size_t>(kr)], k.ab.clone(), k.confidence.clone(), 0);
    }
    Status failure;  // parking or unparking a waiting colour failed: the sweeps stop
    auto finish = [&](size_t n) {
      if (Status s = unpark(waiting, acc[n], static_cast<int64_t>(n)); !s) {
        failure = s;
        return;
      }
      PropagatedColour& p = out[n];
      p = blended(acc[n]);
      if (p.ab.empty()) {
        p.ab = cv::Mat::zeros(l.size, CV_32FC2);
        p.confidence = cv::Mat::zeros(l.size, CV_32FC1);
      }
      if (ready)
        ready(n, std::move(p));
    };
    int64_t steps = 0;  // progress: one step per frame a sweep is done with
    int64_t total_steps = 0;
    for (size_t n = 0; n < static_cast<size_t>(count); ++n) {
      total_steps += pending[n];
      if (pending[n] == 0)
        finish(n);
    }
    report(progress, 0, total_steps, "propagate");
    Sweeper sweeper(
        first, l, links, settings, acc,
        [&](int64_t n) {
          Accumulator& a = acc[static_cast<size_t>(n)];
          if (--pending[static_cast<size_t>(n)] == 0) {
            finish(static_cast<size_t>(n));
          } else if (failure && !waiting.empty() && a.count > 0 && !a.parked) {
            // Another sweep comes later: the colour (or the sums) waits outside memory meanwhile.
            // (Nothing to park where no sweep left colour yet: the frames after a sweep's early
            // stop.)
            if (Status s = park(waiting, a, n); !s)
              failure = s;
          }
          report(progress, ++steps, total_steps, "propagate");
        },
        waiting, failure);
    for (const Sweep& sw : sweeps) {
      if (Status s = sweeper.run(*sw.key, sw.dir, sw.stop, cancel); !s)
        return s.error();
      if (!failure)
        return failure.error();
    }
    return out;
  });
}

Result<std::vector<cv::Mat>> naiveWarpForward(int64_t first, const std::vector<cv::Mat>& l,
                                              const KeyframeColour& keyframe, const LinkFn& links) {
  return guarded("warping keyframe colour", [&]() -> Result<std::vector<cv::Mat>> {
    std::vector<cv::Mat> out(l.size());
    const int64_t kr = keyframe.frame - first;
    if (kr < 0 || kr >= static_cast<int64_t>(l.size()))
      return makeError("naive warp: the keyframe is outside the frames");
    out[static_cast<size_t>(kr)] = keyframe.ab.clone();
    for (int64_t n = kr + 1; n < static_cast<int64_t>(l.size()); ++n) {
      auto link = links(first + n, first + n - 1);
      if (!link)
        return link.error();
      out[static_cast<size_t>(n)] = temporal::warpWithFlow(
          out[static_cast<size_t>(n - 1)],
          temporal::resizeFlow((*link)->flow_to_prev, l[static_cast<size_t>(n)].size()));
    }
    return out;
  });
}

}  // namespace cf::guide
