// The keyframe editor (issue #15) end to end through the real window and engine thread, offscreen:
// a click on the colourised picture with the hint tool opens the colour chooser (the model's
// suggested colours arrive), choosing a colour adds an undoable hint and the preview changes to
// what the export writes; undo brings the automatic preview back; the FFV1 export applies the
// hint exactly as previewed. Dragging a hint moves it, Delete removes it, the keyframes lane
// moves a keyframe (all undoable), a reference of another picture is refused with a message, and
// "Add Keyframe Here" from the failures list arms the hint tool on that frame, and a caption that
// said "being propagated" before the cuts were known is refreshed once a guided shot is ready.

#include <QApplication>
#include <QColorDialog>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "FailuresPanel.h"
#include "GuideProgress.h"
#include "HintOverlay.h"
#include "KeyframeLane.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SuggestedColours.h"
#include "TimelineWidget.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "media/FrameToRgb.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "pipeline/ExportJob.h"

using namespace cf;
using namespace cf::ui;

namespace {
constexpr int kTimeoutMs = 120000;
constexpr int kWidth = 160;  // makeCutClip: 160x96, 24 frames, a cut at 12
constexpr int kHeight = 96;
constexpr int kHintFrame = 3;
const QPointF kHintAt(0.3, 0.4);

pipeline::PreviewFramePtr shown(const MainWindow& w) {
  return w.preview()->frame();
}

/// Red minus blue around an image point of a CV_8UC3 RGB picture (a 5x5 mean).
double redness(const cv::Mat& rgb, const QPointF& at) {
  const cv::Rect r(int(at.x() * rgb.cols) - 2, int(at.y() * rgb.rows) - 2, 5, 5);
  const cv::Scalar m = cv::mean(rgb(r & cv::Rect(0, 0, rgb.cols, rgb.rows)));
  return m[0] - m[2];
}
}  // namespace

