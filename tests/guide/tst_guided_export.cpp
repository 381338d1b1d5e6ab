// Keyframe colour through the whole export (Session, GuidedShots, chromaflow-cli colorize): a
// reference on frame 0 colours its shot and stops at the cut, the shot after the cut is exactly
// the automatic export, a hint change re-colours only its shot (the other shots and the unguided
// network cache are reused), and a reference of another picture or a bad hints file is refused.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/FrameToRgb.h"
#include "media/VideoReader.h"
#include "pipeline/GuidedShots.h"
#include "pipeline/Session.h"
#include "pipeline/ShotReachFile.h"

using namespace cf;

namespace {

constexpr int kCut = 12;  // makeCutClip: testsrc2 for 12 frames, then mandelbrot
constexpr int kFrames = 24;

std::vector<cv::Mat> decodeRgb(const QString& path) {
  std::vector<cv::Mat> frames;
  auto reader = media::VideoReader::open(path.toStdString());
  if (!reader)
    return frames;
  for (;;) {
    auto f = (*reader)->next();
    if (!f || !*f)
      break;
    auto rgb = media::frameToRgb8(**f);
    if (!rgb)
      break;
    frames.push_back(*rgb);
  }
  return frames;
}

double psnr(const cv::Mat& a, const cv::Mat& b) {
  const double mse = cv::norm(a, b, cv::NORM_L2SQR) / double(a.total() * a.channels());
  return 10.0 * std::log10(255.0 * 255.0 / std::max(mse, 1e-10));
}

bool hasNote(const pipeline::ExportStats& s, const char* text) {
  for (const std::string& n : s.notes)
    if (n.find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace

class TestGuidedExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;
  QString reference_;
  QString wrong_reference_;
  std::vector<cv::Mat> source_;
  std::vector<cv::Mat> automatic_;

  pipeline::SessionSettings settings(const QString& cache) const {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.cache_dir = dir_.filePath(cache).toStdString();
    return s;
  }

  Result<pipeline::ExportStats> exportWith(const guide::Guidance& g, const QString& name,
                                           const QString& cache = QStringLiteral("cache")) {
    auto session = pipeline::Session::open(clip_.toStdString(), settings(cache));
    if (!session)
      return session.error();
    (*session)->setGuidance(g);
    pipeline::ExportRequest r;
    r.output_path = dir_.filePath(name).toStdString();
    r.codec = cf::VideoCodec::FFV1;
    r.keep_audio = false;
    if (Status s = (*session)->exportVideo(r, CancelToken(), {}); !s)
      return s.error();
    return (*session)->lastExportStats();
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
    source_ = decodeRgb(clip_);
    QCOMPARE(int(source_.size()), kFrames);
    // The reference: frame 0 in its true colours, at another size (it is resized to the frame).
    cv::Mat bgr;
    cv::cvtColor(source_[0], bgr, cv::COLOR_RGB2BGR);
    cv::resize(bgr, bgr, cv::Size(), 2.0, 2.0, cv::INTER_LINEAR);
    reference_ = dir_.filePath(QStringLiteral("frame0.png"));
    QVERIFY(cv::imwrite(reference_.toStdString(), bgr));
    cv::cvtColor(source_[kFrames - 1], bgr, cv::COLOR_RGB2BGR);
    wrong_reference_ = dir_.filePath(QStringLiteral("other.png"));
    QVERIFY(cv::imwrite(wrong_reference_.toStdString(), bgr));
    auto stats = exportWith({}, QStringLiteral("auto.mkv"));
    QVERIFY2(stats.ok(), stats.ok() ? "" : stats.message().c_str());
    automatic_ = decodeRgb(dir_.filePath(QStringLiteral("auto.mkv")));
    QCOMPARE(int(automatic_.size()), kFrames);
  }

  void referenceColoursItsShotAndStopsAtTheCut() {
    guide::Guidance g;
    g.references.push_back({0, reference_.toStdString()});
    auto stats = exportWith(g, QStringLiteral("guided.mkv"));
    QVERIFY2(stats.ok(), stats.ok() ? "" : stats.message().c_str());
    QVERIFY(hasNote(*stats, "1 guided shot(s), 0 reused"));
    QVERIFY(!hasNote(*stats, "reaches less than half"));  // nothing new enters testsrc2's shot
    // The shot after the cut came from the unguided network cache of the automatic export.
    QVERIFY2(stats->cache_hits >= kFrames - kCut, qPrintable(QString::number(stats->cache_hits)));
    const auto guided = decodeRgb(dir_.filePath(QStringLiteral("guided.mkv")));
    QCOMPARE(int(guided.size()), kFrames);
    if (qEnvironmentVariableIsSet("KEYS_DEBUG")) {
      cv::Mat both;
      cv::hconcat(std::vector<cv::Mat>{source_[0], guided[0], automatic_[0]}, both);
      cv::cvtColor(both, both, cv::COLOR_RGB2BGR);
      cv::imwrite("/tmp/keys_debug.png", both);
    }
    for (int t = 0; t < kCut; ++t) {
      const double p_guided = psnr(guided[size_t(t)], source_[size_t(t)]);
      const double p_auto = psnr(automatic_[size_t(t)], source_[size_t(t)]);
      // testsrc2's saturated bars cannot be matched exactly: the pipeline's L is the luma, and
      // pure blue has a luma far below its CIE L (frame 0 with its own ab scores 17 dB).
      QVERIFY2(p_guided > 13.0 && p_guided > p_auto + 6.0,
               qPrintable(QStringLiteral("frame %1: guided %2 dB, automatic %3 dB")
                              .arg(t)
                              .arg(p_guided)
                              .arg(p_auto)));
    }
    for (int t = kCut; t < kFrames; ++t) {
      double max_diff = 0.0;
      cv::Mat d;
      cv::absdiff(guided[size_t(t)], automatic_[size_t(t)], d);
      cv::minMaxLoc(d.reshape(1), nullptr, &max_diff);
      QVERIFY2(max_diff <= 1.0, qPrintable(QStringLiteral("frame %1 differs from the automatic "
                                                          "export by %2 after the cut")
                                               .arg(t)
                                               .arg(max_diff)));
    }
  }

  void aHintChangeRecoloursOnlyItsShot() {
    guide::Guidance g;
    guide::HintPoint h;
    h.frame = 16;  // in the second shot
    h.x = 0.5;
    h.y = 0.5;
    h.r = 20;
    h.g = 200;
    h.b = 40;
    h.radius = 0.2;
    g.hints.push_back(h);
    g.references.push_back({0, reference_.toStdString()});
    auto first = exportWith(g, QStringLiteral("hint1.mkv"));
    QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
    // Shot 1 (the reference's) is reused from its guided cache; shot 2 is coloured anew.
    QVERIFY(hasNote(*first, "2 guided shot(s), 1 reused"));
    const auto hinted = decodeRgb(dir_.filePath(QStringLiteral("hint1.mkv")));
    const auto guided = decodeRgb(dir_.filePath(QStringLiteral("guided.mkv")));
    QCOMPARE(int(hinted.size()), kFrames);
    for (int t = 0; t < kCut; ++t)
      QCOMPARE(cv::norm(hinted[size_t(t)], guided[size_t(t)], cv::NORM_INF), 0.0);
    // The hint's green shows around its point on its frame.
    const cv::Vec3b centre = hinted[16].at<cv::Vec3b>(hinted[16].rows / 2, hinted[16].cols / 2);
    QVERIFY2(centre[1] > centre[0] + 20 && centre[1] > centre[2] + 20,
             qPrintable(QStringLiteral("%1 %2 %3").arg(centre[0]).arg(centre[1]).arg(centre[2])));
    // The same guidance again: nothing is recoloured.
    auto again = exportWith(g, QStringLiteral("hint2.mkv"));
    QVERIFY(again.ok());
    QVERIFY(hasNote(*again, "2 guided shot(s), 2 reused"));
  }

  void freshGuidedExportsAreIdenticalAndShareTheLinks() {
    // The propagation runs on its own thread alongside the export: two exports with fresh caches
    // still write the same frames. The guided shot's links come from the propagation, so the
    // export's flow stage computes only the other shot's.
    guide::Guidance g;
    g.references.push_back({0, reference_.toStdString()});
    auto a = exportWith(g, QStringLiteral("fresh_a.mkv"), QStringLiteral("cache_a"));
    QVERIFY2(a.ok(), a.ok() ? "" : a.message().c_str());
    auto b = exportWith(g, QStringLiteral("fresh_b.mkv"), QStringLiteral("cache_b"));
    QVERIFY2(b.ok(), b.ok() ? "" : b.message().c_str());
    QCOMPARE(a->flows_computed, int64_t(kFrames - kCut - 1));
    QCOMPARE(b->flows_computed, int64_t(kFrames - kCut - 1));
    const auto fa = decodeRgb(dir_.filePath(QStringLiteral("fresh_a.mkv")));
    const auto fb = decodeRgb(dir_.filePath(QStringLiteral("fresh_b.mkv")));
    const auto guided = decodeRgb(dir_.filePath(QStringLiteral("guided.mkv")));
    QCOMPARE(int(fa.size()), kFrames);
    QCOMPARE(int(fb.size()), kFrames);
    for (int t = 0; t < kFrames; ++t) {
      QCOMPARE(cv::norm(fa[size_t(t)], fb[size_t(t)], cv::NORM_INF), 0.0);
      // ... and the same as the export that reused the automatic export's caches.
      QCOMPARE(cv::norm(fa[size_t(t)], guided[size_t(t)], cv::NORM_INF), 0.0);
    }
  }

  void aGapInTheKeyframesReachIsReported() {
    // A bright textured panel slides in from the left over a darker textured wall, 8 px a frame,
    // and covers the 192 px frame by frame 24; the reference is frame 0 (the wall alone). The
    // export says where the keyframe colour stops reaching and where a keyframe would help.
    const cv::Size size(192, 128);
    auto texture = [&](double lo, double hi, int seed) {
      cv::Mat t(size, CV_32FC1);
      cv::RNG rng(seed);
      rng.fill(t, cv::RNG::UNIFORM, 0.0, 1.0);
      cv::GaussianBlur(t, t, cv::Size(0, 0), 2.0);
      cv::normalize(t, t, lo, hi, cv::NORM_MINMAX);
      cv::Mat out;
      t.convertTo(out, CV_8U);
      return out;
    };
    const cv::Mat wall = texture(30.0, 110.0, 7);
    const cv::Mat panel = texture(140.0, 230.0, 8);
    QDir frames_dir(dir_.filePath(QStringLiteral("panel")));
    QVERIFY(frames_dir.mkpath(QStringLiteral(".")));
    for (int t = 0; t < kFrames; ++t) {
      cv::Mat f = wall.clone();
      const int w = std::min(size.width, 8 * t);
      if (w > 0)
        panel(cv::Rect(size.width - w, 0, w, size.height))
            .copyTo(f(cv::Rect(0, 0, w, size.height)));
      QVERIFY(
          cv::imwrite(frames_dir.filePath(QStringLiteral("f%1.png").arg(t, 2, 10, QLatin1Char('0')))
                          .toStdString(),
                      f));
    }
    const QString clip = dir_.filePath(QStringLiteral("panel.mkv"));
    QCOMPARE(
        test::runFfmpeg({QStringLiteral("-framerate"), QStringLiteral("25"), QStringLiteral("-i"),
                         frames_dir.filePath(QStringLiteral("f%02d.png")), QStringLiteral("-c:v"),
                         QStringLiteral("ffv1"), QStringLiteral("-pix_fmt"), QStringLiteral("gray"),
                         clip}),
        QString());
    auto session =
        pipeline::Session::open(clip.toStdString(), settings(QStringLiteral("panel_cache")));
    QVERIFY2(session.ok(), session.ok() ? "" : session.message().c_str());
    guide::Guidance g;
    g.references.push_back({0, frames_dir.filePath(QStringLiteral("f00.png")).toStdString()});
    (*session)->setGuidance(g);
    pipeline::ExportRequest r;
    r.output_path = dir_.filePath(QStringLiteral("panel_out.mkv")).toStdString();
    r.codec = cf::VideoCodec::FFV1;
    r.keep_audio = false;
    const Status done = (*session)->exportVideo(r, CancelToken(), {});
    QVERIFY2(done.ok(), done.message().c_str());
    const pipeline::ExportStats stats = (*session)->lastExportStats();
    QVERIFY(hasNote(stats, "1 guided shot(s), 0 reused"));  // one shot: the slide is not a cut
    QString note;
    for (const std::string& n : stats.notes)
      if (n.find("reaches less than half") != std::string::npos)
        note = QString::fromStdString(n);
    const QRegularExpression re(
        QStringLiteral("frames (\\d+)-(\\d+) \\(at frame (\\d+) only (\\d+) % of the picture\\)"));
    const QRegularExpressionMatch m = re.match(note);
    QVERIFY2(m.hasMatch(), qPrintable(note));
    QVERIFY2(m.captured(1).toInt() >= 8 && m.captured(1).toInt() <= 14, qPrintable(note));
    QCOMPARE(m.captured(2).toInt(), kFrames - 1);
    QVERIFY2(m.captured(3).toInt() >= kFrames - 5, qPrintable(note));
    QVERIFY2(m.captured(4).toInt() < 15, qPrintable(note));
    QVERIFY(note.contains(QStringLiteral("near frame ") + m.captured(3)));

    // Exported again (a fresh session, as after a restart): the shot comes whole from its cache,
    // and its reach, kept beside it, gives the same note.
    auto reopened =
        pipeline::Session::open(clip.toStdString(), settings(QStringLiteral("panel_cache")));
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.message().c_str());
    (*reopened)->setGuidance(g);
    r.output_path = dir_.filePath(QStringLiteral("panel_again.mkv")).toStdString();
    const Status again = (*reopened)->exportVideo(r, CancelToken(), {});
    QVERIFY2(again.ok(), again.message().c_str());
    const pipeline::ExportStats reused = (*reopened)->lastExportStats();
    QVERIFY(hasNote(reused, "1 guided shot(s), 1 reused"));
    QVERIFY(hasNote(reused, note.toStdString().c_str()));

    // A cache from before the reach was kept (no file): still reused, without the note.
    int removed = 0;
    QDirIterator it(dir_.filePath(QStringLiteral("panel_cache")),
                    {QString::fromLatin1(pipeline::kShotReachFile)}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
      removed += QFile::remove(it.next()) ? 1 : 0;
    QCOMPARE(removed, 1);
    r.output_path = dir_.filePath(QStringLiteral("panel_old_cache.mkv")).toStdString();
    const Status old_cache = (*reopened)->exportVideo(r, CancelToken(), {});
    QVERIFY2(old_cache.ok(), old_cache.message().c_str());
    const pipeline::ExportStats old_stats = (*reopened)->lastExportStats();
    QVERIFY(hasNote(old_stats, "1 guided shot(s), 1 reused"));
    QVERIFY(!hasNote(old_stats, "reaches less than half"));
  }

  void anotherPictureIsRefused() {
    guide::Guidance g;
    g.references.push_back({0, wrong_reference_.toStdString()});
    const Status s = pipeline::checkGuidance(g, clip_.toStdString());
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.message()).contains(QLatin1String("does not match frame 0")),
             s.message().c_str());
    g.references = {{0, dir_.filePath(QStringLiteral("missing.png")).toStdString()}};
    QVERIFY(QString::fromStdString(pipeline::checkGuidance(g, clip_.toStdString()).message())
                .contains(QLatin1String("missing.png")));
  }

