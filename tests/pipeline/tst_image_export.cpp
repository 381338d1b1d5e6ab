// Archive formats end to end through chromaflow-cli: a 16-bit grey ramp sequence colourised to a
// 16-bit TIFF sequence keeps its L to 16-bit precision; sequence -> ProRes; video -> sequence with
// the audio in a sidecar WAV; a sequence export killed with SIGKILL resumes, keeping the frames it
// had written; a photo, and a batch folder with one corrupt photo; `info` on sequences, gaps and
// interlaced video.

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"

using namespace cf;

namespace {

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesIn(const QString& dir, const QString& glob) {
  return QDir(dir).entryList({glob}, QDir::Files | QDir::Hidden, QDir::Name);
}

}  // namespace

class TestImageExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString model_;
  QString ramp_;  // 16-bit grey ramp PNG sequence, numbers 7..9

  QStringList colorizeArgs(const QString& in, const QString& out,
                           const QString& cache = QStringLiteral("cache")) const {
    return {QStringLiteral("colorize"),
            in,
            out,
            QStringLiteral("--model"),
            model_,
            QStringLiteral("--working-height"),
            QStringLiteral("128"),
            QStringLiteral("--device"),
            QStringLiteral("cpu"),
            QStringLiteral("--cache"),
            dir_.filePath(cache)};
  }
  QString sub(const QString& name) {
    QDir(dir_.path()).mkpath(name);
    return dir_.filePath(name);
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
    ramp_ = sub(QStringLiteral("ramp")) + QStringLiteral("/ramp_%04d.png");
    // 256x128, every 16-bit value a different grey: 0..65535 along the rows.
    QCOMPARE(test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("nullsrc=s=256x128:r=24,format=gray16le,"
                                             "geq=lum='min(65535\\,Y*512+X*2+N)'"),
                              QStringLiteral("-frames:v"), QStringLiteral("3"),
                              QStringLiteral("-pix_fmt"), QStringLiteral("gray16be"),
                              QStringLiteral("-start_number"), QStringLiteral("7"), ramp_}),
             QString());
  }

  void greyRamp16KeepsItsLThrough16BitTiff() {
    const QString out = sub(QStringLiteral("tif")) + QStringLiteral("/c_%04d.tif");
    const test::CliResult r =
        test::runCli(colorizeArgs(ramp_, out) << QStringLiteral("--lambda") << QStringLiteral("0"));
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    // Numbered like the source (7..9), 16 bits a channel.
    QCOMPARE(filesIn(QFileInfo(out).path(), QStringLiteral("*")),
             (QStringList{QStringLiteral("c_0007.tif"), QStringLiteral("c_0008.tif"),
                          QStringLiteral("c_0009.tif")}));
    for (int n = 7; n <= 9; ++n) {
      const QString name =
          QStringLiteral("%1_%2.png").arg(QStringLiteral("ramp")).arg(n, 4, 10, QChar('0'));
      const cv::Mat grey = cv::imread(
          (QFileInfo(ramp_).path() + QLatin1Char('/') + name).toStdString(), cv::IMREAD_UNCHANGED);
      cv::Mat bgr = cv::imread(QFileInfo(out).path().toStdString() + "/c_" +
                                   QString::number(n).rightJustified(4, '0').toStdString() + ".tif",
                               cv::IMREAD_UNCHANGED);
      QCOMPARE(grey.type(), CV_16UC1);
      QCOMPARE(bgr.type(), CV_16UC3);
      cv::Mat rgb, rgbf;
      cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
      rgb.convertTo(rgbf, CV_32F, 1.0 / 65535.0);
      cv::Mat l_out, ab_out;
      color::splitLab(color::rgbToLab(rgbf), &l_out, &ab_out);
      const cv::Mat l_in = color::lumaToL(grey, 16, true);
      // Compare where the colour is inside the gamut (no channel clipped at 0 or 65535).
      double worst = 0.0;
      int compared = 0;
      for (int y = 0; y < rgb.rows; ++y)
        for (int x = 0; x < rgb.cols; ++x) {
          const cv::Vec3w& p = rgb.at<cv::Vec3w>(y, x);
          if (std::min({p[0], p[1], p[2]}) == 0 || std::max({p[0], p[1], p[2]}) == 65535)
            continue;
          ++compared;
          worst = std::max(worst, double(std::abs(l_out.at<float>(y, x) - l_in.at<float>(y, x))));
        }
      QVERIFY2(compared > int(rgb.total() / 2), qPrintable(QString::number(compared)));
      // One 16-bit step of grey is ~0.0015..0.006 L; one 8-bit step ~0.4 L.
      QVERIFY2(worst < 0.01, qPrintable(QStringLiteral("L differs by %1").arg(worst)));
      // The colour is really there (not a grey copy).
      QVERIFY(cv::norm(ab_out, cv::NORM_L1) / double(rgb.total()) > 0.5);
    }
  }

  void sequenceToProRes() {
    const QString out = dir_.filePath(QStringLiteral("ramp.mov"));
    const test::CliResult r = test::runCli(colorizeArgs(ramp_, out)
                                           << QStringLiteral("--codec") << QStringLiteral("prores")
                                           << QStringLiteral("--fps") << QStringLiteral("25"));
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QCOMPARE(test::streamValue(out, QStringLiteral("v:0"), QStringLiteral("pix_fmt")),
             QStringLiteral("yuv422p10le"));
    QCOMPARE(test::streamValue(out, QStringLiteral("v:0"), QStringLiteral("r_frame_rate")),
             QStringLiteral("25/1"));
    QCOMPARE(test::packetCount(out, QStringLiteral("v:0")), 3);
  }

  void videoToSequenceWithSidecarAudio() {
    const QString clip = dir_.filePath(QStringLiteral("clip.mp4"));
    test::ClipSpec spec;
    spec.path = clip;
    spec.width_px = 128;
    spec.height_px = 64;
    spec.frames = 12;
    spec.audio_codec = QStringLiteral("aac");
    QCOMPARE(test::makeClip(spec), QString());
    const QString folder = sub(QStringLiteral("fromvideo"));
    const test::CliResult r =
        test::runCli(colorizeArgs(clip, folder + QStringLiteral("/f_%06d.png"))
                     << QStringLiteral("--start-number") << QStringLiteral("100"));
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const QStringList frames = filesIn(folder, QStringLiteral("f_*.png"));
    QCOMPARE(frames.size(), 12);
    QCOMPARE(frames.front(), QStringLiteral("f_000100.png"));
    QCOMPARE(frames.back(), QStringLiteral("f_000111.png"));
    const QString wav = folder + QStringLiteral("/f.wav");
    QVERIFY2(QFileInfo::exists(wav), qPrintable(r.err));
    QVERIFY(test::streamValue(wav, QStringLiteral("a:0"), QStringLiteral("codec_name"))
                .startsWith(QStringLiteral("pcm_")));
    QVERIFY(r.err.contains(QStringLiteral("sidecar")) || r.err.contains(QStringLiteral("f.wav")));
  }

  void killedSequenceExportResumes() {
    const QString clip = dir_.filePath(QStringLiteral("long.mkv"));
    test::ClipSpec spec;
    spec.path = clip;
    spec.width_px = 176;
    spec.height_px = 96;
    spec.frames = 60;
    spec.video_args = {QStringLiteral("-c:v"), QStringLiteral("ffv1")};
    QCOMPARE(test::makeClip(spec), QString());
    const QString reference = sub(QStringLiteral("ref"));
    const test::CliResult ref =
        test::runCli(colorizeArgs(clip, reference + QStringLiteral("/k_%04d.png")));
    QVERIFY2(ref.exit_code == 0, qPrintable(ref.err));

    const QString folder = sub(QStringLiteral("killed"));
    const QString pattern = folder + QStringLiteral("/k_%04d.png");
    QProcess run;
    run.start(test::cliPath(), colorizeArgs(clip, pattern, QStringLiteral("cache-killed")));
    QVERIFY(run.waitForStarted());
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000 && run.state() == QProcess::Running &&
           filesIn(folder, QStringLiteral("k_*.png")).size() < 10)
      QThread::msleep(2);
    QVERIFY2(run.state() == QProcess::Running, "the export finished before it could be killed");
    run.kill();
    QVERIFY(run.waitForFinished(10000));
    const QStringList written = filesIn(folder, QStringLiteral("k_*.png"));
    QVERIFY(written.size() >= 10 && written.size() < 60);
    // Every frame under a final name is complete.
    for (const QString& name : written)
      QCOMPARE(fileBytes(folder + QLatin1Char('/') + name),
               fileBytes(reference + QLatin1Char('/') + name));

    const test::CliResult resumed =
        test::runCli(colorizeArgs(clip, pattern, QStringLiteral("cache-killed")));
    QVERIFY2(resumed.exit_code == 0, qPrintable(resumed.err));
    QVERIFY2(resumed.err.contains(QStringLiteral("checked and kept")), qPrintable(resumed.err));
    const QStringList all = filesIn(folder, QStringLiteral("*"));
    QCOMPARE(all, filesIn(reference, QStringLiteral("*")));  // no temporary file left
    QCOMPARE(all.size(), 60);
    for (const QString& name : all)
      QVERIFY2(fileBytes(folder + QLatin1Char('/') + name) ==
                   fileBytes(reference + QLatin1Char('/') + name),
               qPrintable(name));
  }

  void photoAndBatchWithACorruptPhoto() {
    const QString photos = sub(QStringLiteral("photos"));
    cv::Mat img(48, 64, CV_8UC3);
    cv::randu(img, 0, 256);
    cv::GaussianBlur(img, img, cv::Size(9, 9), 3);
    QVERIFY(cv::imwrite((photos + QStringLiteral("/a.jpg")).toStdString(), img));
    QVERIFY(cv::imwrite((photos + QStringLiteral("/b.png")).toStdString(), img));
    QFile bad(photos + QStringLiteral("/c.jpg"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray(3000, '\x5a'));
    bad.close();

    const QString single = dir_.filePath(QStringLiteral("single.png"));
    const test::CliResult one =
        test::runCli(colorizeArgs(photos + QStringLiteral("/a.jpg"), single));
    QVERIFY2(one.exit_code == 0, qPrintable(one.err));
    const cv::Mat written = cv::imread(single.toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(written.cols, 64);
    QCOMPARE(written.rows, 48);

    const QString out = dir_.filePath(QStringLiteral("batch-out"));
    const test::CliResult batch =
        test::runCli(colorizeArgs(photos, out) << QStringLiteral("--stills"));
    QCOMPARE(batch.exit_code, 1);
    QVERIFY2(batch.out.contains(QStringLiteral("colourised 2 of 3")), qPrintable(batch.out));
    QVERIFY2(batch.out.contains(QStringLiteral("c.jpg")), qPrintable(batch.out));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/a.jpg")));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/b.png")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/c.jpg")));

    // Hints have no frame to name in a batch: refused before any work, saying what to do instead.
    QFile hints(dir_.filePath(QStringLiteral("hints.json")));
    QVERIFY(hints.open(QIODevice::WriteOnly));
    hints.write("{\"hints\": [{\"frame\": 0, \"x\": 0.5, \"y\": 0.5, \"color\": \"#d02030\"}]}");
    hints.close();
    const QString refused_out = dir_.filePath(QStringLiteral("batch-hinted"));
    const test::CliResult refused = test::runCli(colorizeArgs(photos, refused_out)
                                                 << QStringLiteral("--stills")
                                                 << QStringLiteral("--hints") << hints.fileName());
    QCOMPARE(refused.exit_code, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("colorize PHOTO OUT.png --hints")),
             qPrintable(refused.err));
    QVERIFY(!QFileInfo::exists(refused_out));
    // ...and the photo on its own takes them.
    const QString hinted = dir_.filePath(QStringLiteral("single-hinted.png"));
    const test::CliResult alone =
        test::runCli(colorizeArgs(photos + QStringLiteral("/a.jpg"), hinted)
                     << QStringLiteral("--hints") << hints.fileName());
    QVERIFY2(alone.exit_code == 0, qPrintable(alone.err));
    QVERIFY(QFileInfo::exists(hinted));
  }

  void timecodeSurvives() {
    const QString clip = dir_.filePath(QStringLiteral("tc.mov"));
    test::ClipSpec spec;
    spec.path = clip;
    spec.width_px = 64;
    spec.height_px = 48;
    spec.frames = 6;
    spec.fps = QStringLiteral("24");
    spec.extra_args = {QStringLiteral("-timecode"), QStringLiteral("10:00:00:05")};
    QCOMPARE(test::makeClip(spec), QString());
    const test::CliResult whole =
        test::runCli(colorizeArgs(clip, dir_.filePath(QStringLiteral("tc-out.mov")))
                     << QStringLiteral("--codec") << QStringLiteral("prores"));
    QVERIFY2(whole.exit_code == 0, qPrintable(whole.err));
    QCOMPARE(test::streamValue(dir_.filePath(QStringLiteral("tc-out.mov")), QStringLiteral("v:0"),
                               QStringLiteral("stream_tags=timecode")),
             QStringLiteral("10:00:00:05"));
    // A range starting at frame 2 starts two frames later.
    const QString part = dir_.filePath(QStringLiteral("tc-part.mov"));
    const test::CliResult ranged = test::runCli(
        colorizeArgs(clip, part) << QStringLiteral("--codec") << QStringLiteral("prores")
                                 << QStringLiteral("--first") << QStringLiteral("2"));
    QVERIFY2(ranged.exit_code == 0, qPrintable(ranged.err));
    QCOMPARE(test::streamValue(part, QStringLiteral("v:0"), QStringLiteral("stream_tags=timecode")),
             QStringLiteral("10:00:00:07"));
  }

  void infoOnSequencesGapsAndInterlacedVideo() {
    test::CliResult r = test::runCli({QStringLiteral("info"), ramp_});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Frames:      3")));
    QVERIFY(r.out.contains(QStringLiteral("numbers 7..9")));
    r = test::runCli(
        {QStringLiteral("info"), QFileInfo(ramp_).path() + QStringLiteral("/ramp_0007.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("16-bit")));

    const QString gap = sub(QStringLiteral("gapped"));
    for (int n : {1, 2, 5})
      QVERIFY(QFile::copy(QFileInfo(ramp_).path() + QStringLiteral("/ramp_0007.png"),
                          gap + QStringLiteral("/g_%1.png").arg(n, 2, 10, QChar('0'))));
    r = test::runCli({QStringLiteral("info"), gap});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("3, 4")), qPrintable(r.err));

    const QString interlaced = dir_.filePath(QStringLiteral("tff.mkv"));
    test::ClipSpec spec;
    spec.path = interlaced;
    spec.frames = 4;
    spec.video_args = {QStringLiteral("-c:v"),   QStringLiteral("libx264"),
                       QStringLiteral("-flags"), QStringLiteral("+ilme+ildct"),
                       QStringLiteral("-top"),   QStringLiteral("1")};
    QCOMPARE(test::makeClip(spec), QString());
    r = test::runCli({QStringLiteral("info"), interlaced});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Interlaced:  yes, top field first")),
             qPrintable(r.out));
  }
};

QTEST_GUILESS_MAIN(TestImageExport)
#include "tst_image_export.moc"
