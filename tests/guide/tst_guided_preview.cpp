// Keyframe colour in the preview (issue #15): a keyframe previews at once re-coloured from its own
// hints; once its shot is prepared (Session::prepareGuidedShot, what the editor runs in the
// background), the preview of any frame of that shot, written through the export's encoder, is
// pixel-identical to that frame of an FFV1 export with the same guidance; the shot after the cut
// stays automatic. Also the model's suggested colours at a pixel (Session::suggestedColours and
// Colorizer::likelyColours): the most likely bin is the decoded colour at a low temperature.

#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "media/VideoWriter.h"
#include "model/Colorizer.h"
#include "pipeline/Session.h"

using namespace cf;

namespace {
constexpr int kCut = 12;  // makeCutClip: 24 frames, a cut at 12
constexpr int kWidth = 160;
constexpr int kHeight = 96;

int maxDiff(const QByteArray& a, const QByteArray& b) {
  if (a.size() != b.size())
    return 255;
  int worst = 0;
  for (qsizetype i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(int(uint8_t(a[i])) - int(uint8_t(b[i]))));
  return worst;
}
}  // namespace

class TestGuidedPreview : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;

  pipeline::SessionSettings settings() const {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.lambda = 2.0;
    s.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    return s;
  }

  static guide::Guidance hints() {
    guide::Guidance g;
    guide::HintPoint h;
    h.frame = 3;
    h.x = 0.3;
    h.y = 0.4;
    h.r = 200;
    h.g = 30;
    h.b = 40;
    h.radius = 0.08;
    g.hints.push_back(h);
    h.x = 0.7;
    h.y = 0.6;
    h.r = 20;
    h.g = 60;
    h.b = 220;
    g.hints.push_back(h);
    return g;
  }

  /// `rgb` written as the export writes its frames (FFV1, 8-bit 4:2:0), decoded as rgb24.
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

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void guidedPreviewEqualsExport() {
    // The export with the hints, from a session of its own (as an export job runs).
    const QString out = dir_.filePath(QStringLiteral("guided.mkv"));
    {
      auto session = pipeline::Session::open(clip_.toStdString(), settings());
      QVERIFY(session.ok());
      (*session)->setGuidance(hints());
      pipeline::ExportRequest r;
      r.output_path = out.toStdString();
      r.codec = cf::VideoCodec::FFV1;
      r.keep_audio = false;
      const Status s = (*session)->exportVideo(r, {}, {});
      QVERIFY2(s.ok(), s.ok() ? "" : s.message().c_str());
    }
    const QByteArray frames = test::rawFrames(out, QStringLiteral("rgb24"));
    const qsizetype frame_bytes = kWidth * kHeight * 3;
    QCOMPARE(frames.size(), 24 * frame_bytes);

    // The editor's session: automatic first, then the hints arrive.
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    QVERIFY((*session)->analyse(0, 23, {}, {}).ok());
    auto automatic = (*session)->preview({3, 2.0}, {});
    QVERIFY(automatic.ok());
    QCOMPARE((*automatic)->guide, pipeline::GuideState::None);
    (*session)->setGuidance(hints());

    // At once: the keyframe re-coloured from its own hints, before anything is propagated.
    auto quick = (*session)->preview({3, 2.0}, {});
    QVERIFY2(quick.ok(), quick.ok() ? "" : quick.message().c_str());
    QCOMPARE((*quick)->guide, pipeline::GuideState::Pending);
    const cv::Point red(int(0.3 * kWidth), int(0.4 * kHeight));
    const cv::Vec3b before = (*automatic)->smoothed_rgb8.at<cv::Vec3b>(red);
    const cv::Vec3b now = (*quick)->smoothed_rgb8.at<cv::Vec3b>(red);
    QVERIFY2(int(now[0]) - int(now[2]) > int(before[0]) - int(before[2]) + 20,
             qPrintable(QStringLiteral("the red hint does not show: (%1,%2,%3) before (%4,%5,%6)")
                            .arg(now[0])
                            .arg(now[1])
                            .arg(now[2])
                            .arg(before[0])
                            .arg(before[1])
                            .arg(before[2])));
    auto other = (*session)->preview({8, 2.0}, {});
    QVERIFY(other.ok());
    QCOMPARE((*other)->guide, pipeline::GuideState::Pending);

    // The background step: the shot holding frame 3, then nothing more to do.
    auto shot = (*session)->prepareGuidedShot(3, {}, {});
    QVERIFY2(shot.ok(), shot.ok() ? "" : shot.message().c_str());
    QCOMPARE(shot->first, int64_t(0));
    QCOMPARE(shot->last, int64_t(kCut - 1));
    auto none = (*session)->prepareGuidedShot(3, {}, {});
    QVERIFY(none.ok() && none->empty());

    for (const int64_t frame : {int64_t(8), int64_t(16), int64_t(3)}) {
      auto p = (*session)->preview({frame, settings().lambda}, {});
      QVERIFY2(p.ok(), p.ok() ? "" : p.message().c_str());
      QCOMPARE((*p)->guide,
               frame < kCut ? pipeline::GuideState::Applied : pipeline::GuideState::None);
      const QByteArray encoded =
          throughExportEncoder((*p)->smoothed_rgb8, QStringLiteral("p%1.mkv").arg(frame));
      const QByteArray written = frames.mid(frame * frame_bytes, frame_bytes);
      QVERIFY2(encoded == written, qPrintable(QStringLiteral("frame %1 differs by up to %2")
                                                  .arg(frame)
                                                  .arg(maxDiff(encoded, written))));
    }
    // The hints make the difference: the automatic preview of frame 3 is another picture.
    QVERIFY(maxDiff(throughExportEncoder((*automatic)->smoothed_rgb8, QStringLiteral("a3.mkv")),
                    frames.mid(3 * frame_bytes, frame_bytes)) >= 20);

    // Undo (the guidance goes back to none): the preview is the automatic one again.
    (*session)->setGuidance({});
    auto undone = (*session)->preview({3, 2.0}, {});
    QVERIFY(undone.ok());
    QCOMPARE((*undone)->guide, pipeline::GuideState::None);
    QCOMPARE(cv::norm((*undone)->smoothed_rgb8, (*automatic)->smoothed_rgb8, cv::NORM_INF), 0.0);
  }

  void aHintAddedToAGuidedShotKeepsItsColourMeanwhile() {
    // The shot holding frame 3 is guided and propagated; a third hint is clicked on frame 3.
    // Until the shot is propagated again, frame 3 keeps its guided colour away from the hints
    // (not the network's guess from the hints alone), and shows the new hint at once.
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    QVERIFY((*session)->analyse(0, 23, {}, {}).ok());
    (*session)->setGuidance(hints());
    QVERIFY((*session)->prepareGuidedShot(3, {}, {}).ok());
    auto applied = (*session)->preview({3, 2.0}, {});
    QVERIFY(applied.ok());
    QCOMPARE((*applied)->guide, pipeline::GuideState::Applied);

    guide::Guidance more = hints();
    guide::HintPoint green;
    green.frame = 3;
    green.x = 0.5;
    green.y = 0.2;
    green.r = 30;
    green.g = 200;
    green.b = 40;
    green.radius = 0.08;
    more.hints.push_back(green);
    (*session)->setGuidance(more);
    auto interim = (*session)->preview({3, 2.0}, {});
    QVERIFY2(interim.ok(), interim.ok() ? "" : interim.message().c_str());
    QCOMPARE((*interim)->guide, pipeline::GuideState::Pending);
    // Away from the three hints' discs (radius 0.08 of 96 px, with a margin): the guided colour.
    cv::Mat away(kHeight, kWidth, CV_8UC1, cv::Scalar(255));
    for (const guide::HintPoint& h : more.hints)
      cv::circle(away, {int(h.x * kWidth), int(h.y * kHeight)}, 16, cv::Scalar(0), cv::FILLED);
    cv::Mat diff;
    cv::absdiff((*interim)->raw_rgb8, (*applied)->raw_rgb8, diff);
    double worst = 0.0;
    cv::Mat diff_away;
    diff.copyTo(diff_away, away);
    cv::minMaxLoc(diff_away.reshape(1), nullptr, &worst);
    QVERIFY2(worst <= 1.0,
             qPrintable(QStringLiteral("differs by %1 away from the hints").arg(worst)));
    // The new hint's point turns green (a dark spot of the clip: compare with before).
    const cv::Point point(int(0.5 * kWidth), int(0.2 * kHeight));
    const auto greenness = [&](const cv::Mat& rgb) {
      const cv::Vec3b v = rgb.at<cv::Vec3b>(point);
      return int(v[1]) - std::max(int(v[0]), int(v[2]));
    };
    QVERIFY2(greenness((*interim)->raw_rgb8) >= greenness((*applied)->raw_rgb8) + 8,
             qPrintable(QStringLiteral("the green hint does not show: %1 against %2 before")
                            .arg(greenness((*interim)->raw_rgb8))
                            .arg(greenness((*applied)->raw_rgb8))));

    // Undo (back to the guidance the colour was made with): the same colour away from the hints.
    (*session)->setGuidance(hints());
    auto undone = (*session)->preview({3, 2.0}, {});
    QVERIFY(undone.ok());
    QCOMPARE((*undone)->guide, pipeline::GuideState::Pending);
    cv::absdiff((*undone)->raw_rgb8, (*applied)->raw_rgb8, diff);
    diff_away.setTo(0);
    diff.copyTo(diff_away, away);
    cv::minMaxLoc(diff_away.reshape(1), nullptr, &worst);
    QVERIFY2(worst <= 1.0, qPrintable(QStringLiteral("undone: differs by %1").arg(worst)));

    // A hint removed from what the colour was made with: no base any more; the frame is
    // re-coloured from its own hints alone, as before any propagation.
    guide::Guidance fewer = hints();
    fewer.hints.pop_back();
    (*session)->setGuidance(fewer);
    auto removed = (*session)->preview({3, 2.0}, {});
    QVERIFY(removed.ok());
    QCOMPARE((*removed)->guide, pipeline::GuideState::Pending);
    auto fresh = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(fresh.ok());
    QVERIFY((*fresh)->analyse(0, 23, {}, {}).ok());
    (*fresh)->setGuidance(fewer);
    auto quick = (*fresh)->preview({3, 2.0}, {});
    QVERIFY(quick.ok());
    QCOMPARE(cv::norm((*removed)->raw_rgb8, (*quick)->raw_rgb8, cv::NORM_INF), 0.0);
  }

  void suggestedColoursAreTheHeadsMostLikelyBins() {
    model::ColorizerSettings cs;
    cs.model_path = model_;
    cs.device = cf::DeviceChoice::Cpu;
    cs.working_height_px = 128;
    cs.chroma_gain = 1.0;  // the bins as they are
    auto colorizer = model::Colorizer::create(cs);
    QVERIFY(colorizer.ok());
    // A textured L frame, so the distribution differs from pixel to pixel.
    cv::Mat l(128, 192, CV_32FC1);
    for (int y = 0; y < l.rows; ++y)
      for (int x = 0; x < l.cols; ++x)
        l.at<float>(y, x) = float(50.0 + 40.0 * std::sin(x * 0.11) * std::cos(y * 0.07));
    // The decoded colour at a very low temperature is the mode: the most likely bin.
    (*colorizer)->setTemperature(1e-5);  // random weights: the bins are close
    auto native = (*colorizer)->colorizeNative({l});
    QVERIFY(native.ok());
    const model::NetworkOutput& out = native->front().native;
    const cv::Size grid = out.ab.size();
    int checked = 0;
    for (const cv::Point cell : {cv::Point(1, 1), cv::Point(grid.width / 2, grid.height / 2),
                                 cv::Point(grid.width - 2, grid.height - 3)}) {
      // The centre of a cell of the network's output, in 0..1 of the frame.
      const double x = (cell.x + 0.5) * out.padded.width / grid.width / l.cols;
      const double y = (cell.y + 0.5) * out.padded.height / grid.height / l.rows;
      if (x > 1.0 || y > 1.0)
        continue;
      auto top = (*colorizer)->likelyColours(l, {}, x, y, 6);
      QVERIFY2(top.ok(), top.ok() ? "" : top.message().c_str());
      QCOMPARE(int(top->size()), 6);
      double sum = 0.0;
      for (size_t i = 0; i < top->size(); ++i) {
        QVERIFY((*top)[i].probability > 0.0);
        if (i > 0)
          QVERIFY((*top)[i].probability <= (*top)[i - 1].probability);
        sum += (*top)[i].probability;
      }
      QVERIFY(sum <= 1.0 + 1e-6);
      const cv::Vec2f mode = out.ab.at<cv::Vec2f>(cell);

      QVERIFY2(std::abs(mode[0] - top->front().a) < 1.0 && std::abs(mode[1] - top->front().b) < 1.0,
               qPrintable(QStringLiteral("mode (%1, %2), top bin (%3, %4)")
                              .arg(mode[0])
                              .arg(mode[1])
                              .arg(top->front().a)
                              .arg(top->front().b)));
      ++checked;
    }
    QCOMPARE(checked, 3);
    QVERIFY(!(*colorizer)->likelyColours(l, {}, 1.5, 0.5).ok());
  }

  void sessionSuggestsColoursWithThePixelsLightness() {
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    auto colours = (*session)->suggestedColours(5, 0.5, 0.5);
    QVERIFY2(colours.ok(), colours.ok() ? "" : colours.message().c_str());
    QCOMPARE(int(colours->size()), 6);
    for (const pipeline::SuggestedColour& c : *colours) {
      // The swatch is the bin's ab at the pixel's L: its own Lab has that chroma direction.
      cv::Mat rgb(1, 1, CV_32FC3, cv::Scalar(c.red / 255.0, c.green / 255.0, c.blue / 255.0));
      const cv::Vec3f lab = color::rgbToLab(rgb).at<cv::Vec3f>(0, 0);
      if (std::hypot(c.a, c.b) > 15.0)
        QVERIFY2(lab[1] * c.a + lab[2] * c.b > 0.0,
                 qPrintable(QStringLiteral("bin (%1, %2) shown as (%3, %4, %5)")
                                .arg(c.a)
                                .arg(c.b)
                                .arg(c.red)
                                .arg(c.green)
                                .arg(c.blue)));
    }
    QVERIFY(!(*session)->suggestedColours(99, 0.5, 0.5).ok());
  }
};

QTEST_GUILESS_MAIN(TestGuidedPreview)
#include "tst_guided_preview.moc"
