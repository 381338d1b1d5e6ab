// Image sequences and photos in and out (core/media): generated 16-bit PNG, 10-bit DPX and 16-bit
// TIFF sequences read with the exact frame count, start number and values, by pattern, first file
// and folder; a gap reported with the missing numbers; the DPX header's rate; a JPEG's EXIF
// orientation; the image writer's depths, temporary names and resume check.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/TestMedia.h"
#include "media/ImageMetadata.h"
#include "media/ImageSequence.h"
#include "media/ImageSequenceWriter.h"
#include "media/VideoReader.h"

using namespace cf;

namespace {

/// A 64x32 grey ramp sequence of `frames` files from `start`, made by ffmpeg in `pix_fmt`.
QString makeRampSequence(const QString& pattern, int start, int frames, const QString& pix_fmt) {
  return test::runFfmpeg(
      {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
       QStringLiteral("nullsrc=s=64x32:r=24,format=gray16le,geq=lum='(X*1000+Y*17+N*3)':cb=0:cr=0"),
       QStringLiteral("-frames:v"), QString::number(frames), QStringLiteral("-pix_fmt"), pix_fmt,
       QStringLiteral("-start_number"), QString::number(start), pattern});
}

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestImageSequence : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString sub(const QString& name) {
    QDir(dir_.path()).mkpath(name);
    return dir_.filePath(name);
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void png16SequenceByPatternFileAndFolder() {
    const QString folder = sub(QStringLiteral("png16"));
    const QString pattern = folder + QStringLiteral("/f_%04d.png");
    QCOMPARE(makeRampSequence(pattern, 7, 5, QStringLiteral("gray16be")), QString());
    for (const QString& path : {pattern, folder + QStringLiteral("/f_0007.png"), folder}) {
      auto reader = media::VideoReader::open(path.toStdString());
      QVERIFY2(reader, reader ? "" : reader.message().c_str());
      const media::StreamInfo& info = (*reader)->info();
      QCOMPARE(info.frame_count, int64_t(5));
      QCOMPARE(info.image_first_number, int64_t(7));
      QCOMPARE(info.bit_depth, 16);
      QCOMPARE(info.fps, (media::Rational{24, 1}));
      QVERIFY(!info.still_image);
      for (int i = 0; i < 5; ++i) {
        auto frame = (*reader)->next();
        QVERIFY(frame && *frame);
        QCOMPARE((*frame)->bit_depth, 16);
        QVERIFY((*frame)->full_range);
        const cv::Mat expected = cv::imread(
            QStringLiteral("%1/f_%2.png").arg(folder).arg(7 + i, 4, 10, QChar('0')).toStdString(),
            cv::IMREAD_UNCHANGED);
        QCOMPARE(expected.type(), CV_16UC1);
        QCOMPARE(cv::norm((*frame)->y, expected, cv::NORM_INF), 0.0);  // every value exact
      }
      auto end = (*reader)->next();
      QVERIFY(end && !*end);
    }
  }

  void tiff16SequenceExactValues() {
    const QString folder = sub(QStringLiteral("tif16"));
    const QString pattern = folder + QStringLiteral("/scan.%06d.tif");
    QCOMPARE(makeRampSequence(pattern, 0, 4, QStringLiteral("gray16le")), QString());
    auto reader = media::VideoReader::open(pattern.toStdString(), {media::Rational{25, 1}, false});
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    QCOMPARE((*reader)->info().frame_count, int64_t(4));
    QCOMPARE((*reader)->info().fps, (media::Rational{25, 1}));
    auto third = (*reader)->frameAt(2);  // seeking works too
    QVERIFY(third && *third);
    const cv::Mat expected = cv::imread((folder + QStringLiteral("/scan.000002.tif")).toStdString(),
                                        cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm((*third)->y, expected, cv::NORM_INF), 0.0);
  }

  void dpx10Sequence() {
    const QString folder = sub(QStringLiteral("dpx10"));
    const QString pattern = folder + QStringLiteral("/r1_%05d.dpx");
    QCOMPARE(makeRampSequence(pattern, 86400, 3, QStringLiteral("gbrp10le")), QString());
    auto reader =
        media::VideoReader::open((folder + QStringLiteral("/r1_86400.dpx")).toStdString());
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    const media::StreamInfo& info = (*reader)->info();
    QCOMPARE(info.frame_count, int64_t(3));
    QCOMPARE(info.image_first_number, int64_t(86400));
    QCOMPARE(info.bit_depth, 10);
    auto frame = (*reader)->next();
    QVERIFY(frame && *frame);
    QCOMPARE((*frame)->bit_depth, 10);
    // Grey: R = G = B = the 16-bit ramp value scaled to 10 bits; Y is that value (full range).
    const cv::Mat& y = (*frame)->y;
    double worst = 0.0;
    for (int r = 0; r < y.rows; ++r)
      for (int c = 0; c < y.cols; ++c) {
        const double v16 = std::min(65535, c * 1000 + r * 17);
        worst = std::max(worst, std::abs(y.at<uint16_t>(r, c) - std::round(v16 * 1023 / 65535)));
      }
    QVERIFY2(worst <= 1.0, qPrintable(QString::number(worst)));
  }

  void gapIsReportedWithTheMissingNumbers() {
    const QString folder = sub(QStringLiteral("gap"));
    const QString pattern = folder + QStringLiteral("/g_%03d.png");
    QCOMPARE(makeRampSequence(pattern, 1, 8, QStringLiteral("gray")), QString());
    QVERIFY(QFile::remove(folder + QStringLiteral("/g_004.png")));
    QVERIFY(QFile::remove(folder + QStringLiteral("/g_005.png")));
    for (const QString& path : {pattern, folder}) {
      auto reader = media::VideoReader::open(path.toStdString());
      QVERIFY(!reader);
      QVERIFY2(reader.message().find("missing") != std::string::npos &&
                   reader.message().find("4, 5") != std::string::npos,
               reader.message().c_str());
    }
  }

  void singlePhotoAndNumberedPhotoAsOneImage() {
    const QString folder = sub(QStringLiteral("photo"));
    const QString pattern = folder + QStringLiteral("/IMG_%04d.png");
    QCOMPARE(makeRampSequence(pattern, 1, 2, QStringLiteral("gray")), QString());
    const std::string first = (folder + QStringLiteral("/IMG_0001.png")).toStdString();
    auto single = media::VideoReader::open(first, {media::Rational{}, true});
    QVERIFY2(single, single ? "" : single.message().c_str());
    QCOMPARE((*single)->info().frame_count, int64_t(1));
    QVERIFY((*single)->info().still_image);
    auto sequence = media::VideoReader::open(first);
    QVERIFY(sequence);
    QCOMPARE((*sequence)->info().frame_count, int64_t(2));
  }

  void dpxHeaderRateAndTimecode() {
    // FFmpeg writes DPX without the film and TV headers: give one a 2048-byte header holding a
    // 23.976 fps film rate and the timecode 01:00:00:12 (big-endian), as scanners do.
    const QString folder = sub(QStringLiteral("dpxrate"));
    const QString plain = folder + QStringLiteral("/plain.dpx");
    QCOMPARE(test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("testsrc2=s=32x16"), QStringLiteral("-frames:v"),
                              QStringLiteral("1"), QStringLiteral("-pix_fmt"),
                              QStringLiteral("rgb48be"), plain}),
             QString());
    QByteArray bytes = fileBytes(plain);
    QVERIFY(bytes.startsWith("SDPX"));
    auto be32 = [&](int at) {
      return quint32(uchar(bytes[at])) << 24 | quint32(uchar(bytes[at + 1])) << 16 |
             quint32(uchar(bytes[at + 2])) << 8 | quint32(uchar(bytes[at + 3]));
    };
    auto put32 = [&](int at, quint32 v) {
      for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((v >> (24 - 8 * i)) & 0xFF);
    };
    const quint32 offset = be32(4);
    QVERIFY(offset <= 2048);
    bytes.insert(int(offset), QByteArray(int(2048 - offset), '\xFF'));
    put32(4, 2048);
    put32(16, quint32(bytes.size()));
    const float rate = 24000.f / 1001.f;
    quint32 rate_bits = 0;
    std::memcpy(&rate_bits, &rate, 4);
    put32(1724, rate_bits);
    put32(1920, 0x01000012);
    for (int i = 0; i < 3; ++i) {
      QFile f(QStringLiteral("%1/tk_%2.dpx").arg(folder).arg(i + 1, 3, 10, QChar('0')));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(bytes);
    }
    auto reader = media::VideoReader::open((folder + QStringLiteral("/tk_%03d.dpx")).toStdString());
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    QCOMPARE((*reader)->info().fps, (media::Rational{24000, 1001}));
    QCOMPARE((*reader)->info().timecode, std::string("01:00:00:12"));
    QCOMPARE((*reader)->info().frame_count, int64_t(3));
  }

  void jpegExifOrientationIsApplied() {
    // A 48x24 JPEG with an APP1 EXIF segment saying "rotate 90 degrees clockwise" (6).
    const QString plain = dir_.filePath(QStringLiteral("wide.jpg"));
    cv::Mat img(24, 48, CV_8UC3, cv::Scalar(40, 40, 40));
    img(cv::Rect(0, 0, 12, 24)).setTo(cv::Scalar(230, 230, 230));  // bright left edge
    QVERIFY(cv::imwrite(plain.toStdString(), img));
    QByteArray jpeg = fileBytes(plain);
    const QByteArray exif = QByteArray("\xFF\xE1\x00\x22", 4) + QByteArray("Exif\0\0", 6) +
                            QByteArray("MM\x00\x2A\x00\x00\x00\x08", 8) +
                            QByteArray("\x00\x01", 2) +
                            QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00", 12) +
                            QByteArray("\x00\x00\x00\x00", 4);
    jpeg.insert(2, exif);
    const QString rotated = dir_.filePath(QStringLiteral("rotated.jpg"));
    QFile f(rotated);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(jpeg);
    f.close();
    QCOMPARE(media::imageOrientation(rotated.toStdString()), 6);
    auto reader = media::VideoReader::open(rotated.toStdString());
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    QCOMPARE((*reader)->info().width_px, 24);
    QCOMPARE((*reader)->info().height_px, 48);
    auto frame = (*reader)->next();
    QVERIFY(frame && *frame);
    QCOMPARE((*frame)->y.cols, 24);
    QCOMPARE((*frame)->y.rows, 48);
    // Turned clockwise, the bright left edge is now at the top.
    QVERIFY(cv::mean((*frame)->y.rowRange(0, 8))[0] >
            cv::mean((*frame)->y.rowRange(40, 48))[0] + 100);
    QCOMPARE((*frame)->u.size(), (*frame)->y.size());
  }

  void writerDepthsRoundTrip() {
    const QString folder = sub(QStringLiteral("out"));
    cv::Mat rgb16(20, 30, CV_16UC3);
    cv::randu(rgb16, 0, 65536);
    for (const char* ext : {"png", "tif"}) {
      media::ImageWriterSettings s;
      s.output_path = (folder + QStringLiteral("/o_%03d.") + ext).toStdString();
      s.start_number = 5;
      s.width_px = 30;
      s.height_px = 20;
      s.bit_depth = 16;
      auto writer = media::ImageSequenceWriter::create(s);
      QVERIFY2(writer, writer ? "" : writer.message().c_str());
      QCOMPARE((*writer)->bitDepth(), 16);
      QVERIFY((*writer)->writeRgb(rgb16, 0).ok());
      const QString path = folder + QStringLiteral("/o_005.") + ext;
      cv::Mat back = cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
      QCOMPARE(back.type(), CV_16UC3);
      cv::cvtColor(back, back, cv::COLOR_BGR2RGB);
      QCOMPARE(cv::norm(back, rgb16, cv::NORM_INF), 0.0);  // 16 bits kept exactly
    }
    media::ImageWriterSettings s;
    s.output_path = (folder + QStringLiteral("/d_%04d.dpx")).toStdString();
    s.width_px = 30;
    s.height_px = 20;
    s.bit_depth = 10;
    auto writer = media::ImageSequenceWriter::create(s);
    QVERIFY(writer);
    QCOMPARE((*writer)->bitDepth(), 10);
    for (int i = 0; i < 3; ++i)
      QVERIFY((*writer)->writeRgb(rgb16, i).ok());
    auto reader = media::VideoReader::open(s.output_path);
    QVERIFY2(reader, reader ? "" : reader.message().c_str());
    QCOMPARE((*reader)->info().bit_depth, 10);
    QCOMPARE((*reader)->info().frame_count, int64_t(3));
  }

  void writerResumeCheckAndTemporaryNames() {
    const QString folder = sub(QStringLiteral("resume"));
    media::ImageWriterSettings s;
    s.output_path = (folder + QStringLiteral("/r_%02d.png")).toStdString();
    s.width_px = 16;
    s.height_px = 8;
    cv::Mat rgb(8, 16, CV_8UC3, cv::Scalar(10, 100, 200));
    {
      auto writer = media::ImageSequenceWriter::create(s);
      QVERIFY(writer);
      for (int i = 0; i < 3; ++i)
        QVERIFY((*writer)->writeRgb(rgb, i).ok());
    }
    // What a killed run leaves: a temporary file, and a frame cut short.
    QFile stale(folder + QStringLiteral("/.r_03.partial-abc123.png"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("half");
    stale.close();
    QFile cut(folder + QStringLiteral("/r_02.png"));
    QVERIFY(cut.resize(20));
    auto writer = media::ImageSequenceWriter::create(s);
    QVERIFY(writer);
    QVERIFY(!QFile::exists(stale.fileName()));
    QVERIFY((*writer)->verifyExisting(0));
    QVERIFY((*writer)->verifyExisting(1));
    QVERIFY(!(*writer)->verifyExisting(2));  // damaged: written again
    QVERIFY(!(*writer)->verifyExisting(3));  // missing
    QCOMPARE((*writer)->framesSkipped(), int64_t(2));
    // Frame files appear only complete: no temporary file is left behind.
    QVERIFY((*writer)->writeRgb(rgb, 2).ok());
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 3);
    // A single image output refuses a pattern-less name with '%'.
    s.output_path = (folder + QStringLiteral("/bad%.png")).toStdString();
    QVERIFY(!media::ImageSequenceWriter::create(s));
  }
};

QTEST_GUILESS_MAIN(TestImageSequence)
#include "tst_image_sequence.moc"
