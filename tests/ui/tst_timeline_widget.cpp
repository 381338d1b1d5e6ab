// TimelineWidget: scrub mapping, failure markers, zoom, cached layers and thumbnail requests.

#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "TimelineLayers.h"
#include "TimelineWidget.h"

using cf::ui::TimelineWidget;

namespace {
cf::pipeline::TimelineDataPtr makeData(qint64 frames) {
  auto d = std::make_shared<cf::pipeline::TimelineData>();
  d->frame_count = frames;
  d->fps = 25;
  d->cuts = {40};
  d->frames.resize(size_t(frames));
  for (qint64 i = 0; i < frames; ++i) {
    auto& s = d->frames[size_t(i)];
    s.analysed = true;
    s.colorfulness = float(i % 30);
    s.flicker = float(i % 7);
    s.confidence = 0.5f;
  }
  using cf::analysis::FlagKind;
  using cf::analysis::Reason;
  using cf::analysis::ReasonCode;
  d->failures.push_back({60, 69, FlagKind::LowConfidence, Reason{ReasonCode::LowConfidenceArea, 35},
                         "low confidence on 35 % of frame"});
  d->failures.push_back(
      {80, 84, FlagKind::Sepia, Reason{ReasonCode::SepiaBand, 70, 20, 70}, "sepia"});
  return d;
}
}  // namespace

