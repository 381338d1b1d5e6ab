// Failures panel and navigation, playback shuttle, job progress and the export dialog.

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "CacheDialog.h"
#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "JobPanel.h"
#include "PlaybackController.h"
#include "pipeline/CacheManager.h"

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
    panel.setFailures(sampleFailures(), cf::TimecodeClock(25.0, {}));
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

  // Issue #16: exports go to the last export folder, else the user's Videos folder; never next
  // to the source (often a read-only archive).
  void exportDefaultsToLastFolderOrVideos() {
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QCOMPARE(ExportDialog::defaultFolder(dir.path()), QFileInfo(dir.path()).absoluteFilePath());
    const QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    QVERIFY(!videos.isEmpty());
    QCOMPARE(ExportDialog::defaultFolder(QString()), videos);
    QCOMPARE(ExportDialog::defaultFolder(dir.filePath(QStringLiteral("gone"))), videos);
    QFile file(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(ExportDialog::defaultFolder(file.fileName()), videos);  // a file, not a folder
    QVERIFY(QFileInfo(videos).isDir());
    ExportDialog dialog;
    dialog.setSource("/archive/read-only/kid.mp4", 300, true, -1, -1);
    QCOMPARE(dialog.outputPath(), QDir(videos).filePath(QStringLiteral("kid_colour.mp4")));
    dialog.setOutputFolder(dir.path());
    dialog.setSource("/archive/read-only/kid.mp4", 300, true, -1, -1);
    QCOMPARE(QFileInfo(dialog.outputPath()).absolutePath(),
             QFileInfo(dir.path()).absoluteFilePath());
    QStandardPaths::setTestModeEnabled(false);
  }

  // Issue #16: the cache manager shows this video's and the total cache size, clears either,
  // applies a size limit and moves the cache folder.
  void cacheDialogClearsLimitsAndMoves() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("cache"));
    auto folder = [&](const QString& name, int entries) {
      const QString f = QDir(root).filePath(name);
      QDir().mkpath(f);
      for (int i = 0; i < entries; ++i) {
        QFile e(QDir(f).filePath(QStringLiteral("ab_%1.f16").arg(i)));
        e.open(QIODevice::WriteOnly);
        e.write(QByteArray(1 << 20, 'x'));
      }
      cf::pipeline::markCacheFolderUsed(f.toStdString());
      return f.toStdString();
    };
    const std::string mine = folder(QStringLiteral("mine-1"), 2);
    const std::string other = folder(QStringLiteral("other-2"), 3);
    const std::string third = folder(QStringLiteral("third-3"), 1);
    cf::ui::CacheDialog dialog;
    dialog.setCache(root, {mine}, 0);
    QVERIFY2(dialog.videoLabel()->text().contains(QStringLiteral("2")),
             qPrintable(dialog.videoLabel()->text()));
    QVERIFY2(dialog.totalLabel()->text().contains(QStringLiteral("6")) &&
                 dialog.totalLabel()->text().contains(QStringLiteral("3")),
             qPrintable(dialog.totalLabel()->text()));
    QSignalSpy cleared(&dialog, &cf::ui::CacheDialog::cleared);
    dialog.clearVideoButton()->click();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!QFileInfo::exists(QString::fromStdString(mine)));
    QVERIFY(!dialog.clearVideoButton()->isEnabled());
    // A 2 MiB limit: the least recently used of the two others goes.
    QFile marker(QString::fromStdString(other) + QStringLiteral("/.chromaflow-used"));
    marker.open(QIODevice::ReadWrite);
    marker.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                       QFileDevice::FileModificationTime);
    marker.close();
    QSignalSpy limit(&dialog, &cf::ui::CacheDialog::limitChanged);
    dialog.limitBox()->setValue(2);
    Q_EMIT dialog.limitBox()->editingFinished();
    QCOMPARE(limit.size(), 1);
    QCOMPARE(limit.last().at(0).toLongLong(), qint64(2));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(other)));
    QVERIFY(QFileInfo::exists(QString::fromStdString(third)));
    QSignalSpy moved(&dialog, &cf::ui::CacheDialog::rootMoved);
    const QString target = dir.filePath(QStringLiteral("elsewhere"));
    QVERIFY(dialog.moveTo(target));
    QCOMPARE(moved.size(), 1);
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/third-3/ab_0.f16")));
    QCOMPARE(dialog.root(), target);
    QVERIFY(!dialog.moveTo(QStringLiteral("/proc/no-cache-here")));
    QVERIFY(!dialog.statusLabel()->text().isEmpty());
    QCOMPARE(moved.size(), 1);
  }

  /// Every setting the dialog shows comes from the project's ExportSettings and goes back to
  /// them, the bit depth too (it was the dialog's own, lost on close and not in the file).
  void exportDialogShowsAndReturnsTheProjectSettings() {
    ExportDialog dialog;
    dialog.setSource("/films/kid.mp4", 300, true, 20, 120);
    cf::ui::ExportSettings e;
    e.codec = cf::VideoCodec::FFV1;
    e.quality_crf = 11;
    e.keep_audio = false;
    e.use_in_out = false;
    e.bit_depth = 16;
    dialog.setExportSettings(e);
    QVERIFY(dialog.exportSettings() == e);
    QCOMPARE(dialog.request().bit_depth, 16);
    e.bit_depth = 0;  // as the source
    dialog.setExportSettings(e);
    QCOMPARE(dialog.exportSettings().bit_depth, 0);
  }

  void exportDialogBuildsRequest() {
    ExportDialog dialog;
    dialog.setOutputFolder("/films");
    dialog.setSource("/films/kid.mp4", 300, true, 20, 120);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/kid_colour.mp4"));
    QVERIFY(dialog.audioCheck()->isChecked());  // audio passthrough on by default
    dialog.setCodec(cf::VideoCodec::FFV1);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/kid_colour.mkv"));
    auto r = dialog.request();
    QCOMPARE(r.codec, cf::VideoCodec::FFV1);
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
