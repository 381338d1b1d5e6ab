#include "analysis/FailureFlagger.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "analysis/FrameSignals.h"

namespace cf::analysis {

const char* flagKindName(FlagKind kind) {
  switch (kind) {
    case FlagKind::Sepia:
      return "sepia";
    case FlagKind::Desaturated:
      return "desaturated";
    case FlagKind::LowConfidence:
      return "low-confidence";
    case FlagKind::Flicker:
      return "flicker";
    case FlagKind::Motion:
      return "motion";
  }
  return "unknown";
}

bool flagKindFromName(const std::string& name, FlagKind* kind) {
  for (FlagKind k : {FlagKind::Sepia, FlagKind::Desaturated, FlagKind::LowConfidence,
                     FlagKind::Flicker, FlagKind::Motion}) {
    if (name == flagKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

namespace {

std::string format(const char* fmt, double a, double b = 0.0) {
  char buf[160] = {};
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

const std::pair<ReasonCode, const char*> kReasonNames[] = {
    {ReasonCode::SepiaBand, "sepia-band"},
    {ReasonCode::ColourfulnessBelow, "colourfulness-below"},
    {ReasonCode::ColourfulnessBelowShot, "colourfulness-below-shot"},
    {ReasonCode::LowConfidenceArea, "low-confidence-area"},
    {ReasonCode::ConfidenceBelowShot, "confidence-below-shot"},
    {ReasonCode::FlickerJump, "flicker-jump"},
    {ReasonCode::FlickerAboveShot, "flicker-above-shot"},
    {ReasonCode::OccludedOrCut, "occluded-or-cut"},
    {ReasonCode::Occluded, "occluded"},
    {ReasonCode::MotionWidth, "motion-width"},
};

}  // namespace

const char* reasonCodeName(ReasonCode code) {
  for (const auto& [c, name] : kReasonNames)
    if (c == code)
      return name;
  return "unknown";
}

bool reasonCodeFromName(const std::string& name, ReasonCode* code) {
  for (const auto& [c, n] : kReasonNames) {
    if (name == n) {
      *code = c;
      return true;
    }
  }
  return false;
}

std::string reasonText(const Reason& r) {
  switch (r.code) {
    case ReasonCode::SepiaBand:
      return format("sepia: %.0f %% of chroma in %.0f", r.value, r.limit) +
             format("-%.0f degree hue band", r.extra);
    case ReasonCode::ColourfulnessBelow:
      return format("desaturated: colourfulness %.1f is below %.1f (colour averaging)", r.value,
                    r.limit);
    case ReasonCode::ColourfulnessBelowShot:
      return format("desaturated: colourfulness %.1f, far below the shot's median %.1f", r.value,
                    r.limit);
    case ReasonCode::LowConfidenceArea:
      return format("low confidence on %.0f %% of frame", r.value);
    case ReasonCode::ConfidenceBelowShot:
      return format("confidence %.2f, far below the shot's median %.2f", r.value, r.limit);
    case ReasonCode::FlickerJump:
      return format("flicker: colour jumps by %.1f ab units between frames", r.value);
    case ReasonCode::FlickerAboveShot:
      return format("flicker %.1fx above shot median", r.value);
    case ReasonCode::OccludedOrCut:
      return format("heavy motion or an undetected cut: %.0f %% occluded", r.value);
    case ReasonCode::Occluded:
      return format("heavy motion: %.0f %% occluded", r.value);
    case ReasonCode::MotionWidth:
      return format("heavy motion: %.1f %% of the frame width per frame", r.value);
  }
  return "unknown reason";
}

namespace {

struct Robust {
  double median = 0.0;
  double spread = 0.0;  ///< 1.4826 * MAD, floored
};

Robust robustStats(std::vector<double> values, double floor) {
  Robust r;
  if (values.empty())
    return r;
  auto median_of = [](std::vector<double>& v) {
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    double m = v[mid];
    if (v.size() % 2 == 0) {
      m = 0.5 * (m + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
    }
    return m;
  };
  r.median = median_of(values);
  for (double& v : values)
    v = std::abs(v - r.median);
  r.spread = std::max(1.4826 * median_of(values), floor);
  return r;
}

struct ShotStats {
  Robust colorfulness;
  Robust confidence;
  Robust occluded;
  double flicker_median = 0.0;
};

ShotStats shotStats(const std::vector<FrameMetrics>& m, size_t first, size_t end) {
  std::vector<double> colorfulness, confidence, occluded, flicker;
  for (size_t i = first; i < end; ++i) {
    colorfulness.push_back(m[i].colorfulness);
    confidence.push_back(m[i].mean_confidence);
    if (m[i].has_previous) {
      flicker.push_back(m[i].flicker);
      occluded.push_back(m[i].occluded_fraction);
    }
  }
  ShotStats s;
  s.colorfulness = robustStats(colorfulness, 1.0);
  s.confidence = robustStats(confidence, 0.01);
  s.occluded = robustStats(occluded, 0.01);
  s.flicker_median = robustStats(flicker, 0.0).median;
  return s;
}

// A colour change that stands out from its shot must also be visible to count: a mean squared ab
// change of 4 is 2 ab units RMS, about one just-noticeable difference of chroma. Measured on the
// smoothed result (what the export writes), the shot's typical change is small, and without this
// a barely visible residual would stand out from it.
constexpr double kMinVisibleFlickerAb2 = 4.0;

void flagFrame(const FrameMetrics& m, const ShotStats& shot, const FailureThresholds& t,
               FrameReport* report) {
  auto add = [&](FlagKind kind, const Reason& why, double severity) {
    report->flags.push_back(Flag{kind, why, reasonText(why), severity});
  };
  const bool sepia = m.sepia_fraction >= t.sepia_fraction &&
                     m.hue_spread_deg <= t.sepia_max_hue_spread_deg && m.mean_chroma >= kMinChroma;
  if (sepia) {
    add(FlagKind::Sepia,
        Reason{ReasonCode::SepiaBand, 100.0 * m.sepia_fraction, kSepiaHueLowDeg, kSepiaHueHighDeg},
        m.sepia_fraction / t.sepia_fraction);
  } else if (m.colorfulness < t.min_colorfulness) {
    add(FlagKind::Desaturated,
        Reason{ReasonCode::ColourfulnessBelow, m.colorfulness, t.min_colorfulness},
        t.min_colorfulness / std::max(m.colorfulness, 0.1));
  } else if (t.robust_z > 0.0) {
    const double z = (shot.colorfulness.median - m.colorfulness) / shot.colorfulness.spread;
    if (z >= t.robust_z)
      add(FlagKind::Desaturated,
          Reason{ReasonCode::ColourfulnessBelowShot, m.colorfulness, shot.colorfulness.median},
          z / t.robust_z);
  }

  const double confidence_z = (shot.confidence.median - m.mean_confidence) / shot.confidence.spread;
  if (m.low_confidence_fraction >= t.low_confidence_area) {
    add(FlagKind::LowConfidence,
        Reason{ReasonCode::LowConfidenceArea, 100.0 * m.low_confidence_fraction},
        m.low_confidence_fraction / t.low_confidence_area);
  } else if (t.robust_z > 0.0 && confidence_z >= t.robust_z) {
    add(FlagKind::LowConfidence,
        Reason{ReasonCode::ConfidenceBelowShot, m.mean_confidence, shot.confidence.median},
        confidence_z / t.robust_z);
  }

  if (m.has_previous) {
    const double ratio = m.flicker / std::max(shot.flicker_median, 0.05);
    if (m.flicker >= t.flicker_absolute) {
      add(FlagKind::Flicker, Reason{ReasonCode::FlickerJump, std::sqrt(m.flicker_ab)},
          m.flicker / t.flicker_absolute);
    } else if (ratio >= t.flicker_ratio && m.flicker_ab >= kMinVisibleFlickerAb2) {
      add(FlagKind::Flicker, Reason{ReasonCode::FlickerAboveShot, ratio}, ratio / t.flicker_ratio);
    }
    // Grain and flicker in old film make some pixels fail the flow check in every frame, so the
    // occluded share counts when it is far above the shot's own level (or very large anyway).
    const double occluded_z = (m.occluded_fraction - shot.occluded.median) / shot.occluded.spread;
    const bool occluded_outlier = t.robust_z > 0.0 && occluded_z >= t.robust_z;
    if (m.occluded_fraction >= t.occluded_fraction &&
        (occluded_outlier || m.occluded_fraction >= 2.5 * t.occluded_fraction)) {
      // Nearly everything occluded is usually a cut the detector missed (e.g. within a dissolve).
      const ReasonCode code =
          m.occluded_fraction >= 0.8 ? ReasonCode::OccludedOrCut : ReasonCode::Occluded;
      add(FlagKind::Motion, Reason{code, 100.0 * m.occluded_fraction},
          m.occluded_fraction / t.occluded_fraction);
    } else if (m.motion_fraction >= t.motion_fraction) {
      add(FlagKind::Motion, Reason{ReasonCode::MotionWidth, 100.0 * m.motion_fraction},
          m.motion_fraction / t.motion_fraction);
    }
  }
}

// Heavy motion lasts: a motion flag stands only when at least kMotionMinFrames of the
// kMotionWindow frames around it (in its shot) have one. A scratched or dusty frame upsets the
// flow of its two links and no more, and a film transferred with repeated frames still shows
// lasting motion in 4 of 5 frames. A frame that is nearly all occluded (a missed cut) stands alone.
constexpr int kMotionWindow = 5;
constexpr int kMotionMinFrames = 3;

bool isLastingMotionFlag(const Flag& f) {
  return f.kind == FlagKind::Motion && f.why.code != ReasonCode::OccludedOrCut;
}

void dropBriefMotion(std::vector<FrameReport>& reports, size_t first, size_t end) {
  std::vector<char> candidate(end - first, 0);
  for (size_t i = first; i < end; ++i)
    for (const Flag& f : reports[i].flags)
      candidate[i - first] = candidate[i - first] || isLastingMotionFlag(f);
  const auto half = static_cast<std::ptrdiff_t>(kMotionWindow / 2);
  for (size_t i = first; i < end; ++i) {
    if (!candidate[i - first])
      continue;
    int support = 0;
    for (std::ptrdiff_t k = -half; k <= half; ++k) {
      const auto j = static_cast<std::ptrdiff_t>(i - first) + k;
      if (j >= 0 && j < static_cast<std::ptrdiff_t>(candidate.size()))
        support += candidate[size_t(j)];
    }
    if (support < kMotionMinFrames) {
      auto& flags = reports[i].flags;
      flags.erase(std::remove_if(flags.begin(), flags.end(), isLastingMotionFlag), flags.end());
    }
  }
}

}  // namespace

std::vector<FrameReport> flagFrames(const std::vector<FrameMetrics>& metrics,
                                    const FailureThresholds& thresholds) {
  std::vector<FrameReport> reports(metrics.size());
  size_t shot_first = 0;
  int shot_index = 0;
  while (shot_first < metrics.size()) {
    size_t shot_end = shot_first + 1;
    while (shot_end < metrics.size() && !metrics[shot_end].scene_cut)
      ++shot_end;
    const ShotStats stats = shotStats(metrics, shot_first, shot_end);
    for (size_t i = shot_first; i < shot_end; ++i) {
      reports[i].metrics = metrics[i];
      reports[i].shot_index = shot_index;
      flagFrame(metrics[i], stats, thresholds, &reports[i]);
    }
    dropBriefMotion(reports, shot_first, shot_end);
    shot_first = shot_end;
    ++shot_index;
  }
  return reports;
}

std::vector<FailureRange> mergeRanges(const std::vector<FrameReport>& reports, int max_gap_frames) {
  struct Open {
    FailureRange range;
    double worst = -1.0;
  };
  std::map<FlagKind, Open> open;
  std::vector<FailureRange> ranges;
  for (const FrameReport& report : reports) {
    const int64_t frame = report.metrics.frame_index;
    for (const Flag& flag : report.flags) {
      auto it = open.find(flag.kind);
      if (it != open.end() && frame - it->second.range.last_frame > max_gap_frames + 1) {
        ranges.push_back(it->second.range);
        open.erase(it);
        it = open.end();
      }
      if (it == open.end()) {
        Open o;
        o.range = FailureRange{frame, frame, flag.kind, flag.why, flag.reason, flag.severity};
        o.worst = flag.severity;
        open.emplace(flag.kind, o);
        continue;
      }
      it->second.range.last_frame = frame;
      if (flag.severity > it->second.worst) {
        it->second.worst = flag.severity;
        it->second.range.reason = flag.reason;
        it->second.range.why = flag.why;
        it->second.range.severity = flag.severity;
      }
    }
  }
  for (auto& [kind, o] : open)
    ranges.push_back(o.range);
  std::sort(ranges.begin(), ranges.end(), [](const FailureRange& a, const FailureRange& b) {
    return a.first_frame != b.first_frame
               ? a.first_frame < b.first_frame
               : std::strcmp(flagKindName(a.kind), flagKindName(b.kind)) < 0;
  });
  return ranges;
}

}  // namespace cf::analysis
