// Tests of `chromaflow-cli info` and `chromaflow-cli grey`, run as a user would (QProcess).

#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "MediaCompare.h"
#include "common/TestMedia.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"

using cf::media::VideoReader;
using cf::test::CliResult;
using cf::test::runCli;

namespace {

QByteArray md5(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly)
             ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Md5)
             : QByteArray();
}

}  // namespace

class TestMediaCli : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString colour_;  // 96x64 H.264 + AAC, 30 frames

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    cf::test::ClipSpec spec;
    spec.path = colour_ = dir_.filePath(QStringLiteral("colour.mp4"));
    spec.width_px = 96;
    spec.height_px = 64;
    spec.frames = 30;
    spec.source = QStringLiteral("mandelbrot");
    spec.audio_codec = QStringLiteral("aac");
    QCOMPARE(cf::test::makeClip(spec), QString());
  }

  void infoPrintsTextAndJson() {
    const CliResult text = runCli({QStringLiteral("info"), colour_});
    QCOMPARE(text.exit_code, 0);
    QVERIFY2(text.out.contains(QStringLiteral("96x64 px")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("Frames:      30")));
    QVERIFY(text.out.contains(QStringLiteral("aac")));

    const CliResult json = runCli({QStringLiteral("info"), QStringLiteral("--json"), colour_});
    QCOMPARE(json.exit_code, 0);
    QJsonParseError error;
    const QJsonObject info = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(info.value(QStringLiteral("frame_count")).toInt(), 30);
    QCOMPARE(info.value(QStringLiteral("width_px")).toInt(), 96);
    QCOMPARE(info.value(QStringLiteral("fps")).toObject().value(QStringLiteral("num")).toInt(), 25);
    QVERIFY(qAbs(info.value(QStringLiteral("duration_s")).toDouble() - 1.2) < 1e-6);
    QCOMPARE(info.value(QStringLiteral("has_audio")).toBool(), true);
  }

  void infoOnBadInputFailsWithOneLine() {
    const QString text = dir_.filePath(QStringLiteral("notes.mp4"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hello");
    f.close();
    for (const QString& path : {text, dir_.filePath(QStringLiteral("missing.mkv"))}) {
      const CliResult result = runCli({QStringLiteral("info"), path});
      QCOMPARE(result.exit_code, 1);
      QVERIFY2(result.err.startsWith(QStringLiteral("chromaflow-cli info: ")),
               qPrintable(result.err));
      QVERIFY(result.err.contains(path));
      QCOMPARE(result.err.count(QLatin1Char('\n')), 1);  // one line, no FFmpeg log noise
    }
  }

  void greyKeepsLumaFramesDurationAndAudio_data() {
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("file");
    QTest::newRow("h264 mp4") << "h264"
                              << "grey.mp4";
    QTest::newRow("ffv1 mkv") << "ffv1"
                              << "grey.mkv";
    QTest::newRow("prores mov") << "prores"
                                << "grey.mov";
  }
  void greyKeepsLumaFramesDurationAndAudio() {
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const QString out = dir_.filePath(file);
    const CliResult result =
        runCli({QStringLiteral("grey"), colour_, out, QStringLiteral("--codec"), codec});
    QVERIFY2(result.exit_code == 0, qPrintable(result.err));
    auto source = VideoReader::open(colour_.toStdString());
    auto grey = VideoReader::open(out.toStdString());
    QVERIFY(source.ok());
    QVERIFY2(grey.ok(), grey.ok() ? "" : grey.message().c_str());
    const auto& si = source.value()->info();
    const auto& gi = grey.value()->info();
    QCOMPARE(gi.frame_count, si.frame_count);
    QVERIFY(qAbs(gi.duration_s - si.duration_s) < 1e-3);
    QCOMPARE(gi.fps, si.fps);
    QVERIFY(gi.hasAudio());
    QCOMPARE(cf::test::packetCount(out, QStringLiteral("a:0")),
             cf::test::packetCount(colour_, QStringLiteral("a:0")));
    for (int64_t i = 0; i < si.frame_count; ++i) {
      auto a = source.value()->next();
      auto b = grey.value()->next();
      QVERIFY(a.ok() && a.value() && b.ok() && b.value());
      cv::Mat y = b.value()->y;
      cv::Mat u = b.value()->u;
      cv::Mat v = b.value()->v;
      if (b.value()->bit_depth > 8) {  // ProRes is 10-bit
        y.convertTo(y, CV_8U, 0.25);
        u.convertTo(u, CV_8U, 0.25);
        v.convertTo(v, CV_8U, 0.25);
      }
      const cv::Mat neutral(u.size(), CV_8UC1, cv::Scalar(128));
      QVERIFY(cv::norm(u, neutral, cv::NORM_INF) <= 1 && cv::norm(v, neutral, cv::NORM_INF) <= 1);
      if (codec == QLatin1String("ffv1"))
        QCOMPARE(cv::norm(y, a.value()->y, cv::NORM_INF), 0.0);  // lossless: luma exact
      else
        QVERIFY(cf::test::psnr(y, a.value()->y, 255) > 38.0);
    }
  }

  void greyRefusesBadOutputs() {
    const QByteArray before = md5(colour_);
    CliResult result = runCli({QStringLiteral("grey"), colour_, colour_});
    QCOMPARE(result.exit_code, 1);
    QVERIFY2(result.err.contains(QStringLiteral("it is the input file")), qPrintable(result.err));
    QCOMPARE(md5(colour_), before);

    const QString unwritable =
        geteuid() == 0 ? QStringLiteral("/sys/grey.mp4") : QStringLiteral("/proc/grey.mp4");
    result = runCli({QStringLiteral("grey"), colour_, unwritable});
    QCOMPARE(result.exit_code, 1);
    QVERIFY2(result.err.startsWith(QStringLiteral("chromaflow-cli grey: cannot write")),
             qPrintable(result.err));
    QVERIFY(!QFile::exists(unwritable));

    result = runCli({QStringLiteral("grey"), colour_, dir_.filePath(QStringLiteral("x.mp4")),
                     QStringLiteral("--codec"), QStringLiteral("vp9")});
    QCOMPARE(result.exit_code, 2);
    QVERIFY(result.err.contains(QStringLiteral("unknown codec")));

    const QString audio_only = dir_.filePath(QStringLiteral("tone.m4a"));
    QCOMPARE(cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"),
                                  QStringLiteral("-i"), QStringLiteral("sine=d=0.3"), audio_only}),
             QString());
    const QString out = dir_.filePath(QStringLiteral("tone_grey.mp4"));
    result = runCli({QStringLiteral("grey"), audio_only, out});
    QCOMPARE(result.exit_code, 1);
    QVERIFY(result.err.contains(QStringLiteral("audio-only")));
    QVERIFY(!QFile::exists(out));
  }
};

QTEST_GUILESS_MAIN(TestMediaCli)
#include "tst_mediacli.moc"
