#include "pipeline/ShardPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <algorithm>

#include "model/Colorizer.h"
#include "temporal/TemporalSmoother.h"

namespace cf::pipeline {

namespace {

// First frame of the shot holding `frame`.
int64_t shotStart(int64_t frame, const std::vector<int64_t>& cuts) {
  auto after = std::upper_bound(cuts.begin(), cuts.end(), frame);
  return after == cuts.begin() ? 0 : std::max<int64_t>(0, *std::prev(after));
}

// Last frame of the shot holding `frame`.
int64_t shotEnd(int64_t frame, int64_t frame_count, const std::vector<int64_t>& cuts) {
  auto after = std::upper_bound(cuts.begin(), cuts.end(), frame);
  return after == cuts.end() ? frame_count - 1 : std::min(frame_count, *after) - 1;
}

}  // namespace

SpanLayout defaultSpanLayout() {
  SpanLayout layout;
  layout.batch_frames = model::ColorizerSettings{}.batch_size;
  const temporal::SmoothSettings smooth;
  layout.window_frames = smooth.window_frames;
  layout.overlap_frames = smooth.overlap_frames;
  return layout;
}

RenderSpan exactSpan(int64_t first, int64_t last, int64_t frame_count,
                     const std::vector<int64_t>& cuts, const SpanLayout& layout) {
  RenderSpan s;
  s.first = first;
  s.last = last;
  // Mirrors smoothSequence(): windows of `window` frames from the shot's first frame, each
  // after the first starting `window - overlap` frames after the one before, cut at the shot's end.
  const int64_t window = std::max(2, layout.window_frames);
  const int64_t overlap = std::clamp<int64_t>(layout.overlap_frames, 0, window - 1);
  const int64_t step = window - overlap;
  s.smooth_first = shotStart(first, cuts);
  const int64_t last_shot = shotStart(last, cuts);
  const int64_t k = (last - last_shot) / step;
  s.smooth_last = std::min(shotEnd(last, frame_count, cuts), last_shot + k * step + window - 1);
  const int64_t batch = std::max(1, layout.batch_frames);
  s.decode_first = s.smooth_first / batch * batch;
  s.decode_last = std::min(frame_count - 1, (s.smooth_last / batch + 1) * batch - 1);
  return s;
}

int64_t ShardPlan::contextFrames() const {
  int64_t n = 0;
  for (const PlannedShard& s : shards)
    n += s.span.contextBefore() + s.span.contextAfter();
  return n;
}

Result<ShardPlan> planShards(int64_t frame_count, const std::vector<int64_t>& cuts_in,
                             const ShardPlanSettings& settings) {
  if (settings.shards < 1)
    return makeError("the number of shards must be at least 1");
  if (frame_count < settings.shards)
    return makeError("cannot cut " + std::to_string(frame_count) + " frames into " +
                     std::to_string(settings.shards) + " shards: use at most " +
                     std::to_string(frame_count) + " shards");
  std::vector<int64_t> cuts;
  for (int64_t c : cuts_in)
    if (c > 0 && c < frame_count)
      cuts.push_back(c);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  ShardPlan plan;
  plan.frame_count = frame_count;
  plan.layout = settings.layout;
  const int64_t n = settings.shards;
  plan.snap_frames = settings.snap_frames >= 0 ? settings.snap_frames
                                               : std::min<int64_t>(250, frame_count / (4 * n));
  // Border i (1..n-1) is the first frame of shard i.
  std::vector<int64_t> borders{0};
  for (int64_t i = 1; i < n; ++i) {
    const int64_t ideal = i * frame_count / n;
    int64_t best = ideal;
    int64_t best_distance = plan.snap_frames + 1;
    for (auto it = std::lower_bound(cuts.begin(), cuts.end(), ideal - plan.snap_frames);
         it != cuts.end() && *it <= ideal + plan.snap_frames; ++it) {
      const int64_t d = std::abs(*it - ideal);
      if (d<best_distance&& * it> borders.back()) {  // ties: the earlier cut
        best = *it;
        best_distance = d;
      }
    }
    // Borders stay increasing and leave room for one frame per later shard.
    best = std::clamp(best, borders.back() + 1, frame_count - (n - i));
    borders.push_back(best);
  }
  borders.push_back(frame_count);
  for (int64_t i = 0; i < n; ++i) {
    PlannedShard shard;
    shard.span = exactSpan(borders[size_t(i)], borders[size_t(i + 1)] - 1, frame_count, cuts,
                           settings.layout);
    shard.starts_at_cut =
        shard.span.first == 0 || std::binary_search(cuts.begin(), cuts.end(), shard.span.first);
    plan.shards.push_back(shard);
  }
  return plan;
}

std::string planToJson(const ShardPlan& plan) {
  QJsonArray shards;
  for (size_t i = 0; i < plan.shards.size(); ++i) {
    const RenderSpan& s = plan.shards[i].span;
    shards.append(QJsonObject{
        {QStringLiteral("index"), static_cast<int>(i)},
        {QStringLiteral("first"), static_cast<qint64>(s.first)},
        {QStringLiteral("last"), static_cast<qint64>(s.last)},
        {QStringLiteral("frames"), static_cast<qint64>(s.frames())},
        {QStringLiteral("starts_at_cut"), plan.shards[i].starts_at_cut},
        {QStringLiteral("decode_first"), static_cast<qint64>(s.decode_first)},
        {QStringLiteral("decode_last"), static_cast<qint64>(s.decode_last)},
        {QStringLiteral("context_before"), static_cast<qint64>(s.contextBefore())},
        {QStringLiteral("context_after"), static_cast<qint64>(s.contextAfter())},
    });
  }
  const QJsonObject root{
      {QStringLiteral("frames"), static_cast<qint64>(plan.frame_count)},
      {QStringLiteral("shard_count"), static_cast<int>(plan.shards.size())},
      {QStringLiteral("snap_frames"), static_cast<qint64>(plan.snap_frames)},
      {QStringLiteral("batch_frames"), plan.layout.batch_frames},
      {QStringLiteral("window_frames"), plan.layout.window_frames},
      {QStringLiteral("overlap_frames"), plan.layout.overlap_frames},
      {QStringLiteral("context_frames"), static_cast<qint64>(plan.contextFrames())},
      {QStringLiteral("shards"), shards},
  };
  return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

bool parseShardSpec(const std::string& text, int* index, int* count) {
  const QStringList parts = QString::fromStdString(text).split(QLatin1Char('/'));
  if (parts.size() != 2)
    return false;
  bool ok_i = false, ok_n = false;
  *index = parts[0].toInt(&ok_i);
  *count = parts[1].toInt(&ok_n);
  return ok_i && ok_n && *count >= 1 && *index >= 0 && *index < *count;
}

bool parseFrameRange(const std::string& text, int64_t* first, int64_t* last) {
  const QStringList parts = QString::fromStdString(text).split(QLatin1Char(':'));
  if (parts.size() != 2)
    return false;
  bool ok_a = false, ok_b = false;
  *first = parts[0].toLongLong(&ok_a);
  *last = parts[1].toLongLong(&ok_b);
  return ok_a && ok_b && *first >= 0 && *last >= *first;
}

}  // namespace cf::pipeline
