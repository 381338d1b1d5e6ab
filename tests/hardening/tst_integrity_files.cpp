// Issue #20, the file system's part: nothing overwritten, no hang, nothing left behind.
// - analyze --report / --contact-sheet onto the input (a video named .csv or .png, by name, symlink
//   or hard link) overwrote it;
// - a named pipe as input blocked every command for ever (and the GUI's Quit after it);
// - a killed run's hidden ".OUT.partial-XXXXXX.ext" stayed for good, and SIGHUP left one too;
// - a file name starting with '-' gave "Unknown options: d, a, s..." with no hint about '--'.

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/TempOutputFile.h"
#include "pipeline/Session.h"

using cf::test::CliResult;
using cf::test::runCli;

namespace {

QByteArray sha256(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&file);
  return hash.result();
}

QStringList partialsIn(const QString& dir) {
  return QDir(dir).entryList({QStringLiteral(".*.partial-*")}, QDir::Files | QDir::Hidden);
}

}  // namespace

class TestIntegrityFiles : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString model_;
  QString clip_;  // 12 frames, 64x48 H.264

  QString path(const QString& name) const { return dir_.filePath(name); }
  QStringList common() const {
    return {QStringLiteral("--model"),          model_,
            QStringLiteral("--working-height"), QStringLiteral("128"),
            QStringLiteral("--device"),         QStringLiteral("cpu"),
            QStringLiteral("--cache"),          path(QStringLiteral("cache"))};
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = path(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model_), QString());
    clip_ = path(QStringLiteral("clip.mp4"));
    cf::test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 64;
    spec.height_px = 48;
    spec.frames = 12;
    QCOMPARE(cf::test::makeClip(spec), QString());
  }

  void analyzeNeverWritesOntoItsInput_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("video");  // the input, named like the output would be
    QTest::addColumn<QString>("link");   // "", "symlink" or "hardlink": how the output names it
    QTest::newRow("report, same name") << "--report"
                                       << "video.csv"
                                       << "";
    QTest::newRow("sheet, same name") << "--contact-sheet"
                                      << "video.png"
                                      << "";
    QTest::newRow("report, symlink") << "--report"
                                     << "video2.json"
                                     << "symlink";
    QTest::newRow("sheet, hard link") << "--contact-sheet"
                                      << "video3.png"
                                      << "hardlink";
  }
  void analyzeNeverWritesOntoItsInput() {
    QFETCH(QString, option);
    QFETCH(QString, video);
    QFETCH(QString, link);
    const QString input = path(video);
    QFile::remove(input);
    QVERIFY(QFile::copy(clip_, input));
    QString target = input;
    if (!link.isEmpty()) {
      target = path(QStringLiteral("link-") + video);
      QFile::remove(target);
      const QByteArray from = QFile::encodeName(input), to = QFile::encodeName(target);
      QCOMPARE(link == QLatin1String("symlink") ? ::symlink(from.constData(), to.constData())
                                                : ::link(from.constData(), to.constData()),
               0);
    }
    const QByteArray before = sha256(input);
    const CliResult r =
        runCli(QStringList{QStringLiteral("analyze"), input, option, target} + common());
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(QLatin1String("it is the input file")), qPrintable(r.err));
    QCOMPARE(sha256(input), before);
  }

  void analyzeReportAndSheetMustDiffer() {
    const QString both = path(QStringLiteral("both.png"));
    const CliResult r =
        runCli(QStringList{QStringLiteral("analyze"), clip_, QStringLiteral("--report"), both,
                           QStringLiteral("--contact-sheet"), both} +
               common());
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QLatin1String("the same file")), qPrintable(r.err));
  }

  void namedPipeIsRefusedAtOnce() {
    const QString fifo = path(QStringLiteral("pipe.mp4"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QList<QStringList> runs = {
        {QStringLiteral("info"), fifo},
        QStringList{QStringLiteral("colorize"), fifo, path(QStringLiteral("pipe_out.mp4"))} +
            common(),
        QStringList{QStringLiteral("analyze"), fifo} + common(),
        QStringList{QStringLiteral("colorize"), clip_, path(QStringLiteral("model_pipe.mp4")),
                    QStringLiteral("--model"), fifo}};
    for (const QStringList& args : runs) {
      QElapsedTimer timer;
      timer.start();
      const CliResult r = runCli(args, 30000);  // before the fix: blocked until killed
      // A bad --model is a usage error (2), checked before any work; a bad input fails (1).
      const int expected =
          args.indexOf(QStringLiteral("--model")) == args.indexOf(fifo) - 1 ? 2 : 1;
      QVERIFY2(r.exit_code == expected, qPrintable(args.join(' ') + ": " + r.err));
      QVERIFY2(r.err.contains(QLatin1String("named pipe")), qPrintable(r.err));
      QVERIFY(timer.elapsed() < 30000);
    }
    // The GUI opens videos through Session::open on its engine thread; Quit waits for it.
    auto session = cf::pipeline::Session::open(fifo.toStdString(), {});
    QVERIFY(!session.ok());
  }

  void stalePartialsAreRemovedLiveOnesKept() {
    const QString target = path(QStringLiteral("film.mkv"));
    const QString stale = path(QStringLiteral(".film.partial-Ab3dE9.mkv"));
    const QString live = path(QStringLiteral(".film.partial-Zz0yX1.mkv"));
    const QString other = path(QStringLiteral(".other.partial-Ab3dE9.mkv"));  // another output
    for (const QString& f : {stale, live, other}) {
      QFile file(f);
      QVERIFY(file.open(QIODevice::WriteOnly));
      QVERIFY(file.write("half a film") > 0);
    }
    // A run still writing holds its partial file locked.
    const int fd = ::open(QFile::encodeName(live).constData(), O_RDONLY);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    {
      auto temp = cf::media::TempOutputFile::create(target.toStdString(), {});
      QVERIFY(temp.ok());
      QVERIFY(!QFile::exists(stale));  // left by a killed run: removed
      QVERIFY(QFile::exists(live));    // a live run's: kept
      QVERIFY(QFile::exists(other));   // another output's: not ours to touch
      // This run's own partial file is locked: a second run must leave it alone.
      QCOMPARE(cf::media::TempOutputFile::removeStalePartials(target.toStdString()), 0);
      QVERIFY(QFile::exists(QString::fromStdString((*temp)->path())));
    }
    ::close(fd);
    QCOMPARE(cf::media::TempOutputFile::removeStalePartials(target.toStdString()), 1);
    QVERIFY(!QFile::exists(live));
    QVERIFY(QFile::remove(other));
  }

  void hangupStopsCleanly() {
    // A longer clip, so that the export is still running when the signal comes.
    const QString longer = path(QStringLiteral("long.mp4"));
    cf::test::ClipSpec spec;
    spec.path = longer;
    spec.width_px = 160;
    spec.height_px = 120;
    spec.frames = 400;
    QCOMPARE(cf::test::makeClip(spec), QString());
    const QString out_dir = path(QStringLiteral("hup"));
    QVERIFY(QDir().mkpath(out_dir));
    QProcess p;
    p.start(cf::test::cliPath(),
            QStringList{QStringLiteral("colorize"), longer, out_dir + QStringLiteral("/out.mkv"),
                        QStringLiteral("--codec"), QStringLiteral("ffv1")} +
                common());
    QVERIFY(p.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (partialsIn(out_dir).isEmpty() && timer.elapsed() < 60000 &&
           p.state() == QProcess::Running)
      QTest::qWait(20);
    QVERIFY2(!partialsIn(out_dir).isEmpty(), "the export did not start writing");
    QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGHUP), 0);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);  // before the fix: killed by the signal
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(partialsIn(out_dir).isEmpty(), qPrintable(partialsIn(out_dir).join(' ')));
    QVERIFY(!QFile::exists(out_dir + QStringLiteral("/out.mkv")));
  }

  void fileNameStartingWithDashNeedsDoubleDash() {
    const QString dashed = path(QStringLiteral("-dash.mp4"));
    QVERIFY(QFile::copy(clip_, dashed));
    QVERIFY(QDir::setCurrent(dir_.path()));
    CliResult r = runCli({QStringLiteral("info"), QStringLiteral("-dash.mp4")});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QLatin1String("goes after '--'")), qPrintable(r.err));
    r = runCli({QStringLiteral("info"), QStringLiteral("--"), QStringLiteral("-dash.mp4")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestIntegrityFiles)
#include "tst_integrity_files.moc"
