// Disk faults through chromaflow-cli colorize: the output folder or the cache folder on a tiny
// tmpfs that fills up mid-run, and an unusable cache folder. Each gives a clear message (or, for
// the cache, a fallback with a note), leaves nothing at the output path, never touches the input,
// and leaves a cache that a later run can trust (its output equals a clean run's).
//
// The tmpfs is mounted in a private mount namespace (`unshare --mount`, as root or with
// `--user --map-root-user`), so the test needs no privileges beyond those; when neither works the
// test FAILS and says why, rather than skipping.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"

using namespace cf;

namespace {

QByteArray md5(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {};
  return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Md5);
}

struct ShellResult {
  int exit_code = -1;
  QString out;
  QString err;
};

}  // namespace

class TestDiskFaults : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;
  QByteArray clip_md5_;
  QString noisy_clip_;
  QByteArray noisy_md5_;
  QStringList unshare_;  // the unshare command line that works here

  QString path(const QString& name) const { return dir_.filePath(name); }

  /// Runs `script` with sh in a private mount namespace, with MNT (an empty folder), CLI, IN
  /// (`input`, default the test clip) and MODEL in its environment. The script mounts what it
  /// needs; MNT disappears with it.
  ShellResult inNamespace(const QString& script, const QString& mnt, const QString& input = {},
                          int timeout_ms = 240000) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MNT"), mnt);
    env.insert(QStringLiteral("CLI"), test::cliPath());
    env.insert(QStringLiteral("IN"), input.isEmpty() ? clip_ : input);
    env.insert(QStringLiteral("MODEL"), model_);
    p.setProcessEnvironment(env);
    QStringList args = unshare_.mid(1);
    args << QStringLiteral("sh") << QStringLiteral("-c") << script;
    p.start(unshare_.front(), args);
    ShellResult r;
    if (!p.waitForFinished(timeout_ms)) {
      p.kill();
      p.waitForFinished();
      r.err = QStringLiteral("timed out");
      return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
  }

  static QString colorizeArgs() {
    return QStringLiteral(
        "--model \"$MODEL\" --working-height 128 --device cpu --codec ffv1 --lambda 2");
  }

  /// Shows the lines the CLI printed for the user (errors and notes) in the test log.
  static void logMessages(const QString& err) {
    for (const QString& line : err.split(QLatin1Char('\n')))
      if (line.startsWith(QLatin1String("chromaflow-cli")) ||
          line.startsWith(QLatin1String("note:")))
        qInfo().noquote() << line;
  }

  /// The folder listing the script printed after a line "LISTING:".
  static QStringList listing(const QString& out) {
    const int at = out.indexOf(QStringLiteral("LISTING:"));
    if (at < 0)
      return {QStringLiteral("<no listing>")};
    return out.mid(at + 8).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = path(QStringLiteral("in put.mp4"));
    test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 320;
    spec.height_px = 240;
    spec.frames = 16;
    spec.audio_codec = QStringLiteral("aac");
    QCOMPARE(test::makeClip(spec), QString());
    clip_md5_ = md5(clip_);
    // Grain that FFV1 cannot compress much: its export (~1 MB) overflows a 200 kB disk mid-way.
    noisy_clip_ = path(QStringLiteral("noisy.mkv"));
    QCOMPARE(test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("nullsrc=s=320x240:r=25,format=gray,"
                                             "geq=lum='128+100*sin(X*X+Y*3+N)*random(1)'"),
                              QStringLiteral("-frames:v"), QStringLiteral("12"),
                              QStringLiteral("-c:v"), QStringLiteral("ffv1"), noisy_clip_}),
             QString());
    noisy_md5_ = md5(noisy_clip_);
    model_ = path(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());

    // Find a way to mount a tmpfs privately: as root, or as a mapped root in a user namespace.
    const QString probe_dir = path(QStringLiteral("probe"));
    QVERIFY(QDir().mkpath(probe_dir));
    QString tried;
    for (const QStringList& candidate :
         {QStringList{QStringLiteral("unshare"), QStringLiteral("--mount")},
          QStringList{QStringLiteral("unshare"), QStringLiteral("--user"),
                      QStringLiteral("--map-root-user"), QStringLiteral("--mount")}}) {
      QProcess p;
      p.start(candidate.front(),
              candidate.mid(1) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                             QStringLiteral("mount -t tmpfs -o size=64k tmpfs "
                                                            "\"$0\" && touch \"$0/x\""),
                                             probe_dir});
      if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        unshare_ = candidate;
        break;
      }
      tried += QLatin1Char('\n') + candidate.join(QLatin1Char(' ')) + QStringLiteral(": ") +
               QString::fromUtf8(p.readAllStandardError()).trimmed() + p.errorString();
    }
    QVERIFY2(
        !unshare_.isEmpty(),
        qPrintable(QStringLiteral("cannot mount a private tmpfs to simulate a full disk (needs "
                                  "root, or unprivileged user namespaces): ") +
                   tried));
    QVERIFY2(QDir(probe_dir).isEmpty(), "the probe tmpfs leaked out of its mount namespace");
  }

  void outputOnAFullDisk() {
    const QString mnt = path(QStringLiteral("full_out"));
    QVERIFY(QDir().mkpath(mnt));
    const QString cache = path(QStringLiteral("cache_a"));
    const auto r =
        inNamespace(QStringLiteral("mount -t tmpfs -o size=200k tmpfs \"$MNT\" || exit 97\n"
                                   "\"$CLI\" colorize \"$IN\" \"$MNT/out.mkv\" %1 --cache '%2'\n"
                                   "rc=$?\necho LISTING:\nls -A \"$MNT\"\nexit $rc\n")
                        .arg(colorizeArgs(), cache),
                    mnt, noisy_clip_);
    const QString what =
        QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exit_code).arg(r.out, r.err);
    logMessages(r.err);
    QVERIFY2(r.exit_code != 0 && r.exit_code != 97 && r.exit_code != -1, qPrintable(what));
    // One clear line: the disk is full, which folder, how much was written, what to do.
    const QString out_path = mnt + QStringLiteral("/out.mkv");
    QVERIFY2(r.err.contains(QStringLiteral("chromaflow-cli colorize: cannot write '") + out_path +
                            QStringLiteral("': the disk holding '") + mnt +
                            QStringLiteral("' is full after ")),
             qPrintable(what));
    QVERIFY2(r.err.contains(QStringLiteral("No space left on device")), qPrintable(what));
    QVERIFY2(
        r.err.contains(QStringLiteral("Free some space there or choose another output folder")),
        qPrintable(what));
    QVERIFY2(r.err.contains(QStringLiteral("nothing was left at")), qPrintable(what));
    // It failed mid-encode, not before: something was written first.
    QRegularExpression mb(QStringLiteral("after ([0-9.]+) (kB|MB) were written"));
    const auto m = mb.match(r.err);
    QVERIFY2(m.hasMatch() && m.captured(1).toDouble() > 0.0, qPrintable(what));
    // Nothing at the output path, no temporary file left on the full disk.
    QCOMPARE(listing(r.out), QStringList());
    QCOMPARE(md5(noisy_clip_), noisy_md5_);
  }

  void cacheOnAFullDisk() {
    const QString mnt = path(QStringLiteral("full_cache"));
    QVERIFY(QDir().mkpath(mnt));
    const QString out_dir = path(QStringLiteral("out_b"));
    QVERIFY(QDir().mkpath(out_dir));
    const QString out1 = out_dir + QStringLiteral("/first.mkv");
    const QString out2 = out_dir + QStringLiteral("/second.mkv");
    // Room for a few frames' cache entries, not for all 16: each entry (the network's output at
    // 1/8 of the 171x128 working size, 2.4 kB) takes a 4 kB page of the tmpfs, as does each flow
    // link, the cut list and the folders' use markers. Then the disk grows (tmpfs remount) and the
    // same export runs again over the cache left behind.
    const auto r =
        inNamespace(QStringLiteral("mount -t tmpfs -o size=40k tmpfs \"$MNT\" || exit 97\n"
                                   "\"$CLI\" colorize \"$IN\" '%2' %1 --cache \"$MNT/cache\"\n"
                                   "echo RC1=$?\n"
                                   "mount -o remount,size=64m \"$MNT\" || exit 98\n"
                                   "\"$CLI\" colorize \"$IN\" '%3' %1 --cache \"$MNT/cache\" 2>&1\n"
                                   "echo RC2=$?\n")
                        .arg(colorizeArgs(), out1, out2),
                    mnt);
    const QString what =
        QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exit_code).arg(r.out, r.err);
    logMessages(r.err);
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("RC2=0")), qPrintable(what));
    if (r.out.contains(QStringLiteral("RC1=0"))) {
      // A fallback is fine if it says so.
      QVERIFY2(r.err.contains(QStringLiteral("note:")) && r.err.contains(QStringLiteral("cache")),
               qPrintable(what));
    } else {
      // A clear error: the cache's disk is full, where, and what to do.
      QVERIFY2(r.err.contains(QStringLiteral("chromaflow-cli colorize: ")) &&
                   r.err.contains(mnt + QStringLiteral("/cache")) &&
                   r.err.contains(QStringLiteral("is full")) &&
                   r.err.contains(QStringLiteral("choose another cache folder")),
               qPrintable(what));
      QVERIFY2(!QFile::exists(out1), qPrintable(what));
    }
    QCOMPARE(QDir(out_dir).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("partial")),
             QStringList());
    // The second run found what the first one cached, and the cache was consistent: the output is
    // the same as a clean run's, frame for frame.
    const QRegularExpression hits(QStringLiteral("\\((\\d+) frames from cache\\)"));
    const auto m = hits.match(r.out);
    QVERIFY2(m.hasMatch() && m.captured(1).toInt() > 0, qPrintable(what));

    const QString clean = out_dir + QStringLiteral("/clean.mkv");
    const auto c =
        test::runCli({QStringLiteral("colorize"), clip_, clean, QStringLiteral("--model"), model_,
                      QStringLiteral("--working-height"), QStringLiteral("128"),
                      QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--codec"),
                      QStringLiteral("ffv1"), QStringLiteral("--lambda"), QStringLiteral("2"),
                      QStringLiteral("--cache"), path(QStringLiteral("cache_clean"))});
    QVERIFY2(c.exit_code == 0, qPrintable(c.err));
    const QByteArray expected = test::rawFrames(clean, QStringLiteral("rgb24"));
    QVERIFY(!expected.isEmpty());
    QVERIFY(test::rawFrames(out2, QStringLiteral("rgb24")) == expected);
    QCOMPARE(md5(clip_), clip_md5_);
  }

  void unusableCacheFolder_data() {
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("cache");
    // The parent of the cache folder is a regular file: fails even for root.
    QTest::newRow("parent is a file")
        << QStringLiteral("echo x > \"$MNT/file\"") << QStringLiteral("$MNT/file/cache");
    // A read-only file system (root ignores permission bits, not this).
    QTest::newRow("read-only mount")
        << QStringLiteral("mkdir \"$MNT/cache\" && mount -o remount,ro \"$MNT\"")
        << QStringLiteral("$MNT/cache");
  }
  void unusableCacheFolder() {
    QFETCH(QString, setup);
    QFETCH(QString, cache);
    const QString mnt = path(QStringLiteral("ro_") + QString::number(qHash(setup)));
    QVERIFY(QDir().mkpath(mnt));
    const QString out_dir = path(QStringLiteral("out_c_") + QString::number(qHash(setup)));
    QVERIFY(QDir().mkpath(out_dir));
    const QString out = out_dir + QStringLiteral("/out.mkv");
    const auto r = inNamespace(
        QStringLiteral("mount -t tmpfs -o size=1m tmpfs \"$MNT\" || exit 97\n%1 || exit 98\n"
                       "\"$CLI\" colorize \"$IN\" '%2' %3 --cache \"%4\"\n")
            .arg(setup, out, colorizeArgs(), cache),
        mnt);
    const QString what =
        QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exit_code).arg(r.out, r.err);
    logMessages(r.err);
    QVERIFY2(r.exit_code != 97 && r.exit_code != 98 && r.exit_code != -1, qPrintable(what));
    if (r.exit_code == 0) {
      // Fallback: the export is made, and a note says the cache was not kept and what to do.
      QVERIFY2(QFile::exists(out), qPrintable(what));
      QVERIFY2(r.err.contains(QStringLiteral("note: ")) &&
                   r.err.contains(QStringLiteral("cache folder '") + mnt) &&
                   r.err.contains(QStringLiteral("memory only")) &&
                   r.err.contains(QStringLiteral("writable cache folder")),
               qPrintable(what));
    } else {
      QVERIFY2(r.err.contains(QStringLiteral("cache folder")), qPrintable(what));
      QVERIFY2(!QFile::exists(out), qPrintable(what));
    }
    QCOMPARE(QDir(out_dir).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("partial")),
             QStringList());
    QCOMPARE(md5(clip_), clip_md5_);
  }
};

QTEST_GUILESS_MAIN(TestDiskFaults)
#include "tst_disk_faults.moc"
