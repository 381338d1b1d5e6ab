#pragma once
// The timeline: a custom-painted widget (after Shotcut's ScrubBar). The static layers (ruler,
// greyscale thumbnails, in/out range, scene-cut ticks, metric lanes, failure markers) are rendered
// into a DPR-aware pixmap when size, zoom or data change; paintEvent draws that pixmap and then the
// playhead. Thumbnails come from an in-memory LRU; misses are requested by signal and painted when
// they arrive. Zoom runs from the whole film to single frames.

#include <QPixmap>
#include <QVector>
#include <QWidget>

#include "MetaTypes.h"
#include "ThumbnailCache.h"
#include "TimelineLayers.h"
#include "pipeline/SessionTypes.h"
#include "pipeline/TimelineDelta.h"

namespace cf::ui {

class TimelineWidget : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kMaxPxPerFrame = 120.0;

  explicit TimelineWidget(QWidget* parent = nullptr);
  ~TimelineWidget() override;

  /// A new video: resets zoom to the whole film, drops thumbnails and in/out.
  void reset(qint64 frame_count, const TimecodeClock& clock, double aspect_ratio);
  /// New analysis results (signals, cuts, failures). Keeps zoom and playhead. `change` says what
  /// differs from the data shown before (an analysis chunk: a few frames); only their strip of
  /// the cached layers is painted again, unless the lanes' scale moved.
  void setTimelineData(pipeline::TimelineDataPtr data, const pipeline::TimelineChange& change = {});
  pipeline::TimelineDataPtr timelineData() const { return data_; }

  qint64 frameCount() const { return frame_count_; }
  qint64 playhead() const { return playhead_; }
  /// Moves the playhead without emitting frameScrubbed (the app drives it).
  void setPlayhead(qint64 frame);
  /// -1 clears a point.
  void setInOut(qint64 in_frame, qint64 out_frame);
  qint64 inFrame() const { return in_frame_; }
  qint64 outFrame() const { return out_frame_; }

  /// A thumbnail arrived from the engine (a null image marks a failed request).
  void setThumbnail(qint64 frame_index, const QImage& image);
  ThumbnailCache& thumbnails() { return thumbnails_; }

  // Zoom and geometry (logical pixels).
  double pxPerFrame() const { return px_per_frame_; }
  double fitPxPerFrame() const;
  double viewFirstFrame() const { return view_first_; }
  void setPxPerFrame(double px_per_frame, double anchor_x);
  void zoomIn();
  void zoomOut();
  void zoomToFit();
  qint64 frameAtX(double x) const;
  double xForFrame(qint64 frame) const;
  /// Where failure `index` is drawn (empty when out of view).
  QRect failureMarkerRect(int index) const;
  int failureAt(const QPoint& pos) const;
  /// How often the static layers were rendered (to check that the cache is used).
  int layerRenderCount() const { return layer_renders_; }
  /// Readable, translated name of a failure kind ("sepia", "low-confidence", ...).
  static QString failureKindName(analysis::FlagKind kind);

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 Q_SIGNALS:
  /// The user moved the playhead (click, drag or failure marker).
  void frameScrubbed(qint64 frame);
  void failureActivated(int index);
  void thumbnailsRequested(const QVector<qint64>& frames, int height_px);
  void zoomChanged(double px_per_frame);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  bool event(QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  TimelineLayout layout() const;
  void invalidateLayers();
  void renderLayers();
  void clampView();
  void ensureVisible(qint64 frame);
  void scrubTo(double x);
  QString tooltipAt(const QPoint& pos) const;

  pipeline::TimelineDataPtr data_;
  ThumbnailCache thumbnails_;
  QPixmap layers_;
  bool layers_dirty_ = true;
  /// When only this strip (widget pixels) changed, the re-render is clipped to it.
  QRect dirty_strip_;
  LaneScale scale_;  ///< of data_, kept up to date as it changes
  int layer_renders_ = 0;
  bool scrubbing_ = false;
  bool zoom_is_fit_ = true;  ///< keep showing the whole film when the widget is resized
  qint64 frame_count_ = 0;
  TimecodeClock clock_;
  double aspect_ratio_ = 4.0 / 3.0;
  qint64 playhead_ = 0;
  qint64 in_frame_ = -1;
  qint64 out_frame_ = -1;
  double px_per_frame_ = 1.0;
  double view_first_ = 0.0;
};

}  // namespace cf::ui
