// Issue #20, the media part: every source frame in every container, and clear errors up front.
// - An MP4/MOV export of a transport stream whose timestamps start before 0 (-0.318 s after a
//   33-bit wrap), or of a clip whose last frame is 10 h in, hid frames behind its edit list;
// - 16384x16 and 16x16384 ran for minutes and ended in an OpenCV assertion;
// - transport streams joined with cat did all the work, then blamed the output file; they are
//   now refused on open, and --regenerate-timestamps (the editor's offer) uses them through a
//   lossless copy with fresh timestamps;
// - a second video stream was dropped without a note; a resolution change was called damage.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"
#include "pipeline/RetimedSource.h"

using cf::test::CliResult;
using cf::test::runCli;

namespace {

/// Frames a player shows: `ffmpeg -i FILE -f framemd5` applies the edit list, as players do.
int displayedFrames(const QString& path) {
  QProcess p;
  p.start(QStringLiteral("ffmpeg"),
          {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
           QStringLiteral("-i"), path, QStringLiteral("-map"), QStringLiteral("0:v:0"),
           QStringLiteral("-fps_mode"), QStringLiteral("passthrough"), QStringLiteral("-f"),
           QStringLiteral("framemd5"), QStringLiteral("-")});
  if (!p.waitForFinished(60000) || p.exitCode() != 0)
    return -1;
  int frames = 0;
  for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
    if (!line.isEmpty() && !line.startsWith('#'))
      ++frames;
  return frames;
}

}  // namespace

