// A guided shot's L decoded on demand in blocks (pipeline/ShotLuma, the export's propagation):
// every frame equals the whole-shot decode whatever the order it is asked in, a sweep forward or
// backward decodes each frame about once, and no more than the set number of blocks is ever held.

#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/ShotLuma.h"

using namespace cf;

class TestShotLuma : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  std::unique_ptr<model::Colorizer> colorizer_;
  std::vector<cv::Mat> whole_;  // the shot 3..45 decoded in order, as the preview keeps it
  static constexpr int64_t kFirst = 3;
  static constexpr int64_t kCount = 43;

  std::unique_ptr<media::VideoReader> reader() const {
    auto r = media::VideoReader::open(clip_.toStdString());
    return r ? std::move(*r) : nullptr;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    test::ClipSpec spec;
    spec.path = dir_.filePath(QStringLiteral("pan.mp4"));
    spec.frames = 48;  // H.264 with B-frames and a GOP of 12: block starts need real seeks
    clip_ = spec.path;
    QCOMPARE(test::makeClip(spec), QString());
    const QString model = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model), QString());
    model::ColorizerSettings cs;
    cs.model_path = model;
    cs.device = DeviceChoice::Cpu;
    cs.working_height_px = 128;
    auto c = model::Colorizer::create(cs);
    QVERIFY2(c.ok(), c.ok() ? "" : c.message().c_str());
    colorizer_ = std::move(*c);
    auto r = reader();
    QVERIFY(r);
    for (int64_t f = kFirst; f < kFirst + kCount; ++f) {
      auto frame = f == kFirst ? r->frameAt(f) : r->next();
      QVERIFY(frame && *frame);
      whole_.push_back(colorizer_->toWorkingResolution(pipeline::lumaL(**frame)));
    }
  }

  void everyOrderGivesTheSameFrames() {
    auto r = reader();
    pipeline::ShotLuma luma(*r, *colorizer_, kFirst, kCount, 8, 2);
    auto frames = luma.frames();
    QVERIFY2(frames.ok(), frames.ok() ? "" : frames.message().c_str());
    QCOMPARE(frames->count, kCount);
    QCOMPARE(frames->size, whole_.front().size());
    // Backward from the end (a backward sweep), then forward, then jumps.
    std::vector<int64_t> order;
    for (int64_t i = kCount - 1; i >= 0; --i)
      order.push_back(i);
    for (int64_t i = 0; i < kCount; ++i)
      order.push_back(i);
    for (int64_t i : {40, 2, 17, 33, 9, 41, 0})
      order.push_back(i);
    for (int64_t i : order) {
      auto l = frames->at(i);
      QVERIFY2(l.ok(), l.ok() ? "" : l.message().c_str());
      QVERIFY2(cv::norm(*l, whole_[size_t(i)], cv::NORM_INF) == 0.0,
               qPrintable(QStringLiteral("frame %1 differs").arg(i)));
    }
    QVERIFY(luma.peakBlocks() <= 2);
  }

  void aSweepDecodesEachFrameAboutOnce() {
    for (int dir : {+1, -1}) {
      auto r = reader();
      pipeline::ShotLuma luma(*r, *colorizer_, kFirst, kCount, 8, 4);
      auto frames = luma.frames();
      QVERIFY(frames.ok());
      const int64_t key = dir > 0 ? 0 : kCount - 1;
      // As a sweep asks: the keyframe once, then each frame and its neighbour towards the
      // keyframe (the link).
      QVERIFY(frames->at(key).ok());
      for (int64_t n = key + dir; n >= 0 && n < kCount; n += dir) {
        QVERIFY(frames->at(n).ok());
        QVERIFY(frames->at(n - dir).ok());
      }
      // 43 frames in 6 blocks; frames() decoded the first block to learn the size, and a
      // backward sweep decodes that one again at its end.
      QVERIFY2(luma.framesDecoded() <= kCount + 8,
               qPrintable(QString::number(luma.framesDecoded())));
      QVERIFY(luma.peakBlocks() <= 4);
    }
  }

  void outsideTheShotIsAnError() {
    auto r = reader();
    pipeline::ShotLuma luma(*r, *colorizer_, kFirst, kCount);
    const auto l = luma.at(kCount);
    QVERIFY(!l.ok());
    QVERIFY2(QString::fromStdString(l.message()).contains(QStringLiteral("outside the shot 3..45")),
             l.message().c_str());
    // A shot said to run past the file's end: the error names the frame.
    pipeline::ShotLuma longer(*r, *colorizer_, kFirst, 60, 8, 2);
    const auto past = longer.at(50);
    QVERIFY(!past.ok());
    QVERIFY2(QString::fromStdString(past.message()).contains(QStringLiteral("frame")),
             past.message().c_str());
  }
};

QTEST_GUILESS_MAIN(TestShotLuma)
#include "tst_shot_luma.moc"
