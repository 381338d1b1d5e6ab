// Failures panel and navigation, playback shuttle, job progress and the export dialog.

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "JobPanel.h"
#include "PlaybackController.h"

using namespace cf::ui;

namespace {
std::vector<cf::pipeline::FailureRange> sampleFailures() {
  using cf::analysis::FlagKind;
  using cf::analysis::Reason;
  using cf::analysis::ReasonCode;
  return {{50, 59, FlagKind::Sepia, Reason{ReasonCode::SepiaBand, 70, 20, 70}, "sepia"},
          {10, 12, FlagKind::Motion, Reason{ReasonCode::MotionWidth, 4}, "heavy motion"},
          {80, 80, FlagKind::LowConfidence, Reason{ReasonCode::LowConfidenceArea, 35},
           "low confidence on 35 % of frame"}};
}
}  // namespace

class TestPanels : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void failureNavigation() {
    const auto f = sampleFailures();
    QCOMPARE(*nextFailure(f, 0), size_t(1));
    QCOMPARE(*nextFailure(f, 10), size_t(0));
    QCOMPARE(*nextFailure(f, 50), size_t(2));
    QVERIFY(!nextFailure(f, 80));
    QCOMPARE(*previousFailure(f, 80), size_t(0));
    QCOMPARE(*previousFailure(f, 11), size_t(1));
    QVERIFY(!previousFailure(f, 10));
    using Shot = std::pair<int64_t, int64_t>;
    const std::vector<int64_t> cuts{40, 90};
    QCOMPARE(shotAround(cuts, 120, 0), Shot(0, 39));
    QCOMPARE(shotAround(cuts, 120, 40), Shot(40, 89));
    QCOMPARE(shotAround(cuts, 120, 100), Shot(90, 119));
  }

  void failuresPanelActivationJumps() {
    FailuresPanel panel;
    panel.setFailures(sampleFailures(), 25);
    QCOMPARE(panel.count(), 3);
    QVERIFY(panel.tree()->topLevelItem(0)->text(2).contains("70 %"));
    QSignalSpy jump(&panel, &FailuresPanel::jumpRequested);
    Q_EMIT panel.tree()->itemActivated(panel.tree()->topLevelItem(2), 0);
    QCOMPARE(jump.size(), 1);
    QCOMPARE(jump.last().at(0).toLongLong(), qint64(80));
    panel.setCurrentFrame(55);
    QCOMPARE(panel.tree()->currentItem(), panel.tree()->topLevelItem(0));
    QCOMPARE(jump.size(), 1);  // highlighting does not jump
  }

  void playbackShuttle() {
    PlaybackController play;
    play.setFrameCount(100, 100.0);
    QSignalSpy frames(&play, &PlaybackController::frameRequested);
    play.step(1);
    QCOMPARE(frames.last().at(0).toLongLong(), qint64(1));
    play.step(-5);  // clamps at the start
    QCOMPARE(play.frame(), qint64(0));
    play.shuttleForward();  // L
    QCOMPARE(play.speed(), 1);
    play.shuttleForward();  // L again doubles
    QCOMPARE(play.speed(), 2);
    QTRY_VERIFY(play.frame() >= 6);
    play.pause();  // K
    QVERIFY(!play.isPlaying());
    const qint64 here = play.frame();
    play.shuttleBackward();  // J
    QCOMPARE(play.speed(), -1);
    QTRY_VERIFY(play.frame() < here);
    play.togglePlay();  // Space pauses
    QVERIFY(!play.isPlaying());
    play.goToEnd();
    QCOMPARE(play.frame(), qint64(99));
    play.togglePlay();  // at the end, play restarts from the start
    QCOMPARE(frames.last().at(0).toLongLong(), qint64(0));
    QVERIFY(play.isPlaying());
    play.goToStart();
    QVERIFY(!play.isPlaying());
  }

  void jobPanelProgressEtaCancel() {
    JobPanel job;
    QSignalSpy cancel(&job, &JobPanel::cancelRequested);
    job.startJob("Analysing");
    QVERIFY(job.isRunning());
    job.setProgress(10, 100, "inference");
    QTest::qWait(30);
    job.setProgress(20, 100, "inference");
    QVERIFY(job.etaText().isEmpty());  // 30 ms say nothing yet about the rate (issue #16)
    QTest::qWait(1000);
    job.setProgress(30, 100, "inference");
    QVERIFY(job.etaText().startsWith("ETA "));
    job.cancelButton()->click();
    QCOMPARE(cancel.size(), 1);
    job.finishJob("Cancelled");
    QVERIFY(!job.isRunning());
    QVERIFY(!job.cancelButton()->isEnabled());
  }

  void exportDialogBuildsRequest() {
    ExportDialog dialog;
    dialog.setSource("/films/kid.mp4", 300, true, 20, 120);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/kid_colour.mp4"));
    QVERIFY(dialog.audioCheck()->isChecked());  // audio passthrough on by default
    dialog.setCodec(cf::pipeline::ExportCodec::Ffv1Mkv);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/kid_colour.mkv"));
    auto r = dialog.request();
    QCOMPARE(r.codec, cf::pipeline::ExportCodec::Ffv1Mkv);
    QCOMPARE(r.first_frame, int64_t(0));
    QCOMPARE(r.last_frame, int64_t(-1));
    QVERIFY(r.keep_audio);
    dialog.setUseInOut(true);
    r = dialog.request();
    QCOMPARE(r.first_frame, int64_t(20));
    QCOMPARE(r.last_frame, int64_t(120));
    QSignalSpy started(&dialog, &ExportDialog::exportRequested);
    QSignalSpy cancel(&dialog, &ExportDialog::cancelRequested);
    dialog.exportButton()->click();
    QCOMPARE(started.size(), 1);
    QVERIFY(dialog.isRunning());
    QCOMPARE(started.last().at(0).value<cf::pipeline::ExportRequest>().output_path,
             std::string("/films/kid_colour.mkv"));
    dialog.exportButton()->click();  // no second export while one runs
    QCOMPARE(started.size(), 1);
    dialog.setProgress(30, 100);
    dialog.reject();  // closing a running export cancels it
    QCOMPARE(cancel.size(), 1);
    dialog.setFinished(false, "Export cancelled");
    QVERIFY(!dialog.isRunning());
    QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Export cancelled"));
    // A source without sound cannot keep it.
    dialog.setSource("/films/silent.avi", 10, false, -1, -1);
    QVERIFY(!dialog.request().keep_audio);
    dialog.setUseInOut(true);
    QCOMPARE(dialog.request().first_frame, int64_t(0));
  }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
