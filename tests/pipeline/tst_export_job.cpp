// Export jobs (pipeline::runExportJob, what the GUI's job queue and the CLI run): the preview of a
// frame, requested with its shot's effective λ and written through the export's encoder (FFV1,
// 8-bit 4:2:0, so both pass the same RGB -> YUV conversion), is pixel-identical to that frame of an
// FFV1 export with the same per-shot overrides (λ and grade); a job cancelled before it starts,
// while it opens, while it scans for cuts or while it exports leaves no file.

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "media/VideoWriter.h"
#include "pipeline/ExportJob.h"
#include "pipeline/Session.h"

using namespace cf;

class TestExportJob : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString cut_clip_;
  QString model_;

  pipeline::ExportJobSpec spec(const QString& out) const {
    pipeline::ExportJobSpec s;
    s.input_path = cut_clip_.toStdString();
    s.settings.model_path = model_.toStdString();
    s.settings.working_height_px = 128;
    s.settings.device = cf::DeviceChoice::Cpu;
    s.settings.lambda = 2.0;
    s.settings.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    s.request.codec = cf::VideoCodec::FFV1;
    s.request.keep_audio = false;
    s.request.output_path = dir_.filePath(out).toStdString();
    return s;
  }

  /// `rgb` written as the export writes its frames (FFV1, the source's size), decoded as rgb24.
  QByteArray throughExportEncoder(const cv::Mat& rgb, const QString& name) const {
    media::VideoWriterSettings ws;
    ws.output_path = dir_.filePath(name).toStdString();
    ws.codec = cf::VideoCodec::FFV1;
    ws.width_px = rgb.cols;
    ws.height_px = rgb.rows;
    ws.fps = {25, 1};
    ws.full_range = false;
    auto writer = media::VideoWriter::create(ws);
    if (!writer || !(*writer)->writeRgb(rgb).ok() || !(*writer)->finish().ok())
      return {};
    return test::rawFrames(dir_.filePath(name), QStringLiteral("rgb24"));
  }

  static int maxDiff(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
      return 255;
    int worst = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
      worst = std::max(worst, std::abs(int(uint8_t(a[i])) - int(uint8_t(b[i]))));
    return worst;
  }

  bool leftovers(const QString& stem) const {
    return !QDir(dir_.path())
                .entryList({stem + QLatin1Char('*')}, QDir::Files | QDir::Hidden)
                .isEmpty();
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    // Two scenes of 12 frames: a hard cut at frame 12.
    cut_clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(cut_clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void previewEqualsExportWithShotOverrides() {
    pipeline::ExportJobSpec job = spec(QStringLiteral("overrides.mkv"));
    pipeline::ShotOverride first{0, 0.5, {}};
    pipeline::ShotOverride second{12, 20.0, {}};
    job.overrides = {first, second};
    auto exported = pipeline::runExportJob(job, {}, {});
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
    const QByteArray frames =
        test::rawFrames(QString::fromStdString(job.request.output_path), QStringLiteral("rgb24"));
    const qsizetype frame_bytes = 160 * 96 * 3;
    QCOMPARE(frames.size(), 24 * frame_bytes);

    // The editor's Session: once the cuts are known, each preview request carries the effective
    // λ of its shot (what MainWindow::requestPreview sends).
    auto session = pipeline::Session::open(cut_clip_.toStdString(), job.settings);
    QVERIFY(session.ok());
    (*session)->setShotOverrides(job.overrides);
    QVERIFY((*session)->analyse(0, 23, {}, {}).ok());
    QCOMPARE((*session)->timeline()->cuts, std::vector<int64_t>{12});
    for (const auto& [frame, lambda] : {std::pair<int64_t, double>{6, 0.5}, {18, 20.0}}) {
      auto preview = (*session)->preview({frame, lambda}, {});
      QVERIFY2(preview.ok(), preview.ok() ? "" : preview.message().c_str());
      const cv::Mat& rgb = (*preview)->smoothed_rgb8;
      QCOMPARE(rgb.cols, 160);
      QCOMPARE(rgb.rows, 96);
      QVERIFY(rgb.isContinuous());
      const QByteArray exported_frame = frames.mid(frame * frame_bytes, frame_bytes);
      const QByteArray shown(reinterpret_cast<const char*>(rgb.data), frame_bytes);
      qInfo("frame %lld: preview RGB vs export, before the encoder's 4:2:0: max diff %d",
            static_cast<long long>(frame), maxDiff(shown, exported_frame));
      const QByteArray encoded = throughExportEncoder(rgb, QStringLiteral("p%1.mkv").arg(frame));
      QVERIFY2(encoded == exported_frame, qPrintable(QStringLiteral("frame %1 differs by up to %2")
                                                         .arg(frame)
                                                         .arg(maxDiff(encoded, exported_frame))));
    }
    // Another λ gives another picture: the override is what makes them equal.
    auto other = (*session)->preview({18, 0.0}, {});
    QVERIFY(other.ok());
    QVERIFY(throughExportEncoder((*other)->smoothed_rgb8, QStringLiteral("o18.mkv")) !=
            frames.mid(18 * frame_bytes, frame_bytes));
  }

  /// Issue #15: the preview of a graded shot, through the export's encoder, is pixel-identical to
  /// the export of the job carrying that grade; the grade stops at the cut.
  void gradedShotPreviewEqualsExport() {
    color::Grade grade;
    grade.saturation = 1.8;
    grade.temperature = 12.0;
    grade.tint = -6.0;
    grade.hue_remap = color::HueRemap{0.0, 180.0, 250.0, 30.0};
    pipeline::ExportJobSpec job = spec(QStringLiteral("graded.mkv"));
    job.overrides = {pipeline::ShotOverride{12, {}, {}, grade}};  // the second shot only
    auto exported = pipeline::runExportJob(job, {}, {});
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
    const QByteArray frames =
        test::rawFrames(QString::fromStdString(job.request.output_path), QStringLiteral("rgb24"));
    const qsizetype frame_bytes = 160 * 96 * 3;
    QCOMPARE(frames.size(), 24 * frame_bytes);
    auto session = pipeline::Session::open(cut_clip_.toStdString(), job.settings);
    QVERIFY(session.ok());
    QVERIFY((*session)->analyse(0, 23, {}, {}).ok());
    for (const int64_t frame : {int64_t(4), int64_t(18)}) {
      const color::Grade shot_grade = frame >= 12 ? grade : color::Grade{};
      auto preview = (*session)->preview({frame, job.settings.lambda, shot_grade}, {});
      QVERIFY2(preview.ok(), preview.ok() ? "" : preview.message().c_str());
      QCOMPARE((*preview)->grade, shot_grade);
      const QByteArray encoded =
          throughExportEncoder((*preview)->smoothed_rgb8, QStringLiteral("g%1.mkv").arg(frame));
      const QByteArray written = frames.mid(frame * frame_bytes, frame_bytes);
      QVERIFY2(encoded == written, qPrintable(QStringLiteral("frame %1 differs by up to %2")
                                                  .arg(frame)
                                                  .arg(maxDiff(encoded, written))));
    }
    // The grade shows: the same frame ungraded is another picture.
    auto plain = (*session)->preview({18, job.settings.lambda}, {});
    QVERIFY(plain.ok());
    QVERIFY(maxDiff(throughExportEncoder((*plain)->smoothed_rgb8, QStringLiteral("p18g.mkv")),
                    frames.mid(18 * frame_bytes, frame_bytes)) >= 20);
  }

  void cancelInEveryStageLeavesNoFile() {
    // Before it starts.
    {
      CancelToken cancel;
      cancel.cancel();
      QVERIFY(!pipeline::runExportJob(spec(QStringLiteral("c0.mkv")), cancel, {}).ok());
      QVERIFY(!leftovers(QStringLiteral("c0")));
    }
    // In each stage that reports progress, at its first report.
    for (const char* stage : {"scan", "export"}) {
      pipeline::ExportJobSpec job = spec(QStringLiteral("c_%1.mkv").arg(QLatin1String(stage)));
      job.settings.cache_dir = dir_.filePath(QStringLiteral("cache_%1").arg(stage)).toStdString();
      CancelToken cancel;
      bool seen = false;
      const auto result = pipeline::runExportJob(job, cancel, [&](const ProgressUpdate& u) {
        if (u.stage == stage) {
          seen = true;
          cancel.cancel();
        }
      });
      QVERIFY2(seen, stage);
      QVERIFY2(!result.ok(), stage);
      QVERIFY(!QFileInfo::exists(QString::fromStdString(job.request.output_path)));
      QVERIFY(!leftovers(QStringLiteral("c_%1").arg(QLatin1String(stage))));
    }
  }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_export_job.moc"
