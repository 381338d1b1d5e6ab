// Damaged and truncated files (issue #16, feature 4), on the generated bad-input corpus
// (tests/data/make_bad_inputs.sh): a truncated MP4 is refused with a way out (its readable part),
// opens with InputOptions::readable_part, and the CLI exports it with --readable-part and a note;
// a file that decodes with damage reports the count and the first damaged frame once the first
// full decode (the cut scan) has run.

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

extern "C" {
#include <libavutil/log.h>
}

#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"
#include "pipeline/Session.h"

using namespace cf;

class TestDamagedFiles : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString corpus_;

  QString input(const char* name) const { return corpus_ + QLatin1Char('/') + name; }

 private Q_SLOTS:
  void initTestCase() {
    av_log_set_level(AV_LOG_FATAL);
    QVERIFY(dir_.isValid());
    corpus_ = dir_.filePath(QStringLiteral("corpus"));
    QProcess make;
    make.start(QStringLiteral("bash"), {QStringLiteral(CF_MAKE_BAD_INPUTS), corpus_});
    QVERIFY(make.waitForFinished(60000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
  }

  void truncatedFileOffersItsReadablePart() {
    const std::string path = input("truncated.mp4").toStdString();
    auto refused = media::VideoReader::open(path);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.message().find("truncated") != std::string::npos, refused.message().c_str());
    QVERIFY2(refused.message().find("--readable-part") != std::string::npos,
             refused.message().c_str());
    const auto cut = media::VideoReader::truncation(path);
    QVERIFY(cut.has_value());
    QCOMPARE(cut->listed_frames, int64_t(12));
    QVERIFY(cut->readable_frames > 0 && cut->readable_frames < 12);
    QVERIFY(refused.message().find(std::to_string(cut->readable_frames) +
                                   " frame(s) can be read") != std::string::npos);

    media::InputOptions readable;
    readable.readable_part = true;
    auto reader = media::VideoReader::open(path, readable);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QVERIFY((*reader)->info().truncated);
    QCOMPARE((*reader)->info().frame_count, cut->readable_frames);
    int64_t decoded = 0;
    for (;;) {
      auto f = (*reader)->next();
      QVERIFY2(f.ok(), f.ok() ? "" : f.message().c_str());
      if (!*f)
        break;
      ++decoded;
    }
    QCOMPARE(decoded, cut->readable_frames);
    // A complete file is not "truncated".
    QVERIFY(!media::VideoReader::truncation(input("corrupt_middle.mkv").toStdString()));
  }

  void sessionOpensTheReadablePart() {
    pipeline::SessionSettings s;
    s.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    const std::string path = input("truncated.mp4").toStdString();
    QVERIFY(!pipeline::Session::open(path, s).ok());
    s.input.readable_part = true;
    auto session = pipeline::Session::open(path, s);
    QVERIFY2(session.ok(), session.ok() ? "" : session.message().c_str());
    QVERIFY((*session)->info().truncated);
    QCOMPARE((*session)->info().listed_frames, int64_t(12));
    // The cut scan opens the file again, with the same option (a λ change keeps it).
    pipeline::SessionSettings changed = s;
    changed.input.readable_part = false;
    changed.lambda = 1.0;
    QVERIFY((*session)->updateSettings(changed).ok());
    QVERIFY((*session)->sceneCutFrames({}, {}).ok());
  }

  void damageIsCountedWithItsFirstFrame() {
    const std::string path = input("corrupt_middle.mkv").toStdString();
    pipeline::SessionSettings s;
    s.cache_dir = dir_.filePath(QStringLiteral("cache2")).toStdString();
    auto session = pipeline::Session::open(path, s);
    QVERIFY(session.ok());
    QCOMPARE((*session)->info().damaged_frames, int64_t(-1));  // not decoded yet
    QVERIFY((*session)->sceneCutFrames({}, {}).ok());
    // What a full decode finds.
    auto reader = media::VideoReader::open(path);
    QVERIFY(reader.ok());
    while (true) {
      auto f = (*reader)->next();
      QVERIFY(f.ok());
      if (!*f)
        break;
    }
    const std::vector<int64_t> damaged = (*reader)->damagedFrames();
    QVERIFY(!damaged.empty());
    QCOMPARE((*session)->info().damaged_frames, int64_t(damaged.size()));
    QCOMPARE((*session)->info().first_damaged_frame, damaged.front());
    // A second session reads it from the cut scan's cache file.
    auto again = pipeline::Session::open(path, s);
    QVERIFY((*again)->sceneCutFrames({}, {}).ok());
    QCOMPARE((*again)->info().first_damaged_frame, damaged.front());
  }

  void cliExportsTheReadablePartWithANote() {
    const QString model = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model), QString());
    const QString out = dir_.filePath(QStringLiteral("part.mkv"));
    const QStringList common{
        QStringLiteral("--model"),          model,
        QStringLiteral("--device"),         QStringLiteral("cpu"),
        QStringLiteral("--working-height"), QStringLiteral("128"),
        QStringLiteral("--cache"),          dir_.filePath(QStringLiteral("cli-cache"))};
    const auto refused =
        test::runCli(QStringList{QStringLiteral("colorize"), input("truncated.mp4"), out} + common);
    QCOMPARE(refused.exit_code, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("--readable-part")), qPrintable(refused.err));
    const auto r = test::runCli(QStringList{QStringLiteral("colorize"), input("truncated.mp4"), out,
                                            QStringLiteral("--readable-part")} +
                                common);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(
        r.err.contains(QStringLiteral("note: ")) && r.err.contains(QStringLiteral("truncated")),
        qPrintable(r.err));
    auto written = media::VideoReader::open(out.toStdString());
    QVERIFY(written.ok());
    QCOMPARE(written.value()->info().frame_count,
             media::VideoReader::truncation(input("truncated.mp4").toStdString())->readable_frames);
  }
};

QTEST_GUILESS_MAIN(TestDamagedFiles)
#include "tst_damaged_files.moc"
