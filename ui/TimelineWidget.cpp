#include "TimelineWidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "CoreText.h"
#include "TimelineLayers.h"

namespace cf::ui {
namespace {
constexpr int kThumbHeightPx = 40;
constexpr double kZoomStep = 1.5;
}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setFocusPolicy(Qt::ClickFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setToolTip(QString());  // tooltips are computed per position in event()
}

TimelineWidget::~TimelineWidget() = default;

QSize TimelineWidget::sizeHint() const {
  return {800, TimelineLayout::forSize({800, 0}, kThumbHeightPx).failures.bottom() + 1};
}

QSize TimelineWidget::minimumSizeHint() const {
  return {200, sizeHint().height()};
}

TimelineLayout TimelineWidget::layout() const {
  return TimelineLayout::forSize(size(), kThumbHeightPx);
}

void TimelineWidget::reset(qint64 frame_count, const TimecodeClock& clock, double aspect_ratio) {
  frame_count_ = std::max<qint64>(0, frame_count);
  clock_ = clock;
  aspect_ratio_ = aspect_ratio > 0 ? aspect_ratio : 4.0 / 3.0;
  data_.reset();
  scale_ = LaneScale();
  thumbnails_.clear();
  playhead_ = 0;
  in_frame_ = out_frame_ = -1;
  px_per_frame_ = fitPxPerFrame();
  zoom_is_fit_ = true;
  view_first_ = 0;
  invalidateLayers();
  Q_EMIT zoomChanged(px_per_frame_);
}

void TimelineWidget::setTimelineData(pipeline::TimelineDataPtr data,
                                     const pipeline::TimelineChange& change) {
  data_ = std::move(data);
  const LaneScale scale = data_ ? LaneScale::of(data_->frames) : LaneScale();
  const bool scale_moved = scale != scale_;
  scale_ = scale;
  // An analysis chunk changes a few frames of a long film: re-render only their strip.
  if (change.full || scale_moved || layers_dirty_ || layers_.isNull()) {
    invalidateLayers();
    return;
  }
  if (change.first_frame < 0)
    return;  // nothing visible changed
  // Failure markers are at least 3 px wide; a margin covers them and the lanes' line joins.
  const int x0 = int(std::floor(xForFrame(change.first_frame))) - 4;
  const int x1 = int(std::ceil(xForFrame(change.last_frame + 1))) + 4;
  if (x1 < 0 || x0 > width())
    return;
  dirty_strip_ = dirty_strip_.united(QRect(x0, 0, x1 - x0, height()));
  update();
}

void TimelineWidget::setPlayhead(qint64 frame) {
  if (frame_count_ <= 0)
    return;
  frame = std::clamp<qint64>(frame, 0, frame_count_ - 1);
  if (frame == playhead_)
    return;
  playhead_ = frame;
  ensureVisible(frame);
  update();
}

void TimelineWidget::setInOut(qint64 in_frame, qint64 out_frame) {
  in_frame_ = in_frame;
  out_frame_ = out_frame;
  invalidateLayers();
}

void TimelineWidget::setThumbnail(qint64 frame_index, const QImage& image) {
  thumbnails_.insert(frame_index, image);
  if (!image.isNull())
    invalidateLayers();
}

double TimelineWidget::fitPxPerFrame() const {
  if (frame_count_ <= 0)
    return 1.0;
  return std::min(kMaxPxPerFrame, std::max(1, width()) / double(frame_count_));
}

void TimelineWidget::setPxPerFrame(double px_per_frame, double anchor_x) {
  const double clamped = std::clamp(px_per_frame, fitPxPerFrame(), kMaxPxPerFrame);
  const double anchor_frame = view_first_ + anchor_x / px_per_frame_;
  px_per_frame_ = clamped;
  zoom_is_fit_ = clamped <= fitPxPerFrame();
  view_first_ = anchor_frame - anchor_x / px_per_frame_;
  clampView();
  invalidateLayers();
  Q_EMIT zoomChanged(px_per_frame_);
}

void TimelineWidget::zoomIn() {
  setPxPerFrame(px_per_frame_ * kZoomStep, xForFrame(playhead_));
}

void TimelineWidget::zoomOut() {
  setPxPerFrame(px_per_frame_ / kZoomStep, xForFrame(playhead_));
}

void TimelineWidget::zoomToFit() {
  setPxPerFrame(fitPxPerFrame(), 0);
}

qint64 TimelineWidget::frameAtX(double x) const {
  TimelineView v;
  v.frame_count = frame_count_;
  v.px_per_frame = px_per_frame_;
  v.view_first = view_first_;
  return v.frameAtX(x);
}

double TimelineWidget::xForFrame(qint64 frame) const {
  return (double(frame) - view_first_) * px_per_frame_;
}

QRect TimelineWidget::failureMarkerRect(int index) const {
  if (!data_ || index < 0 || index >= int(data_->failures.size()))
    return {};
  const auto& f = data_->failures[size_t(index)];
  const double x0 = xForFrame(f.first_frame);
  const double x1 = std::max(x0 + 3.0, xForFrame(f.last_frame + 1));
  const QRect row = layout().failures;
  return QRectF(x0, row.top(), x1 - x0, row.height()).toAlignedRect().intersected(rect());
}

int TimelineWidget::failureAt(const QPoint& pos) const {
  if (!data_)
    return -1;
  for (int i = 0; i < int(data_->failures.size()); ++i)
    if (failureMarkerRect(i).adjusted(-2, 0, 2, 0).contains(pos))
      return i;
  return -1;
}

void TimelineWidget::invalidateLayers() {
  layers_dirty_ = true;
  dirty_strip_ = QRect();
  update();
}

void TimelineWidget::clampView() {
  const double visible = width() / px_per_frame_;
  view_first_ = std::clamp(view_first_, 0.0, std::max(0.0, double(frame_count_) - visible));
}

void TimelineWidget::ensureVisible(qint64 frame) {
  const double x = xForFrame(frame);
  if (x >= 0 && x + px_per_frame_ <= width())
    return;
  // Page so the frame sits a quarter into the view.
  view_first_ = double(frame) - 0.25 * width() / px_per_frame_;
  clampView();
  invalidateLayers();
}

void TimelineWidget::renderLayers() {
  const qreal dpr = devicePixelRatioF();
  const QSize device_size = (QSizeF(size()) * dpr).toSize();
  bool full = layers_dirty_;
  if (layers_.size() != device_size || !qFuzzyCompare(layers_.devicePixelRatio(), dpr)) {
    layers_ = QPixmap(device_size);
    full = true;
  }
  layers_.setDevicePixelRatio(dpr);
  // Thumbnails are requested at device resolution (a DPR change empties the cache).
  thumbnails_.setHeightPx(int(std::lround(kThumbHeightPx * dpr)));
  TimelineView v;
  v.frame_count = frame_count_;
  v.clock = clock_;
  v.aspect_ratio = aspect_ratio_;
  v.px_per_frame = px_per_frame_;
  v.view_first = view_first_;
  v.in_frame = in_frame_;
  v.out_frame = out_frame_;
  v.scale = scale_;
  QVector<qint64> wanted;
  {
    QPainter p(&layers_);
    if (!full && dirty_strip_.isValid()) {
      p.setClipRect(dirty_strip_);  // only the strip an analysis chunk changed
      v.paint_x0 = dirty_strip_.left();
      v.paint_x1 = dirty_strip_.right() + 1;
    }
    paintTimelineLayers(p, layout(), v, data_.get(), thumbnails_, palette(), wanted);
  }
  layers_dirty_ = false;
  dirty_strip_ = QRect();
  ++layer_renders_;
  const QVector<qint64> misses = thumbnails_.takeMisses(wanted);
  if (!misses.isEmpty()) {
    // Never emit from inside paintEvent: hand the request to the event loop.
    QMetaObject::invokeMethod(
        this, [this, misses] { Q_EMIT thumbnailsRequested(misses, thumbnails_.height_px()); },
        Qt::QueuedConnection);
  }
}

void TimelineWidget::paintEvent(QPaintEvent*) {
  if (layers_dirty_ || dirty_strip_.isValid() ||
      layers_.devicePixelRatio() != devicePixelRatioF() ||
      layers_.size() != (QSizeF(size()) * devicePixelRatioF()).toSize())
    renderLayers();
  QPainter p(this);
  p.drawPixmap(0, 0, layers_);
  if (frame_count_ <= 0)
    return;
  const double x = xForFrame(playhead_) + std::min(px_per_frame_, 2.0) / 2.0;
  if (px_per_frame_ >= 4.0) {
    QColor cell = palette().color(QPalette::Highlight);
    cell.setAlpha(60);
    p.fillRect(QRectF(xForFrame(playhead_), 0, px_per_frame_, height()), cell);
  }
  p.setPen(QPen(palette().color(QPalette::Highlight), 2.0));
  p.drawLine(QPointF(x, 0), QPointF(x, height()));
  const QPointF head[] = {{x - 5, 0}, {x + 5, 0}, {x, 7}};
  p.setBrush(palette().color(QPalette::Highlight));
  p.drawPolygon(head, 3);
}

void TimelineWidget::resizeEvent(QResizeEvent*) {
  // paintEvent re-renders when the pixmap no longer matches the size; here only the view may
  // change (grab() of a hidden widget re-sends its size, which must not force a render).
  const double old_px = px_per_frame_;
  const double old_first = view_first_;
  if (zoom_is_fit_ || px_per_frame_ < fitPxPerFrame())
    px_per_frame_ = fitPxPerFrame();
  clampView();
  if (old_px != px_per_frame_ || old_first != view_first_)
    invalidateLayers();
}

void TimelineWidget::scrubTo(double x) {
  const qint64 f = frameAtX(x);
  if (f < 0)
    return;
  if (f != playhead_) {
    playhead_ = f;
    update();
  }
  Q_EMIT frameScrubbed(f);
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || frame_count_ <= 0)
    return QWidget::mousePressEvent(event);
  const int failure = failureAt(event->position().toPoint());
  if (failure >= 0) {
    const qint64 first = data_->failures[size_t(failure)].first_frame;
    playhead_ = std::clamp<qint64>(first, 0, frame_count_ - 1);
    update();
    Q_EMIT frameScrubbed(playhead_);
    Q_EMIT failureActivated(failure);
    return;
  }
  scrubbing_ = true;
  scrubTo(event->position().x());
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  if (scrubbing_ && (event->buttons() & Qt::LeftButton))
    scrubTo(std::clamp<double>(event->position().x(), 0, width() - 1));
  else
    QWidget::mouseMoveEvent(event);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton)
    scrubbing_ = false;
  QWidget::mouseReleaseEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (event->modifiers() & Qt::ControlModifier) {
    setPxPerFrame(px_per_frame_ * std::pow(kZoomStep, steps), event->position().x());
  } else {
    view_first_ -= steps * 0.1 * width() / px_per_frame_;
    clampView();
    invalidateLayers();
  }
  event->accept();
}

