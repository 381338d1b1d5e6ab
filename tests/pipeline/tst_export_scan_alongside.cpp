// A cold export whose session has not scanned the film yet scans it alongside the export
// (ConcurrentCutScan): only the flow stage waits for the cuts. The cuts are honoured (no link
// across them), the frames equal those of an export whose session scanned first, and the session
// keeps the scan (and its cache file) as if it had scanned before.
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "pipeline/ConcurrentCutScan.h"
#include "pipeline/CutScan.h"
#include "pipeline/Session.h"

using namespace cf;

class TestExportScanAlongside : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;

  std::unique_ptr<pipeline::Session> open(const QString& cache) {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.device = DeviceChoice::Cpu;
    s.working_height_px = 128;
    s.lambda = 4.0;
    s.cache_dir = dir_.filePath(cache).toStdString();
    auto session = pipeline::Session::open(clip_.toStdString(), s);
    if (!session)
      qWarning("%s", session.message().c_str());
    return session ? std::move(*session) : nullptr;
  }

  Status exportTo(pipeline::Session& session, const QString& name) {
    pipeline::ExportRequest r;
    r.output_path = dir_.filePath(name).toStdString();
    r.codec = VideoCodec::FFV1;
    r.keep_audio = false;
    return session.exportVideo(r, {}, {});
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(clip_), QString());  // 24 frames, a cut at 12
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void theScanAlongsideFindsWhatTheScanFinds() {
    const auto scanned = pipeline::scanSceneCuts(clip_.toStdString(), {}, {}, {});
    QVERIFY2(scanned, scanned ? "" : scanned.message().c_str());
    QCOMPARE(scanned->cuts.size(), size_t(1));
    QCOMPARE(scanned->cuts.front().frame, int64_t(12));
    pipeline::ConcurrentCutScan alongside(clip_.toStdString(), {}, {});
    const auto waited = alongside.wait({});
    QVERIFY2(waited, waited ? "" : waited.message().c_str());
    QCOMPARE(waited->frames, scanned->frames);
    QCOMPARE(waited->cuts.size(), scanned->cuts.size());
    QCOMPARE(waited->cuts.front().frame, scanned->cuts.front().frame);
    QCOMPARE(waited->cuts.front().histogram_distance, scanned->cuts.front().histogram_distance);
    QCOMPARE(waited->damaged_frames, scanned->damaged_frames);
    QVERIFY(alongside.seconds() > 0.0);
  }

  void aScanThatIsNoLongerWantedStops() {
    pipeline::ConcurrentCutScan alongside(clip_.toStdString(), {}, {});
    const auto waited = alongside.wait([] { return true; });
    // Stopped at the first look, or (on a fast machine) finished before it: never half a result.
    if (waited)
      QCOMPARE(waited->cuts.size(), size_t(1));
    else
      QCOMPARE(QString::fromStdString(waited.message()), QStringLiteral("stopped"));
  }

  void exportScannedAlongsideEqualsExportScannedFirst() {
    auto alongside = open(QStringLiteral("cache-alongside"));
    QVERIFY(alongside);
    const Status a = exportTo(*alongside, QStringLiteral("alongside.mkv"));
    QVERIFY2(a, a.message().c_str());
    const pipeline::ExportStats& sa = alongside->lastExportStats();
    QCOMPARE(sa.frames, int64_t(24));
    QCOMPARE(sa.flows_computed, int64_t(22));  // 23 neighbours, none linked across the cut
    QVERIFY(sa.scan_s > 0.0);
    QCOMPARE(alongside->info().damaged_frames, int64_t(0));  // the session kept the scan
    const auto cuts = alongside->sceneCutFrames({}, {});
    QVERIFY(cuts);
    QCOMPARE(*cuts, std::vector<int64_t>{12});

    auto first = open(QStringLiteral("cache-first"));
    QVERIFY(first);
    QVERIFY(first->sceneCutFrames({}, {}));  // scanned before the export
    const Status b = exportTo(*first, QStringLiteral("first.mkv"));
    QVERIFY2(b, b.message().c_str());
    QCOMPARE(first->lastExportStats().flows_computed, int64_t(22));
    QCOMPARE(first->lastExportStats().scan_s, 0.0);

    const QByteArray frames_a =
        test::rawFrames(dir_.filePath(QStringLiteral("alongside.mkv")), QStringLiteral("rgb24"));
    QCOMPARE(frames_a.size(), qsizetype(24 * 160 * 96 * 3));
    QVERIFY(frames_a ==
            test::rawFrames(dir_.filePath(QStringLiteral("first.mkv")), QStringLiteral("rgb24")));

    // The scan alongside was written to the cache like any scan: a new session finds it there.
    auto again = open(QStringLiteral("cache-alongside"));
    QVERIFY(again);
    const Status c = exportTo(*again, QStringLiteral("again.mkv"));
    QVERIFY2(c, c.message().c_str());
    QCOMPARE(again->lastExportStats().scan_s, 0.0);
    QCOMPARE(again->lastExportStats().flows_computed, int64_t(0));
    QVERIFY(frames_a ==
            test::rawFrames(dir_.filePath(QStringLiteral("again.mkv")), QStringLiteral("rgb24")));
  }
};

QTEST_GUILESS_MAIN(TestExportScanAlongside)
#include "tst_export_scan_alongside.moc"
