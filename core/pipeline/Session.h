#pragma once
// A Session is one opened video with its caches (network ab, flows, cuts, signals). The GUI's
// engine thread and the CLI drive it. All methods are called from ONE thread (the engine thread
// owns the model); results are returned as shared handles that may be passed to other threads.

#include <memory>
#include <string>
#include <vector>

#include "analysis/ReportIO.h"
#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "guide/GuideTypes.h"
#include "pipeline/SessionTypes.h"
#include "pipeline/TimelineDelta.h"

namespace cf::pipeline {

class Session {
 public:
  static Result<std::unique_ptr<Session>> open(const std::string& video_path,
                                               const SessionSettings& settings);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const SessionInfo& info() const;
  const SessionSettings& settings() const;

  /// Changes settings. Changing the model, device, temperature or working height drops the
  /// network cache; changing lambda or thresholds only re-runs smoothing / flagging.
  Status updateSettings(const SessionSettings& settings);
  void setShotOverrides(std::vector<ShotOverride> overrides);
  /// Keyframe colour (references and hints) used by the next exports and previews
  /// (SessionGuide.cpp). A change drops the preview's guided shots: they are prepared again (their
  /// results are cached by content, so an unchanged shot is found again at once).
  void setGuidance(guide::Guidance guidance);
  const guide::Guidance& guidance() const;
  /// Propagates the keyframe colour of one guided shot that the preview does not hold yet -- the
  /// one holding `near_frame`, else the nearest after it, else before -- exactly as the export
  /// does (GuidedShots, the same cache). Returns the shot, or an empty range when every guided
  /// shot is prepared (or preparing failed for this guidance, reported once).
  Result<GuidedShotRange> prepareGuidedShot(int64_t near_frame, const CancelToken& cancel,
                                            const ProgressFn& progress);
  /// prepareGuidedShot() in steps that never wait for the propagation, so the caller (the
  /// editor's engine thread) goes on with other work while it runs on a thread of its own: starts
  /// the propagation of the next pending shot, or colours one batch of it that is ready (the
  /// export's network pass). `propagation_cancel` stops the propagation (checked at every frame);
  /// once it is cancelled the pending shot is dropped and no other starts until the guidance
  /// changes. `step_cancel` interrupts only this step's network pass (it is tried again).
  /// `progress` (stage "keyframes": the shot's frames propagated plus its frames coloured, of
  /// twice its length) is called from the propagation's thread too: a caller waiting for
  /// `Waiting` to end calls again when it reports.
  Result<GuideStep> stepGuidedShot(int64_t near_frame, const CancelToken& propagation_cancel,
                                   const CancelToken& step_cancel, const ProgressFn& progress);
  /// The model's `n` most likely colours at (x, y) (0..1 in the frame, display orientation as a
  /// hint's) of `frame`, most likely
  /// first, each with the frame's own L there; the frame's hints guide the network as in the
  /// preview. An error for models without a classification head.
  Result<std::vector<SuggestedColour>> suggestedColours(int64_t frame, double x, double y,
                                                        int n = 6);

  /// Runs the network, flow and cut detection over [first_frame, last_frame] (inclusive),
  /// skipping frames already cached.
  Status analyse(int64_t first_frame, int64_t last_frame, const CancelToken& cancel,
                 const ProgressFn& progress);

  /// The flicker signal is measured on the ab smoothed at each shot's lambda (what the export
  /// writes), once all of a shot's frames are analysed (until then on the raw network output):
  /// analyse() measures the shots it completes, and after a lambda or per-shot override change
  /// this re-measures whole stale shots from the first on, until `max_frames` are covered (from
  /// the caches; no network). Returns false when nothing was stale.
  Result<bool> refreshFlicker(int64_t max_frames, const CancelToken& cancel);

  /// Builds the preview of one frame; analyses its neighbourhood first when needed.
  Result<PreviewFramePtr> preview(const PreviewRequest& request, const CancelToken& cancel);

  /// Greyscale thumbnail of a frame (CV_8UC3), `height_px` high.
  Result<cv::Mat> thumbnail(int64_t frame_index, int height_px);

  /// The scene cuts of the whole video (first frames of the shots after the first, sorted); runs
  /// the decode-only scan once.
  Result<std::vector<int64_t>> sceneCutFrames(const CancelToken& cancel,
                                              const ProgressFn& progress);
  /// Loads the model now (otherwise loaded on first use); info().device_name then names the
  /// device it runs on.
  Status loadModel();
  /// The model file in use (the shipped default when settings name none).
  const std::string& modelPath() const;

  /// Signals, cuts and failures of everything analysed so far.
  TimelineDataPtr timeline() const;
  /// What changed in timeline() since the previous call: the frames measured since and the
  /// failure ranges that differ (the first call, and any after a new model, flow method or cut
  /// scan, send everything). Applied in order to an empty TimelineData, the deltas build
  /// timeline() (TimelineDelta.h).
  TimelineDeltaPtr timelineDelta();
  /// Frames analysed so far.
  int64_t analysedFrameCount() const;
  /// The frame nearest `focus` that is not analysed yet (looking ahead first); -1 when none.
  int64_t nearestUnanalysed(int64_t focus) const;
  /// Every analysed frame's metrics and flags, and the merged failure ranges.
  analysis::AnalysisReport failureReport() const;

  /// Checks the output of `request` before any work (extension, codec, container, folder): what
  /// exportVideo() would refuse only after the model loaded and the film was scanned.
  static Status checkExportTarget(const ExportRequest& request);

  /// Encodes the colourised video. The output appears at request.output_path only on success.
  Status exportVideo(const ExportRequest& request, const CancelToken& cancel,
                     const ProgressFn& progress);
  /// Figures of the last successful exportVideo().
  const ExportStats& lastExportStats() const;

 private:
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cf::pipeline
