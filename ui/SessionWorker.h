#pragma once
// The engine thread's worker (after OBS's OBSRemux): a QObject moved to a QThread that owns the
// pipeline Session and with it the model. The GUI talks to it only through queued slots and the
// EngineQueue mailbox, and cancels long work by setting CancelTokens directly.
//
// pump() does one small unit of work in priority order -- the latest preview, a few thumbnails,
// one batch of keyframe colour, the flicker of a chunk of frames after a λ change, one chunk of
// background analysis nearest the playhead -- and re-posts itself while work is left, so previews
// and thumbnails are served between analysis chunks. The keyframe colour's propagation runs on a
// thread of its own (GuidedShots) while the pump goes on with the analysis; a batch of keyframe
// colour and a background chunk take turns.

#include <QImage>
#include <QObject>
#include <atomic>
#include <memory>

#include "EngineQueue.h"
#include "MetaTypes.h"
#include "common/CancelToken.h"
#include "pipeline/Session.h"

namespace cf::ui {

class SessionWorker : public QObject {
  Q_OBJECT
 public:
  static constexpr int64_t kAnalysisChunkFrames = 16;
  static constexpr int kThumbnailsPerPump = 4;
  /// Frames whose flicker is re-measured per pump after a λ change (smoothing only, from caches).
  static constexpr int64_t kFlickerChunkFrames = 64;

  /// The GUI interrupts a running analysis chunk through the queue (its token, set directly).
  explicit SessionWorker(std::shared_ptr<EngineQueue> queue);
  ~SessionWorker() override;

 public Q_SLOTS:
  void open(const QString& path, const cf::pipeline::SessionSettings& settings,
            const ShotOverrideList& overrides);
  void close();
  void updateSettings(const cf::pipeline::SessionSettings& settings);
  void setShotOverrides(const ShotOverrideList& overrides);
  void setBackgroundAnalysis(bool enabled);
  /// Keyframe colour (issue #15): the preview's guided shots are prepared again in the background.
  void setGuidance(const cf::guide::Guidance& guidance);
  /// The model's most likely colours at (x, y) of `frame` (suggestionsReady or suggestionsFailed).
  void suggestColours(qint64 frame, double x, double y);
  void pump();

 Q_SIGNALS:
  /// `timeline`: everything known about the new video (a full delta).
  void opened(const cf::pipeline::SessionInfo& info, cf::pipeline::TimelineDeltaPtr timeline);
  void openFailed(const QString& message);
  /// The file is truncated and refused; its first `readable_frames` can be opened with
  /// SessionSettings::input.readable_part (`listed_frames`: what its index lists, -1 unknown).
  void openTruncated(const QString& path, qint64 readable_frames, qint64 listed_frames,
                     const QString& message);
  /// The file is refused because its timestamps jump back `jumps` times; it can be opened
  /// through a copy with fresh timestamps (pipeline/RetimedSource.h, ui/RetimeJob).
  void openTimestampsJump(const QString& path, qint64 jumps, const QString& message);
  void previewReady(cf::pipeline::PreviewFramePtr frame);
  void thumbnailReady(qint64 frame_index, const QImage& image);
  /// What changed in the timeline since the last delta (after an analysis chunk: its frames and
  /// the ranges that moved, never the whole film).
  void timelineChanged(cf::pipeline::TimelineDeltaPtr delta);
  void analysisProgress(qint64 analysed_frames, qint64 total_frames);
  void errorOccurred(const QString& message);
  /// A settings change was refused (e.g. a model that does not load); `in_use` is what the
  /// session still runs with -- its model and its analysis are kept.
  void settingsRejected(const QString& message, const cf::pipeline::SessionSettings& in_use);
  /// Keyframe colour: `done` of `total` steps of the guided shot being prepared.
  void guideProgress(qint64 done, qint64 total);
  /// The guided shot first..last (inclusive) now previews as the export writes it.
  void guidedShotReady(qint64 first, qint64 last);
  /// After guidedShotReady: the stretch of that shot its keyframe colour hardly reaches.
  void reachGap(qint64 first, qint64 last, qint64 weakest, double share);
  /// The user stopped the propagation (EngineQueue::stopGuideWork): no guided shot is prepared
  /// until the guidance changes.
  void guideStopped();
  void suggestionsReady(qint64 frame, double x, double y,
                        const cf::ui::SuggestedColourList& colours);
  void suggestionsFailed(const QString& message);
  /// The session's facts changed (e.g. the device is known once the model is loaded).
  void infoChanged(const cf::pipeline::SessionInfo& info);

 private:
  bool servePreview();
  bool serveThumbnails();
  bool refreshFlicker();
  /// One step of the preview's keyframe colour (Session::stepGuidedShot); true when it did work.
  /// While the propagation runs on its own thread, its progress reports wake the pump.
  bool stepGuidance();
  bool analyseNextChunk();
  void repost();

  std::shared_ptr<EngineQueue> queue_;
  std::unique_ptr<pipeline::Session> session_;
  bool background_enabled_ = true;
  bool analysis_complete_ = false;
  QString last_error_;
  std::string last_device_;
  int64_t last_damaged_ = -1;
  bool last_was_guide_ = false;
  std::atomic<bool> closing_{
      false};  ///< being destroyed (read by the propagation's thread)  ///< the last pump coloured
               ///< guided frames: background goes first
};

}  // namespace cf::ui
