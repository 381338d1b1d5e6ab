#pragma once
// GUI-side owner of the engine thread. Creates the SessionWorker, moves it to its QThread and
// forwards its signals; requests are typed and never block: previews go through the EngineQueue
// (only the latest is kept), long jobs are cancelled by setting CancelTokens directly from the GUI
// thread (a queued cancel would arrive after the work is done). The destructor cancels everything,
// quits the thread and waits for it. It observes the Project (observe()) and sends the engine
// what changed. Exports do not run here: they are jobs with a Session of their own (JobQueue).

#include <QObject>
#include <QThread>
#include <memory>

#include "EngineQueue.h"
#include "MetaTypes.h"
#include "common/CancelToken.h"
#include "guide/GuideTypes.h"

namespace cf::ui {

class Project;
class SessionWorker;

class SessionController : public QObject {
  Q_OBJECT
 public:
  explicit SessionController(QObject* parent = nullptr);
  ~SessionController() override;

  /// Opens `path`; the open video stays loaded until the new one has opened (a failed open
  /// leaves it as it was).
  void open(const QString& path, const pipeline::SessionSettings& settings,
            const ShotOverrideList& overrides);
  /// Sends the project's settings and overrides to the engine whenever they change.
  void observe(const Project* project);
  void close();
  bool isOpen() const { return open_; }
  const pipeline::SessionInfo& info() const { return info_; }
  /// Everything the engine has sent about the open video's timeline; null before the first open.
  pipeline::TimelineDataPtr timeline() const { return timeline_; }

  /// Only the latest request is kept; a pending older one is dropped.
  /// `lambda`: the effective λ of the frame's shot (per-shot override or the global one);
  /// `grade`: that shot's grade (what the export applies there).
  void requestPreview(qint64 frame_index, double lambda, const color::Grade& grade = {});
  /// Thumbnails for the timeline; the oldest are dropped (and forgotten) when too many wait.
  void requestThumbnails(const QVector<qint64>& frames, int height_px);
  /// Where background analysis should start.
  void setFocusFrame(qint64 frame);
  void updateSettings(const pipeline::SessionSettings& settings);
  void setShotOverrides(const ShotOverrideList& overrides);
  void setBackgroundAnalysis(bool enabled);
  /// Keyframe colour for the preview; observe() sends the project's whenever it changes.
  void setGuidance(const guide::Guidance& guidance);
  /// Stops the propagation of keyframe colour for the preview at once (its token, set directly);
  /// the next guidance change starts it again.
  void stopGuidance();
  /// Asks for the model's most likely colours at (x, y) (0..1) of `frame`: suggestionsReady or
  /// suggestionsFailed follows.
  void requestSuggestions(qint64 frame, double x, double y);

  qint64 droppedPreviews() const { return queue_->droppedPreviews(); }

 Q_SIGNALS:
  void opened(const cf::pipeline::SessionInfo& info);
  void openFailed(const QString& message);
  /// The file is truncated; it can be opened again with input.readable_part (SessionWorker).
  void openTruncated(const QString& path, qint64 readable_frames, qint64 listed_frames,
                     const QString& message);
  /// The file's timestamps jump back; a copy with fresh timestamps can be opened instead.
  void openTimestampsJump(const QString& path, qint64 jumps, const QString& message);
  void previewReady(cf::pipeline::PreviewFramePtr frame);
  void thumbnailReady(qint64 frame_index, const QImage& image);
  void thumbnailsDropped(const QVector<qint64>& frames);
  /// The timeline after the engine's latest delta (the controller keeps it and applies each
  /// delta in place), and what the delta changed, so that views update only that.
  void timelineUpdated(cf::pipeline::TimelineDataPtr timeline,
                       const cf::pipeline::TimelineChange& change);
  void analysisProgress(qint64 analysed_frames, qint64 total_frames);
  void errorOccurred(const QString& message);
  /// The engine refused new settings and keeps `in_use` (SessionWorker::settingsRejected).
  void settingsRejected(const QString& message, const cf::pipeline::SessionSettings& in_use);
  void infoChanged(const cf::pipeline::SessionInfo& info);
  void guideProgress(qint64 done, qint64 total);
  void guidedShotReady(qint64 first, qint64 last);
  /// After guidedShotReady: the stretch of that shot its keyframe colour hardly reaches.
  void reachGap(qint64 first, qint64 last, qint64 weakest, double share);
  void guideStopped();
  void suggestionsReady(qint64 frame, double x, double y,
                        const cf::ui::SuggestedColourList& colours);
  void suggestionsFailed(const QString& message);

 private:
  void wake();

  std::shared_ptr<EngineQueue> queue_;
  QThread thread_;
  SessionWorker* worker_ = nullptr;
  pipeline::SessionInfo info_;
  std::shared_ptr<pipeline::TimelineData> timeline_;
  bool open_ = false;
};

}  // namespace cf::ui
