// chromaflow-cli polish (issue #16, bug 8): a log message never runs on after the progress bar,
// the usage line names the command (not the program's path), and colorize refuses a bad output
// extension, codec or model before any work (no model load, no scan: no cache folder appears).
// Also `colorize --project`: a project's per-shot grade reaches the CLI's export.

#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

#include "ConsoleProgress.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"

class TestCliPolish : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("clip.mp4"));
    cf::test::ClipSpec spec;
    spec.path = clip_;
    spec.frames = 12;
    QCOMPARE(cf::test::makeClip(spec), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model_), QString());
  }

  void logMessageStartsOnItsOwnLine() {
    // stderr into a file for the length of the test.
    const QString log = dir_.filePath(QStringLiteral("stderr.txt"));
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    QVERIFY(std::freopen(QFile::encodeName(log).constData(), "w", stderr));
    // Messages to stderr, as the CLI's default handler writes them (Qt Test's goes to stdout).
    const QtMessageHandler test_handler =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& m) {
          std::fprintf(stderr, "%s\n", qPrintable(m));
        });
    {
      cf::app::ConsoleProgress progress;
      progress.update({3, 10, "encode"});
      qWarning("a warning while the bar is drawn");
      progress.update({10, 10, "encode"});
      progress.finish();
    }
    qInstallMessageHandler(test_handler);
    std::fflush(stderr);
    QVERIFY(::dup2(saved, STDERR_FILENO) >= 0);
    ::close(saved);
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromLocal8Bit(file.readAll());
    bool seen = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
      const QString shown = line.section(QLatin1Char('\r'), -1);  // what the terminal shows
      if (shown.contains(QLatin1String("a warning while the bar is drawn"))) {
        seen = true;
        QVERIFY2(!line.contains(QLatin1String("[#")) && !line.contains(QLatin1String("[-")),
                 qPrintable(line));
      }
    }
    QVERIFY2(seen, qPrintable(text));
    QVERIFY(text.contains(QLatin1String("10/10")));  // the bar went on after the message
  }

  void usageLineNamesTheCommand() {
    for (const char* command : {"colorize", "analyze", "info", "train"}) {
      const auto r = cf::test::runCli({QLatin1String(command), QStringLiteral("--help")});
      QCOMPARE(r.exit_code, 0);
      const QString first = r.out.section(QLatin1Char('\n'), 0, 0);
      QVERIFY2(
          first.startsWith(QStringLiteral("Usage: chromaflow-cli %1 ").arg(QLatin1String(command))),
          qPrintable(first));
      QVERIFY2(!first.contains(QLatin1Char('/')), qPrintable(first));
    }
  }

  void badOutputIsRefusedBeforeAnyWork_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("extension") << QStringLiteral("out.avi") << QStringList()
                               << QStringLiteral("unsupported extension");
    QTest::newRow("codec in container")
        << QStringLiteral("out.mp4")
        << QStringList{QStringLiteral("--codec"), QStringLiteral("ffv1")}
        << QStringLiteral("cannot be stored in .mp4");
    QTest::newRow("missing folder")
        << QStringLiteral("no/such/out.mp4") << QStringList() << QStringLiteral("does not exist");
    QTest::newRow("missing model")
        << QStringLiteral("out.mp4")
        << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent/m.cfmodel")}
        << QStringLiteral("does not exist");
    QTest::newRow("crf") << QStringLiteral("out.mp4")
                         << QStringList{QStringLiteral("--crf"), QStringLiteral("70")}
                         << QStringLiteral("--crf");
  }

  void badOutputIsRefusedBeforeAnyWork() {
    QFETCH(QString, output);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString cache = dir_.filePath(QStringLiteral("cache_%1").arg(QTest::currentDataTag()));
    QStringList args{QStringLiteral("colorize"),
                     clip_,
                     dir_.filePath(output),
                     QStringLiteral("--model"),
                     model_,
                     QStringLiteral("--device"),
                     QStringLiteral("cpu"),
                     QStringLiteral("--working-height"),
                     QStringLiteral("128"),
                     QStringLiteral("--cache"),
                     cache};
    args << extra;  // a second --model wins over the first
    const auto r = cf::test::runCli(args);
    QVERIFY2(r.exit_code == 1 || r.exit_code == 2, qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("[#")) && !r.err.contains(QLatin1String("scan")),
             qPrintable(r.err));
    // No work was done: the model never loaded, so its cache folder was never made.
    QVERIFY2(!QFileInfo::exists(cache), qPrintable(cache));
    QVERIFY(!QFileInfo::exists(dir_.filePath(output)));
  }

  /// Issue #15: a grade in a project file reaches `colorize --project`.
  void projectGradeReachesTheCliExport() {
    const QString plain = dir_.filePath(QStringLiteral("plain.mkv"));
    const QStringList common{QStringLiteral("--model"),
                             model_,
                             QStringLiteral("--device"),
                             QStringLiteral("cpu"),
                             QStringLiteral("--working-height"),
                             QStringLiteral("128"),
                             QStringLiteral("--codec"),
                             QStringLiteral("ffv1"),
                             QStringLiteral("--no-audio"),
                             QStringLiteral("--cache"),
                             dir_.filePath(QStringLiteral("cache_project"))};
    auto r = cf::test::runCli(QStringList{QStringLiteral("colorize"), clip_, plain} + common);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const QJsonObject grade{{"saturation", 0.0}, {"temperature", 25.0}, {"tint", 0.0}};
    const QJsonObject project{
        {"format", "chromaflow-project"},
        {"version", 2},
        {"source_path", clip_},
        {"settings", QJsonObject{{"lambda", 0.0}}},
        {"shot_overrides", QJsonArray{QJsonObject{{"shot_first_frame", 0}, {"grade", grade}}}}};
    const QString project_file = dir_.filePath(QStringLiteral("graded.chromaflow"));
    QFile f(project_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(project).toJson());
    f.close();
    const QString graded = dir_.filePath(QStringLiteral("graded.mkv"));
    // Only OUT: the project names the video.
    r = cf::test::runCli(
        QStringList{QStringLiteral("colorize"), graded, QStringLiteral("--project"), project_file} +
        common);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const QByteArray a = cf::test::rawFrames(plain, QStringLiteral("rgb24"));
    const QByteArray b = cf::test::rawFrames(graded, QStringLiteral("rgb24"));
    QCOMPARE(a.size(), b.size());
    QVERIFY(!a.isEmpty());
    // Saturation 0 and temperature +25: every pixel turns warm -- red above blue, on average
    // by far more than in the ungraded export.
    const auto warmth = [](const QByteArray& rgb) {
      double sum = 0.0;
      for (qsizetype i = 0; i + 2 < rgb.size(); i += 3)
        sum += double(uint8_t(rgb[i])) - double(uint8_t(rgb[i + 2]));
      return sum / double(rgb.size() / 3);
    };
    QVERIFY2(warmth(b) > warmth(a) + 15.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(warmth(b)).arg(warmth(a))));
    // A grade out of range is refused, naming the shot.
    QJsonObject bad = project;
    bad["shot_overrides"] = QJsonArray{
        QJsonObject{{"shot_first_frame", 0}, {"grade", QJsonObject{{"saturation", 7.0}}}}};
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(bad).toJson());
    f.close();
    r = cf::test::runCli(QStringList{QStringLiteral("colorize"),
                                     dir_.filePath(QStringLiteral("bad.mkv")),
                                     QStringLiteral("--project"), project_file} +
                         common);
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(
        r.err.contains(QLatin1String("frame 0")) && r.err.contains(QLatin1String("saturation")),
        qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCliPolish)
#include "tst_cli_polish.moc"
