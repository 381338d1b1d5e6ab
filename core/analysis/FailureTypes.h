#pragma once
// Typed results of the failure-frame analysis: per-frame metrics, flags with reasons, and ranges.

#include <cstdint>
#include <string>
#include <vector>

namespace cf::analysis {

/// Thresholds the user can change. Each flag fires on an absolute threshold OR on a robust z-score
/// (median/MAD within the shot) above `robust_z`, so both globally bad frames and outliers in an
/// otherwise good shot are found.
struct FailureThresholds {
  double sepia_fraction = 0.6;  ///< share of chroma in the 20-70 degree hue band
  double sepia_max_hue_spread_deg = 25.0;
  double min_colorfulness = 6.0;     ///< below this a frame looks grey (colour averaging)
  double low_confidence_area = 0.6;  ///< share of the frame below confidence 0.2
  double flicker_ratio = 3.0;        ///< flicker relative to the shot median
  double flicker_absolute =
      25.0;  ///< flicker (ab units^2 per unit of luma change) that is bad anywhere
  double occluded_fraction = 0.12;  ///< occluded share that counts as heavy motion when it is an
                                    ///< outlier in its shot; 2.5x this counts anywhere
  double motion_fraction = 0.02;    ///< mean flow magnitude relative to the frame width
  double robust_z = 4.0;            ///< robust z-score threshold within a shot (0 = off)
};

enum class FlagKind { Sepia, Desaturated, LowConfidence, Flicker, Motion };

/// "sepia", "desaturated", "low-confidence", "flicker", "motion".
const char* flagKindName(FlagKind kind);
bool flagKindFromName(const std::string& name, FlagKind* kind);

/// Signals of one frame, computed once during analysis and cached with the ab.
struct FrameMetrics {
  int64_t frame_index = 0;
  double colorfulness = 0.0;     ///< Hasler-Suesstrunk of the colourised frame
  double mean_chroma = 0.0;      ///< mean sqrt(a^2 + b^2)
  double sepia_fraction = 0.0;   ///< share of chroma in the orange-brown band
  double hue_spread_deg = 0.0;   ///< chroma-weighted circular std of hue
  double mean_confidence = 1.0;  ///< 1 when the model has no confidence map
  double low_confidence_fraction = 0.0;
  double confidence_p05 = 1.0;  ///< 5th percentile of the confidence (the overlay's scale)
  double confidence_p95 = 1.0;  ///< 95th percentile
  // The confidence signals leave out letterbox/pillarbox bars (ConfidenceMap.h).
  double flicker_ab = 0.0;    ///< masked mean squared ab change along the flow
  double flicker_luma = 0.0;  ///< the same on L
  double flicker = 0.0;       ///< flicker_ab relative to flicker_luma
  /// The lambda of the smoothed result that flicker_ab was measured on (what the export writes);
  /// -1 while it is measured on the network's raw output.
  double flicker_lambda = -1.0;
  double motion_px = 0.0;  ///< mean flow magnitude where the flow check holds, px at working res.
  double motion_fraction = 0.0;  ///< motion_px / frame width
  /// Share of the frame occluded in patches wider than about 2 % of the frame height (specks and
  /// thin lines from grain, dust and scratches do not count).
  double occluded_fraction = 0.0;
  bool has_previous = false;  ///< false on the first frame of a shot
  bool scene_cut = false;     ///< a new shot starts here
};

/// Why a frame was flagged, as a code and its numbers: the GUI words it in the interface language
/// (ui/CoreText.cpp), the CLI and the reports use reasonText(). One code per phrasing.
enum class ReasonCode {
  SepiaBand,               ///< value: % of chroma in the band; limit, extra: the band (degrees)
  ColourfulnessBelow,      ///< value: colourfulness; limit: the threshold
  ColourfulnessBelowShot,  ///< value: colourfulness; limit: the shot's median
  LowConfidenceArea,       ///< value: % of the frame
  ConfidenceBelowShot,     ///< value: mean confidence; limit: the shot's median
  FlickerJump,             ///< value: ab units the colour jumps by
  FlickerAboveShot,        ///< value: times the shot's median
  OccludedOrCut,           ///< value: % occluded (nearly all: maybe a missed cut)
  Occluded,                ///< value: % occluded
  MotionWidth,             ///< value: % of the frame width per frame
};

struct Reason {
  ReasonCode code = ReasonCode::SepiaBand;
  double value = 0.0;
  double limit = 0.0;
  double extra = 0.0;
};

/// The reason in English, as the CLI prints it and the reports store it.
std::string reasonText(const Reason& reason);
/// "sepia-band", "colourfulness-below", ... (the report files' names for the codes).
const char* reasonCodeName(ReasonCode code);
bool reasonCodeFromName(const std::string& name, ReasonCode* code);

struct Flag {
  FlagKind kind = FlagKind::Sepia;
  Reason why;
  std::string reason;     ///< reasonText(why)
  double severity = 0.0;  ///< how far past its threshold (>= 1); picks a range's worst frame
};

struct FrameReport {
  FrameMetrics metrics;
  int shot_index = 0;
  std::vector<Flag> flags;
};

struct FailureRange {
  int64_t first_frame = 0;
  int64_t last_frame = 0;  ///< inclusive
  FlagKind kind = FlagKind::Sepia;
  Reason why;             ///< the reason on the range's worst frame
  std::string reason;     ///< reasonText(why)
  double severity = 0.0;  ///< the worst frame's severity (how far past its threshold, >= 1)
};

}  // namespace cf::analysis
