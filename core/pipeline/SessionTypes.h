#pragma once
// Typed requests, settings and results exchanged between the GUI (or CLI) and a pipeline Session.
// Plain data: no Qt widgets, no LibTorch. Frames cross threads as shared_ptr<const ...>.

#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/ConfidenceMap.h"
#include "analysis/FailureTypes.h"
#include "color/Grade.h"
#include "common/Timecode.h"
#include "common/Vocabulary.h"
#include "guide/KeyframeReach.h"
#include "media/InputOptions.h"

namespace cf::pipeline {

using analysis::FailureRange;
using analysis::FailureThresholds;

struct SessionSettings {
  std::string model_path;  ///< empty: the shipped default model
  DeviceChoice device = DeviceChoice::Auto;
  int working_height_px = 256;
  double temperature = 0.0;  ///< annealed-mean temperature; 0 = the model card's own
  FlowMethod flow_method = FlowMethod::Dis;
  double lambda = 4.0;    ///< temporal smoothing strength; 0 = off
  std::string cache_dir;  ///< empty: a per-video folder under the user's cache directory
  FailureThresholds thresholds;
  media::InputOptions input;  ///< image inputs: sequence rate, one photo or a sequence
};

/// Per-shot override of the global settings (undoable in the GUI).
struct ShotOverride {
  ShotOverride() = default;
  ShotOverride(int64_t first_frame, std::optional<double> shot_lambda = {},
               std::optional<double> shot_temperature = {},
               std::optional<color::Grade> shot_grade = {})
      : shot_first_frame(first_frame),
        lambda(shot_lambda),
        temperature(shot_temperature),
        grade(std::move(shot_grade)) {}
  int64_t shot_first_frame = 0;
  std::optional<double> lambda;
  std::optional<double> temperature;
  std::optional<color::Grade> grade;  ///< the shot's grading (applied last, before RGB)
};

/// The grade of each shot from its first frame on (source frame numbers, sorted); frames before
/// the first entry have none.
struct GradeRange {
  int64_t first_frame = 0;
  color::Grade grade;
};

/// The grade in force at `frame`, or null.
inline const color::Grade* gradeAt(const std::vector<GradeRange>& ranges, int64_t frame) {
  const color::Grade* found = nullptr;
  for (const GradeRange& r : ranges) {
    if (r.first_frame > frame)
      break;
    found = &r.grade;
  }
  return found;
}

/// Facts about the opened video that the GUI shows.
struct SessionInfo {
  std::string path;
  int width_px = 0;
  int height_px = 0;
  int64_t frame_count = 0;
  /// Clockwise rotation that displays the stored frames upright (0, 90, 180, 270). Frames are
  /// exported stored (the export keeps the rotation as metadata); the editor shows them upright,
  /// and hints are placed in that display orientation (guide::storedFromDisplay).
  int rotation_deg = 0;
  double fps = 0.0;
  /// The source's own start timecode ("HH:MM:SS:FF", media::StreamInfo::timecode); empty: none.
  std::string start_timecode;
  double duration_s = 0.0;
  bool has_audio = false;
  bool source_has_colour = false;  ///< the source carries chroma (a colour reference exists)
  std::string device_name;         ///< for logs and the CLI, e.g. "cpu (2 threads)", "cuda fp16"
  /// The device the network runs on, once the model is loaded (Auto until then): the GUI words
  /// it from these, never from device_name.
  DeviceChoice device_in_use = DeviceChoice::Auto;
  int cpu_threads = 0;         ///< LibTorch's threads when on the CPU
  bool truncated = false;      ///< only the readable part of a truncated file is open
  int64_t listed_frames = -1;  ///< when truncated: the frames its index lists (-1: unknown)
  /// Frames the decoder found damaged, and the first; -1 until the first full decode (the cut
  /// scan, which analysis and export run first) has looked at every frame.
  int64_t damaged_frames = -1;
  int64_t first_damaged_frame = -1;