  void cliRefusesBadArgumentsBeforeWorking() {
    const QString hints = dir_.filePath(QStringLiteral("bad.json"));
    QFile f(hints);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"hints\": [{\"frame\": 3, \"x\": 0.5, \"y\": 2, \"color\": \"#00ff00\"}]}");
    f.close();
    const QString out = dir_.filePath(QStringLiteral("cli.mkv"));
    const QStringList common = {QStringLiteral("colorize"),
                                QStringLiteral("--model"),
                                model_,
                                QStringLiteral("--cache"),
                                dir_.filePath(QStringLiteral("cache")),
                                clip_,
                                out};
    auto r = test::runCli(common + QStringList{QStringLiteral("--hints"), hints});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QLatin1String("hint 0 (hints[0]): 'y' is 2")), qPrintable(r.err));
    r = test::runCli(common + QStringList{QStringLiteral("--reference"),
                                          QStringLiteral("0:") + wrong_reference_});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QLatin1String("does not match frame 0")), qPrintable(r.err));
    r = test::runCli(
        common + QStringList{QStringLiteral("--reference"), QStringLiteral("30:") + reference_});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QLatin1String("outside the video")), qPrintable(r.err));
    r = test::runCli(common +
                     QStringList{QStringLiteral("--reference-strength"), QStringLiteral("2")});
    QCOMPARE(r.exit_code, 2);
    QVERIFY(!QFile::exists(out));
  }
};

QTEST_GUILESS_MAIN(TestGuidedExport)
#include "tst_guided_export.moc"
