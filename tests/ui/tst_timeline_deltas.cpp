// Incremental timeline updates (issue #14): the engine's deltas, applied one after another, give
// the failures list and the timeline exactly what a full rebuild from the final data gives -- the
// same rows and the same pixels -- while each chunk repaints only its strip.

#include <QLabel>
#include <QTreeWidget>
#include <QtTest>
#include <cstring>
#include <random>

#include "FailuresPanel.h"
#include "TimelineWidget.h"
#include "pipeline/TimelineDelta.h"

using namespace cf;

namespace {

constexpr int64_t kFrames = 3000;

pipeline::FailureRange range(int64_t first, int64_t last, int kind, double value) {
  pipeline::FailureRange r;
  r.first_frame = first;
  r.last_frame = last;
  r.kind = analysis::FlagKind(kind % 5);
  r.why = analysis::Reason{analysis::ReasonCode(kind % 10), value, 6.0, 70.0};
  r.reason = analysis::reasonText(r.why);
  r.severity = 1.0 + value / 100.0;
  return r;
}

std::shared_ptr<pipeline::TimelineData> startingFilm() {
  auto t = std::make_shared<pipeline::TimelineData>();
  t->frame_count = kFrames;
  t->fps = 24.0;
  t->frames.resize(size_t(kFrames));
  for (int64_t c = 250; c < kFrames; c += 250)
    t->cuts.push_back(c);
  // The lanes' scale: one analysed frame with the largest values of the run.
  t->frames[0] = pipeline::FrameSignals{30.f, 2.f, 1.f, 0.1f, true};
  for (int i = 0; i < 40; ++i)
    t->failures.push_back(range(i * 70 + 5, i * 70 + 12, i, 10.0 + i));
  return t;
}

QStringList rowsOf(const ui::FailuresPanel& panel) {
  QStringList rows;
  for (int i = 0; i < panel.tree()->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = panel.tree()->topLevelItem(i);
    QStringList cells;
    for (int c = 0; c < panel.tree()->columnCount(); ++c)
      cells << item->text(c) << item->toolTip(c) << item->foreground(c).color().name();
    rows << cells.join(QLatin1Char('|'));
  }
  return rows;
}

}  // namespace

class TestTimelineDeltas : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void diffAndApplyRebuildTheList() {
    std::mt19937 rng(3);
    std::vector<pipeline::FailureRange> before;
    for (int i = 0; i < 20; ++i)
      before.push_back(range(i * 10, i * 10 + 3, i, i));
    for (int round = 0; round < 200; ++round) {
      std::vector<pipeline::FailureRange> after = before;
      const int op = int(rng() % 3);
      const size_t at = after.empty() ? 0 : rng() % after.size();
      if (op == 0 && !after.empty())
        after.erase(after.begin() + std::ptrdiff_t(at));
      else if (op == 1)
        after.insert(after.begin() + std::ptrdiff_t(at), range(int64_t(at) * 10 + 5, 0, 1, 3));
      else if (!after.empty())
        after[at].why.value += 1.0;
      pipeline::TimelineDelta delta;
      pipeline::diffFailures(before, after, delta);
      QVERIFY(delta.failures.size() <= 1 && delta.failures_removed <= 1);  // one row, not all
      pipeline::TimelineData data;
      data.failures = before;
      const auto change = pipeline::applyTimelineDelta(data, delta);
      QVERIFY(!change.full);
      QCOMPARE(data.failures.size(), after.size());
      for (size_t i = 0; i < after.size(); ++i)
        QVERIFY(pipeline::sameFailure(data.failures[i], after[i]));
      before = after;
    }
  }

  void deltasGiveWhatAFullRebuildGives() {
    ui::TimelineWidget timeline;
    ui::FailuresPanel failures;
    timeline.resize(1000, 160);
    failures.resize(400, 600);
    auto film = startingFilm();
    timeline.reset(kFrames, cf::TimecodeClock(film->fps, {}), 4.0 / 3.0);
    timeline.setTimelineData(film);
    failures.setFailures(film->failures, cf::TimecodeClock(film->fps, {}));
    timeline.grab();

    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(0.f, 1.f);
    int partial_updates = 0;
    for (int c = 0; c < 40; ++c) {
      // The engine's side: a chunk of 16 frames analysed, one range changed, added or gone.
      pipeline::TimelineDelta delta;
      delta.first_frame = int64_t(rng() % (kFrames - 16));
      for (int k = 0; k < 16; ++k) {
        const float grow = c == 25 && k == 0 ? 3.f : 1.f;  // once: a value above the scale
        delta.frames.push_back({20.f * u(rng) * grow, u(rng), u(rng), 0.05f * u(rng), true});
      }
      std::vector<pipeline::FailureRange> after = film->failures;
      const size_t at = rng() % after.size();
      if (c % 3 == 0)
        after[at].last_frame += 2;
      else if (c % 3 == 1)
        after.insert(after.begin() + std::ptrdiff_t(at),
                     range(after[at].first_frame - 3, after[at].first_frame - 1, c, c));
      else
        after.erase(after.begin() + std::ptrdiff_t(at));
      pipeline::diffFailures(film->failures, after, delta);

      // The GUI's side, as SessionController and MainWindow do it.
      const pipeline::TimelineChange change = pipeline::applyTimelineDelta(*film, delta);
      QVERIFY(!change.full);
      QVERIFY(change.failures_changed);
      QVERIFY(change.first_frame >= 0 && change.last_frame < kFrames);
      failures.setFailures(film->failures, cf::TimecodeClock(film->fps, {}));
      QVERIFY(failures.lastRowsChanged() <= 2);  // the changed row, not the list
      timeline.setTimelineData(film, change);
      if (c % 2 == 0)  // strips of two chunks may wait for one paint
        timeline.grab();
      partial_updates += c == 25 ? 0 : 1;
    }
    QVERIFY(partial_updates > 30);
    const QImage incremental = timeline.grab().toImage();

    // A fresh timeline and list from the final data.
    ui::TimelineWidget rebuilt_timeline;
    ui::FailuresPanel rebuilt_failures;
    rebuilt_timeline.resize(1000, 160);
    rebuilt_failures.resize(400, 600);
    auto copy = std::make_shared<pipeline::TimelineData>(*film);
    rebuilt_timeline.reset(kFrames, cf::TimecodeClock(copy->fps, {}), 4.0 / 3.0);
    rebuilt_timeline.setTimelineData(copy);
    rebuilt_failures.setFailures(copy->failures, cf::TimecodeClock(copy->fps, {}));
    const QImage rebuilt = rebuilt_timeline.grab().toImage();

    QCOMPARE(rowsOf(failures), rowsOf(rebuilt_failures));
    QCOMPARE(failures.summary()->text(), rebuilt_failures.summary()->text());
    QCOMPARE(failures.counts()->text(), rebuilt_failures.counts()->text());
    QCOMPARE(incremental.size(), rebuilt.size());
    int differing = 0;
    for (int y = 0; y < rebuilt.height(); ++y)
      for (int x = 0; x < rebuilt.width(); ++x)
        differing += incremental.pixel(x, y) != rebuilt.pixel(x, y) ? 1 : 0;
    QCOMPARE(differing, 0);
  }
};

QTEST_MAIN(TestTimelineDeltas)
#include "tst_timeline_deltas.moc"