class TestIntegrityMedia : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString model_;

  QString path(const QString& name) const { return dir_.filePath(name); }
  QStringList common() const {
    return {QStringLiteral("--model"),          model_,
            QStringLiteral("--working-height"), QStringLiteral("128"),
            QStringLiteral("--device"),         QStringLiteral("cpu"),
            QStringLiteral("--cache"),          path(QStringLiteral("cache"))};
  }
  /// ffmpeg with a 64x48 testsrc2 at 10 fps as input 0, H.264 without B-frames.
  QString make(const QString& name, int frames, const QStringList& args) {
    return cf::test::runFfmpeg(
        QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=s=64x48:r=10"), QStringLiteral("-frames:v"),
                    QString::number(frames), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                    QStringLiteral("-threads"), QStringLiteral("1"), QStringLiteral("-bf"),
                    QStringLiteral("0"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")} +
        args + QStringList{path(name)});
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = path(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model_), QString());
    // Timestamps that wrap 0.318 s in: FFmpeg reads the first frames with negative pts.
    const double wrap_s = 8589934592.0 / 90000.0;
    QCOMPARE(
        make(QStringLiteral("wrapped.ts"), 12,
             {QStringLiteral("-output_ts_offset"), QString::number(wrap_s - 0.318 - 1.4, 'f', 6),
              QStringLiteral("-f"), QStringLiteral("mpegts")}),
        QString());
    // Three frames, the third 10 hours in.
    QCOMPARE(make(QStringLiteral("far_frame.mkv"), 3,
                  {QStringLiteral("-vf"), QStringLiteral("setpts='if(eq(N,2),36000/TB,N*0.1/TB)'"),
                   QStringLiteral("-fps_mode"), QStringLiteral("vfr")}),
             QString());
  }

  void everySourceFrameIsDisplayedInEveryContainer_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("frames");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("output");
    for (const auto& [input, frames] : {std::pair{QStringLiteral("wrapped.ts"), 12},
                                        std::pair{QStringLiteral("far_frame.mkv"), 3}})
      for (const auto& [codec, ext] : {std::pair{"h264", "mp4"}, std::pair{"h265", "mp4"},
                                       std::pair{"prores", "mov"}, std::pair{"ffv1", "mkv"}})
        QTest::addRow("%s to %s %s", qPrintable(input), codec, ext)
            << input << frames << QString::fromLatin1(codec)
            << input.section(QLatin1Char('.'), 0, 0) + QStringLiteral("_") + codec +
                   QStringLiteral(".") + ext;
  }
  void everySourceFrameIsDisplayedInEveryContainer() {
    QFETCH(QString, input);
    QFETCH(int, frames);
    QFETCH(QString, codec);
    QFETCH(QString, output);
    QCOMPARE(displayedFrames(path(input)), frames);  // the source itself shows them all
    const CliResult r = runCli(QStringList{QStringLiteral("colorize"), path(input), path(output),
                                           QStringLiteral("--codec"), codec} +
                               common());
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QCOMPARE(displayedFrames(path(output)), frames);
  }

  void extremeAspectRatiosAreRefusedUpFront_data() {
    QTest::addColumn<QString>("size");
    QTest::newRow("16384x16") << QStringLiteral("16384x16");
    QTest::newRow("16x16384") << QStringLiteral("16x16384");
  }
  void extremeAspectRatiosAreRefusedUpFront() {
    QFETCH(QString, size);
    const QString file = path(QStringLiteral("aspect_") + size + QStringLiteral(".mkv"));
    QCOMPARE(cf::test::runFfmpeg(
                 {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("color=c=gray:r=10:s=") + size, QStringLiteral("-frames:v"),
                  QStringLiteral("2"), QStringLiteral("-c:v"), QStringLiteral("ffv1"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("gray"), file}),
             QString());
    QElapsedTimer timer;
    timer.start();
    const CliResult r = runCli(
        QStringList{QStringLiteral("colorize"), file, path(QStringLiteral("aspect_out.mkv"))} +
        common());
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(QLatin1String("the aspect ratio must be from")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("OpenCV")), qPrintable(r.err));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
  }

  void joinedTransportStreamsAreNamedOnRead() {
    QVERIFY(make(QStringLiteral("part.ts"), 6, {QStringLiteral("-f"), QStringLiteral("mpegts")})
                .isEmpty());
    QFile part(path(QStringLiteral("part.ts")));
    QVERIFY(part.open(QIODevice::ReadOnly));
    const QByteArray bytes = part.readAll();
    QFile joined(path(QStringLiteral("joined.ts")));  // `cat part.ts part.ts > joined.ts`
    QVERIFY(joined.open(QIODevice::WriteOnly));
    QVERIFY(joined.write(bytes + bytes) == 2 * bytes.size());
    joined.close();
    for (const QStringList& args : {QStringList{QStringLiteral("info"), joined.fileName()},
                                    QStringList{QStringLiteral("colorize"), joined.fileName(),
                                                path(QStringLiteral("joined.mp4"))} +
                                        common()}) {
      const CliResult r = runCli(args);
      QCOMPARE(r.exit_code, 1);
      QVERIFY2(r.err.contains(QLatin1String("timestamps jump back")), qPrintable(r.err));
      QVERIFY2(r.err.contains(joined.fileName()), qPrintable(r.err));
    }
  }

  /// Two transport streams of different pictures (dark, then bright; with B-frames) joined with
  /// cat: --regenerate-timestamps keeps every frame in its stored order at a constant rate, reuses
  /// its copy, and never touches the input; a cancelled copy leaves nothing behind.
  void joinedTransportStreamsGetFreshTimestamps() {
    QByteArray bytes;
    for (const QString& colour : {QStringLiteral("0x202020"), QStringLiteral("0xe0e0e0")}) {
      const QString part = path(QStringLiteral("part_") + colour + QStringLiteral(".ts"));
      QCOMPARE(
          cf::test::runFfmpeg(
              {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
               QStringLiteral("color=c=") + colour + QStringLiteral(":s=64x48:r=10"),
               QStringLiteral("-frames:v"), QStringLiteral("6"), QStringLiteral("-c:v"),
               QStringLiteral("libx264"), QStringLiteral("-threads"), QStringLiteral("1"),
               QStringLiteral("-bf"), QStringLiteral("2"), QStringLiteral("-pix_fmt"),
               QStringLiteral("yuv420p"), QStringLiteral("-f"), QStringLiteral("mpegts"), part}),
          QString());
      QFile f(part);
      QVERIFY(f.open(QIODevice::ReadOnly));
      bytes += f.readAll();
    }
    const QString joined = path(QStringLiteral("joined_two.ts"));
    {
      QFile f(joined);
      QVERIFY(f.open(QIODevice::WriteOnly));
      QCOMPARE(f.write(bytes), bytes.size());
    }
    QCOMPARE(cf::pipeline::timestampJumps(joined.toStdString()), int64_t{1});

    const QString out = path(QStringLiteral("joined_two.mkv"));
    CliResult r =
        runCli(QStringList{QStringLiteral("colorize"), joined, out, QStringLiteral("--codec"),
                           QStringLiteral("ffv1"), QStringLiteral("--regenerate-timestamps")} +
               common());
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("fresh timestamps")), qPrintable(r.err));
    QCOMPARE(displayedFrames(out), 12);
    auto reader = cf::media::VideoReader::open(out.toStdString());
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QCOMPARE((*reader)->info().frame_count, int64_t{12});
    for (int i = 0; i < 12; ++i) {
      auto frame = (*reader)->next();
      QVERIFY(frame.ok() && frame.value());
      const double luma = cv::mean((*frame)->y)[0];
      QVERIFY2(i < 6 ? luma < 80 : luma > 170,
               qPrintable(QStringLiteral("frame %1: Y %2").arg(i).arg(luma)));
      QVERIFY(qAbs((*frame)->time_s - i * 0.1) < 1e-6);
    }
    QFile in(joined);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), bytes);  // the input is only read

    // A second command reuses the copy.
    r = runCli(
        QStringList{QStringLiteral("analyze"), joined, QStringLiteral("--regenerate-timestamps")} +
        common());
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("using the copy")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("gave")), qPrintable(r.err));

    // Cancelled: an error, and no copy or folder is left.
    cf::pipeline::SessionSettings settings;
    settings.cache_dir = path(QStringLiteral("cache_cancel")).toStdString();
    cf::CancelToken cancel;
    cancel.cancel();
    auto copy = cf::pipeline::makeRetimedCopy(joined.toStdString(), settings, {}, cancel);
    QVERIFY(!copy.ok());
    QVERIFY(QDir(path(QStringLiteral("cache_cancel")))
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                .isEmpty());
  }

  void secondVideoStreamIsNoted() {
    const QString file = path(QStringLiteral("two_video.mkv"));
    QCOMPARE(
        cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("testsrc2=s=64x48:r=10"), QStringLiteral("-f"),
                             QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("mandelbrot=s=32x24:r=10"), QStringLiteral("-map"),
                             QStringLiteral("0:v"), QStringLiteral("-map"), QStringLiteral("1:v"),
                             QStringLiteral("-frames:v"), QStringLiteral("6"),
                             QStringLiteral("-c:v"), QStringLiteral("ffv1"), file}),
        QString());
    const CliResult r = runCli(
        QStringList{QStringLiteral("colorize"), file, path(QStringLiteral("two_video_out.mkv"))} +
        common());
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("note: '")) &&
                 r.err.contains(QLatin1String("has 2 video streams")),
             qPrintable(r.err));
  }

  void resolutionChangeIsNotCalledDamage() {
    // Two transport streams of different sizes, the second continuing the first's clock.
    QVERIFY(make(QStringLiteral("big.ts"), 6, {QStringLiteral("-f"), QStringLiteral("mpegts")})
                .isEmpty());
    QCOMPARE(
        cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("testsrc2=s=32x24:r=10"), QStringLiteral("-frames:v"),
                             QStringLiteral("6"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                             QStringLiteral("-bf"), QStringLiteral("0"), QStringLiteral("-pix_fmt"),
                             QStringLiteral("yuv420p"), QStringLiteral("-output_ts_offset"),
                             QStringLiteral("0.6"), QStringLiteral("-f"), QStringLiteral("mpegts"),
                             path(QStringLiteral("small.ts"))}),
        QString());
    QByteArray bytes;
    for (const QString& name : {QStringLiteral("big.ts"), QStringLiteral("small.ts")}) {
      QFile f(path(name));
      QVERIFY(f.open(QIODevice::ReadOnly));
      bytes += f.readAll();
    }
    const QString file = path(QStringLiteral("size_change.ts"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.write(bytes) == bytes.size());
    out.close();
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--check"), file});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("Damaged:     none")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("the resolution changes mid-stream")), qPrintable(r.out));
  }
};

QTEST_GUILESS_MAIN(TestIntegrityMedia)
#include "tst_integrity_media.moc"
