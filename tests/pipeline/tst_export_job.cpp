// Export jobs (pipeline::runExportJob, what the GUI's job queue and the CLI run): the preview of a
// frame, requested with its shot's effective λ, is pixel-identical to that frame of an FFV1
// export with the same per-shot overrides; a job cancelled before it starts, while it opens, while
// it scans for cuts or while it exports leaves no file.

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
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
    s.settings.device = pipeline::DeviceChoice::Cpu;
    s.settings.lambda = 2.0;
    s.settings.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    s.request.codec = pipeline::ExportCodec::Ffv1Mkv;
    s.request.keep_audio = false;
    s.request.output_path = dir_.filePath(out).toStdString();
    return s;
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
    pipeline::ShotOverride second{12, 9.0, {}};
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
    for (const auto& [frame, lambda] : {std::pair<int64_t, double>{6, 0.5}, {18, 9.0}}) {
      auto preview = (*session)->preview({frame, lambda}, {});
      QVERIFY2(preview.ok(), preview.ok() ? "" : preview.message().c_str());
      const cv::Mat& rgb = (*preview)->smoothed_rgb8;
      QCOMPARE(rgb.cols, 160);
      QCOMPARE(rgb.rows, 96);
      QVERIFY(rgb.isContinuous());
      const QByteArray shown(reinterpret_cast<const char*>(rgb.data), frame_bytes);
      QVERIFY2(shown == frames.mid(frame * frame_bytes, frame_bytes),
               qPrintable(QStringLiteral("frame %1 differs").arg(frame)));
    }
    // The global λ would have given another picture: the override is what makes them equal.
    auto global = (*session)->preview({18, job.settings.lambda}, {});
    QVERIFY(global.ok());
    QVERIFY(QByteArray(reinterpret_cast<const char*>((*global)->smoothed_rgb8.data), frame_bytes) !=
            frames.mid(18 * frame_bytes, frame_bytes));
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
