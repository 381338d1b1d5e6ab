// Interlaced input (issue 17): a clip whose stream says "top field first" is detected and read
// deinterlaced by FFmpeg's bwdif (the same pixels as ffmpeg's own bwdif), one frame per frame,
// frame-accurately when seeking; --deinterlace off keeps the fields, on forces the filter.

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>
#include <vector>

#include "MediaCompare.h"
#include "common/TestMedia.h"
#include "media/Deinterlacer.h"
#include "media/VideoReader.h"

using cf::media::Deinterlace;
using cf::media::FramePtr;
using cf::media::InputOptions;
using cf::media::VideoReader;

namespace {

std::vector<FramePtr> decodeAll(VideoReader& reader) {
  std::vector<FramePtr> frames;
  for (;;) {
    auto frame = reader.next();
    if (!frame || !frame.value())
      break;
    frames.push_back(frame.value());
  }
  return frames;
}

/// Mean |row r - mean(row r-1, row r+1)| of Y: high where the two fields of a moving picture
/// disagree (combing), low for a progressive picture.
double combing(const cv::Mat& y) {
  cv::Mat f;
  y.convertTo(f, CV_32F);
  const cv::Mat mid = f.rowRange(1, f.rows - 1);
  const cv::Mat around = (f.rowRange(0, f.rows - 2) + f.rowRange(2, f.rows)) * 0.5;
  return cv::mean(cv::abs(mid - around))[0];
}

double meanCombing(const std::vector<FramePtr>& frames) {
  double sum = 0.0;
  for (const FramePtr& f : frames)
    sum += combing(f->y);
  return frames.empty() ? 0.0 : sum / static_cast<double>(frames.size());
}

}  // namespace

class TestDeinterlace : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString clip_;  // 160x120 grey, 40 frames at 25 fps, two fields per frame, keyframe every 5

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("interlaced.mkv"));
    // 50 progressive pictures/s of moving content (softened, so that fine texture does not read
    // as combing), woven two by two into 25 interlaced frames/s.
    QCOMPARE(cf::test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=160x120:rate=50", "-frames:v",
                                  "40", "-vf",
                                  "gblur=sigma=2,tinterlace=mode=interleave_top,format=gray",
                                  "-c:v", "ffv1", "-g", "5", "-field_order", "tt", clip_}),
             QString());
  }

  void namesFieldOrderAndTheDefaultFromTheStream() {
    QVERIFY(cf::media::wantsDeinterlace(Deinterlace::Auto, "tff"));
    QVERIFY(cf::media::wantsDeinterlace(Deinterlace::Auto, "bff"));
    QVERIFY(!cf::media::wantsDeinterlace(Deinterlace::Auto, "progressive"));
    QVERIFY(!cf::media::wantsDeinterlace(Deinterlace::Auto, "unknown"));
    QVERIFY(cf::media::wantsDeinterlace(Deinterlace::On, "progressive"));
    QVERIFY(!cf::media::wantsDeinterlace(Deinterlace::Off, "tff"));
    Deinterlace mode = Deinterlace::Auto;
    QVERIFY(cf::media::deinterlaceFromName("off", &mode));
    QCOMPARE(mode, Deinterlace::Off);
    QVERIFY(!cf::media::deinterlaceFromName("yes", &mode));
  }

  void autoDeinterlacesAnInterlacedStream() {
    auto reader = VideoReader::open(clip_.toStdString());
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    const auto& info = (*reader)->info();
    QCOMPARE(QString::fromStdString(info.field_order), QStringLiteral("tff"));
    QVERIFY(info.deinterlaced);
    const auto frames = decodeAll(**reader);
    QCOMPARE(static_cast<int64_t>(frames.size()), info.frame_count);
    QCOMPARE(info.frame_count, int64_t{40});
    for (size_t i = 0; i < frames.size(); ++i)
      QCOMPARE(frames[i]->index, static_cast<int64_t>(i));

    InputOptions off;
    off.deinterlace = Deinterlace::Off;
    auto woven = VideoReader::open(clip_.toStdString(), off);
    QVERIFY(woven);
    QVERIFY(!(*woven)->info().deinterlaced);
    const auto fields = decodeAll(**woven);
    QCOMPARE(fields.size(), frames.size());
    const double before = meanCombing(fields), after = meanCombing(frames);
    qInfo("combing: fields kept %.2f, deinterlaced %.2f", before, after);
    QVERIFY2(after < 0.6 * before, "bwdif should remove most of the combing");
  }

  void pixelsEqualFfmpegsOwnBwdif() {
    auto reader = VideoReader::open(clip_.toStdString());
    QVERIFY(reader);
    const auto frames = decodeAll(**reader);
    const QString raw = dir_.filePath(QStringLiteral("bwdif.gray"));
    QCOMPARE(cf::test::runFfmpeg({"-i", clip_, "-vf", "bwdif=mode=send_frame:parity=tff:deint=all",
                                  "-f", "rawvideo", "-pix_fmt", "gray", raw}),
             QString());
    QFile f(raw);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray ours;
    for (const FramePtr& frame : frames)
      ours.append(reinterpret_cast<const char*>(frame->y.data),
                  static_cast<qsizetype>(frame->y.total()));
    QCOMPARE(ours.size(), f.size());
    QVERIFY(ours == f.readAll());
  }

  void seekingGivesTheSamePixelsAsReadingFromTheStart() {
    auto reader = VideoReader::open(clip_.toStdString());
    QVERIFY(reader);
    const auto frames = decodeAll(**reader);
    // Keyframes (5, 10, 15), the frames after them, the first and the last frame.
    for (int64_t index : {10, 5, 11, 0, 39, 15, 6, 35}) {
      auto frame = (*reader)->frameAt(index);
      QVERIFY2(frame, frame ? "" : frame.message().c_str());
      QVERIFY2(cf::test::samePlanes(*frame.value(), *frames[static_cast<size_t>(index)]),
               qPrintable(QStringLiteral("frame %1 differs after a seek").arg(index)));
    }
  }

  void onForcesTheFilterOnAProgressiveStream() {
    const QString progressive = dir_.filePath(QStringLiteral("progressive.mkv"));
    QCOMPARE(cf::test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-frames:v",
                                  "6", "-c:v", "ffv1", progressive}),
             QString());
    auto plain = VideoReader::open(progressive.toStdString());
    QVERIFY(plain);
    QVERIFY(!(*plain)->info().deinterlaced);
    InputOptions on;
    on.deinterlace = Deinterlace::On;
    auto forced = VideoReader::open(progressive.toStdString(), on);
    QVERIFY(forced);
    QVERIFY((*forced)->info().deinterlaced);
    QCOMPARE(decodeAll(**forced).size(), size_t{6});
  }
};

QTEST_GUILESS_MAIN(TestDeinterlace)
#include "tst_deinterlace.moc"