QString TimelineWidget::tooltipAt(const QPoint& pos) const {
  const int failure = failureAt(pos);
  if (failure >= 0) {
    const auto& f = data_->failures[size_t(failure)];
    return tr("%1, frames %2-%3: %4")
        .arg(failureKindName(f.kind))
        .arg(f.first_frame)
        .arg(f.last_frame)
        .arg(translatedFailureReason(f.why));
  }
  const qint64 frame = frameAtX(pos.x());
  if (frame < 0)
    return {};
  QString text = tr("Frame %1 (%2)").arg(frame).arg(timecode(frame, clock_));
  if (data_ && frame < qint64(data_->frames.size()) && data_->frames[size_t(frame)].analysed) {
    const auto& s = data_->frames[size_t(frame)];
    text += QLatin1Char('\n') + tr("Colourfulness %1, flicker %2, confidence %3")
                                    .arg(s.colorfulness, 0, 'f', 1)
                                    .arg(s.flicker, 0, 'f', 2)
                                    .arg(s.confidence, 0, 'f', 2);
  }
  return text;
}

QString TimelineWidget::failureKindName(analysis::FlagKind kind) {
  switch (kind) {
    case analysis::FlagKind::Sepia:
      return tr("Sepia");
    case analysis::FlagKind::LowConfidence:
      return tr("Low confidence");
    case analysis::FlagKind::Flicker:
      return tr("Flicker");
    case analysis::FlagKind::Motion:
      return tr("Heavy motion");
    case analysis::FlagKind::Desaturated:
      return tr("Desaturated (colour averaging)");
  }
  return QString::fromLatin1(analysis::flagKindName(kind));
}

bool TimelineWidget::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = tooltipAt(help->pos());
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(event);
}

void TimelineWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange ||
      event->type() == QEvent::LanguageChange)
    invalidateLayers();
  QWidget::changeEvent(event);
}

}  // namespace cf::ui
