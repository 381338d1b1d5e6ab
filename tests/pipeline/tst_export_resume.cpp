// An export killed with SIGKILL (as by a crash or power loss) leaves nothing at the output path;
// run again, it resumes from the disk caches (network output and flows) and writes exactly the
// bytes of an uninterrupted export (lossless FFV1). A re-export at another lambda computes neither
// the network nor a flow.

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"

using namespace cf;

namespace {

int countFiles(const QString& dir, const QString& pattern) {
  int n = 0;
  QDirIterator it(dir, {pattern}, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    it.next();
    ++n;
  }
  return n;
}

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "N frames from cache" and "M computed" (flows) from colorize's summary.
int summaryNumber(const QString& out, const QString& pattern) {
  const QRegularExpressionMatch m = QRegularExpression(pattern).match(out);
  return m.hasMatch() ? m.captured(1).toInt() : -1;
}

}  // namespace

class TestExportResume : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;
  static constexpr int kFrames = 150;

  // `model` empty: the shipped default model (found next to the built binary).
  QStringList colorizeArgs(const QString& out, const QString& cache,
                           const QString& lambda = QStringLiteral("4"),
                           const QString& model = QString()) const {
    QStringList args = {QStringLiteral("colorize"),
                        clip_,
                        out,
                        QStringLiteral("--codec"),
                        QStringLiteral("ffv1"),
                        QStringLiteral("--working-height"),
                        QStringLiteral("128"),
                        QStringLiteral("--device"),
                        QStringLiteral("cpu"),
                        QStringLiteral("--lambda"),
                        lambda,
                        QStringLiteral("--cache"),
                        cache};
    if (!model.isEmpty())
      args << QStringLiteral("--model") << model;
    return args;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("clip.mkv"));
    test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 176;
    spec.height_px = 96;
    spec.frames = kFrames;
    spec.audio_codec = QStringLiteral("flac");
    QCOMPARE(test::makeClip(spec), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void killedExportResumesToIdenticalBytes() {
    const QString reference = dir_.filePath(QStringLiteral("reference.mkv"));
    const test::CliResult ref = test::runCli(colorizeArgs(
        reference, dir_.filePath(QStringLiteral("cache-ref")), QStringLiteral("4"), model_));
    QVERIFY2(ref.exit_code == 0, qPrintable(ref.err));

    const QString out = dir_.filePath(QStringLiteral("resumed.mkv"));
    const QString cache = dir_.filePath(QStringLiteral("cache-killed"));
    QProcess run;
    run.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    run.start(test::cliPath(), colorizeArgs(out, cache, QStringLiteral("4"), model_));
    QVERIFY(run.waitForStarted());
    // Kill it once part of the network output is on disk, before it can finish.
    QElapsedTimer t;
    t.start();
    int cached = 0;
    while (t.elapsed() < 60000 && run.state() == QProcess::Running) {
      cached = countFiles(cache, QStringLiteral("ab_*.f16"));
      if (cached >= 24)
        break;
      QThread::msleep(5);
    }
    QVERIFY2(run.state() == QProcess::Running, "the export finished before it could be killed");
    run.kill();  // SIGKILL: no handler runs, no cleanup
    QVERIFY(run.waitForFinished(10000));
    QVERIFY(cached >= 24);
    QVERIFY2(!QFileInfo::exists(out), "a killed export left a file at the output path");
    const int cached_after_kill = countFiles(cache, QStringLiteral("ab_*.f16"));
    QVERIFY2(cached_after_kill < kFrames, qPrintable(QString::number(cached_after_kill)));

    const test::CliResult resumed =
        test::runCli(colorizeArgs(out, cache, QStringLiteral("4"), model_));
    QVERIFY2(resumed.exit_code == 0, qPrintable(resumed.err));
    const int hits = summaryNumber(resumed.out, QStringLiteral("\\((\\d+) frames from cache\\)"));
    QVERIFY2(hits >= cached_after_kill - 8 && hits < kFrames, qPrintable(resumed.out));
    QVERIFY(QFileInfo::exists(out));
    const QByteArray expected = fileBytes(reference);
    QVERIFY(expected.size() > 10000);
    QVERIFY2(fileBytes(out) == expected, "the resumed export differs from the uninterrupted one");
    // Nothing but the output itself was left beside it (no temporary files).
    const QStringList beside =
        QDir(dir_.path()).entryList({QStringLiteral("resumed*")}, QDir::Files | QDir::Hidden);
    QCOMPARE(beside, QStringList{QStringLiteral("resumed.mkv")});
  }

  // The cache holds the network's own output (the tiny model predicts at 1/8 of the padded
  // working frame) and links at the smoothing's resolution; an export that reads everything back
  // from it, and one that has no disk cache at all (memory only: an unusable cache folder), write
  // exactly the bytes of the export that computed everything.
  void exportsFromCacheEqualExportsWithoutCache() {
    const QString cache = dir_.filePath(QStringLiteral("cache-same"));
    const QString cold = dir_.filePath(QStringLiteral("same-cold.mkv"));
    const test::CliResult a = test::runCli(colorizeArgs(cold, cache, QStringLiteral("4"), model_));
    QVERIFY2(a.exit_code == 0, qPrintable(a.err));
    QCOMPARE(summaryNumber(a.out, QStringLiteral("\\((\\d+) frames from cache\\)")), 0);
    const QString warm = dir_.filePath(QStringLiteral("same-warm.mkv"));
    const test::CliResult b = test::runCli(colorizeArgs(warm, cache, QStringLiteral("4"), model_));
    QVERIFY2(b.exit_code == 0, qPrintable(b.err));
    QCOMPARE(summaryNumber(b.out, QStringLiteral("\\((\\d+) frames from cache\\)")), kFrames);
    QCOMPARE(summaryNumber(b.out, QStringLiteral("\\((\\d+) computed\\)")), 0);
    const QString nocache = dir_.filePath(QStringLiteral("same-nocache.mkv"));
    const test::CliResult c = test::runCli(colorizeArgs(
        nocache, QStringLiteral("/proc/chromaflow-no-cache"), QStringLiteral("4"), model_));
    QVERIFY2(c.exit_code == 0, qPrintable(c.err));
    QVERIFY2(c.err.contains(QStringLiteral("memory only")) ||
                 c.out.contains(QStringLiteral("memory only")),
             qPrintable(c.out + c.err));
    const QByteArray expected = fileBytes(cold);
    QVERIFY(expected.size() > 10000);
    QVERIFY2(fileBytes(warm) == expected, "the export read from the cache differs");
    QVERIFY2(fileBytes(nocache) == expected, "the export without a disk cache differs");
    // Small entries: 176x96 at working height 128 is 235x128 (padded 256x128), so the network's
    // output is 32x16 (ab + confidence in fp16, 3 kB), not 235x128 (180 kB).
    QDirIterator it(cache, {QStringLiteral("ab_*.f16")}, QDir::Files, QDirIterator::Subdirectories);
    int entries = 0;
    while (it.hasNext()) {
      it.next();
      ++entries;
      QVERIFY2(it.fileInfo().size() <= 56 + 32 * 16 * 6, qPrintable(it.filePath()));
    }
    QCOMPARE(entries, kFrames);
  }

  // With the shipped model: a random tiny model's colours hardly change in time, so any lambda
  // would give the same frames and the check below could not fail.
  void lambdaReExportComputesNothingAgain() {
    const QString cache = dir_.filePath(QStringLiteral("cache-lambda"));
    const QString first = dir_.filePath(QStringLiteral("lambda4.mkv"));
    const test::CliResult a = test::runCli(colorizeArgs(first, cache));
    QVERIFY2(a.exit_code == 0, qPrintable(a.err));
    QCOMPARE(summaryNumber(a.out, QStringLiteral("\\((\\d+) frames from cache\\)")), 0);
    QVERIFY(summaryNumber(a.out, QStringLiteral("\\((\\d+) computed\\)")) > 0);
    const QString second = dir_.filePath(QStringLiteral("lambda12.mkv"));
    const test::CliResult b = test::runCli(colorizeArgs(second, cache, QStringLiteral("12")));
    QVERIFY2(b.exit_code == 0, qPrintable(b.err));
    QCOMPARE(summaryNumber(b.out, QStringLiteral("\\((\\d+) frames from cache\\)")), kFrames);
    QCOMPARE(summaryNumber(b.out, QStringLiteral("\\((\\d+) computed\\)")), 0);
    // The smoothing did run again: another lambda, other colours.
    QVERIFY(test::rawFrames(first, QStringLiteral("rgb24")) !=
            test::rawFrames(second, QStringLiteral("rgb24")));
  }
};

QTEST_GUILESS_MAIN(TestExportResume)
#include "tst_export_resume.moc"
