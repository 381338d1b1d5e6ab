#include "EngineQueue.h"

#include <algorithm>

namespace cf::ui {

bool EngineQueue::putPreview(const pipeline::PreviewRequest& request) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const bool replaced = preview_.has_value();
  preview_ = request;
  if (replaced)
    ++dropped_previews_;
  return replaced;
}

std::optional<pipeline::PreviewRequest> EngineQueue::takePreview() {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::optional<pipeline::PreviewRequest> out;
  out.swap(preview_);
  return out;
}

bool EngineQueue::hasPreview() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return preview_.has_value();
}

QVector<qint64> EngineQueue::putThumbnails(const QVector<qint64>& frames, int height_px) {
  const std::lock_guard<std::mutex> lock(mutex_);
  QVector<qint64> dropped;
  for (qint64 f : frames) {
    const auto same = [&](const auto& t) { return t.first == f && t.second == height_px; };
    if (std::find_if(thumbnails_.begin(), thumbnails_.end(), same) == thumbnails_.end())
      thumbnails_.emplace_back(f, height_px);
  }
  while (thumbnails_.size() > kMaxThumbnails) {
    dropped.append(thumbnails_.front().first);
    thumbnails_.pop_front();
  }
  return dropped;
}

std::vector<std::pair<qint64, int>> EngineQueue::takeThumbnails(size_t max) {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<qint64, int>> out;
  while (!thumbnails_.empty() && out.size() < max) {
    out.push_back(thumbnails_.front());
    thumbnails_.pop_front();
  }
  return out;
}

CancelToken EngineQueue::beginBackgroundWork() {
  const std::lock_guard<std::mutex> lock(mutex_);
  background_ = CancelToken();
  if (preview_)
    background_.cancel();
  return background_;
}

void EngineQueue::interruptBackgroundWork() {
  const std::lock_guard<std::mutex> lock(mutex_);
  background_.cancel();
}

CancelToken EngineQueue::guideWork() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return guide_;
}

void EngineQueue::stopGuideWork() {
  const std::lock_guard<std::mutex> lock(mutex_);
  guide_.cancel();
}

void EngineQueue::renewGuideWork() {
  const std::lock_guard<std::mutex> lock(mutex_);
  guide_ = CancelToken();
}

bool EngineQueue::hasThumbnails() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return !thumbnails_.empty();
}

}  // namespace cf::ui
