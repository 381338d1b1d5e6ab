// DPX output keeps the timecode (issue 17): each file of a DPX sequence written with a start
// timecode carries its own frame's timecode and the rate in the SMPTE 268M industry headers, reads
// back through Chromaflow's and FFmpeg's readers with the same pixels as a file without them.

#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "MediaCompare.h"
#include "media/DpxHeader.h"
#include "media/ImageSequenceWriter.h"
#include "media/VideoReader.h"

namespace {

cv::Mat ramp(int frame) {
  cv::Mat rgb(36, 48, CV_16UC3);
  for (int y = 0; y < rgb.rows; ++y)
    for (int x = 0; x < rgb.cols; ++x)
      rgb.at<cv::Vec3w>(y, x) =
          cv::Vec3w(static_cast<uint16_t>(x * 1300 + frame * 97), static_cast<uint16_t>(y * 1700),
                    static_cast<uint16_t>(40000 - x * 500));
  return rgb;
}

QString writeSequence(const QString& pattern, const std::string& timecode) {
  cf::media::ImageWriterSettings s;
  s.output_path = pattern.toStdString();
  s.start_number = 1;
  s.width_px = 48;
  s.height_px = 36;
  s.bit_depth = 10;
  s.timecode = timecode;
  s.fps = cf::media::Rational{25, 1};
  auto writer = cf::media::ImageSequenceWriter::create(s);
  if (!writer)
    return QString::fromStdString(writer.message());
  for (int i = 0; i < 3; ++i)
    if (cf::Status w = (*writer)->writeRgb(ramp(i), i); !w)
      return QString::fromStdString(w.message());
  return {};
}

}  // namespace

class TestDpxTimecode : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void eachFileCarriesItsOwnTimecodeAndTheRate() {
    const QString pattern = dir_.filePath(QStringLiteral("tc_%04d.dpx"));
    QCOMPARE(writeSequence(pattern, "01:00:59:24"), QString());
    const auto third =
        cf::media::readDpxHeader(dir_.filePath(QStringLiteral("tc_0003.dpx")).toStdString());
    QCOMPARE(QString::fromStdString(third.timecode), QStringLiteral("01:01:00:01"));
    QCOMPARE(third.fps.num, 25);
    QCOMPARE(third.fps.den, 1);

    auto reader = cf::media::VideoReader::open(pattern.toStdString());
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    QCOMPARE(QString::fromStdString((*reader)->info().timecode), QStringLiteral("01:00:59:24"));
    QCOMPARE((*reader)->info().frame_count, int64_t{3});
    QCOMPARE((*reader)->info().bit_depth, 10);

    // The same pixels as a sequence written without industry headers.
    const QString plain = dir_.filePath(QStringLiteral("plain_%04d.dpx"));
    QCOMPARE(writeSequence(plain, ""), QString());
    QVERIFY(cf::media::readDpxHeader(dir_.filePath(QStringLiteral("plain_0001.dpx")).toStdString())
                .timecode.empty());
    auto plain_reader = cf::media::VideoReader::open(plain.toStdString());
    QVERIFY(plain_reader);
    for (int i = 0; i < 3; ++i) {
      auto a = (*reader)->next();
      auto b = (*plain_reader)->next();
      QVERIFY(a && b && a.value() && b.value());
      QVERIFY(cf::test::samePlanes(*a.value(), *b.value()));
    }
  }

  void leavesOtherDataAlone() {
    const uint8_t junk[2000] = {'S', 'D', 'P', 'X'};
    QVERIFY(cf::media::dpxWithTimecode(junk, sizeof junk, "01:00:00:00", {25, 1}).empty());
    QVERIFY(cf::media::dpxWithTimecode(junk, 100, "01:00:00:00", {25, 1}).empty());
  }
};

QTEST_GUILESS_MAIN(TestDpxTimecode)
#include "tst_dpx_timecode.moc"
