#pragma once
// Internal state of a Session (see Session.h). Split from Session.cpp so that the preview and
// the analysis code can live in files of their own.

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/FailureTypes.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/AbCache.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/CutScan.h"
#include "pipeline/GuidedShots.h"
#include "pipeline/Session.h"
#include "pipeline/WorkingGeometry.h"
#include "temporal/FlowCache.h"
#include "temporal/TemporalSmoother.h"
#include "temporal/VideoSmoother.h"

namespace cf::pipeline {

struct Session::Impl {
  SessionSettings settings;
  SessionInfo info;
  std::string model_path;
  std::unique_ptr<media::VideoReader> reader;
  std::unique_ptr<model::Colorizer> colorizer;
  std::unique_ptr<AbCache> ab_cache;
  std::string cache_note;  ///< why the disk cache is not used (memory-only fallback); or empty
  std::unique_ptr<temporal::FlowCache> flow_cache;  ///< on disk, or in memory when that fails
  std::optional<CutScanResult> scan;
  std::vector<ShotOverride> overrides;
  guide::Guidance guidance;
  ExportStats last_export;

  std::vector<analysis::FrameMetrics> metrics;  ///< per frame; valid where analysed[i]
  std::vector<char> analysed;

  // What Session::timelineDelta() has sent: the next delta carries the frames touched since
  // (changed_first..changed_last) and the failure ranges that differ from sent_failures.
  bool timeline_reset = true;  ///< everything is sent again (opened, new model or flow)
  int64_t changed_first = -1;
  int64_t changed_last = -1;
  std::vector<analysis::FailureRange> sent_failures;
  std::vector<int64_t> sent_cuts;
  /// Frames whose signals changed (their metrics were measured again).
  void touchFrames(int64_t first, int64_t last);
  /// The timeline lanes' values of frame `i`.
  FrameSignals signalsOf(size_t i) const;

  // The preview's last window, kept so that a lambda change only re-solves.
  struct PreviewWindow {
    int64_t first = -1;
    int64_t last = -1;
    std::vector<cv::Mat> ab;
    std::vector<temporal::FrameLinkPtr> links;
    temporal::ShotSmoother smoother;
    double solved_lambda = -1.0;
    /// The last previewed frame, decoded (a hint click re-colours it without decoding again).
    AnalysedFramePtr centre;
  };
  PreviewWindow window;

  // Keyframe colour in the preview (SessionGuide.cpp): the shots prepared for `guidance` (what
  // the export writes there), by first frame; cleared when the guidance changes.
  std::map<int64_t, std::unique_ptr<GuidedShots>> guided_shots;
  bool guide_failed = false;  ///< preparing failed for this guidance; not retried in a loop
  /// The shot being prepared in steps (stepGuidedShot): its propagation runs on its own thread.
  std::unique_ptr<GuidedShots> pending_guide;
  GuidedShotRange pending_shot;
  /// Drops the preview's guided shots (prepared and pending) and their failure.
  void dropGuidedShots();
  /// The guided ab of `frame` when its shot is prepared; else null.
  CachedAbPtr guidedAb(int64_t frame) const;
  /// Whether the shot holding `frame` has a keyframe.
  bool shotIsGuided(int64_t frame) const;
  bool isKeyframe(int64_t frame) const;
  /// A keyframe re-coloured alone (its reference and hints as the network's hints, blended as
  /// the export blends a keyframe), while its shot is not prepared yet.
  Result<CachedAbPtr> keyframeAb(int64_t frame, const cv::Mat& l_work);
  /// The guided colour the frame on screen had before the guidance last changed, while the
  /// changes only add hints (a hint clicked in a shot already guided): keyframeAb() keeps it
  /// away from the keyframe's own colour, instead of the network's guess alone, until the shot
  /// is propagated again. Any other change (a reference, a hint moved or removed, the strength)
  /// drops it.
  struct InterimBase {
    int64_t frame = -1;
    CachedAbPtr ab;
    guide::Guidance guidance;  ///< what `ab` was made with
  };
  InterimBase interim_base;
  int64_t last_previewed = -1;  ///< the frame of the last preview() (the frame on screen)
  /// The sorted cut frames (first frames of the shots after the first); empty before the scan.
  std::vector<int64_t> cutFrames() const;
  /// The smoothed guided ab of a prepared shot around the last previewed frame, at `lambda`:
  /// smoothSequence over the shot from its first frame, exactly as the export smooths it (the
  /// preview's short window would converge elsewhere), kept for frames near the playhead only.
  struct GuidedSmooth {
    int64_t shot_first = -1;
    double lambda = -1.0;
    int64_t first = -1;  ///< source frame of ab[0]
    std::vector<cv::Mat> ab;
  };
  GuidedSmooth guided_smooth;
  Result<cv::Mat> guidedSmoothedAb(int64_t frame, double lambda, const CancelToken& cancel);
  /// The preview of a frame of a prepared guided shot (what the export writes there).
  Result<PreviewFramePtr> guidedPreview(const PreviewRequest& request, const CancelToken& cancel);
  GuideServices guideServices() const;

  /// Opens the model (once) and the caches that depend on it.
  Status ensureEngine();
  /// Opens the flow cache for the current flow settings (once).
  void ensureFlowCache();
  /// Runs the decode-only cut scan over the whole video (once), unless its cache file holds it.
  Status ensureScan(const CancelToken& cancel, const ProgressFn& progress);
  /// Takes the scan from its cache file when it is there; whether the scan is known now.
  bool loadCachedScan();
  /// Keeps a scan's result (and writes it to the cache file when `save`).
  void adoptScan(CutScanResult result, bool save);
  /// Drops everything computed with the current network settings.
  void dropNetworkCaches();
  temporal::FlowSettings flowSettings() const;
  temporal::TemporalSettings temporalSettings(double lambda) const;
  /// Height the temporal smoothing solves at, in the preview and the export alike: a quarter of
  /// the working height, at least 64 px. The flicker it removes is low-frequency and the
  /// correction is upsampled onto the full ab; at 64 px the result is within 0.15 ab units RMS of
  /// a full-resolution solve (tests/bench/RESULTS.md) at a sixteenth of the cost.
  int smoothSolveHeight() const { return stageHeights(settings.working_height_px).smoothing_px; }
  double lambdaFor(int64_t frame) const;
  /// Whether an analysed frame's flicker was measured at another lambda than its shot's `lambda`.
  bool flickerStale(int64_t frame, double lambda) const;
  /// Whether every frame of the shot is analysed and one of them is stale.
  bool shotNeedsFlicker(int64_t shot_first, int64_t shot_end) const;
  /// First frame of the first shot from `from` on that needs its flicker measured; -1 when none.
  int64_t firstStaleFlicker(int64_t from) const;
  /// Measures the flicker of a whole shot on its ab smoothed at its lambda (SessionFlicker.cpp).
  Status measureShotFlicker(int64_t shot_first, int64_t shot_end, const CancelToken& cancel);
  /// measureShotFlicker() on every shot overlapping [first, last] that needs it.
  Status measureFlicker(int64_t first, int64_t last, const CancelToken& cancel);
  /// The grade of the shot holding `frame` (its override), or null.
  const color::Grade* gradeFor(int64_t frame) const;
  /// First and one-past-last frame of the shot holding `frame` (whole video before the scan).
  std::pair<int64_t, int64_t> shotOf(int64_t frame) const;
};

}  // namespace cf::pipeline
