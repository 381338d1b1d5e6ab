// Issue #16, bug 3, through the engine thread: once the background analysis is done, moving λ
// re-measures the flicker on the smoothed result and the timeline (with its failure list) the GUI
// receives changes; λ back gives the first measurement again.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "SessionController.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"

class TestLambdaFlags : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void timelineFollowsLambda() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clip = dir.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(cf::test::makeCutClip(clip), QString());
    const QString model = dir.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model), QString());
    cf::pipeline::SessionSettings s;
    s.model_path = model.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.lambda = 0.0;
    s.cache_dir = dir.filePath(QStringLiteral("cache")).toStdString();

    cf::ui::SessionController engine;
    cf::pipeline::TimelineDataPtr timeline;
    bool complete = false;
    connect(&engine, &cf::ui::SessionController::timelineUpdated, this,
            [&](cf::pipeline::TimelineDataPtr t) { timeline = std::move(t); });
    connect(&engine, &cf::ui::SessionController::analysisProgress, this,
            [&](qint64 done, qint64 total) { complete = total > 0 && done >= total; });
    QSignalSpy opened(&engine, &cf::ui::SessionController::opened);
    engine.open(clip, s, {});
    QVERIFY(opened.wait(120000));
    QTRY_VERIFY_WITH_TIMEOUT(complete, 180000);
    QTRY_VERIFY(timeline && timeline->frames.size() == 24 && timeline->frames[20].analysed);
    auto flicker_sum = [&] {
      double sum = 0.0;
      for (const auto& f : timeline->frames)
        sum += f.flicker;
      return sum;
    };
    const double at_zero = flicker_sum();
    QVERIFY(at_zero > 0.0);

    s.lambda = 30.0;
    engine.updateSettings(s);  // λ only: the analysis stands, the flicker is measured again
    QTRY_VERIFY_WITH_TIMEOUT(flicker_sum() < 0.9 * at_zero, 60000);
    s.lambda = 0.0;
    engine.updateSettings(s);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(flicker_sum() - at_zero) < 1e-3 * at_zero, 60000);
  }
};

QTEST_MAIN(TestLambdaFlags)
#include "tst_lambda_flags.moc"
