#include "KeyframeLane.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "Project.h"
#include "TimelineWidget.h"

namespace cf::ui {

namespace {

void drawMarker(QPainter& p, double x, double height, const QColor& fill, bool active) {
  const double h = height - 4.0;
  const double w = h * 0.55;
  QPainterPath diamond;
  diamond.moveTo(x, 2.0);
  diamond.lineTo(x + w, 2.0 + h / 2.0);
  diamond.lineTo(x, 2.0 + h);
  diamond.lineTo(x - w, 2.0 + h / 2.0);
  diamond.closeSubpath();
  p.setPen(QPen(active ? QColor(255, 220, 0) : QColor(Qt::white), active ? 2.0 : 1.0));
  p.setBrush(fill);
  p.drawPath(diamond);
}

}  // namespace

KeyframeLane::KeyframeLane(TimelineWidget* timeline, Project* project, QWidget* parent)
    : QWidget(parent), timeline_(timeline), project_(project) {
  setObjectName(QStringLiteral("keyframeLane"));
  setMouseTracking(true);
  timeline->installEventFilter(this);
  connect(project, &Project::guidanceChanged, this, qOverload<>(&QWidget::update));
  connect(project, &Project::projectReset, this, qOverload<>(&QWidget::update));
}

QSize KeyframeLane::sizeHint() const {
  return {400, kHeightPx};
}

QSize KeyframeLane::minimumSizeHint() const {
  return {50, kHeightPx};
}

double KeyframeLane::xForFrame(qint64 frame) const {
  // The centre of the frame's column on the timeline.
  return timeline_->xForFrame(frame) + timeline_->pxPerFrame() / 2.0 + timeline_->x() - x();
}

qint64 KeyframeLane::frameAt(double lane_x) const {
  const qint64 last = std::max<qint64>(0, timeline_->frameCount() - 1);
  return std::clamp<qint64>(timeline_->frameAtX(lane_x + x() - timeline_->x()), 0, last);
}

std::optional<qint64> KeyframeLane::keyframeAt(double lane_x) const {
  std::optional<qint64> best;
  double best_d = kGrabPx;
  for (qint64 k : project_->guidance().keyframes()) {
    const double d = std::abs(xForFrame(k) - lane_x);
    if (d <= best_d) {
      best = k;
      best_d = d;
    }
  }
  return best;
}

bool KeyframeLane::eventFilter(QObject* watched, QEvent* event) {
  if (watched == timeline_ && event->type() == QEvent::Paint)
    update();  // zoom, scroll or playhead moved
  return QWidget::eventFilter(watched, event);
}

void KeyframeLane::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Base).darker(115));
  p.setRenderHint(QPainter::Antialiasing);
  const guide::Guidance& g = project_->guidance();
  for (qint64 k : g.keyframes()) {
    const bool has_reference =
        std::any_of(g.references.begin(), g.references.end(),
                    [&](const guide::ReferenceImage& r) { return r.frame == k; });
    QColor fill(70, 140, 230);  // a reference image
    if (!has_reference)
      for (const guide::HintPoint& h : g.hints)
        if (h.frame == k) {
          fill = QColor(h.r, h.g, h.b);  // hints only: the first hint's colour
          break;
        }
    const bool active = dragging_ && *dragging_ == k;
    const double x = active ? xForFrame(drag_to_) : xForFrame(k);
    if (x < -kGrabPx || x > width() + kGrabPx)
      continue;
    drawMarker(p, x, height(), fill, active || k == timeline_->playhead());
  }
}

void KeyframeLane::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton)
    return QWidget::mousePressEvent(event);
  dragging_ = keyframeAt(event->position().x());
  drag_to_ = dragging_ ? *dragging_ : -1;
  if (!dragging_)
    Q_EMIT frameRequested(frameAt(event->position().x()));
}

void KeyframeLane::mouseMoveEvent(QMouseEvent* event) {
  if (dragging_) {
    drag_to_ = frameAt(event->position().x());
    update();
    return;
  }
  setCursor(keyframeAt(event->position().x()) ? Qt::SizeHorCursor : Qt::ArrowCursor);
  if (const auto k = keyframeAt(event->position().x()))
    setToolTip(tr("Keyframe at frame %1: drag to move it, right-click for more").arg(*k));
  else
    setToolTip(tr("Keyframes: frames with a reference image or colour hints"));
}

void KeyframeLane::mouseReleaseEvent(QMouseEvent* event) {
  if (!dragging_ || event->button() != Qt::LeftButton)
    return QWidget::mouseReleaseEvent(event);
  const qint64 from = *dragging_;
  const qint64 to = drag_to_;
  dragging_.reset();
  if (to != from && to >= 0)
    project_->moveKeyframe(from, to);
  Q_EMIT frameRequested(to >= 0 ? to : from);
  update();
}

void KeyframeLane::contextMenuEvent(QContextMenuEvent* event) {
  const auto k = keyframeAt(event->pos().x());
  const qint64 frame = k ? *k : frameAt(event->pos().x());
  QMenu menu(this);
  menu.setObjectName(QStringLiteral("keyframeMenu"));
  if (k) {
    menu.addAction(tr("Go to Keyframe %1").arg(*k), this,
                   [this, f = *k] { Q_EMIT frameRequested(f); });
    menu.addAction(tr("Remove Keyframe %1").arg(*k), this,
                   [this, f = *k] { project_->removeKeyframe(f); });
  }
  menu.addAction(tr("Set Reference Image for Frame %1…").arg(frame), this,
                 [this, frame] { Q_EMIT referenceRequested(frame); });
  menu.exec(event->globalPos());
}

}  // namespace cf::ui
