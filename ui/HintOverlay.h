#pragma once
// The hint tool on the preview (issue #15): a transparent layer over the PreviewWidget that draws
// the colour hints of the shown frame as small circles filled with their colour, on the colourised
// side. While the tool is armed it takes the mouse: a click on the picture asks for a colour there
// (pointClicked; the window offers the suggested colours), a drag moves a hint, a double-click on
// a hint asks for a new colour, Delete (the window's action) removes the selected one. Every edit
// goes through the Project (undoable). While not armed, the mouse goes to the preview (pan, wipe).

#include <QPointF>
#include <QWidget>
#include <optional>

#include "guide/GuideTypes.h"

namespace cf::ui {

class PreviewWidget;
class Project;

class HintOverlay : public QWidget {
  Q_OBJECT
 public:
  /// Hints are grabbed within their radius plus this margin.
  static constexpr double kGrabMarginPx = 4.0;
  /// Smallest drawn radius of a hint.
  static constexpr double kMinRadiusPx = 5.0;

  HintOverlay(PreviewWidget* preview, Project* project);

  bool isArmed() const { return armed_; }
  void setArmed(bool armed);
  /// Index of the selected hint in the project's guidance().hints; -1 when none.
  int selectedHint() const { return selected_; }
  void selectHint(int index);
  /// Removes the selected hint (undoable); false when none is selected.
  bool removeSelected();

  /// The frame the preview shows; -1 when none.
  qint64 shownFrame() const;
  /// A widget point on the colourised picture, normalised to 0..1 of the displayed (upright)
  /// frame as a hint's x and y (nullopt outside it).
  std::optional<QPointF> toImage(const QPointF& widget_pos) const;
  /// Where the point (x, y in 0..1 of the displayed frame, as a hint's) lies in the widget.
  QPointF toWidget(double x, double y) const;
  /// Index of the hint of the shown frame under `widget_pos`, or -1.
  int hintAt(const QPointF& widget_pos) const;

 Q_SIGNALS:
  /// A click on the picture (tool armed) at image point (x, y) of `frame`.
  void pointClicked(qint64 frame, double x, double y, const QPoint& global_pos);
  /// A double-click on hint `index`: choose its colour again.
  void hintActivated(int index, const QPoint& global_pos);
  void selectionChanged(int index);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  double radiusPx(const guide::HintPoint& hint) const;

  PreviewWidget* preview_ = nullptr;
  Project* project_ = nullptr;
  bool armed_ = false;
  int selected_ = -1;
  enum class Drag { None, Hint, Pan } drag_ = Drag::None;
  QPointF press_pos_;
  QPointF last_pos_;
  bool moved_ = false;
  std::optional<QPointF> drag_to_;  ///< image point of the hint being dragged
};

}  // namespace cf::ui
