#include "PreviewWidget.h"
#include "common/Timecode.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ConfidenceLegend.h"
#include "ImageConvert.h"

namespace cf::ui {
namespace {
constexpr double kPaneGapPx = 4.0;
constexpr double kDividerGrabPx = 6.0;
constexpr double kZoomStep = 1.25;
}  // namespace

PreviewWidget::PreviewWidget(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  // Takes the keyboard focus on a click (and by Tab), so no text field keeps it.
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(240, 160);
}

void PreviewWidget::setFrame(pipeline::PreviewFramePtr frame) {
  frame_ = std::move(frame);
  if (!frame_) {
    clear();
    return;
  }
  // The frames are in the stored orientation (as the export writes them, with the rotation as
  // metadata); the preview shows them upright, as a player would.
  grey_ = turnedUpright(toQImage(frame_->grey_rgb8), rotation_deg_);
  raw_ = turnedUpright(toQImage(frame_->raw_rgb8), rotation_deg_);
  smoothed_ = turnedUpright(toQImage(frame_->smoothed_rgb8), rotation_deg_);
  source_ = turnedUpright(toQImage(frame_->source_rgb8), rotation_deg_);
  // Scaled to the shot's range and without the black bars (issue #16, bug 5).
  const cv::Rect area = frame_->picture_area.empty()
                            ? cv::Rect(0, 0, frame_->confidence.cols, frame_->confidence.rows)
                            : frame_->picture_area;
  heat_ = turnedUpright(confidenceHeatMap(analysis::scaledConfidence(frame_->confidence, area,
                                                                     frame_->confidence_scale)),
                        rotation_deg_);
  update();
  Q_EMIT frameShown(frame_->frame_index);
}

void PreviewWidget::setRotation(int rotation_deg) {
  if (rotation_deg == rotation_deg_)
    return;
  rotation_deg_ = rotation_deg;
  if (frame_)
    setFrame(frame_);  // converts the shown frame again, turned
  Q_EMIT viewChanged();
}

void PreviewWidget::clear() {
  frame_.reset();
  grey_ = raw_ = smoothed_ = source_ = heat_ = QImage();
  update();
}

void PreviewWidget::setMode(PreviewMode mode) {
  mode_ = mode;
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::setPair(PreviewPair pair) {
  pair_ = pair;
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::setSingleSide(PreviewSide side) {
  single_side_ = side;
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::toggleSingleSide() {
  setSingleSide(single_side_ == PreviewSide::Left ? PreviewSide::Right : PreviewSide::Left);
}

void PreviewWidget::setConfidenceOverlay(bool on) {
  overlay_ = on;
  update();
}

void PreviewWidget::setWipePosition(double position) {
  wipe_ = std::clamp(position, 0.0, 1.0);
  update();
}

QImage PreviewWidget::image(PreviewSide side) const {
  if (side == PreviewSide::Right)
    return smoothed_;
  switch (pair_) {
    case PreviewPair::RawVsSmoothed:
      return raw_;
    case PreviewPair::ReferenceVsColour:
      return source_.isNull() ? grey_ : source_;
    case PreviewPair::OriginalVsColour:
      break;
  }
  return grey_;
}

QString PreviewWidget::caption(PreviewSide side) const {
  const double lambda = frame_ ? frame_->lambda : 0.0;
  if (side == PreviewSide::Right) {
    const QString text = pair_ == PreviewPair::RawVsSmoothed
                             ? tr("Smoothed (λ %1)").arg(lambda, 0, 'f', 2)
                             : tr("Colourised (λ %1)").arg(lambda, 0, 'f', 2);
    if (frame_ && frame_->guide == pipeline::GuideState::Pending)
      return tr("%1 · keyframe colour being propagated…").arg(text);
    if (frame_ && frame_->guide == pipeline::GuideState::Stopped)
      return tr("%1 · keyframe colour not propagated").arg(text);
    if (frame_ && frame_->guide == pipeline::GuideState::Applied)
      return tr("%1 · keyframe colour").arg(text);
    return text;
  }
  switch (pair_) {
    case PreviewPair::RawVsSmoothed:
      return tr("Raw network output");
    case PreviewPair::ReferenceVsColour:
      return source_.isNull() ? tr("Original (the source has no colours)")
                              : tr("Source colours (reference)");
    case PreviewPair::OriginalVsColour:
      break;
  }
  return tr("Original");
}

QRectF PreviewWidget::paneRect(PreviewSide side) const {
  const QRectF all(rect());
  if (mode_ != PreviewMode::SideBySide)
    return all;
  const double w = (all.width() - kPaneGapPx) / 2.0;
  return side == PreviewSide::Left ? QRectF(0, 0, w, all.height())
                                   : QRectF(w + kPaneGapPx, 0, w, all.height());
}

QSizeF PreviewWidget::referenceSize() const {
  // Both sides share the geometry of the colourised image (full resolution).
  if (!smoothed_.isNull())
    return smoothed_.size();
  if (!grey_.isNull())
    return grey_.size();
  return {};
}

double PreviewWidget::logicalScale(const QRectF& pane) const {
  const QSizeF s = referenceSize();
  if (s.isEmpty())
    return 1.0;
  if (fit_)
    return std::min(pane.width() / s.width(), pane.height() / s.height());
  return zoom_ / devicePixelRatioF();
}

QRectF PreviewWidget::placeImage(const QRectF& pane) const {
  const QSizeF s = referenceSize();
  if (s.isEmpty())
    return {};
  const QSizeF d = s * logicalScale(pane);
  const QPointF top_left(pane.center().x() - centre_.x() * d.width(),
                         pane.center().y() - centre_.y() * d.height());
  return {top_left, d};
}

double PreviewWidget::zoom() const {
  return fit_ ? logicalScale(paneRect(PreviewSide::Right)) * devicePixelRatioF() : zoom_;
}

QRectF PreviewWidget::imageRect(PreviewSide side) const {
  if (mode_ == PreviewMode::Single && side != single_side_)
    return {};
  return placeImage(paneRect(side));
}

void PreviewWidget::zoomToFit() {
  fit_ = true;
  centre_ = {0.5, 0.5};
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::zoomToActual() {
  fit_ = false;
  zoom_ = 1.0;
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::zoomBy(double factor, const QPointF& anchor) {
  const QRectF pane =
      paneRect(mode_ == PreviewMode::SideBySide && anchor.x() < width() / 2.0 ? PreviewSide::Left
                                                                              : PreviewSide::Right);
  const QRectF before = placeImage(pane);
  if (before.isEmpty())
    return;
  const QPointF p((anchor.x() - before.left()) / before.width(),
                  (anchor.y() - before.top()) / before.height());
  zoom_ = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  fit_ = false;
  const QSizeF d = referenceSize() * logicalScale(pane);
  const QPointF top_left(anchor.x() - p.x() * d.width(), anchor.y() - p.y() * d.height());
  centre_ = QPointF((pane.center().x() - top_left.x()) / d.width(),
                    (pane.center().y() - top_left.y()) / d.height());
  update();
  Q_EMIT viewChanged();
}

void PreviewWidget::zoomIn() {
  zoomBy(kZoomStep, paneRect(PreviewSide::Right).center());
}

void PreviewWidget::zoomOut() {
  zoomBy(1.0 / kZoomStep, paneRect(PreviewSide::Right).center());
}

void PreviewWidget::panBy(const QPointF& delta_px) {
  const QRectF placed = placeImage(paneRect(PreviewSide::Right));
  if (placed.isEmpty())
    return;
  if (fit_) {
    zoom_ = zoom();
    fit_ = false;
  }
  centre_ -= QPointF(delta_px.x() / placed.width(), delta_px.y() / placed.height());
  centre_ = QPointF(std::clamp(centre_.x(), 0.0, 1.0), std::clamp(centre_.y(), 0.0, 1.0));
  update();
  Q_EMIT viewChanged();
}

double PreviewWidget::dividerX() const {
  return wipe_ * width();
}

bool PreviewWidget::nearDivider(const QPointF& pos) const {
  return mode_ == PreviewMode::Wipe && std::abs(pos.x() - dividerX()) <= kDividerGrabPx;
}

void PreviewWidget::drawSide(QPainter& p, PreviewSide side, const QRectF& target) const {
  const QImage img = image(side);
  if (img.isNull()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(target, Qt::AlignCenter, tr("Not available yet"));
    return;
  }
  p.drawImage(target, img);
  if (overlay_ && side == PreviewSide::Right && !heat_.isNull())
    p.drawImage(target, heat_);
}

void PreviewWidget::drawCaption(QPainter& p, const QRectF& pane, const QString& text) const {
  const QRectF box(pane.left() + 6, pane.top() + 6, p.fontMetrics().horizontalAdvance(text) + 12,
                   p.fontMetrics().height() + 6);
  p.fillRect(box, QColor(0, 0, 0, 150));
  p.setPen(Qt::white);
  p.drawText(box, Qt::AlignCenter, text);
}

void PreviewWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    update();  // captions and placeholders are translated while painting
  QWidget::changeEvent(event);
}

void PreviewWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(28, 28, 28));
  if (referenceSize().isEmpty()) {
    p.setPen(QColor(200, 200, 200));
    p.drawText(rect(), Qt::AlignCenter, tr("Open a video: File > Open, or drop a file here"));
    return;
  }
  p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 2.0);
  if (mode_ == PreviewMode::SideBySide) {
    for (PreviewSide side : {PreviewSide::Left, PreviewSide::Right}) {
      const QRectF pane = paneRect(side);
      p.save();
      p.setClipRect(pane);
      drawSide(p, side, placeImage(pane));
      drawCaption(p, pane, caption(side));
      p.restore();
    }
  } else if (mode_ == PreviewMode::Wipe) {
    const QRectF pane(rect());
    const QRectF target = placeImage(pane);
    const double x = dividerX();
    p.save();
    p.setClipRect(QRectF(0, 0, x, height()));
    drawSide(p, PreviewSide::Left, target);
    p.setClipRect(QRectF(x, 0, width() - x, height()));
    drawSide(p, PreviewSide::Right, target);
    p.restore();
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
    drawCaption(p, pane,
                caption(PreviewSide::Left) + QStringLiteral(" | ") + caption(PreviewSide::Right));
  } else {
    const QRectF pane(rect());
    drawSide(p, single_side_, placeImage(pane));
    drawCaption(p, pane, caption(single_side_));
  }
  if (overlay_ && !heat_.isNull())
    drawConfidenceLegend(p, QRectF(rect()), frame_->confidence_scale, tr("less sure"),
                         tr("more sure"));
  if (frame_) {
    const QString label = tr("%1 · frame %2")
                              .arg(QString::fromStdString(clock_.format(frame_->frame_index)))
                              .arg(frame_->frame_index);
    const QRectF box(width() - p.fontMetrics().horizontalAdvance(label) - 18, height() - 26,
                     p.fontMetrics().horizontalAdvance(label) + 12, 20);
    p.fillRect(box, QColor(0, 0, 0, 150));
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, label);
  }
}

void PreviewWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton)
    return QWidget::mousePressEvent(event);
  drag_ = nearDivider(event->position()) ? Drag::Divider : Drag::Pan;
  last_pos_ = event->position();
  if (drag_ == Drag::Divider)
    setWipePosition(event->position().x() / std::max(1, width()));
}

void PreviewWidget::mouseMoveEvent(QMouseEvent* event) {
  if (drag_ == Drag::Divider) {
    setWipePosition(event->position().x() / std::max(1, width()));
  } else if (drag_ == Drag::Pan) {
    panBy(event->position() - last_pos_);
    last_pos_ = event->position();
  } else {
    setCursor(nearDivider(event->position()) ? Qt::SplitHCursor : Qt::ArrowCursor);
  }
}

void PreviewWidget::mouseReleaseEvent(QMouseEvent* event) {
  drag_ = Drag::None;
  QWidget::mouseReleaseEvent(event);
}

void PreviewWidget::mouseDoubleClickEvent(QMouseEvent*) {
  if (fit_)
    zoomToActual();
  else
    zoomToFit();
}

void PreviewWidget::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  zoomBy(std::pow(kZoomStep, steps), event->position());
  event->accept();
}

}  // namespace cf::ui
