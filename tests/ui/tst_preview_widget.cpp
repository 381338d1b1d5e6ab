// PreviewWidget: view modes, pairs, synced zoom/pan between the sides, fit and 1:1, wipe divider.

#include <QSignalSpy>
#include <QtTest>

#include "PreviewWidget.h"

using cf::ui::PreviewMode;
using cf::ui::PreviewPair;
using cf::ui::PreviewSide;
using cf::ui::PreviewWidget;

namespace {
cf::pipeline::PreviewFramePtr makeFrame(qint64 index, bool with_source) {
  auto f = std::make_shared<cf::pipeline::PreviewFrame>();
  f->frame_index = index;
  f->lambda = 0.75;
  f->grey_rgb8 = cv::Mat(120, 160, CV_8UC3, cv::Scalar(100, 100, 100));
  f->raw_rgb8 = cv::Mat(120, 160, CV_8UC3, cv::Scalar(200, 50, 50));
  f->smoothed_rgb8 = cv::Mat(120, 160, CV_8UC3, cv::Scalar(50, 200, 50));
  if (with_source)
    f->source_rgb8 = cv::Mat(120, 160, CV_8UC3, cv::Scalar(10, 20, 230));
  f->confidence = cv::Mat(60, 80, CV_32FC1, cv::Scalar(0.1f));
  return f;
}

QColor pixelAt(PreviewWidget& w, QPointF p) {
  return w.grab().toImage().pixelColor(p.toPoint());
}
}  // namespace

class TestPreviewWidget : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void showsFrameAndPairs() {
    PreviewWidget w;
    w.resize(644, 240);
    QSignalSpy shown(&w, &PreviewWidget::frameShown);
    w.setFrame(makeFrame(42, false));
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.last().at(0).toLongLong(), qint64(42));
    QCOMPARE(w.image(PreviewSide::Left).pixelColor(0, 0), QColor(100, 100, 100));
    QCOMPARE(w.image(PreviewSide::Right).pixelColor(0, 0), QColor(50, 200, 50));
    QCOMPARE(pixelAt(w, w.imageRect(PreviewSide::Left).center()), QColor(100, 100, 100));
    QCOMPARE(pixelAt(w, w.imageRect(PreviewSide::Right).center()), QColor(50, 200, 50));
    w.setPair(PreviewPair::RawVsSmoothed);
    QCOMPARE(w.image(PreviewSide::Left).pixelColor(0, 0), QColor(200, 50, 50));
    QVERIFY(w.caption(PreviewSide::Right).contains("0.75"));
    // Without source colours the reference view falls back to the greyscale original.
    w.setPair(PreviewPair::ReferenceVsColour);
    QCOMPARE(w.image(PreviewSide::Left).pixelColor(0, 0), QColor(100, 100, 100));
    w.setFrame(makeFrame(43, true));
    QCOMPARE(w.image(PreviewSide::Left).pixelColor(0, 0), QColor(10, 20, 230));
  }

  void sideBySideZoomAndPanAreSynced() {
    PreviewWidget w;
    w.resize(644, 240);
    w.setFrame(makeFrame(1, false));
    QVERIFY(w.isFit());
    // Fit: each 320x240 pane shows the 160x120 image at scale 2.
    QCOMPARE(w.imageRect(PreviewSide::Left).size(), QSizeF(320, 240));
    w.zoomToActual();
    QCOMPARE(w.zoom(), 1.0);
    QCOMPARE(w.imageRect(PreviewSide::Left).width(), 160.0 / w.devicePixelRatioF());
    w.zoomBy(2.0, QPointF(100, 100));
    w.panBy(QPointF(30, -10));
    const QRectF l = w.imageRect(PreviewSide::Left);
    const QRectF r = w.imageRect(PreviewSide::Right);
    QCOMPARE(l.size(), r.size());
    const double pane_offset = r.left() - l.left();
    QCOMPARE(pane_offset, 324.0);  // pane width 320 + 4 px gap: same place in each pane
    QCOMPARE(l.top(), r.top());
    // The point under the zoom anchor stays put.
    w.zoomToFit();
    const QRectF before = w.imageRect(PreviewSide::Right);
    const QPointF anchor = before.topLeft() + QPointF(before.width() * 0.25, before.height() * 0.5);
    w.zoomBy(3.0, anchor);
    const QRectF after = w.imageRect(PreviewSide::Right);
    QVERIFY(std::abs((anchor.x() - after.left()) / after.width() - 0.25) < 1e-6);
    QVERIFY(!w.isFit());
    // Mouse drag pans both sides together.
    const QPointF l0 = w.imageRect(PreviewSide::Left).topLeft();
    QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(400, 100));
    QTest::mouseMove(&w, QPoint(380, 90));
    QTest::mouseRelease(&w, Qt::LeftButton, {}, QPoint(380, 90));
    QCOMPARE(w.imageRect(PreviewSide::Left).topLeft(), l0 + QPointF(-20, -10));
  }

  void wipeDividerDragsAndSingleToggles() {
    PreviewWidget w;
    w.resize(400, 300);
    w.setFrame(makeFrame(1, false));
    w.setMode(PreviewMode::Wipe);
    QCOMPARE(w.imageRect(PreviewSide::Left), w.imageRect(PreviewSide::Right));
    QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(200, 150));
    QTest::mouseMove(&w, QPoint(100, 150));
    QTest::mouseRelease(&w, Qt::LeftButton, {}, QPoint(100, 150));
    QCOMPARE(w.wipePosition(), 0.25);
    QCOMPARE(pixelAt(w, QPointF(80, 150)), QColor(100, 100, 100));
    QCOMPARE(pixelAt(w, QPointF(120, 150)), QColor(50, 200, 50));
    w.setMode(PreviewMode::Single);
    QCOMPARE(w.singleSide(), PreviewSide::Right);
    QVERIFY(w.imageRect(PreviewSide::Left).isEmpty());
    w.toggleSingleSide();
    QCOMPARE(w.singleSide(), PreviewSide::Left);
    QVERIFY(w.imageRect(PreviewSide::Right).isEmpty());
    QCOMPARE(pixelAt(w, QPointF(200, 150)), QColor(100, 100, 100));
  }

  void confidenceOverlayTintsColourSide() {
    PreviewWidget w;
    w.resize(400, 300);
    w.setFrame(makeFrame(1, false));
    w.setMode(PreviewMode::Single);
    const QColor plain = pixelAt(w, QPointF(200, 150));
    w.setConfidenceOverlay(true);
    const QColor tinted = pixelAt(w, QPointF(200, 150));
    QVERIFY(tinted != plain);
    QVERIFY(tinted.red() > plain.red());  // low confidence is tinted red
  }
};

QTEST_MAIN(TestPreviewWidget)
#include "tst_preview_widget.moc"