class TestTimelineWidget : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void scrubMapsMouseToFrameAndEmits() {
    TimelineWidget w;
    w.resize(500, 160);
    w.reset(100, cf::TimecodeClock(25.0, {}), 4.0 / 3.0);
    QCOMPARE(w.pxPerFrame(), 5.0);
    QSignalSpy spy(&w, &TimelineWidget::frameScrubbed);
    QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(52, 30));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toLongLong(), qint64(10));
    QCOMPARE(w.playhead(), qint64(10));
    QTest::mouseMove(&w, QPoint(251, 30));
    QCOMPARE(spy.last().at(0).toLongLong(), qint64(50));
    QTest::mouseRelease(&w, Qt::LeftButton, {}, QPoint(251, 30));
    // Dragging beyond the right edge clamps to the last frame.
    QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(499, 30));
    QCOMPARE(w.playhead(), qint64(99));
  }

  void failureClickJumpsAndTooltipNamesTheReason() {
    TimelineWidget w;
    w.resize(500, 160);
    w.reset(100, cf::TimecodeClock(25.0, {}), 4.0 / 3.0);
    w.setTimelineData(makeData(100));
    const QRect marker = w.failureMarkerRect(1);
    QVERIFY(marker.isValid());
    QSignalSpy scrub(&w, &TimelineWidget::frameScrubbed);
    QSignalSpy failure(&w, &TimelineWidget::failureActivated);
    QTest::mouseClick(&w, Qt::LeftButton, {}, marker.center() + QPoint(marker.width() / 4, 0));
    QCOMPARE(failure.size(), 1);
    QCOMPARE(failure.last().at(0).toInt(), 1);
    QCOMPARE(scrub.last().at(0).toLongLong(), qint64(80));
    QCOMPARE(w.playhead(), qint64(80));
    QCOMPARE(w.failureAt(w.failureMarkerRect(0).center()), 0);
    QCOMPARE(w.failureAt(QPoint(5, w.failureMarkerRect(0).center().y())), -1);
    QVERIFY(TimelineWidget::failureKindName(cf::analysis::FlagKind::Sepia).contains("Sepia"));
  }

  void zoomRunsFromWholeFilmToSingleFrames() {
    TimelineWidget w;
    w.resize(400, 160);
    w.reset(4000, cf::TimecodeClock(25.0, {}), 1.5);
    QCOMPARE(w.pxPerFrame(), 0.1);  // whole film fits
    QCOMPARE(w.frameAtX(399), qint64(3990));
    QSignalSpy zoom(&w, &TimelineWidget::zoomChanged);
    w.setPlayhead(2000);
    for (int i = 0; i < 40; ++i)
      w.zoomIn();
    QCOMPARE(w.pxPerFrame(), TimelineWidget::kMaxPxPerFrame);
    QVERIFY(zoom.size() >= 1);
    // At maximum zoom one frame spans many pixels and the playhead stays in view.
    const double x = w.xForFrame(2000);
    QVERIFY(x >= 0 && x < 400);
    QCOMPARE(w.frameAtX(x + 1), qint64(2000));
    QCOMPARE(w.frameAtX(x + TimelineWidget::kMaxPxPerFrame + 1), qint64(2001));
    // Anchored zoom keeps the frame under the anchor in place.
    w.setPxPerFrame(10.0, 200);
    const qint64 anchor = w.frameAtX(200);
    w.setPxPerFrame(20.0, 200);
    QCOMPARE(w.frameAtX(200), anchor);
    w.zoomToFit();
    QCOMPARE(w.pxPerFrame(), 0.1);
    QCOMPARE(w.viewFirstFrame(), 0.0);
  }

  void layersAreCachedAndThumbnailMissesRequested() {
    TimelineWidget w;
    w.resize(300, 160);
    w.reset(50, cf::TimecodeClock(25.0, {}), 4.0 / 3.0);
    QSignalSpy wanted(&w, &TimelineWidget::thumbnailsRequested);
    w.grab();  // first grab polishes the widget (style and palette events)
    const QImage first = w.grab().toImage();
    const int renders = w.layerRenderCount();
    QVERIFY(renders >= 1);
    w.setPlayhead(20);  // moving the playhead reuses the cached layers
    w.grab();
    QCOMPARE(w.layerRenderCount(), renders);
    QVERIFY(wanted.wait(1000) || !wanted.isEmpty());
    const auto frames = wanted.first().at(0).value<QVector<qint64>>();
    QVERIFY(!frames.isEmpty());
    QCOMPARE(frames.first(), qint64(0));
    QCOMPARE(wanted.first().at(1).toInt(), w.thumbnails().height_px());
    // The same misses are not requested twice.
    w.setInOut(5, 30);
    w.grab();
    QCoreApplication::processEvents();
    QCOMPARE(wanted.size(), 1);
    // A thumbnail that arrives is cached and invalidates the layers.
    QImage thumb(53, 40, QImage::Format_RGB888);
    thumb.fill(Qt::white);
    w.setThumbnail(frames.first(), thumb);
    QVERIFY(w.thumbnails().find(frames.first()) != nullptr);
    const QImage after = w.grab().toImage();
    QVERIFY(w.layerRenderCount() > renders);
    QVERIFY(after != first);
  }

  void thumbnailFramesAreStableSteps() {
    cf::ui::TimelineView v;
    v.frame_count = 1000;
    v.px_per_frame = 0.5;
    v.view_first = 0;
    const auto frames = cf::ui::thumbnailFrames(v, 500, 40);
    QVERIFY(frames.size() >= 2);
    const qint64 step = frames[1] - frames[0];
    QVERIFY((step & (step - 1)) == 0);  // power of two
    QVERIFY(step * 0.5 >= 40 * 4.0 / 3.0);
    v.view_first = 37.3;  // scrolling keeps multiples of the step
    for (qint64 f : cf::ui::thumbnailFrames(v, 500, 40))
      QCOMPARE(f % step, qint64(0));
    QCOMPARE(cf::ui::timecode(25 * 61 + 3, cf::TimecodeClock(25.0, {})),
             QStringLiteral("00:01:01:03"));
    QCOMPARE(cf::ui::timecode(25 * 3600, cf::TimecodeClock(25.0, {})),
             QStringLiteral("01:00:00:00"));
    QCOMPARE(cf::ui::timecode(17982, cf::TimecodeClock(30000.0 / 1001.0, {})),
             QStringLiteral("00:10:00;00"));
  }
};

QTEST_MAIN(TestTimelineWidget)
#include "tst_timeline_widget.moc"
