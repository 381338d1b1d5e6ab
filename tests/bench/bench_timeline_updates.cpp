// GUI-thread cost of one analysis chunk's update on a synthetic two-hour film (172,800 frames at
// 24 fps, 589 flagged ranges): the failures list and the timeline take the engine's new data and
// repaint. The engine sends a delta (the chunk's frames and the ranges that changed); the GUI
// applies it and repaints only the strip it touched. Prints the mean, median and worst time per
// chunk, and for comparison a full rebuild of the list and a whole re-render of the timeline.
// Target: <= 5 ms per chunk.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_timeline_updates [chunks]

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include "FailuresPanel.h"
#include "TimelineWidget.h"
#include "analysis/FailureFlagger.h"
#include "pipeline/TimelineDelta.h"

using namespace cf;

namespace {

constexpr int64_t kFrames = 172800;
constexpr int kRanges = 589;
constexpr int64_t kChunk = 16;

std::shared_ptr<pipeline::TimelineData> syntheticFilm() {
  auto t = std::make_shared<pipeline::TimelineData>();
  t->frame_count = kFrames;
  t->fps = 24.0;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(0.f, 1.f);
  t->frames.resize(size_t(kFrames));
  for (auto& f : t->frames)
    f = pipeline::FrameSignals{20.f * u(rng), u(rng), u(rng), 0.05f * u(rng), true};
  for (int64_t c = 300; c < kFrames; c += 300)
    t->cuts.push_back(c);
  const int64_t step = kFrames / kRanges;
  for (int i = 0; i < kRanges; ++i) {
    pipeline::FailureRange r;
    r.first_frame = i * step + 10;
    r.last_frame = r.first_frame + 5 + i % 20;
    r.kind = analysis::FlagKind(i % 5);
    r.why = analysis::Reason{analysis::ReasonCode(i % 10), 10.0 + i % 7, 6.0, 70.0};
    r.reason = analysis::reasonText(r.why);
    t->failures.push_back(r);
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const int chunks = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
  ui::TimelineWidget timeline;
  ui::FailuresPanel failures;
  timeline.resize(1600, 200);
  failures.resize(400, 600);
  timeline.show();
  failures.show();
  auto film = syntheticFilm();
  const TimecodeClock clock(film->fps, {});
  timeline.reset(kFrames, clock, 4.0 / 3.0);
  timeline.setTimelineData(film);
  failures.setFailures(film->failures, clock);
  timeline.grab();
  QElapsedTimer idle;
  idle.start();
  timeline.grab();  // nothing changed: what a paint costs on its own
  std::printf("a paint with nothing to re-render: %.2f ms\n", idle.nsecsElapsed() / 1e6);

  // Each chunk: 16 more frames analysed near the playhead, and the range there changes. The
  // engine sends that as a delta (built outside the timer: engine-thread work); the GUI applies
  // it to its copy (SessionController), then the failures list and the timeline take it.
  double sum_ms = 0.0, worst_ms = 0.0, full_sum_ms = 0.0, full_worst_ms = 0.0;
  double whole_sum_ms = 0.0, whole_worst_ms = 0.0;
  std::vector<double> chunk_ms;
  for (int c = 0; c < chunks; ++c) {
    pipeline::TimelineDelta delta;
    delta.frame_count = kFrames;
    delta.fps = film->fps;
    delta.first_frame = (c * 3001) % (kFrames - kChunk);
    for (int64_t f = delta.first_frame; f < delta.first_frame + kChunk; ++f) {
      pipeline::FrameSignals s = film->frames[size_t(f)];
      s.flicker = 0.5f * s.flicker + 0.1f;  // new values within the lanes' scale
      delta.frames.push_back(s);
    }
    std::vector<pipeline::FailureRange> after = film->failures;
    auto& r = after[size_t(c * 37 % kRanges)];
    r.last_frame += 1;
    r.why.value += 1.0;
    pipeline::diffFailures(film->failures, after, delta);

    QElapsedTimer timer;
    timer.start();
    const pipeline::TimelineChange change = pipeline::applyTimelineDelta(*film, delta);
    if (change.full || change.failures_changed)
      failures.setFailures(film->failures, clock);
    timeline.setTimelineData(film, change);
    timeline.grab();  // the re-render happens in the paint (grab() paints for sure); count it
    const double ms = timer.nsecsElapsed() / 1e6;
    chunk_ms.push_back(ms);
    sum_ms += ms;
    worst_ms = std::max(worst_ms, ms);

    // For comparison: the whole list rebuilt (a changed clock forces it).
    timer.restart();
    failures.setFailures(film->failures, TimecodeClock(film->fps + (c % 2 ? 0.0 : 0.001), {}));
    const double full_ms = timer.nsecsElapsed() / 1e6;
    full_sum_ms += full_ms;
    full_worst_ms = std::max(full_worst_ms, full_ms);
    failures.setFailures(film->failures, clock);
    // And the whole timeline layer re-rendered (what a zoom or scroll costs).
    timer.restart();
    timeline.setTimelineData(film);
    timeline.grab();
    const double whole_ms = timer.nsecsElapsed() / 1e6;
    whole_sum_ms += whole_ms;
    whole_worst_ms = std::max(whole_worst_ms, whole_ms);
  }
  std::sort(chunk_ms.begin(), chunk_ms.end());
  std::printf("two-hour film (%lld frames, %d ranges), %d chunks of %lld frames\n",
              static_cast<long long>(kFrames), kRanges, chunks, static_cast<long long>(kChunk));
  std::printf("GUI time per chunk (list rows + timeline repaint): mean %.2f ms, worst %.2f ms\n",
              sum_ms / chunks, worst_ms);
  std::printf("GUI time per chunk, median: %.2f ms\n", chunk_ms[chunk_ms.size() / 2]);
  std::printf("whole failures list rebuilt instead:                mean %.2f ms, worst %.2f ms\n",
              full_sum_ms / chunks, full_worst_ms);
  std::printf("whole timeline layer re-rendered (zoom, scroll):    mean %.2f ms, worst %.2f ms\n",
              whole_sum_ms / chunks, whole_worst_ms);

  // Engine side: each delta re-flags every analysed frame (Session::failureReport(): the
  // per-shot thresholds, then the ranges). Synthetic metrics of the same film, all analysed.
  std::vector<analysis::FrameMetrics> metrics(static_cast<size_t>(kFrames));
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (size_t i = 0; i < metrics.size(); ++i) {
    analysis::FrameMetrics& m = metrics[i];
    m.frame_index = int64_t(i);
    m.colorfulness = 5.0 + 30.0 * u(rng);
    m.mean_chroma = 2.0 + 10.0 * u(rng);
    m.sepia_fraction = 0.3 * u(rng);
    m.hue_spread_deg = 10.0 + 60.0 * u(rng);
    m.mean_confidence = 0.5 + 0.5 * u(rng);
    m.low_confidence_fraction = 0.2 * u(rng);
    m.flicker_ab = u(rng);
    m.flicker_luma = 0.5 + u(rng);
    m.flicker = m.flicker_ab / m.flicker_luma * (u(rng) < 0.01 ? 20.0 : 1.0);
    m.motion_px = 3.0 * u(rng);
    m.scene_cut = i % 300 == 0;
    m.has_previous = !m.scene_cut;
  }
  const analysis::FailureThresholds thresholds;
  std::vector<double> flag_ms;
  size_t ranges = 0;
  for (int r = 0; r < 5; ++r) {
    QElapsedTimer timer;
    timer.start();
    const auto reports = analysis::flagFrames(metrics, thresholds);
    ranges = analysis::mergeRanges(reports).size();
    flag_ms.push_back(timer.nsecsElapsed() / 1e6);
  }
  std::sort(flag_ms.begin(), flag_ms.end());
  std::printf("engine: re-flagging the whole film per delta (%zu ranges): median %.1f ms of 5\n",
              ranges, flag_ms[flag_ms.size() / 2]);
  return 0;
}