  /// The clock every time shown in the editor uses: frame 0 at the source's start timecode.
  TimecodeClock timecodeClock() const { return TimecodeClock(fps, start_timecode); }
};

struct ExportRequest {
  std::string
      output_path;  ///< a video (.mp4/.mkv/.mov), an image pattern ("out_%06d.dpx") or an image
  VideoCodec codec = VideoCodec::H264;
  int quality_crf = 18;  ///< lower is better (H.264/H.265)
  int64_t first_frame = 0;
  int64_t last_frame = -1;  ///< inclusive; -1 = to the end
  bool keep_audio = true;
  /// Render the range exactly as the whole export renders it, keeping the source's timestamps
  /// (a shard of a cluster run; see ShardPlan.h).
  bool exact_range = false;
  /// Container tags written to the output (a shard's manifest).
  std::vector<std::pair<std::string, std::string>> metadata;
  int bit_depth = 0;          ///< output depth; 0 = the source's where the output format allows
  int64_t start_number = -1;  ///< image sequence output: first file number; -1 = like the source
};

/// What an export did, for the CLI summary and the benchmarks.
struct ExportStats {
  int64_t frames = 0;
  double total_s = 0.0;
  double scan_s = 0.0;   ///< the decode-only scene-cut pass (0 when cached)
  double guide_s = 0.0;  ///< keyframe colour of the guided shots (GuidedShots.h)
  double decode_s = 0.0;
  double inference_s = 0.0;
  double flow_s = 0.0;       ///< optical flow (0 for links found in the cache)
  double smoothing_s = 0.0;  ///< temporal smoothing
  double recombine_s = 0.0;
  double encode_s = 0.0;
  int64_t cache_hits = 0;  ///< frames whose network output came from the cache
  int64_t flows_computed = 0;
  int64_t frames_held_max = 0;   ///< bound on the frames alive in the export's stages at once
  int64_t cache_bytes = 0;       ///< bytes of network output written to the disk cache
  int64_t flow_cache_bytes = 0;  ///< bytes of flow links written to the disk cache
  std::string cache_dir;
  std::vector<std::string> notes;
};

struct PreviewRequest {
  PreviewRequest() = default;
  PreviewRequest(int64_t frame, double lambda_value, const color::Grade& shot_grade = {})
      : frame_index(frame), lambda(lambda_value), grade(shot_grade) {}
  int64_t frame_index = 0;
  double lambda = 4.0;
  color::Grade grade;  ///< the grade of the frame's shot (what the export applies there)
};

/// Whether keyframe colour reached a previewed frame (issue #15).
enum class GuideState {
  None,     ///< the frame's shot has no keyframe: automatic colour, as the export writes it
  Pending,  ///< the shot's keyframe colour is still being propagated; until then a keyframe
            ///< shows its own hints and reference re-coloured alone, the other frames automatic
  Applied,  ///< the shot's propagated colour: what the export writes
  Stopped   ///< preparing the shot failed or was stopped: shown as Pending until the guidance
            ///< changes (the export would propagate it)
};

struct PreviewFrame {
  int64_t frame_index = 0;
  GuideState guide = GuideState::None;
  double lambda = 0.0;
  color::Grade grade;     ///< applied to raw_rgb8 and smoothed_rgb8
  cv::Mat grey_rgb8;      ///< the source as the model sees it (L only), CV_8UC3
  cv::Mat raw_rgb8;       ///< network output without smoothing, CV_8UC3
  cv::Mat smoothed_rgb8;  ///< smoothed at `lambda`, CV_8UC3
  cv::Mat source_rgb8;    ///< the source's own colours when it has any, else empty
  cv::Mat confidence;     ///< CV_32FC1 in 0..1 at working resolution
  /// The picture inside letterbox/pillarbox bars, in the confidence map's pixels.
  cv::Rect picture_area;
  /// The confidence overlay's range: the shot's 5th..95th percentiles (ConfidenceMap.h).
  analysis::ConfidenceScale confidence_scale;
};
using PreviewFramePtr = std::shared_ptr<const PreviewFrame>;

/// One of the model's most likely colours at a pixel (Zhang et al. 2017's suggested colours): a
/// bin of the classification head, shown with the pixel's own L.
struct SuggestedColour {
  float a = 0.f;  ///< Lab a, b of the bin centre
  float b = 0.f;
  double probability = 0.0;  ///< the head's softmax at that pixel
  uint8_t red = 0;           ///< sRGB of (the pixel's L, a, b)
  uint8_t green = 0;
  uint8_t blue = 0;
};

/// A shot whose keyframe colour was propagated (first and last frame, inclusive); first < 0 when
/// there was nothing to do.
struct GuidedShotRange {
  int64_t first = -1;
  int64_t last = -1;
  bool empty() const { return first < 0; }
};

/// What one step of preparing the preview's guided shots did (Session::stepGuidedShot).
struct GuideStep {
  enum class State {
    Idle,     ///< nothing to do: every guided shot is prepared, or preparing failed or stopped
    Working,  ///< did some work on the calling thread (started a propagation, coloured a batch)
    Waiting,  ///< a propagation runs on its own thread; nothing to do here until it reports
    Ready     ///< `shot` now previews as the export writes it
  };
  State state = State::Idle;
  GuidedShotRange shot;  ///< the shot being prepared (or made ready); empty when Idle
  /// With Ready: the shot's longest stretch the keyframe colour hardly reaches (empty: none, or
  /// the shot came whole from the cache), where another keyframe would help most.
  guide::ReachGap gap;
};

/// Per-frame signals shown as timeline lanes; NaN where a frame is not analysed yet.
struct FrameSignals {
  float colorfulness = 0.f;
  float flicker = 0.f;
  float confidence = 0.f;
  float motion = 0.f;
  bool analysed = false;
};

struct TimelineData {
  int64_t frame_count = 0;
  double fps = 0.0;
  std::vector<int64_t> cuts;  ///< first frame of each new shot (0 not included)
  std::vector<FrameSignals> frames;
  std::vector<FailureRange> failures;
};
using TimelineDataPtr = std::shared_ptr<const TimelineData>;

}  // namespace cf::pipeline
