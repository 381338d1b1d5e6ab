// The GUI's background analysis (the engine thread, in chunks from the playhead) and
// `chromaflow-cli analyze` (one pass) flag the same frames on a generated clip: the same flagging
// code on the same inputs, whatever the order the frames were analysed in.

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "SessionController.h"
#include "analysis/ReportIO.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"

class TestGuiCliReport : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sameFailureReport() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // 24 frames with a cut at 12: several analysis chunks of 16 frames, two shots.
    const QString clip = dir.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(cf::test::makeCutClip(clip), QString());
    const QString model = dir.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model), QString());

    cf::pipeline::SessionSettings s;
    s.model_path = model.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.cache_dir = dir.filePath(QStringLiteral("gui_cache")).toStdString();

    cf::ui::SessionController engine;
    QSignalSpy opened(&engine, &cf::ui::SessionController::opened);
    cf::pipeline::TimelineDataPtr timeline;
    bool complete = false;
    connect(&engine, &cf::ui::SessionController::timelineUpdated, this,
            [&](cf::pipeline::TimelineDataPtr t) { timeline = std::move(t); });
    connect(&engine, &cf::ui::SessionController::analysisProgress, this,
            [&](qint64 done, qint64 total) { complete = total > 0 && done >= total; });
    engine.open(clip, s, {});
    QVERIFY(opened.wait(120000));
    engine.setFocusFrame(20);  // start in the middle, as a user would after scrubbing
    QTRY_VERIFY_WITH_TIMEOUT(complete, 180000);
    QVERIFY(timeline);

    const QString json = dir.filePath(QStringLiteral("report.json"));
    QProcess cli;
    cli.start(cf::test::cliPath(),
              {QStringLiteral("analyze"), clip, QStringLiteral("--model"), model,
               QStringLiteral("--working-height"), QStringLiteral("128"),
               QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--cache"),
               dir.filePath(QStringLiteral("cli_cache")), QStringLiteral("--report"), json});
    QVERIFY(cli.waitForFinished(180000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto report = cf::analysis::reportFromJson(f.readAll().toStdString());
    QVERIFY(report.ok());

    QCOMPARE(qsizetype(report->frames.size()), qsizetype(timeline->frames.size()));
    for (const auto& fr : report->frames) {
      const auto& g = timeline->frames[size_t(fr.metrics.frame_index)];
      QVERIFY(g.analysed);
      QVERIFY2(qFuzzyCompare(1.0f + g.flicker, 1.0f + float(fr.metrics.flicker)),
               qPrintable(QStringLiteral("frame %1: flicker %2 (GUI) vs %3 (CLI)")
                              .arg(fr.metrics.frame_index)
                              .arg(g.flicker)
                              .arg(fr.metrics.flicker)));
      QVERIFY(qFuzzyCompare(1.0f + g.motion, 1.0f + float(fr.metrics.motion_fraction)));
      QVERIFY(qFuzzyCompare(1.0f + g.colorfulness, 1.0f + float(fr.metrics.colorfulness)));
    }
    QCOMPARE(timeline->failures.size(), report->ranges.size());
    for (size_t i = 0; i < report->ranges.size(); ++i) {
      QCOMPARE(timeline->failures[i].first_frame, report->ranges[i].first_frame);
      QCOMPARE(timeline->failures[i].last_frame, report->ranges[i].last_frame);
      QCOMPARE(timeline->failures[i].kind, report->ranges[i].kind);
      QCOMPARE(timeline->failures[i].reason, report->ranges[i].reason);
    }
    qInfo("GUI and CLI: %zu flagged ranges over %zu frames", report->ranges.size(),
          report->frames.size());
  }
};

QTEST_MAIN(TestGuiCliReport)
#include "tst_gui_cli_report.moc"
