#pragma once
// The preview: original | colourised side by side, a split wipe with a draggable divider, or one
// side alone; pairs are original vs colourised, raw network vs smoothed at the current lambda, or
// the source's own colours vs colourised. Zoom and pan are one transform shared by both sides, so
// they stay in sync; fit-to-window and 1:1 (one image pixel per device pixel) are available. An
// overlay can tint low-confidence regions. Frames arrive as shared handles; conversion to QImage
// happens once in setFrame, never while painting.

#include <QImage>
#include <QWidget>

#include "MetaTypes.h"
#include "pipeline/SessionTypes.h"

namespace cf::ui {

enum class PreviewMode { SideBySide, Wipe, Single };
enum class PreviewPair { OriginalVsColour, RawVsSmoothed, ReferenceVsColour };
enum class PreviewSide { Left, Right };

class PreviewWidget : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kMinZoom = 0.05;
  static constexpr double kMaxZoom = 32.0;

  explicit PreviewWidget(QWidget* parent = nullptr);

  void setFrame(pipeline::PreviewFramePtr frame);
  pipeline::PreviewFramePtr frame() const { return frame_; }
  void clear();
  /// The video's clock (rate and start timecode), for the timecode in the frame label.
  void setTimecodeClock(const TimecodeClock& clock) {
    clock_ = clock;
    update();
  }

  /// The video's clockwise display rotation (SessionInfo::rotation_deg): every side is shown
  /// turned upright, as players show it, and imageRect() is the upright picture.
  void setRotation(int rotation_deg);
  int rotation() const { return rotation_deg_; }

  PreviewMode mode() const { return mode_; }
  void setMode(PreviewMode mode);
  PreviewPair pair() const { return pair_; }
  void setPair(PreviewPair pair);
  PreviewSide singleSide() const { return single_side_; }
  void setSingleSide(PreviewSide side);
  void toggleSingleSide();
  bool confidenceOverlay() const { return overlay_; }
  void setConfidenceOverlay(bool on);
  /// Divider of the wipe view, 0 (all right image) .. 1 (all left image).
  double wipePosition() const { return wipe_; }
  void setWipePosition(double position);

  bool isFit() const { return fit_; }
  /// Device pixels per image pixel (1.0 is 1:1).
  double zoom() const;
  void zoomToFit();
  void zoomToActual();
  /// Zooms by `factor` keeping the image point under `anchor` (widget coordinates) in place.
  void zoomBy(double factor, const QPointF& anchor);
  void zoomIn();
  void zoomOut();
  void panBy(const QPointF& delta_px);
  /// Centre of the view in normalised image coordinates (0..1).
  QPointF viewCentre() const { return centre_; }

  /// The image a side currently shows (null when it has none).
  QImage image(PreviewSide side) const;
  /// Where a side's image is drawn, in widget coordinates (empty when the side is hidden).
  QRectF imageRect(PreviewSide side) const;
  /// Translated caption of a side in the current pair.
  QString caption(PreviewSide side) const;

  QSize sizeHint() const override { return {960, 400}; }

 Q_SIGNALS:
  void frameShown(qint64 frame_index);
  void viewChanged();

 protected:
  void changeEvent(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  TimecodeClock clock_;
  QRectF paneRect(PreviewSide side) const;
  QSizeF referenceSize() const;
  double logicalScale(const QRectF& pane) const;
  QRectF placeImage(const QRectF& pane) const;
  double dividerX() const;
  bool nearDivider(const QPointF& pos) const;
  void drawSide(QPainter& p, PreviewSide side, const QRectF& target) const;
  void drawCaption(QPainter& p, const QRectF& pane, const QString& text) const;

  pipeline::PreviewFramePtr frame_;
  QImage grey_;
  QImage raw_;
  QImage smoothed_;
  QImage source_;
  QImage heat_;
  int rotation_deg_ = 0;
  PreviewMode mode_ = PreviewMode::SideBySide;
  PreviewPair pair_ = PreviewPair::OriginalVsColour;
  PreviewSide single_side_ = PreviewSide::Right;
  bool overlay_ = false;
  double wipe_ = 0.5;
  bool fit_ = true;
  double zoom_ = 1.0;  ///< device px per image px when not fitting
  QPointF centre_{0.5, 0.5};
  enum class Drag { None, Pan, Divider } drag_ = Drag::None;
  QPointF last_pos_;
};

}  // namespace cf::ui
