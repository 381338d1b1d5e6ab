// Export features end to end (Session / chromaflow-cli colorize): a frame range keeps its audio,
// per-shot lambda overrides and grades reach the export (the grade as the preview shows it), and a
// GPU that fails mid-run falls back to the CPU with a note and the same frames.

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"
#include "pipeline/Session.h"

using namespace cf;

namespace {

/// Largest difference of two byte buffers of equal size (255 when the sizes differ).
int maxByteDiff(const QByteArray& a, const QByteArray& b) {
  if (a.size() != b.size() || a.isEmpty())
    return 255;
  int worst = 0;
  for (qsizetype i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(int(uint8_t(a[i])) - int(uint8_t(b[i]))));
  return worst;
}

}  // namespace

class TestExportFeatures : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString cut_clip_;
  QString model_;

  pipeline::SessionSettings settings(double lambda) const {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.lambda = lambda;
    s.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    return s;
  }

  /// Exports `input` (FFV1, no audio) with `lambda` and `overrides`; returns the decoded frames.
  QByteArray exportFrames(const QString& name, double lambda,
                          std::vector<pipeline::ShotOverride> overrides) {
    auto session = pipeline::Session::open(cut_clip_.toStdString(), settings(lambda));
    if (!session)
      return {};
    (*session)->setShotOverrides(std::move(overrides));
    pipeline::ExportRequest req;
    req.codec = cf::VideoCodec::FFV1;
    req.keep_audio = false;
    req.output_path = dir_.filePath(name).toStdString();
    if (!(*session)->exportVideo(req, {}, {}).ok())
      return {};
    return test::rawFrames(dir_.filePath(name), QStringLiteral("rgb24"));
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("clip.mp4"));
    test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 192;
    spec.height_px = 112;
    spec.frames = 30;
    spec.audio_codec = QStringLiteral("aac");
    QCOMPARE(test::makeClip(spec), QString());
    // Two different scenes joined: a hard cut at frame 12.
    cut_clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(cut_clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void rangeExportKeepsTheAudio() {
    auto session = pipeline::Session::open(clip_.toStdString(), settings(4.0));
    QVERIFY(session);
    const QString out = dir_.filePath(QStringLiteral("range.mp4"));
    pipeline::ExportRequest req;
    req.output_path = out.toStdString();
    req.first_frame = 8;
    req.last_frame = 21;  // 14 frames: 0.56 s
    const Status s = (*session)->exportVideo(req, {}, {});
    QVERIFY2(s.ok(), s.message().c_str());
    for (const std::string& note : (*session)->lastExportStats().notes)
      QVERIFY2(note.find("audio") == std::string::npos, note.c_str());
    auto reader = media::VideoReader::open(out.toStdString());
    QVERIFY(reader.ok());
    QCOMPARE((*reader)->info().frame_count, int64_t(14));
    QVERIFY((*reader)->info().hasAudio());
    const double packet_s = 1024.0 / 48000.0 + 1e-3;  // one AAC packet
    const auto [first_s, end_s] = test::audioPacketSpan(out);
    const double video_start_s =
        test::streamValue(out, QStringLiteral("v:0"), QStringLiteral("start_time")).toDouble();
    const double audio_start_s =
        test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("start_time")).toDouble();
    QVERIFY2(
        audio_start_s >= video_start_s - 1e-3 && audio_start_s <= video_start_s + packet_s,
        qPrintable(
            QStringLiteral("audio at %1 s, video at %2 s").arg(audio_start_s).arg(video_start_s)));
    QVERIFY2(
        std::abs((end_s - first_s) - 0.56) <= packet_s,
        qPrintable(QStringLiteral("audio lasts %1 s for 0.56 s of video").arg(end_s - first_s)));
  }

  void perShotLambdaReachesTheExport() {
    const qsizetype frame_bytes = 160 * 96 * 3;
    const QByteArray raw = exportFrames(QStringLiteral("lambda0.mkv"), 0.0, {});
    const QByteArray smooth = exportFrames(QStringLiteral("lambda50.mkv"), 50.0, {});
    pipeline::ShotOverride first_shot_raw;
    first_shot_raw.shot_first_frame = 0;
    first_shot_raw.lambda = 0.0;
    const QByteArray mixed = exportFrames(QStringLiteral("mixed.mkv"), 50.0, {first_shot_raw});
    QCOMPARE(raw.size(), 24 * frame_bytes);
    QCOMPARE(smooth.size(), raw.size());
    QCOMPARE(mixed.size(), raw.size());
    const qsizetype cut = 12 * frame_bytes;
    // Lambda matters on both shots (else the test would show nothing)...
    QVERIFY(raw.left(cut) != smooth.left(cut));
    QVERIFY(raw.mid(cut) != smooth.mid(cut));
    // ...and the overridden shot comes out as at lambda 0, the other as at the global 50.
    QVERIFY(mixed.left(cut) == raw.left(cut));
    QVERIFY2(maxByteDiff(mixed.mid(cut), smooth.mid(cut)) <= 2,
             qPrintable(QString::number(maxByteDiff(mixed.mid(cut), smooth.mid(cut)))));
  }

  /// Issue #15: a shot's grade reaches the export, changes its colours and stops at its cut.
  void gradedShotReachesTheExport() {
    const qsizetype frame_bytes = 160 * 96 * 3;
    color::Grade grade;
    grade.saturation = 1.8;
    grade.temperature = 12.0;
    grade.tint = -6.0;
    grade.hue_remap = color::HueRemap{0.0, 180.0, 250.0, 30.0};
    pipeline::ShotOverride graded;
    graded.shot_first_frame = 0;
    graded.grade = grade;
    const QByteArray plain = exportFrames(QStringLiteral("plain.mkv"), 0.0, {});
    const QByteArray out = exportFrames(QStringLiteral("graded.mkv"), 0.0, {graded});
    QCOMPARE(plain.size(), 24 * frame_bytes);
    QCOMPARE(out.size(), plain.size());
    const qsizetype cut = 12 * frame_bytes;
    QVERIFY2(maxByteDiff(out.left(cut), plain.left(cut)) >= 20,
             qPrintable(QString::number(maxByteDiff(out.left(cut), plain.left(cut)))));
    QVERIFY(out.mid(cut) == plain.mid(cut));  // the next shot is not graded
    // That the preview shows these very pixels: tst_export_job (gradedShotPreviewEqualsExport).
  }

  void gpuFailureFallsBackToCpuWithANote() {
    auto run = [&](const QString& out, const QString& cache, const QByteArray& fault) {
      QProcess p;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      if (!fault.isEmpty())
        env.insert(QStringLiteral("CHROMAFLOW_INJECT_DEVICE_FAULT"), QString::fromLatin1(fault));
      p.setProcessEnvironment(env);
      p.start(test::cliPath(),
              {QStringLiteral("colorize"), cut_clip_, dir_.filePath(out), QStringLiteral("--model"),
               model_, QStringLiteral("--working-height"), QStringLiteral("128"),
               QStringLiteral("--codec"), QStringLiteral("ffv1"), QStringLiteral("--cache"),
               dir_.filePath(cache)});
      p.waitForFinished(120000);
      return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    // Fresh caches: the network really runs in both.
    const auto [faulty_rc, faulty_err] =
        run(QStringLiteral("faulty.mkv"), QStringLiteral("cache_faulty"), "after_batches:1");
    QVERIFY2(faulty_rc == 0, qPrintable(faulty_err));
    QVERIFY2(faulty_err.contains(QStringLiteral("note: the GPU failed after ")) &&
                 faulty_err.contains(QStringLiteral("continuing on the CPU")),
             qPrintable(faulty_err));
    const auto [plain_rc, plain_err] =
        run(QStringLiteral("plain.mkv"), QStringLiteral("cache_plain"), {});
    QVERIFY2(plain_rc == 0, qPrintable(plain_err));
    QVERIFY(!plain_err.contains(QStringLiteral("GPU failed")));
    const QByteArray faulty =
        test::rawFrames(dir_.filePath(QStringLiteral("faulty.mkv")), QStringLiteral("rgb24"));
    QVERIFY(!faulty.isEmpty());
    QVERIFY(faulty ==
            test::rawFrames(dir_.filePath(QStringLiteral("plain.mkv")), QStringLiteral("rgb24")));
  }
};

QTEST_GUILESS_MAIN(TestExportFeatures)
#include "tst_export_features.moc"
