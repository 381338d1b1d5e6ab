#pragma once
// Rendering of the timeline's static layers into a pixmap (no I/O: thumbnails come from the cache).

#include <QPalette>
#include <QRect>
#include <QVector>
#include <functional>

#include "ThumbnailCache.h"
#include "pipeline/SessionTypes.h"

class QPainter;

namespace cf::ui {

/// Rows of the timeline in logical pixels.
struct TimelineLayout {
  QRect ruler;
  QRect thumbs;
  QRect colourfulness;
  QRect flicker;
  QRect confidence;
  QRect failures;
  QRect all;

  static TimelineLayout forSize(const QSize& size, int thumb_height_px);
};

/// The value at the top of each metric lane (the largest analysed value, finite, > 0).
struct LaneScale {
  float colorfulness = 1e-6f;
  float flicker = 1e-6f;
  float confidence = 1e-6f;
  bool operator==(const LaneScale& o) const {
    return colorfulness == o.colorfulness && flicker == o.flicker && confidence == o.confidence;
  }
  bool operator!=(const LaneScale& o) const { return !(*this == o); }
  static LaneScale of(const std::vector<pipeline::FrameSignals>& frames);
};

/// What the layers need to know about the view.
struct TimelineView {
  qint64 frame_count = 0;
  TimecodeClock clock;  ///< the rate and the source's start timecode
  double aspect_ratio = 4.0 / 3.0;
  double px_per_frame = 1.0;
  double view_first = 0.0;
  qint64 in_frame = -1;
  qint64 out_frame = -1;
  LaneScale scale;
  /// Only x in [paint_x0, paint_x1] needs painting (the strip an analysis chunk changed): what
  /// lies outside is neither walked nor stroked.
  double paint_x0 = -1e300;
  double paint_x1 = 1e300;

  double xForFrame(qint64 frame) const { return (double(frame) - view_first) * px_per_frame; }
  qint64 frameAtX(double x) const;
};

/// SMPTE "HH:MM:SS:FF" of a frame on `clock` ("HH:MM:SS;FF" drop-frame; common/Timecode.h).
QString timecode(qint64 frame, const TimecodeClock& clock);

/// Frames whose thumbnails a view shows (stable across scrolling: multiples of a power-of-two
/// step).
QVector<qint64> thumbnailFrames(const TimelineView& view, int width_px, int thumb_height_px);

/// Paints every static layer; thumbnails missing from `cache` are appended to `misses`.
void paintTimelineLayers(QPainter& painter, const TimelineLayout& layout, const TimelineView& view,
                         const pipeline::TimelineData* data, ThumbnailCache& cache,
                         const QPalette& palette, QVector<qint64>& misses);

/// The colour of a failure marker by kind ("sepia", "low-confidence", "flicker", "motion").
QColor failureColour(analysis::FlagKind kind);

}  // namespace cf::ui
