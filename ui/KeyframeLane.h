#pragma once
// The keyframes lane under the timeline (issue #15): a marker at every frame that carries a
// reference image or colour hints. Drag a marker to move its keyframe (with its hints and
// reference; undoable through the Project), click one to go there, right-click for "Remove
// keyframe" and "Set reference image for this frame…". It follows the timeline's zoom and scroll
// (TimelineWidget::xForFrame), repainting whenever the timeline does.

#include <QWidget>
#include <optional>

namespace cf::ui {

class Project;
class TimelineWidget;

class KeyframeLane : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kHeightPx = 18;
  static constexpr double kGrabPx = 6.0;

  KeyframeLane(TimelineWidget* timeline, Project* project, QWidget* parent = nullptr);

  /// The keyframe whose marker is under x (widget pixels), or nullopt.
  std::optional<qint64> keyframeAt(double x) const;
  /// Where the marker of `frame` is drawn.
  double xForFrame(qint64 frame) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 Q_SIGNALS:
  void frameRequested(qint64 frame);
  /// "Set reference image for this frame…" from the lane's menu.
  void referenceRequested(qint64 frame);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  qint64 frameAt(double x) const;

  TimelineWidget* timeline_ = nullptr;
  Project* project_ = nullptr;
  std::optional<qint64> dragging_;  ///< the keyframe being dragged
  qint64 drag_to_ = -1;
};

}  // namespace cf::ui
