#include "HintOverlay.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "PreviewWidget.h"
#include "Project.h"

namespace cf::ui {

namespace {
// A press that moves less than this is a click.
constexpr double kClickSlopPx = 3.0;
}  // namespace

HintOverlay::HintOverlay(PreviewWidget* preview, Project* project)
    : QWidget(preview), preview_(preview), project_(project) {
  setObjectName(QStringLiteral("hintOverlay"));
  setAttribute(Qt::WA_TransparentForMouseEvents, true);
  setAttribute(Qt::WA_NoSystemBackground, true);
  setGeometry(preview->rect());
  preview->installEventFilter(this);
  connect(preview, &PreviewWidget::viewChanged, this, qOverload<>(&QWidget::update));
  connect(preview, &PreviewWidget::frameShown, this, [this] {
    // A selection belongs to the frame it was made on.
    if (selected_ >= 0) {
      const auto& hints = project_->guidance().hints;
      if (selected_ >= int(hints.size()) || hints[size_t(selected_)].frame != shownFrame())
        selectHint(-1);
    }
    update();
  });
  connect(project, &Project::guidanceChanged, this, [this] {
    if (selected_ >= int(project_->guidance().hints.size()))
      selectHint(-1);
    update();
  });
  connect(project, &Project::projectReset, this, [this] {
    selectHint(-1);
    update();
  });
  raise();
}

void HintOverlay::setArmed(bool armed) {
  armed_ = armed;
  setAttribute(Qt::WA_TransparentForMouseEvents, !armed);
  setCursor(armed ? Qt::CrossCursor : Qt::ArrowCursor);
  if (!armed)
    selectHint(-1);
  update();
}

void HintOverlay::selectHint(int index) {
  if (index == selected_)
    return;
  selected_ = index;
  update();
  Q_EMIT selectionChanged(index);
}

bool HintOverlay::removeSelected() {
  if (selected_ < 0 || selected_ >= int(project_->guidance().hints.size()))
    return false;
  const int index = selected_;
  selectHint(-1);
  project_->removeHint(index);
  return true;
}

qint64 HintOverlay::shownFrame() const {
  return preview_->frame() ? preview_->frame()->frame_index : -1;
}

std::optional<QPointF> HintOverlay::toImage(const QPointF& pos) const {
  const QRectF r = preview_->imageRect(PreviewSide::Right);
  if (r.isEmpty() || !r.contains(pos))
    return std::nullopt;
  // The preview shows the picture upright, in the display orientation that hints use.
  return QPointF((pos.x() - r.left()) / r.width(), (pos.y() - r.top()) / r.height());
}

QPointF HintOverlay::toWidget(double x, double y) const {
  const QRectF r = preview_->imageRect(PreviewSide::Right);
  return {r.left() + x * r.width(), r.top() + y * r.height()};
}

double HintOverlay::radiusPx(const guide::HintPoint& hint) const {
  // A share of the displayed (upright) frame's height.
  return std::max(kMinRadiusPx, hint.radius * preview_->imageRect(PreviewSide::Right).height());
}

int HintOverlay::hintAt(const QPointF& pos) const {
  const qint64 frame = shownFrame();
  const auto& hints = project_->guidance().hints;
  int best = -1;
  double best_d = 0.0;
  for (size_t i = 0; i < hints.size(); ++i) {
    if (hints[i].frame != frame)
      continue;
    const QPointF c = toWidget(hints[i].x, hints[i].y);
    const double d = std::hypot(c.x() - pos.x(), c.y() - pos.y());
    if (d <= radiusPx(hints[i]) + kGrabMarginPx && (best < 0 || d < best_d)) {
      best = int(i);
      best_d = d;
    }
  }
  return best;
}

bool HintOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == preview_ && event->type() == QEvent::Resize)
    setGeometry(preview_->rect());
  return QWidget::eventFilter(watched, event);
}

void HintOverlay::paintEvent(QPaintEvent*) {
  const qint64 frame = shownFrame();
  if (frame < 0 || preview_->imageRect(PreviewSide::Right).isEmpty())
    return;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setClipRect(preview_->imageRect(PreviewSide::Right));
  const auto& hints = project_->guidance().hints;
  for (size_t i = 0; i < hints.size(); ++i) {
    const guide::HintPoint& h = hints[i];
    if (h.frame != frame)
      continue;
    const bool selected = int(i) == selected_;
    const QPointF c =
        selected && drag_to_ ? toWidget(drag_to_->x(), drag_to_->y()) : toWidget(h.x, h.y);
    const double r = radiusPx(h);
    p.setBrush(QColor(h.r, h.g, h.b));
    p.setPen(QPen(Qt::black, selected ? 3.0 : 1.5));
    p.drawEllipse(c, r + 1.0, r + 1.0);
    p.setPen(QPen(selected ? QColor(255, 220, 0) : QColor(Qt::white), selected ? 2.0 : 1.0));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, r, r);
  }
}

void HintOverlay::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton)
    return QWidget::mousePressEvent(event);
  press_pos_ = last_pos_ = event->position();
  moved_ = false;
  const int hit = hintAt(event->position());
  selectHint(hit);
  drag_ = hit >= 0 ? Drag::Hint : Drag::Pan;
  setFocus(Qt::MouseFocusReason);
}

void HintOverlay::mouseMoveEvent(QMouseEvent* event) {
  if (drag_ == Drag::None)
    return;
  const QPointF pos = event->position();
  if (!moved_ && std::hypot(pos.x() - press_pos_.x(), pos.y() - press_pos_.y()) < kClickSlopPx)
    return;
  moved_ = true;
  if (drag_ == Drag::Pan) {
    preview_->panBy(pos - last_pos_);
  } else {
    const QRectF r = preview_->imageRect(PreviewSide::Right);
    const QPointF clamped(std::clamp(pos.x(), r.left(), r.right()),
                          std::clamp(pos.y(), r.top(), r.bottom()));
    drag_to_ = toImage(clamped);
    update();
  }
  last_pos_ = pos;
}

void HintOverlay::mouseReleaseEvent(QMouseEvent* event) {
  const Drag drag = drag_;
  drag_ = Drag::None;
  if (event->button() != Qt::LeftButton)
    return QWidget::mouseReleaseEvent(event);
  if (drag == Drag::Hint && moved_ && drag_to_ && selected_ >= 0 &&
      selected_ < int(project_->guidance().hints.size())) {
    guide::HintPoint moved = project_->guidance().hints[size_t(selected_)];
    moved.x = std::clamp(drag_to_->x(), 0.0, 1.0);
    moved.y = std::clamp(drag_to_->y(), 0.0, 1.0);
    drag_to_.reset();
    project_->moveHint(selected_, moved);
  } else if (drag == Drag::Pan && !moved_) {
    if (const auto at = toImage(event->position()); at && shownFrame() >= 0)
      Q_EMIT pointClicked(shownFrame(), at->x(), at->y(), event->globalPosition().toPoint());
  }
  drag_to_.reset();
  update();
}

void HintOverlay::mouseDoubleClickEvent(QMouseEvent* event) {
  const int hit = hintAt(event->position());
  if (hit >= 0)
    Q_EMIT hintActivated(hit, event->globalPosition().toPoint());
}

}  // namespace cf::ui
