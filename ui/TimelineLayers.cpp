#include "TimelineLayers.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "common/Timecode.h"

namespace cf::ui {
namespace {

constexpr int kRulerHeight = 18;
constexpr int kLaneHeight = 18;
constexpr int kFailureRowHeight = 12;
constexpr double kMinLabelSpacingPx = 80.0;

/// A frame step between ruler labels that is at least `min_frames` and reads well as time.
qint64 niceStep(double min_frames, double fps) {
  const qint64 f = std::max<qint64>(1, static_cast<qint64>(std::llround(fps)));
  const qint64 candidates[] = {1,       2,       5,       10,       f,        2 * f,
                               5 * f,   10 * f,  15 * f,  30 * f,   60 * f,   120 * f,
                               300 * f, 600 * f, 900 * f, 1800 * f, 3600 * f, 7200 * f};
  for (qint64 c : candidates)
    if (double(c) >= min_frames && (c < f || c % f == 0))
      return c;
  return 7200 * f;
}

void paintRuler(QPainter& p, const QRect& r, const TimelineView& v, const QPalette& pal) {
  p.fillRect(r, pal.color(QPalette::Window));
  const qint64 step = niceStep(kMinLabelSpacingPx / v.px_per_frame, v.clock.fps());
  const qint64 first = std::max<qint64>(0, static_cast<qint64>(v.view_first) / step * step);
  p.setPen(pal.color(QPalette::WindowText));
  QFont font = p.font();
  font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
  p.setFont(font);
  for (qint64 f = first; f < v.frame_count; f += step) {
    const double x = v.xForFrame(f);
    if (x > r.right() || x > v.paint_x1)
      break;
    if (x + kMinLabelSpacingPx < v.paint_x0)
      continue;
    p.drawLine(QPointF(x, r.bottom() - 5), QPointF(x, r.bottom()));
    p.drawText(QRectF(x + 3, r.top(), kMinLabelSpacingPx, r.height() - 2),
               Qt::AlignLeft | Qt::AlignVCenter, timecode(f, v.clock));
  }
}

void paintThumbs(QPainter& p, const QRect& r, const TimelineView& v, ThumbnailCache& cache,
                 QVector<qint64>& misses) {
  p.fillRect(r, QColor(20, 20, 20));
  const QVector<qint64> frames = thumbnailFrames(v, r.width(), r.height());
  const double thumb_w = r.height() * v.aspect_ratio;
  for (int i = 0; i < frames.size(); ++i) {
    const qint64 f = frames[i];
    const double x0 = v.xForFrame(f);
    const double x1 = i + 1 < frames.size() ? v.xForFrame(frames[i + 1]) : x0 + thumb_w;
    const QRectF slot(x0, r.top(), std::min(2.0 * thumb_w, x1 - x0), r.height());
    if (slot.right() < v.paint_x0 || slot.left() > v.paint_x1)
      continue;
    if (const QImage* img = cache.find(f)) {
      // Cover the whole slot (up to twice a thumbnail wide): scale to its width, crop centred.
      const double w = std::max(thumb_w, slot.width());
      const double h = w / v.aspect_ratio;
      p.save();
      p.setClipRect(slot);
      p.drawImage(QRectF(x0, r.center().y() - h / 2.0, w, h), *img);
      p.restore();
    } else {
      p.fillRect(slot.adjusted(1, 1, -1, -1), QColor(45, 45, 45));
      misses.append(f);
    }
  }
}

void paintLane(QPainter& p, const QRect& r, const TimelineView& v,
               const std::vector<pipeline::FrameSignals>& frames,
               float pipeline::FrameSignals::*member, float max_value, QColor colour,
               const QPalette& pal) {
  p.fillRect(r, pal.color(QPalette::Base));
  // Only the pixels of the strip being painted (and one either side, for the line's joins): a
  // two-hour film's lane is walked and stroked for 16 new frames' few pixels, not its whole width.
  const int x_first = int(std::clamp(std::floor(v.paint_x0) - 1.0, 0.0, double(r.width())));
  const int x_end = int(std::clamp(std::ceil(v.paint_x1) + 2.0, 0.0, double(r.width())));
  QPolygonF line;
  const auto flush = [&] {
    if (line.size() > 1)
      p.drawPolyline(line);
    line.clear();
  };
  // A cosmetic pen takes the raster engine's fast line path (no stroker, no joins to compute).
  QPen pen(colour, 1.0);
  pen.setCosmetic(true);
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  for (int x = x_first; x < x_end; ++x) {
    const qint64 f = v.frameAtX(x);
    const bool ok = f >= 0 && f < qint64(frames.size()) && frames[size_t(f)].analysed &&
                    std::isfinite(frames[size_t(f)].*member);
    if (!ok) {
      flush();
      continue;
    }
    const double value = std::clamp(double(frames[size_t(f)].*member / max_value), 0.0, 1.0);
    line.append(QPointF(r.left() + x, r.bottom() - value * (r.height() - 3)));
  }
  flush();
  p.setPen(pal.color(QPalette::Mid));
  p.drawLine(r.bottomLeft(), r.bottomRight());
}

void paintLaneLabel(QPainter& p, const QRect& r, const QString& text, const QPalette& pal) {
  p.setPen(pal.color(QPalette::PlaceholderText));
  p.drawText(r.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop, text);
}

}  // namespace

TimelineLayout TimelineLayout::forSize(const QSize& size, int thumb_height_px) {
  TimelineLayout l;
  const int w = size.width();
  int y = 0;
  l.ruler = QRect(0, y, w, kRulerHeight);
  y += kRulerHeight;
  l.thumbs = QRect(0, y, w, thumb_height_px);
  y += thumb_height_px;
  l.colourfulness = QRect(0, y, w, kLaneHeight);
  y += kLaneHeight;
  l.flicker = QRect(0, y, w, kLaneHeight);
  y += kLaneHeight;
  l.confidence = QRect(0, y, w, kLaneHeight);
  y += kLaneHeight;
  l.failures = QRect(0, y, w, kFailureRowHeight);
  y += kFailureRowHeight;
  l.all = QRect(0, 0, w, std::max(y, size.height()));
  return l;
}

LaneScale LaneScale::of(const std::vector<pipeline::FrameSignals>& frames) {
  LaneScale s;
  for (const auto& f : frames) {
    if (!f.analysed)
      continue;
    // NaN and infinities fail these comparisons' finiteness checks and are left out.
    if (std::isfinite(f.colorfulness) && f.colorfulness > s.colorfulness)
      s.colorfulness = f.colorfulness;
    if (std::isfinite(f.flicker) && f.flicker > s.flicker)
      s.flicker = f.flicker;
    if (std::isfinite(f.confidence) && f.confidence > s.confidence)
      s.confidence = f.confidence;
  }
  return s;
}

qint64 TimelineView::frameAtX(double x) const {
  if (frame_count <= 0)
    return -1;
  const double f = std::floor(view_first + x / px_per_frame);
  return std::clamp<qint64>(static_cast<qint64>(f), 0, frame_count - 1);
}

QString timecode(qint64 frame, const TimecodeClock& clock) {
  return QString::fromStdString(clock.format(frame));
}

QVector<qint64> thumbnailFrames(const TimelineView& v, int width_px, int thumb_height_px) {
  QVector<qint64> out;
  if (v.frame_count <= 0 || width_px <= 0)
    return out;
  const double thumb_w = std::max(8.0, thumb_height_px * v.aspect_ratio);
  const double frames_per_slot = thumb_w / v.px_per_frame;
  qint64 step = 1;
  while (double(step) < frames_per_slot)
    step *= 2;
  const qint64 first = std::max<qint64>(0, static_cast<qint64>(v.view_first) / step * step);
  const qint64 last = v.frameAtX(width_px - 1);
  for (qint64 f = first; f <= last; f += step)
    out.append(f);
  return out;
}

QColor failureColour(analysis::FlagKind kind) {
  switch (kind) {
    case analysis::FlagKind::Sepia:
      return QColor(205, 133, 63);
    case analysis::FlagKind::LowConfidence:
      return QColor(220, 50, 47);
    case analysis::FlagKind::Flicker:
      return QColor(181, 137, 0);
    case analysis::FlagKind::Motion:
      return QColor(108, 113, 196);
    case analysis::FlagKind::Desaturated:
      return QColor(147, 161, 161);
  }
  return QColor(211, 54, 130);
}

void paintTimelineLayers(QPainter& p, const TimelineLayout& l, const TimelineView& v,
                         const pipeline::TimelineData* data, ThumbnailCache& cache,
                         const QPalette& pal, QVector<qint64>& misses) {
  p.fillRect(l.all, pal.color(QPalette::Base));
  if (v.frame_count <= 0) {
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(
        l.all, Qt::AlignCenter,
        QCoreApplication::translate("cf::ui::TimelineWidget", "Open a video to see its timeline"));
    return;
  }
  paintRuler(p, l.ruler, v, pal);
  paintThumbs(p, l.thumbs, v, cache, misses);
  const std::vector<pipeline::FrameSignals> empty;
  const auto& frames = data ? data->frames : empty;
  paintLane(p, l.colourfulness, v, frames, &pipeline::FrameSignals::colorfulness,
            v.scale.colorfulness, QColor(38, 139, 210), pal);
  paintLane(p, l.flicker, v, frames, &pipeline::FrameSignals::flicker, v.scale.flicker,
            QColor(203, 75, 22), pal);
  paintLane(p, l.confidence, v, frames, &pipeline::FrameSignals::confidence, v.scale.confidence,
            QColor(133, 153, 0), pal);
  paintLaneLabel(p, l.colourfulness,
                 QCoreApplication::translate("cf::ui::TimelineWidget", "Colourfulness"), pal);
  paintLaneLabel(p, l.flicker, QCoreApplication::translate("cf::ui::TimelineWidget", "Flicker"),
                 pal);
  paintLaneLabel(p, l.confidence,
                 QCoreApplication::translate("cf::ui::TimelineWidget", "Confidence"), pal);
  p.fillRect(l.failures, pal.color(QPalette::AlternateBase));
  if (data) {
    const QRect lanes(0, l.colourfulness.top(), l.all.width(),
                      l.failures.bottom() - l.colourfulness.top() + 1);
    for (const auto& fr : data->failures) {
      const double x0 = v.xForFrame(fr.first_frame);
      const double x1 = std::max(x0 + 3.0, v.xForFrame(fr.last_frame + 1));
      if (x1 < std::max(0.0, v.paint_x0) || x0 > std::min<double>(l.all.width(), v.paint_x1))
        continue;
      QColor c = failureColour(fr.kind);
      p.fillRect(QRectF(x0, l.failures.top() + 2, x1 - x0, l.failures.height() - 4), c);
      c.setAlpha(40);
      p.fillRect(QRectF(x0, lanes.top(), x1 - x0, l.failures.top() - lanes.top()), c);
    }
    p.setPen(QPen(pal.color(QPalette::Highlight), 1.0));
    for (qint64 cut : data->cuts) {
      const double x = v.xForFrame(cut);
      if (x >= std::max(0.0, v.paint_x0) && x <= std::min<double>(l.all.width(), v.paint_x1))
        p.drawLine(QPointF(x, l.thumbs.top()), QPointF(x, l.failures.bottom()));
    }
  }
  // In/out range: shade what lies outside it.
  const QColor shade(0, 0, 0, 110);
  if (v.in_frame >= 0)
    p.fillRect(QRectF(0, 0, std::max(0.0, v.xForFrame(v.in_frame)), l.all.height()), shade);
  if (v.out_frame >= 0) {
    const double x = std::max(0.0, v.xForFrame(v.out_frame + 1));
    p.fillRect(QRectF(x, 0, l.all.width() - x, l.all.height()), shade);
  }
}

}  // namespace cf::ui
