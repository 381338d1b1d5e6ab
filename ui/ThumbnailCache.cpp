#include "ThumbnailCache.h"

namespace cf::ui {

ThumbnailCache::ThumbnailCache(qsizetype capacity_bytes) : cache_(capacity_bytes) {}

const QImage* ThumbnailCache::find(qint64 frame_index) const {
  return cache_.object(frame_index);
}

void ThumbnailCache::insert(qint64 frame_index, const QImage& image) {
  requested_.remove(frame_index);
  if (image.isNull())
    return;
  cache_.insert(frame_index, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes()));
}

QVector<qint64> ThumbnailCache::takeMisses(const QVector<qint64>& wanted) {
  QVector<qint64> misses;
  for (qint64 f : wanted) {
    if (cache_.contains(f) || requested_.contains(f))
      continue;
    requested_.insert(f);
    misses.append(f);
  }
  return misses;
}

void ThumbnailCache::forgetRequest(qint64 frame_index) {
  requested_.remove(frame_index);
}

void ThumbnailCache::clear() {
  cache_.clear();
  requested_.clear();
}

void ThumbnailCache::setHeightPx(int height_px) {
  if (height_px == height_px_)
    return;
  height_px_ = height_px;
  clear();
}

}  // namespace cf::ui
