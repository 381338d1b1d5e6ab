#pragma once
// The bounded mailbox between the GUI thread and the engine thread. The GUI writes, the engine
// takes; every operation holds the mutex only for a few copies, so the GUI never waits on work.
// - preview: one slot; a newer request replaces a pending one (stale requests are dropped).
// - thumbnails: a bounded FIFO; the oldest requests are dropped when it is full (the caller is
//   told which, so it can ask again later).
// - focus: the playhead, where background analysis starts.
// `wake` makes sure at most one wake-up call is queued for the engine at any time.
// - background work: each analysis chunk runs with a token of its own (beginBackgroundWork), which
//   the GUI cancels directly (interruptBackgroundWork) and nobody resets. A chunk that begins while
//   a preview waits gets an already cancelled token, so no interrupt can slip in between.

#include <QVector>
#include <atomic>
#include <deque>
#include <mutex>
#include <optional>

#include "common/CancelToken.h"
#include "pipeline/SessionTypes.h"

namespace cf::ui {

class EngineQueue {
 public:
  static constexpr size_t kMaxThumbnails = 128;

  /// Returns true when a pending request was replaced (dropped as stale).
  bool putPreview(const pipeline::PreviewRequest& request);
  std::optional<pipeline::PreviewRequest> takePreview();
  bool hasPreview() const;

  /// Queues thumbnails; returns the frames dropped to keep the queue bounded.
  QVector<qint64> putThumbnails(const QVector<qint64>& frames, int height_px);
  /// Up to `max` queued thumbnails (frame, height).
  std::vector<std::pair<qint64, int>> takeThumbnails(size_t max);
  bool hasThumbnails() const;

  void setFocus(qint64 frame) { focus_.store(frame, std::memory_order_relaxed); }
  qint64 focus() const { return focus_.load(std::memory_order_relaxed); }

  /// True when the caller must post a wake-up (none is queued yet).
  bool claimWake() { return !wake_posted_.exchange(true); }
  /// Called by the engine when it starts handling a wake-up.
  void clearWake() { wake_posted_.store(false); }

  /// A fresh token for one unit of background work; cancelled already when a preview waits.
  CancelToken beginBackgroundWork();
  /// Cancels the running background work, if any (its token stays cancelled).
  void interruptBackgroundWork();

  /// The token of the preview's keyframe colour propagation (issue #15): it runs across many
  /// units of background work, so previews do not interrupt it; the user stops it
  /// (stopGuideWork), and a guidance change starts a fresh one (renewGuideWork, engine side).
  CancelToken guideWork() const;
  void stopGuideWork();
  void renewGuideWork();

  /// Number of preview requests dropped as stale so far.
  qint64 droppedPreviews() const { return dropped_previews_.load(); }

 private:
  mutable std::mutex mutex_;
  std::optional<pipeline::PreviewRequest> preview_;
  CancelToken background_;
  CancelToken guide_;
  std::deque<std::pair<qint64, int>> thumbnails_;
  std::atomic<qint64> focus_{0};
  std::atomic<bool> wake_posted_{false};
  std::atomic<qint64> dropped_previews_{0};
};

}  // namespace cf::ui
