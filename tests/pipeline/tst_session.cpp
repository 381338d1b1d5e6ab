// The whole pipeline through Session and chromaflow-cli colorize, on a generated clip with audio
// and a small random-weights model: preview, lambda, analysis, export, cache reuse, cancel.

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>
#include <set>
#include "analysis/ReportIO.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "pipeline/Session.h"

using namespace cf;

class TestSession : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString cut_clip_;
  QString model_;

  pipeline::SessionSettings settings() const {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    return s;
  }

  std::unique_ptr<pipeline::Session> open(const QString& path) {
    auto s = pipeline::Session::open(path.toStdString(), settings());
    if (!s)
      qWarning("%s", s.message().c_str());
    return s ? std::move(*s) : nullptr;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("clip.mp4"));
    test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 192;
    spec.height_px = 112;
    spec.frames = 20;
    spec.audio_codec = QStringLiteral("aac");
    QCOMPARE(test::makeClip(spec), QString());
    // Two different scenes joined: a hard cut at frame 12.
    cut_clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(cut_clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void openReportsTheVideo() {
    auto session = open(clip_);
    QVERIFY(session);
    QCOMPARE(session->info().frame_count, int64_t(20));
    QCOMPARE(session->info().width_px, 192);
    QVERIFY(session->info().has_audio);
    QVERIFY(session->info().source_has_colour);  // testsrc2 is colourful
  }

  void previewRawAndSmoothed() {
    auto session = open(clip_);
    QVERIFY(session);
    cf::CancelToken cancel;
    auto p0 = session->preview({10, 0.0}, cancel);
    QVERIFY2(p0.ok(), p0.ok() ? "" : p0.message().c_str());
    const auto& a = **p0;
    QCOMPARE(a.frame_index, int64_t(10));
    QCOMPARE(a.raw_rgb8.size(), cv::Size(192, 112));
    QCOMPARE(a.raw_rgb8.type(), CV_8UC3);
    QVERIFY(!a.source_rgb8.empty());
    QVERIFY(!a.confidence.empty());
    // lambda 0: the smoothed view is the raw network output.
    QCOMPARE(cv::norm(a.raw_rgb8, a.smoothed_rgb8, cv::NORM_INF), 0.0);
    // A large lambda changes the smoothed view and leaves the raw view alone.
    auto p1 = session->preview({10, 50.0}, cancel);
    QVERIFY(p1.ok());
    QCOMPARE(cv::norm(a.raw_rgb8, (*p1)->raw_rgb8, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(a.smoothed_rgb8, (*p1)->smoothed_rgb8, cv::NORM_L1) > 0.0);
    // The grey view really is grey.
    cv::Mat ch[3];
    cv::split(a.grey_rgb8, ch);
    QCOMPARE(cv::norm(ch[0], ch[2], cv::NORM_INF), 0.0);
    QVERIFY(!session->preview({99, 0.5}, cancel).ok());
  }

  void analyseFillsTheTimeline() {
    auto session = open(cut_clip_);
    QVERIFY(session);
    QVERIFY(session->analyse(0, 23, {}, {}).ok());
    const auto t = session->timeline();
    QCOMPARE(t->frame_count, int64_t(24));
    QCOMPARE(t->cuts, std::vector<int64_t>{12});
    for (const auto& f : t->frames)
      QVERIFY(f.analysed);
    QVERIFY(t->frames[5].colorfulness >= 0.f);
    QVERIFY(t->frames[5].confidence > 0.f && t->frames[5].confidence <= 1.f);
  }

  /// The deltas the GUI receives, applied in order, build exactly what timeline() returns, after
  /// chunks analysed out of order, a threshold change and a λ change (flicker re-measured).
  void timelineDeltasBuildTheTimeline() {
    auto session = open(cut_clip_);
    QVERIFY(session);
    pipeline::TimelineData built;
    const auto apply = [&] {
      const auto delta = session->timelineDelta();
      pipeline::applyTimelineDelta(built, *delta);
      return delta;
    };
    const auto same = [&](const pipeline::TimelineData& t) {
      if (built.frame_count != t.frame_count || built.cuts != t.cuts ||
          built.frames.size() != t.frames.size() || built.failures.size() != t.failures.size())
        return false;
      for (size_t i = 0; i < t.frames.size(); ++i) {
        const pipeline::FrameSignals& a = built.frames[i];
        const pipeline::FrameSignals& b = t.frames[i];
        if (a.analysed != b.analysed || a.colorfulness != b.colorfulness ||
            a.flicker != b.flicker || a.confidence != b.confidence || a.motion != b.motion) {
          qWarning("frame %zu differs: analysed %d/%d flicker %g/%g", i, a.analysed, b.analysed,
                   double(a.flicker), double(b.flicker));
          return false;
        }
      }
      for (size_t i = 0; i < t.failures.size(); ++i)
        if (!pipeline::sameFailure(built.failures[i], t.failures[i])) {
          qWarning("range %zu differs", i);
          return false;
        }
      return true;
    };
    QVERIFY(apply()->full);  // the first delta carries everything
    QVERIFY(same(*session->timeline()));
    QVERIFY(session->analyse(16, 23, {}, {}).ok());
    apply();  // the cut scan ran (new cuts: everything again)
    QVERIFY(same(*session->timeline()));
    QVERIFY(session->analyse(0, 7, {}, {}).ok());
    auto chunk = apply();
    QVERIFY(!chunk->full);
    QCOMPARE(chunk->first_frame, int64_t(0));
    QVERIFY(chunk->frames.size() <= 8u);  // the chunk's frames, not the clip's 24
    QVERIFY(same(*session->timeline()));
    QVERIFY(session->analyse(8, 15, {}, {}).ok());
    apply();
    QVERIFY(same(*session->timeline()));
    QVERIFY(session->timelineDelta()->empty());  // nothing changed since
    auto s = session->settings();
    s.thresholds.min_colorfulness = 1000.0;  // every frame looks grey now
    QVERIFY(session->updateSettings(s).ok());
    auto flagged = apply();
    QVERIFY(!flagged->full && flagged->frames.empty() && !flagged->failures.empty());
    QVERIFY(same(*session->timeline()));
    s.lambda = 40.0;
    QVERIFY(session->updateSettings(s).ok());
    while (true) {
      auto more = session->refreshFlicker(8, {});
      QVERIFY(more.ok());
      if (!*more)
        break;
      QVERIFY(!apply()->frames.empty());
      QVERIFY(same(*session->timeline()));
    }
  }

  void exportKeepsFramesDurationAndAudio() {
    auto session = open(clip_);
    QVERIFY(session);
    const QString out = dir_.filePath(QStringLiteral("out.mp4"));
    pipeline::ExportRequest req;
    req.output_path = out.toStdString();
    const Status s = session->exportVideo(req, {}, {});
    QVERIFY2(s.ok(), s.message().c_str());
    auto reader = media::VideoReader::open(out.toStdString());
    QVERIFY(reader.ok());
    auto src = media::VideoReader::open(clip_.toStdString());
    QCOMPARE((*reader)->info().frame_count, (*src)->info().frame_count);
    QVERIFY(std::abs((*reader)->info().duration_s - (*src)->info().duration_s) < 1e-3);
    QVERIFY((*reader)->info().hasAudio());
    QCOMPARE(test::packetCount(out, QStringLiteral("a:0")),
             test::packetCount(clip_, QStringLiteral("a:0")));
    QVERIFY(session->lastExportStats().frames == 20);
  }

  void reExportFromCacheIsIdentical() {
    const QString a = dir_.filePath(QStringLiteral("a.mkv"));
    const QString b = dir_.filePath(QStringLiteral("b.mkv"));
    pipeline::ExportRequest req;
    req.codec = cf::VideoCodec::FFV1;
    req.keep_audio = false;
    {
      auto cold = open(cut_clip_);
      req.output_path = a.toStdString();
      QVERIFY(cold->exportVideo(req, {}, {}).ok());
    }
    auto warm = open(cut_clip_);  // a new session: the network output comes from the disk cache
    req.output_path = b.toStdString();
    QVERIFY(warm->exportVideo(req, {}, {}).ok());
    QCOMPARE(warm->lastExportStats().cache_hits, int64_t(24));
    QCOMPARE(test::rawFrames(a, QStringLiteral("rgb24")),
             test::rawFrames(b, QStringLiteral("rgb24")));
  }

  void cancelLeavesNoOutput() {
    auto session = open(clip_);
    const QString out = dir_.filePath(QStringLiteral("cancelled.mp4"));
    pipeline::ExportRequest req;
    req.output_path = out.toStdString();
    cf::CancelToken cancel;
    int64_t seen = 0;
    const Status s = session->exportVideo(req, cancel, [&](const ProgressUpdate& u) {
      seen = u.done;
      if (u.stage == "export" && u.done >= 5)
        cancel.cancel();
    });
    QVERIFY(!s.ok());
    QVERIFY(seen >= 5);
    QVERIFY(!QFileInfo::exists(out));
    const QStringList leftovers =
        QDir(dir_.path()).entryList({QStringLiteral("*cancelled*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
  }

  void missingModelIsAClearError() {
    pipeline::SessionSettings s = settings();
    s.model_path = dir_.filePath(QStringLiteral("nope.cfmodel")).toStdString();
    auto session = pipeline::Session::open(clip_.toStdString(), s);
    QVERIFY(session.ok());  // opening the video does not need the model
    auto p = (*session)->preview({0, 0.5}, {});
    QVERIFY(!p.ok());
    QVERIFY2(p.message().find("nope.cfmodel") != std::string::npos, p.message().c_str());
  }

  void heavyMotionIsFlaggedOnRealFlow() {
    // A static textured background; from frame 10 to 19 a textured box crosses it at 14 px per
    // frame (occluding and disoccluding the background).
    const QString path = dir_.filePath(QStringLiteral("motion.mkv"));
    media::VideoWriterSettings ws;
    ws.output_path = path.toStdString();
    ws.codec = cf::VideoCodec::FFV1;
    ws.width_px = 160;
    ws.height_px = 96;
    ws.fps = {25, 1};
    auto writer = media::VideoWriter::create(ws);
    QVERIFY(writer.ok());
    cv::Mat background(96, 160, CV_8UC1), box(48, 48, CV_8UC1);
    cv::theRNG().state = 11;
    cv::randu(background, 40, 200);
    cv::GaussianBlur(background, background, cv::Size(5, 5), 1.5);
    cv::randu(box, 0, 255);
    const cv::Mat chroma(48, 80, CV_8UC1, cv::Scalar(128));
    for (int n = 0; n < 30; ++n) {
      cv::Mat y = background.clone();
      if (n >= 10 && n < 20)
        box.copyTo(y(cv::Rect(4 + 10 * (n - 10), 24, 48, 48)));
      QVERIFY((*writer)->writePlanes(y, chroma, chroma, 8).ok());
    }
    QVERIFY((*writer)->finish().ok());

    auto session = open(path);
    QVERIFY(session);
    QVERIFY(session->analyse(0, 29, {}, {}).ok());
    const auto report = session->failureReport();
    std::set<int64_t> motion;
    for (const auto& fr : report.frames)
      for (const auto& f : fr.flags)
        if (f.kind == analysis::FlagKind::Motion)
          motion.insert(fr.metrics.frame_index);
    for (int64_t f : motion)
      QVERIFY2(f >= 10 && f <= 20, qPrintable(QString::number(f)));
    QVERIFY2(motion.size() >= 9, qPrintable(QString::number(motion.size())));
  }

  void cliAnalyzeWritesReportAndSheet() {
    const QString json = dir_.filePath(QStringLiteral("report.json"));
    const QString sheet = dir_.filePath(QStringLiteral("sheet.png"));
    QProcess p;
    p.start(test::cliPath(),
            {QStringLiteral("analyze"), cut_clip_, QStringLiteral("--model"), model_,
             QStringLiteral("--working-height"), QStringLiteral("128"), QStringLiteral("--report"),
             json, QStringLiteral("--contact-sheet"), sheet, QStringLiteral("--cache"),
             dir_.filePath(QStringLiteral("c3"))});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto report = analysis::reportFromJson(f.readAll().toStdString());
    QVERIFY(report.ok());
    QCOMPARE(report->frames.size(), size_t(24));
    QCOMPARE(report->frames[12].metrics.scene_cut, true);
    // A random-weights model gets flagged somewhere, so the sheet has at least one row.
    QVERIFY(!report->ranges.empty());
    QVERIFY(QFileInfo::exists(sheet));
  }

  void flickerIsMeasuredAtTheShotsLambda() {
    // Issue #16, bug 3: the flicker signal is measured on the smoothed result, so it follows λ.
    pipeline::SessionSettings at_zero = settings();
    at_zero.lambda = 0.0;
    auto session = pipeline::Session::open(cut_clip_.toStdString(), at_zero);
    QVERIFY(session.ok());
    QVERIFY((*session)->analyse(0, 23, {}, {}).ok());
    const auto raw = (*session)->failureReport();
    QCOMPARE(raw.frames[5].metrics.flicker_lambda, 0.0);
    QVERIFY(!(*session)->refreshFlicker(1000, {}).value());  // nothing stale

    pipeline::SessionSettings strong = at_zero;
    strong.lambda = 30.0;
    QVERIFY((*session)->updateSettings(strong).ok());
    auto refreshed = (*session)->refreshFlicker(1000, {});
    QVERIFY2(refreshed.ok() && refreshed.value(),
             refreshed.ok() ? "" : refreshed.message().c_str());
    const auto smoothed = (*session)->failureReport();
    double raw_sum = 0.0, smoothed_sum = 0.0;
    for (size_t n = 0; n < raw.frames.size(); ++n) {
      QCOMPARE(smoothed.frames[n].metrics.flicker_lambda, 30.0);
      raw_sum += raw.frames[n].metrics.flicker_ab;
      smoothed_sum += smoothed.frames[n].metrics.flicker_ab;
    }
    QVERIFY2(smoothed_sum < 0.5 * raw_sum,
             qPrintable(QStringLiteral("%1 vs %2").arg(smoothed_sum).arg(raw_sum)));
    // A per-shot override re-measures that shot only.
    (*session)->setShotOverrides({pipeline::ShotOverride{12, 0.0, std::nullopt}});
    QVERIFY((*session)->refreshFlicker(1000, {}).value());
    const auto mixed = (*session)->failureReport();
    QCOMPARE(mixed.frames[5].metrics.flicker_lambda, 30.0);
    QCOMPARE(mixed.frames[15].metrics.flicker_lambda, 0.0);
    QCOMPARE(mixed.frames[15].metrics.flicker_ab, raw.frames[15].metrics.flicker_ab);

    // A fresh session analysed at λ 30 measures what the refresh measured.
    auto fresh = pipeline::Session::open(cut_clip_.toStdString(), strong);
    QVERIFY(fresh.ok());
    QVERIFY((*fresh)->analyse(0, 23, {}, {}).ok());
    const auto direct = (*fresh)->failureReport();
    for (size_t n = 0; n < direct.frames.size(); ++n)
      QVERIFY(std::abs(direct.frames[n].metrics.flicker_ab -
                       smoothed.frames[n].metrics.flicker_ab) < 1e-6);
  }

  void cliAnalyzeReportsDifferAcrossLambda() {
    QByteArray reports[2];
    const char* lambdas[2] = {"0", "20"};
    for (int k = 0; k < 2; ++k) {
      const QString json = dir_.filePath(QStringLiteral("report_l%1.json").arg(lambdas[k]));
      const auto r = test::runCli(
          {QStringLiteral("analyze"), cut_clip_, QStringLiteral("--model"), model_,
           QStringLiteral("--working-height"), QStringLiteral("128"), QStringLiteral("--lambda"),
           QString::fromLatin1(lambdas[k]), QStringLiteral("--cache"),
           dir_.filePath(QStringLiteral("c4")), QStringLiteral("--report"), json});
      QVERIFY2(r.exit_code == 0, qPrintable(r.err));
      QFile f(json);
      QVERIFY(f.open(QIODevice::ReadOnly));
      reports[k] = f.readAll();
    }
    QVERIFY(reports[0] != reports[1]);
    auto a = analysis::reportFromJson(reports[0].toStdString());
    auto b = analysis::reportFromJson(reports[1].toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b->frames[5].metrics.flicker_lambda, 20.0);
    QVERIFY(b->frames[5].metrics.flicker_ab < a->frames[5].metrics.flicker_ab);
  }

  void cliColorize() {
    const QString out = dir_.filePath(QStringLiteral("cli out.mp4"));
    QProcess p;
    p.start(test::cliPath(), {QStringLiteral("colorize"), clip_, out, QStringLiteral("--model"),
                              model_, QStringLiteral("--working-height"), QStringLiteral("128"),
                              QStringLiteral("--lambda"), QStringLiteral("1.5"),
                              QStringLiteral("--cache"), dir_.filePath(QStringLiteral("c2"))});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("20 frames")));
    QVERIFY(QFileInfo::exists(out));

    QProcess bad;
    bad.start(test::cliPath(),
              {QStringLiteral("colorize"), dir_.filePath(QStringLiteral("missing.mp4")),
               dir_.filePath(QStringLiteral("x.mp4")), QStringLiteral("--model"), model_});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    const QString err = QString::fromUtf8(bad.readAllStandardError()).trimmed();
    QVERIFY(err.contains(QStringLiteral("missing.mp4")));
    QVERIFY(!err.contains(QLatin1Char('\n')));
  }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
