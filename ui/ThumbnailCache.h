#pragma once
// In-memory LRU of timeline thumbnails (QCache) plus the set of frames already requested, so a
// miss is asked for once and painted when it arrives. No I/O: misses go to the engine by signal.

#include <QCache>
#include <QImage>
#include <QSet>
#include <QVector>

namespace cf::ui {

class ThumbnailCache {
 public:
  explicit ThumbnailCache(qsizetype capacity_bytes = 64 * 1024 * 1024);

  /// The cached image, or nullptr on a miss. Marks the entry most recently used.
  const QImage* find(qint64 frame_index) const;
  void insert(qint64 frame_index, const QImage& image);
  /// Frames of `wanted` neither cached nor already requested; they are marked as requested.
  QVector<qint64> takeMisses(const QVector<qint64>& wanted);
  /// Forgets a request that failed so it can be asked again later.
  void forgetRequest(qint64 frame_index);
  void clear();
  qsizetype size() const { return cache_.size(); }
  int height_px() const { return height_px_; }
  /// Changing the thumbnail height empties the cache.
  void setHeightPx(int height_px);

 private:
  mutable QCache<qint64, QImage> cache_;
  QSet<qint64> requested_;
  int height_px_ = 40;
};

}  // namespace cf::ui