class TestHintTool : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  std::unique_ptr<MainWindow> window_;
  cv::Mat automatic_;  // the automatic preview of kHintFrame

  HintOverlay* overlay() const { return window_->hintOverlay(); }
  const std::vector<guide::HintPoint>& hints() const {
    return window_->project()->guidance().hints;
  }
  QPoint widgetPos(const QPointF& image_point) const {
    return overlay()->toWidget(image_point.x(), image_point.y()).toPoint();
  }
  void waitForGuide(qint64 frame, pipeline::GuideState state) {
    QTRY_VERIFY_WITH_TIMEOUT(
        shown(*window_) && shown(*window_)->frame_index == frame && shown(*window_)->guide == state,
        kTimeoutMs);
  }

  /// Triggers the action `action` (its object name; empty: the first) of the popup menu named
  /// `menu` once it shows (the test plays the user).
  static void triggerMenuAction(const QString& menu, const QString& action, int attempts = 200) {
    QTimer::singleShot(20, [=] {
      for (QWidget* w : QApplication::topLevelWidgets()) {
        auto* m = qobject_cast<QMenu*>(w);
        if (!m || !m->isVisible() || m->objectName() != menu)
          continue;
        for (QAction* a : m->actions())
          if (!a->isSeparator() && (action.isEmpty() || a->objectName() == action)) {
            m->close();
            a->trigger();
            return;
          }
      }
      if (attempts > 0)
        triggerMenuAction(menu, action, attempts - 1);
    });
  }

  /// `rgb` written as the export writes its frames (FFV1), decoded as rgb24.
  QByteArray throughExportEncoder(const cv::Mat& rgb, const QString& name) const {
    media::VideoWriterSettings ws;
    ws.output_path = dir_.filePath(name).toStdString();
    ws.codec = cf::VideoCodec::FFV1;
    ws.width_px = rgb.cols;
    ws.height_px = rgb.rows;
    ws.fps = {25, 1};
    ws.full_range = false;
    auto writer = media::VideoWriter::create(ws);
    if (!writer || !(*writer)->writeRgb(rgb).ok() || !(*writer)->finish().ok())
      return {};
    return test::rawFrames(dir_.filePath(name), QStringLiteral("rgb24"));
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(clip_), QString());
    const QString model = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model), QString());
    window_ = std::make_unique<MainWindow>(dir_.filePath(QStringLiteral("settings.ini")));
    connect(window_->engine(), &SessionController::errorOccurred, this,
            [](const QString& m) { qWarning("engine error: %s", qPrintable(m)); });
    ProjectData data;
    data.settings.model_path = model.toStdString();
    data.settings.device = cf::DeviceChoice::Cpu;
    data.settings.working_height_px = 128;
    data.settings.lambda = 2.0;
    data.settings.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    data.settings.thresholds.min_colorfulness = 1000.0;  // flag every frame: failures to act on
    window_->project()->reset(data, QString());
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QSignalSpy opened(window_.get(), &MainWindow::videoOpened);
    window_->openVideo(clip_);
    QVERIFY(opened.wait(kTimeoutMs));
    window_->goToFrame(kHintFrame);
    waitForGuide(kHintFrame, pipeline::GuideState::None);
    // The cuts are known once the first analysis chunk ran (the lane and shots need them).
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->timeline()->timelineData() && !window_->timeline()->timelineData()->cuts.empty(),
        kTimeoutMs);
    automatic_ = shown(*window_)->smoothed_rgb8.clone();
  }

  void clickAddsHintAndPreviewChanges() {
    window_->action(QStringLiteral("hintTool"))->setChecked(true);
    QVERIFY(overlay()->isArmed());
    QSignalSpy progress(window_->engine(), &SessionController::guideProgress);
    QTest::mouseClick(overlay(), Qt::LeftButton, {}, widgetPos(kHintAt));
    SuggestedColours* chooser = window_->suggestedColours();
    QTRY_VERIFY(chooser->isVisible());
    // The model's likely colours at that pixel arrive from the engine.
    QTRY_VERIFY_WITH_TIMEOUT(chooser->swatch(0)->isEnabled(), kTimeoutMs);
    QVERIFY(chooser->swatchColour(0).isValid());
    QVERIFY(!chooser->swatch(0)->toolTip().isEmpty());
    // "Other colour…": the user picks a red in the colour dialog.
    QTimer::singleShot(50, [] {
      auto* dialog = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
      if (!dialog)
        return;
      dialog->setCurrentColor(QColor(210, 30, 40));
      dialog->accept();
    });
    chooser->findChild<QPushButton*>(QStringLiteral("otherColour"))->click();
    QCOMPARE(int(hints().size()), 1);
    const guide::HintPoint& h = hints().front();
    QCOMPARE(h.frame, int64_t(kHintFrame));
    QVERIFY(std::abs(h.x - kHintAt.x()) < 0.02 && std::abs(h.y - kHintAt.y()) < 0.02);
    QCOMPARE(QColor(h.r, h.g, h.b), QColor(210, 30, 40));
    QCOMPARE(window_->undoStack()->count(), 1);
    // At once the keyframe itself, then the shot as the export writes it.
    waitForGuide(kHintFrame, pipeline::GuideState::Applied);
    // The Jobs dock's row went through the shot's frames (propagated, then coloured), not in
    // one jump, and says the shot is ready.
    int between = 0;
    for (const QList<QVariant>& args : progress) {
      QCOMPARE(args.at(1).toLongLong(), qint64(2 * 12));  // twice the shot's 12 frames
      between += args.at(0).toLongLong() > 0 && args.at(0).toLongLong() < 24;
    }
    QVERIFY2(between >= 3, qPrintable(QString::number(between)));
    QCOMPARE(window_->guideProgress()->bar()->value(), 1000);
    QVERIFY(window_->guideProgress()->label()->text().contains(QLatin1String("0 to 11")));
    const double before = redness(automatic_, kHintAt);
    const double after = redness(shown(*window_)->smoothed_rgb8, kHintAt);
    QVERIFY2(after > before + 20.0,
             qPrintable(QStringLiteral("red-blue %1 -> %2").arg(before).arg(after)));
  }

  void undoBringsTheAutomaticPreviewBack() {
    window_->undoStack()->undo();
    QVERIFY(hints().empty());
    waitForGuide(kHintFrame, pipeline::GuideState::None);
    QCOMPARE(cv::norm(shown(*window_)->smoothed_rgb8, automatic_, cv::NORM_INF), 0.0);
    window_->undoStack()->redo();
    QCOMPARE(int(hints().size()), 1);
    waitForGuide(kHintFrame, pipeline::GuideState::Applied);
  }

  void exportAppliesTheHintAsPreviewed() {
    pipeline::ExportJobSpec spec;
    spec.input_path = clip_.toStdString();
    spec.settings = window_->project()->settings();
    spec.overrides = window_->project()->overrides();
    spec.guidance = window_->project()->guidance();
    spec.request.codec = cf::VideoCodec::FFV1;
    spec.request.keep_audio = false;
    spec.request.output_path = dir_.filePath(QStringLiteral("hinted.mkv")).toStdString();
    auto done = pipeline::runExportJob(spec, {}, {});
    QVERIFY2(done.ok(), done.ok() ? "" : done.message().c_str());
    const QByteArray frames =
        test::rawFrames(dir_.filePath(QStringLiteral("hinted.mkv")), QStringLiteral("rgb24"));
    const qsizetype frame_bytes = kWidth * kHeight * 3;
    QCOMPARE(frames.size(), 24 * frame_bytes);
    const QByteArray written = frames.mid(kHintFrame * frame_bytes, frame_bytes);
    // The hinted region's chroma: red in the export as in the preview, not in the automatic one.
    const cv::Mat exported(kHeight, kWidth, CV_8UC3, const_cast<char*>(written.data()));
    QVERIFY(redness(exported, kHintAt) > redness(automatic_, kHintAt) + 20.0);
    QCOMPARE(throughExportEncoder(shown(*window_)->smoothed_rgb8, QStringLiteral("shown.mkv")),
             written);
  }

  void dragMovesAndDeleteRemovesAHint() {
    const QPointF to(0.55, 0.6);
    QTest::mousePress(overlay(), Qt::LeftButton, {}, widgetPos(kHintAt));
    QCOMPARE(overlay()->selectedHint(), 0);
    QTest::mouseMove(overlay(), widgetPos((kHintAt + to) / 2));
    QTest::mouseMove(overlay(), widgetPos(to));
    QTest::mouseRelease(overlay(), Qt::LeftButton, {}, widgetPos(to));
    QCOMPARE(int(hints().size()), 1);
    QVERIFY2(
        std::abs(hints().front().x - to.x()) < 0.02 && std::abs(hints().front().y - to.y()) < 0.02,
        qPrintable(QStringLiteral("at %1, %2").arg(hints().front().x).arg(hints().front().y)));
    QCOMPARE(QColor(hints().front().r, hints().front().g, hints().front().b), QColor(210, 30, 40));
    window_->undoStack()->undo();
    QVERIFY(std::abs(hints().front().x - kHintAt.x()) < 0.02);
    // Select it with a click (no new point is asked for) and press Delete.
    QTest::mouseClick(overlay(), Qt::LeftButton, {}, widgetPos(kHintAt));
    QCOMPARE(overlay()->selectedHint(), 0);
    QVERIFY(!window_->suggestedColours()->isVisible());
    QVERIFY(window_->action(QStringLiteral("deleteHint"))->isEnabled());
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : window_.get(), Qt::Key_Delete);
    QVERIFY(hints().empty());
    window_->undoStack()->undo();
    QCOMPARE(int(hints().size()), 1);
  }

  void laneMovesAKeyframeWithUndo() {
    KeyframeLane* lane = window_->keyframeLane();
    QVERIFY(lane->isVisible());
    const QPoint from(int(lane->xForFrame(kHintFrame)), lane->height() / 2);
    const QPoint to(int(lane->xForFrame(7)), lane->height() / 2);
    QCOMPARE(lane->keyframeAt(from.x()), std::optional<qint64>(kHintFrame));
    QTest::mousePress(lane, Qt::LeftButton, {}, from);
    QTest::mouseMove(lane, to);
    QTest::mouseRelease(lane, Qt::LeftButton, {}, to);
    QCOMPARE(hints().front().frame, int64_t(7));
    QCOMPARE(lane->keyframeAt(to.x()), std::optional<qint64>(7));
    window_->undoStack()->undo();
    QCOMPARE(hints().front().frame, int64_t(kHintFrame));
  }

  void referenceOfAnotherPictureIsRefused() {
    // Frame 20 (after the cut, another picture) offered as the reference of frame 3.
    auto reader = media::VideoReader::open(clip_.toStdString());
    QVERIFY(reader.ok());
    auto frame = (*reader)->frameAt(20);
    QVERIFY(frame.ok() && *frame);
    cv::Mat bgr;
    cv::cvtColor(*media::frameToRgb8(**frame), bgr, cv::COLOR_RGB2BGR);
    const QString wrong = dir_.filePath(QStringLiteral("other.png"));
    QVERIFY(cv::imwrite(wrong.toStdString(), bgr));
    const guide::Guidance before = window_->project()->guidance();
    QVERIFY(!window_->setReferenceImage(kHintFrame, wrong));
    QCOMPARE(window_->project()->guidance(), before);
    auto* box = window_->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("reference")), qPrintable(box->text()));
    QPointer<QMessageBox> closing(box);
    box->close();
    QTRY_VERIFY(closing.isNull());
  }

  void addKeyframeHereArmsTheHintTool() {
    // From the failures list's menu.
    window_->action(QStringLiteral("hintTool"))->setChecked(false);
    QTreeWidget* list = window_->failuresPanel()->findChild<QTreeWidget*>();
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() > 0, kTimeoutMs);
    QTreeWidgetItem* item = list->topLevelItem(list->topLevelItemCount() / 2);
    const qint64 listed = item->data(0, Qt::UserRole).toLongLong();
    list->setCurrentItem(item);
    list->scrollToItem(item);
    triggerMenuAction(QStringLiteral("failureMenu"), QStringLiteral("addKeyframeHere"));
    Q_EMIT list->customContextMenuRequested(list->visualItemRect(item).center());
    QTRY_VERIFY_WITH_TIMEOUT(shown(*window_) && shown(*window_)->frame_index == listed, kTimeoutMs);
    QVERIFY(window_->action(QStringLiteral("hintTool"))->isChecked());
    QVERIFY(overlay()->isArmed());

    // From a failure marker on the timeline.
    window_->action(QStringLiteral("hintTool"))->setChecked(false);
    window_->goToFrame(0);
    TimelineWidget* timeline = window_->timeline();
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->timelineData()->failures.empty(), kTimeoutMs);
    const auto& failures = timeline->timelineData()->failures;
    const int index = int(failures.size()) - 1;
    const QRect marker = timeline->failureMarkerRect(index);
    QVERIFY(!marker.isEmpty());
    triggerMenuAction(QStringLiteral("failureMarkerMenu"), QString());
    QContextMenuEvent menu_event(QContextMenuEvent::Mouse, marker.center(),
                                 timeline->mapToGlobal(marker.center()));
    QApplication::sendEvent(timeline, &menu_event);
    QTRY_VERIFY_WITH_TIMEOUT(
        shown(*window_) && shown(*window_)->frame_index == failures[size_t(index)].first_frame,
        kTimeoutMs);
    QVERIFY(window_->action(QStringLiteral("hintTool"))->isChecked());
  }

  void reachGapTakesTheUserToItsWeakestFrame() {
    // What the Jobs row shows when a shot's keyframe colour hardly reaches a stretch of it (the
    // engine reports it after the shot is ready; tst_guided_export checks the finding itself).
    window_->goToFrame(0);
    QTRY_VERIFY_WITH_TIMEOUT(shown(*window_) && shown(*window_)->frame_index == 0, kTimeoutMs);
    GuideProgress* row = window_->guideProgress();
    Q_EMIT window_->engine()->reachGap(5, 11, 9, 0.18);
    QVERIFY(row->gapLabel()->isVisibleTo(window_.get()));
    QVERIFY2(row->gapLabel()->text().contains(QLatin1String("frames 5 to 11")) &&
                 row->gapLabel()->text().contains(QLatin1String("18 %")),
             qPrintable(row->gapLabel()->text()));
    QVERIFY(row->gapButton()->isVisibleTo(window_.get()));
    // Its wrapped text is not clipped by the Jobs dock.
    QLabel* text = row->gapLabel();
    QTRY_VERIFY2_WITH_TIMEOUT(text->height() >= text->heightForWidth(text->width()),
                              qPrintable(QStringLiteral("%1 px high, needs %2")
                                             .arg(text->height())
                                             .arg(text->heightForWidth(text->width()))),
                              kTimeoutMs);
    QTest::mouseClick(row->gapButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(shown(*window_) && shown(*window_)->frame_index == 9, kTimeoutMs);
    // The next shot made ready clears it.
    row->setShotReady(0, 11);
    QVERIFY(!row->gapButton()->isVisibleTo(window_.get()));
    QVERIFY(row->gapLabel()->text().isEmpty());
  }

  void aStalePendingCaptionIsRefreshed() {
    // A preview made before the cuts were known counts the whole film as the keyframe's shot and
    // says "being propagated"; once a guided shot is ready, a frame outside it is shown again and
    // says nothing about keyframe colour.
    if (hints().empty()) {  // a keyframe in the first shot (0..11)
      guide::HintPoint h;
      h.frame = kHintFrame;
      h.x = kHintAt.x();
      h.y = kHintAt.y();
      h.r = 200;
      window_->project()->addHint(h);
    }
    window_->goToFrame(15);
    waitForGuide(15, pipeline::GuideState::None);
    auto stale = std::make_shared<pipeline::PreviewFrame>(*shown(*window_));
    stale->guide = pipeline::GuideState::Pending;
    window_->preview()->setFrame(stale);
    QVERIFY(window_->preview()->caption(PreviewSide::Right).contains(QStringLiteral("propagated")));
    Q_EMIT window_->engine()->guidedShotReady(0, 11);
    // A cached frame renders in well under a second; this limit only bounds a failure's wait.
    QTRY_VERIFY_WITH_TIMEOUT(shown(*window_) != stale, 30000);
    QCOMPARE(shown(*window_)->frame_index, int64_t(15));
    QCOMPARE(shown(*window_)->guide, pipeline::GuideState::None);
    QVERIFY2(!window_->preview()->caption(PreviewSide::Right).contains(QStringLiteral("keyframe")),
             qPrintable(window_->preview()->caption(PreviewSide::Right)));
  }

  void cleanupTestCase() {
    window_->project()->reset(ProjectData{}, QString());  // nothing to save on close
    window_.reset();
  }
};

QTEST_MAIN(TestHintTool)
#include "tst_hint_tool.moc"
