// Tests of cf::media::VideoWriter: round-trips through every codec (FFV1 exact), RGB input,
// timestamps/VFR kept, audio kept in MP4/MKV/MOV (copied packet for packet) or re-encoded with a
// note, the temporary file and its removal on abort/failure, and refused output paths.

#include <unistd.h>

#include <cstring>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "MediaCompare.h"
#include "common/TestMedia.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"

using cf::VideoCodec;
using cf::media::ChromaFormat;
using cf::media::VideoReader;
using cf::media::VideoWriter;
using cf::media::VideoWriterSettings;

namespace {

/// A smooth moving pattern (compresses like real video) at `depth` bits, chroma `log2` shifts.
cf::media::Frame pattern(int index, int width, int height, int depth, int log2_w, int log2_h) {
  cf::media::Frame frame;
  frame.bit_depth = depth;
  const int type = depth > 8 ? CV_16UC1 : CV_8UC1;
  const double scale = depth > 8 ? 4.0 : 1.0;
  frame.y.create(height, width, type);
  for (int r = 0; r < height; ++r)
    for (int c = 0; c < width; ++c) {
      const double value = 40 + 150.0 * (0.5 + 0.5 * std::sin((c + 2 * index) * 0.15) *
                                                   std::cos(r * 0.1 + index * 0.2));
      if (depth > 8)
        frame.y.at<uint16_t>(r, c) = static_cast<uint16_t>(value * scale + (c % 3));
      else
        frame.y.at<uint8_t>(r, c) = static_cast<uint8_t>(value);
    }
  const cv::Size chroma((width + (1 << log2_w) - 1) >> log2_w,
                        (height + (1 << log2_h) - 1) >> log2_h);
  cv::resize(frame.y, frame.u, chroma, 0, 0, cv::INTER_AREA);
  frame.v = cv::Scalar::all((depth > 8 ? 1023 : 255)) - frame.u;
  frame.u = frame.u * 0.5 + cv::Scalar::all(64 * scale);
  return frame;
}

QByteArray md5(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {};
  return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Md5);
}

QStringList partialFiles(const QString& dir) {
  return QDir(dir).entryList({QStringLiteral(".*partial*")}, QDir::Files | QDir::Hidden);
}

/// The first decoded audio samples of `path` as mono s16.
std::vector<int16_t> decodedAudio(const QString& path) {
  QProcess ffmpeg;
  ffmpeg.start(
      QStringLiteral("ffmpeg"),
      {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
       QStringLiteral("-map"), QStringLiteral("0:a:0"), QStringLiteral("-ac"), QStringLiteral("1"),
       QStringLiteral("-f"), QStringLiteral("s16le"), QStringLiteral("-")});
  if (!ffmpeg.waitForFinished(30000))
    return {};
  const QByteArray raw = ffmpeg.readAllStandardOutput();
  std::vector<int16_t> samples(static_cast<size_t>(raw.size()) / 2);
  std::memcpy(samples.data(), raw.constData(), samples.size() * 2);
  return samples;
}

}  // namespace

class TestVideoWriter : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString path(const QString& name) const { return dir_.filePath(name); }

  VideoWriterSettings settings(const QString& name, VideoCodec codec, int w = 66, int h = 50) {
    VideoWriterSettings s;
    s.output_path = path(name).toStdString();
    s.codec = codec;
    s.width_px = w;
    s.height_px = h;
    s.fps = {25, 1};
    s.time_base = {1, 25};
    s.preset = "ultrafast";
    return s;
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  /// An image-sequence codec for a video file is refused up front, saying what to do.
  void imageCodecForAVideoFileIsRefused() {
    const std::string out = dir_.filePath("seq.mkv").toStdString();
    const cf::Status s = cf::media::checkVideoTarget(out, cf::VideoCodec::DpxSequence);
    QVERIFY(!s.ok());
    QVERIFY2(s.message().find("one image per frame") != std::string::npos, s.message().c_str());
    QVERIFY(cf::media::checkVideoTarget(out, cf::VideoCodec::FFV1).ok());
  }

  void ffv1RoundTripIsExact_data() {
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("log2_w");
    QTest::addColumn<int>("log2_h");
    QTest::newRow("8-bit 4:2:0 odd size") << 8 << 1 << 1;
    QTest::newRow("10-bit 4:2:2") << 10 << 1 << 0;
    QTest::newRow("8-bit 4:4:4") << 8 << 0 << 0;
  }
  void ffv1RoundTripIsExact() {
    QFETCH(int, depth);
    QFETCH(int, log2_w);
    QFETCH(int, log2_h);
    auto s = settings(QStringLiteral("ffv1_%1_%2%3.mkv").arg(depth).arg(log2_w).arg(log2_h),
                      VideoCodec::FFV1, 67, 51);
    s.bit_depth = depth;
    s.chroma = log2_w == 0   ? ChromaFormat::k444
               : log2_h == 0 ? ChromaFormat::k422
                             : ChromaFormat::k420;
    auto writer = VideoWriter::create(s);
    QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
    std::vector<cf::media::Frame> written;
    for (int i = 0; i < 12; ++i) {
      written.push_back(pattern(i, 67, 51, depth, log2_w, log2_h));
      written.back().pts = i;
      QVERIFY(writer.value()->write(written.back()).ok());
    }
    QVERIFY(writer.value()->finish().ok());
    auto reader = VideoReader::open(s.output_path);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QCOMPARE(reader.value()->info().frame_count, 12);
    QVERIFY(qAbs(reader.value()->info().duration_s - 12 / 25.0) < 1e-3);
    for (int i = 0; i < 12; ++i) {
      auto frame = reader.value()->next();
      QVERIFY(frame.ok() && frame.value());
      QCOMPARE(frame.value()->bit_depth, depth);
      QVERIFY2(cf::test::samePlanes(*frame.value(), written[size_t(i)]),
               qPrintable(QStringLiteral("frame %1 differs").arg(i)));
    }
  }

  void lossyCodecsRoundTrip_data() {
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("min_psnr");
    QTest::newRow("h264 mp4") << int(VideoCodec::H264) << "h264.mp4" << 38.0;
    QTest::newRow("h264 mkv") << int(VideoCodec::H264) << "h264.mkv" << 38.0;
    QTest::newRow("h265 mp4") << int(VideoCodec::H265) << "h265.mp4" << 36.0;
    QTest::newRow("prores mov") << int(VideoCodec::ProRes) << "prores.mov" << 40.0;
  }
  void lossyCodecsRoundTrip() {
    QFETCH(int, codec);
    QFETCH(QString, file);
    QFETCH(double, min_psnr);
    auto s = settings(file, static_cast<VideoCodec>(codec), 64, 48);
    auto writer = VideoWriter::create(s);
    QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
    std::vector<cf::media::Frame> written;
    for (int i = 0; i < 15; ++i) {
      written.push_back(pattern(i, 64, 48, 8, 1, 1));
      written.back().pts = i;
      QVERIFY(writer.value()->write(written.back()).ok());
    }
    QVERIFY(writer.value()->finish().ok());
    auto reader = VideoReader::open(s.output_path);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QCOMPARE(reader.value()->info().frame_count, 15);
    QVERIFY(qAbs(reader.value()->info().duration_s - 15 / 25.0) < 1e-3);
    for (int i = 0; i < 15; ++i) {
      auto frame = reader.value()->next();
      QVERIFY(frame.ok() && frame.value());
      QCOMPARE(frame.value()->index, i);
      cv::Mat y = frame.value()->y;
      if (frame.value()->bit_depth > 8)  // ProRes is 10-bit: compare on the 8-bit scale
        y.convertTo(y, CV_8U, 1.0 / 4.0);
      const double db = cf::test::psnr(y, written[size_t(i)].y, 255);
      QVERIFY2(db > min_psnr, qPrintable(QStringLiteral("frame %1: %2 dB").arg(i).arg(db)));
    }
  }

  void rgbInputUsesBt709() {
    auto s = settings(QStringLiteral("rgb.mkv"), VideoCodec::FFV1, 32, 16);
    s.chroma = ChromaFormat::k444;
    auto writer = VideoWriter::create(s);
    QVERIFY(writer.ok());
    const cv::Vec3b colours[] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {200, 150, 100}};
    for (const auto& rgb : colours)
      QVERIFY(writer.value()
                  ->writeRgb(cv::Mat(16, 32, CV_8UC3, cv::Scalar(rgb[0], rgb[1], rgb[2])))
                  .ok());
    QVERIFY(writer.value()->finish().ok());
    auto reader = VideoReader::open(s.output_path);
    QVERIFY(reader.ok());
    QCOMPARE(reader.value()->info().frame_count, 4);
    for (const auto& rgb : colours) {
      auto frame = reader.value()->next();
      QVERIFY(frame.ok() && frame.value());
      const double expected_y =
          16 + 219 * (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255.0;
      const double y = cv::mean(frame.value()->y)[0];
      QVERIFY2(qAbs(y - expected_y) < 1.5,
               qPrintable(QStringLiteral("%1 vs %2").arg(y).arg(expected_y)));
    }
  }

  void variableTimestampsAreKept_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("mp4") << "vfr.mp4";
    QTest::newRow("mkv") << "vfr.mkv";
  }
  void variableTimestampsAreKept() {
    QFETCH(QString, file);
    auto s = settings(file, VideoCodec::H264, 64, 48);
    s.time_base = {1, 1000};
    auto writer = VideoWriter::create(s);
    QVERIFY(writer.ok());
    const int64_t pts_ms[] = {0, 40, 80, 200, 400, 440, 1000, 1040};
    for (size_t i = 0; i < 8; ++i) {
      auto frame = pattern(int(i), 64, 48, 8, 1, 1);
      QVERIFY(writer.value()->writePlanes(frame.y, frame.u, frame.v, 8, pts_ms[i], 40).ok());
    }
    QVERIFY(writer.value()->finish().ok());
    auto reader = VideoReader::open(s.output_path);
    QVERIFY(reader.ok());
    QVERIFY(reader.value()->info().variable_frame_rate);
    QCOMPARE(reader.value()->info().frame_count, 8);
    QVERIFY(qAbs(reader.value()->info().duration_s - 1.08) < 1e-3);
    for (size_t i = 0; i < 8; ++i) {
      auto frame = reader.value()->next();
      QVERIFY(frame.ok() && frame.value());
      QVERIFY2(qAbs(frame.value()->time_s - pts_ms[i] / 1000.0) < 1e-3,
               qPrintable(QString::number(frame.value()->time_s)));
    }
  }

  void rotationAndAspectAreStored() {
    auto s = settings(QStringLiteral("rot.mp4"), VideoCodec::H264, 64, 48);
    s.rotation_deg = 90;
    s.sample_aspect = {16, 15};
    auto writer = VideoWriter::create(s);
    QVERIFY(writer.ok());
    for (int i = 0; i < 3; ++i) {
      auto frame = pattern(i, 64, 48, 8, 1, 1);
      QVERIFY(writer.value()->writePlanes(frame.y, frame.u, frame.v, 8).ok());
    }
    QVERIFY(writer.value()->finish().ok());
    auto reader = VideoReader::open(s.output_path);
    QVERIFY(reader.ok());
    QCOMPARE(reader.value()->info().rotation_deg, 90);
    QCOMPARE(reader.value()->info().sample_aspect.num, 16);
    QCOMPARE(reader.value()->info().sample_aspect.den, 15);
  }

  void audioIsCopiedInEveryContainer_data() {
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("file");
    QTest::newRow("h264 mp4") << int(VideoCodec::H264) << "audio.mp4";
    QTest::newRow("ffv1 mkv") << int(VideoCodec::FFV1) << "audio.mkv";
    QTest::newRow("prores mov") << int(VideoCodec::ProRes) << "audio.mov";
  }
  void audioIsCopiedInEveryContainer() {
    QFETCH(int, codec);
    QFETCH(QString, file);
    const QString source = path(QStringLiteral("source_aac.mp4"));
    if (!QFile::exists(source)) {
      cf::test::ClipSpec spec;
      spec.path = source;
      spec.width_px = 64;
      spec.height_px = 48;
      spec.frames = 30;
      spec.audio_codec = QStringLiteral("aac");
      QCOMPARE(cf::test::makeClip(spec), QString());
    }
    auto in = VideoReader::open(source.toStdString());
    QVERIFY(in.ok());
    auto s = settings(file, static_cast<VideoCodec>(codec), 64, 48);
    s.time_base = in.value()->info().time_base;
    s.audio_source_path = source.toStdString();
    s.source_path = source.toStdString();
    auto writer = VideoWriter::create(s);
    QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
    while (true) {
      auto frame = in.value()->next();
      QVERIFY(frame.ok());
      if (!frame.value())
        break;
      QVERIFY(writer.value()->write(*frame.value()).ok());
    }
    QVERIFY(writer.value()->finish().ok());
    QVERIFY(writer.value()->notes().empty());
    const QString out = QString::fromStdString(s.output_path);
    QCOMPARE(cf::test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("codec_name")),
             QStringLiteral("aac"));
    const int source_packets = cf::test::packetCount(source, QStringLiteral("a:0"));
    QVERIFY(source_packets > 10);
    QCOMPARE(cf::test::packetCount(out, QStringLiteral("a:0")), source_packets);
    auto check = VideoReader::open(s.output_path);
    QVERIFY(check.ok());
    QCOMPARE(check.value()->info().frame_count, in.value()->info().frame_count);
    QVERIFY(qAbs(check.value()->info().duration_s - in.value()->info().duration_s) < 1e-3);
    QCOMPARE(check.value()->info().audio_streams.size(), size_t(1));
    QVERIFY(qAbs(check.value()->info().audio_streams[0].duration_s -
                 in.value()->info().audio_streams[0].duration_s) < 0.03);
  }

  void audioThatDoesNotFitIsReencodedWithANote() {
    cf::test::ClipSpec spec;
    spec.path = path(QStringLiteral("source_pcm.mkv"));
    spec.width_px = 64;
    spec.height_px = 48;
    spec.frames = 25;
    spec.audio_codec = QStringLiteral("pcm_s16le");
    QCOMPARE(cf::test::makeClip(spec), QString());
    const double source_audio_s = 1.0;  // 25 frames at 25 fps, sine of the same length
    QCOMPARE(cf::test::streamValue(spec.path, QStringLiteral("a:0"),
                                   QStringLiteral("stream_tags=DURATION")),
             QStringLiteral("00:00:01.000000000"));
    for (const char* name : {"pcm_to.mp4", "pcm_to.mkv"}) {
      auto s = settings(QLatin1String(name), VideoCodec::H264, 64, 48);
      s.audio_source_path = spec.path.toStdString();
      auto writer = VideoWriter::create(s);
      QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
      for (int i = 0; i < 25; ++i) {
        auto frame = pattern(i, 64, 48, 8, 1, 1);
        auto written = writer.value()->writePlanes(frame.y, frame.u, frame.v, 8);
        QVERIFY2(written.ok(), written.message().c_str());
      }
      QVERIFY(writer.value()->finish().ok());
      const QString out = QString::fromStdString(s.output_path);
      const QString codec =
          cf::test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("codec_name"));
      if (out.endsWith(QStringLiteral(".mp4"))) {  // MP4 cannot hold PCM: AAC and a note
        QCOMPARE(codec, QStringLiteral("aac"));
        QCOMPARE(writer.value()->notes().size(), size_t(1));
        const std::string& note = writer.value()->notes().front();
        QVERIFY2(note.find("pcm_s16le") != std::string::npos &&
                     note.find("re-encoded to AAC") != std::string::npos,
                 note.c_str());
        const double out_audio_s =
            cf::test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("duration"))
                .toDouble();
        QVERIFY2(qAbs(out_audio_s - source_audio_s) < 0.05,
                 qPrintable(QStringLiteral("%1 vs %2").arg(out_audio_s).arg(source_audio_s)));
      } else {  // Matroska holds PCM: copied, no note
        QCOMPARE(codec, QStringLiteral("pcm_s16le"));
        QVERIFY(writer.value()->notes().empty());
        QCOMPARE(cf::test::packetCount(out, QStringLiteral("a:0")),
                 cf::test::packetCount(spec.path, QStringLiteral("a:0")));
      }
    }
  }

  // A range export (frames 10..34 of 50 at 25 fps: source 0.4 s .. 1.4 s) keeps the audio of that
  // range, moved to start with the video at 0. The source audio is a ramp (sample value grows with
  // time), so the decoded output tells which source time it came from.
  void rangeExportKeepsItsAudio_data() {
    QTest::addColumn<QString>("audio_codec");
    QTest::addColumn<QString>("source_ext");
    QTest::addColumn<QString>("out_file");
    QTest::addColumn<QString>("out_codec");
    QTest::newRow("aac copied in mp4") << "aac"
                                       << ".mp4"
                                       << "range_aac.mp4"
                                       << "aac";
    QTest::newRow("pcm copied in mkv") << "pcm_s16le"
                                       << ".mkv"
                                       << "range_pcm.mkv"
                                       << "pcm_s16le";
    QTest::newRow("pcm re-encoded in mp4") << "pcm_s16le"
                                           << ".mkv"
                                           << "range_pcm.mp4"
                                           << "aac";
  }
  void rangeExportKeepsItsAudio() {
    QFETCH(QString, audio_codec);
    QFETCH(QString, source_ext);
    QFETCH(QString, out_file);
    QFETCH(QString, out_codec);
    const QString source = path(QStringLiteral("ramp_") + audio_codec + source_ext);
    if (!QFile::exists(source))
      QCOMPARE(cf::test::runFfmpeg(
                   {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=size=64x48:rate=25"), QStringLiteral("-f"),
                    QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("aevalsrc=exprs=0.45*t:s=48000"), QStringLiteral("-t"),
                    QStringLiteral("2"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                    audio_codec, source}),
               QString());
    auto in = VideoReader::open(source.toStdString());
    QVERIFY2(in.ok(), in.ok() ? "" : in.message().c_str());
    const auto& info = in.value()->info();
    QCOMPARE(info.frame_count, int64_t(50));
    const int64_t first = 10;
    const int64_t last = 34;
    const auto [start_s, end_s] = in.value()->frameSpanS(first, last);
    const double origin_s = static_cast<double>(info.start_pts) * info.time_base.toDouble();
    QVERIFY(qAbs(start_s - origin_s - 0.4) < 1e-6 && qAbs(end_s - origin_s - 1.4) < 1e-6);

    auto s = settings(out_file, VideoCodec::H264, 64, 48);
    s.time_base = info.time_base;
    s.audio_source_path = source.toStdString();
    s.source_path = source.toStdString();
    s.audio_range = cf::media::AudioRange{start_s, end_s, origin_s};
    auto writer = VideoWriter::create(s);
    QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
    auto frame = in.value()->frameAt(first);
    const int64_t pts_offset = frame.ok() ? frame.value()->pts - info.start_pts : 0;
    for (int64_t i = first; i <= last; ++i) {
      QVERIFY(frame.ok() && frame.value());
      QCOMPARE(frame.value()->index, i);
      cf::media::Frame shifted = *frame.value();
      shifted.pts -= pts_offset;
      QVERIFY(writer.value()->write(shifted).ok());
      frame = in.value()->next();
    }
    QVERIFY(writer.value()->finish().ok());
    const QString out = QString::fromStdString(s.output_path);
    QCOMPARE(cf::test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("codec_name")),
             out_codec);
    QCOMPARE(writer.value()->notes().size(), size_t(out_codec == audio_codec ? 0 : 1));

    // Aligned: the audio starts with the video (copied audio: at the first whole packet of the
    // range, so up to one packet, 1024 samples, later), and lasts as long as the range.
    const double packet_s = 1024.0 / 48000.0 + 1e-3;
    const auto [audio_first_s, audio_end_s] = cf::test::audioPacketSpan(out);
    const double video_start_s =
        cf::test::streamValue(out, QStringLiteral("v:0"), QStringLiteral("start_time")).toDouble();
    const double audio_start_s =
        cf::test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("start_time")).toDouble();
    QVERIFY2(audio_start_s >= video_start_s - 1e-3 && audio_start_s <= video_start_s + packet_s,
             qPrintable(QStringLiteral("audio starts at %1 s, video at %2 s")
                            .arg(audio_start_s)
                            .arg(video_start_s)));
    const double range_s = end_s - start_s;
    const double audio_s = audio_end_s - audio_first_s;
    QVERIFY2(
        qAbs(audio_s - range_s) <= packet_s,
        qPrintable(QStringLiteral("audio lasts %1 s for a %2 s range").arg(audio_s).arg(range_s)));
    auto check = VideoReader::open(s.output_path);
    QVERIFY(check.ok());
    QCOMPARE(check.value()->info().frame_count, last - first + 1);

    // Content: the first output sample is the source sample of the time it is played at.
    if (out_codec == QLatin1String("pcm_s16le")) {
      const std::vector<int16_t> samples = decodedAudio(out);
      QVERIFY(samples.size() > 40000);
      const double source_time_s = samples.front() / (0.45 * 32767.0);
      const double expected_s = audio_start_s - video_start_s + (start_s - origin_s);
      // Within the source's timestamp precision (Matroska: 1 ms) and the ramp's (0.07 ms).
      QVERIFY2(qAbs(source_time_s - expected_s) < 1.2e-3,
               qPrintable(QStringLiteral("first sample is from %1 s of the source, expected %2 s")
                              .arg(source_time_s)
                              .arg(expected_s)));
      const double last_time_s = samples.back() / (0.45 * 32767.0);
      QVERIFY(last_time_s < end_s - origin_s + packet_s &&
              last_time_s > end_s - origin_s - packet_s);
    }
  }

  void abortAndFailureLeaveNoFile() {
    auto s = settings(QStringLiteral("aborted.mp4"), VideoCodec::H264, 64, 48);
    const QString out = QString::fromStdString(s.output_path);
    {
      auto writer = VideoWriter::create(s);
      QVERIFY(writer.ok());
      QCOMPARE(partialFiles(dir_.path()).size(), 1);  // the temporary file is next to the target
      QVERIFY(partialFiles(dir_.path()).front().startsWith(QStringLiteral(".aborted.partial-")));
      auto frame = pattern(0, 64, 48, 8, 1, 1);
      QVERIFY(writer.value()->writePlanes(frame.y, frame.u, frame.v, 8).ok());
      writer.value()->abort();
      QVERIFY(!QFile::exists(out));
      QVERIFY(partialFiles(dir_.path()).isEmpty());
      QVERIFY(!writer.value()->finish().ok());
    }
    {
      auto writer = VideoWriter::create(s);  // destroyed without finish()
      QVERIFY(writer.ok());
      auto frame = pattern(0, 64, 48, 8, 1, 1);
      QVERIFY(writer.value()->writePlanes(frame.y, frame.u, frame.v, 8).ok());
    }
    QVERIFY(!QFile::exists(out));
    QVERIFY(partialFiles(dir_.path()).isEmpty());
    {
      auto writer = VideoWriter::create(s);  // a bad frame fails the write
      QVERIFY(writer.ok());
      auto frame = pattern(0, 64, 48, 8, 1, 1);
      QVERIFY(writer.value()->writePlanes(frame.y, frame.u, frame.v, 8).ok());
      auto wrong = pattern(1, 32, 48, 8, 1, 1);
      auto failed = writer.value()->writePlanes(wrong.y, wrong.u, wrong.v, 8);
      QVERIFY(!failed.ok());
      QVERIFY2(failed.message().find("aborted.mp4' frame 1") != std::string::npos,
               failed.message().c_str());
      QVERIFY(!QFile::exists(out));
      QVERIFY(partialFiles(dir_.path()).isEmpty());
    }
    {
      auto writer = VideoWriter::create(s);  // finish with no frames
      QVERIFY(writer.ok());
      QVERIFY(!writer.value()->finish().ok());
      QVERIFY(!QFile::exists(out));
    }
  }

  void refusesToOverwriteTheInput() {
    cf::test::ClipSpec spec;
    spec.path = path(QStringLiteral("precious.mp4"));
    spec.width_px = 64;
    spec.height_px = 48;
    spec.frames = 5;
    QCOMPARE(cf::test::makeClip(spec), QString());
    const QByteArray before = md5(spec.path);
    QVERIFY(QFile::link(spec.path, path(QStringLiteral("link.mp4"))));
    const QStringList spellings{spec.path, dir_.path() + QStringLiteral("/./precious.mp4"),
                                path(QStringLiteral("link.mp4"))};
    for (const QString& output : spellings) {
      auto s = settings(QStringLiteral("unused.mp4"), VideoCodec::H264, 64, 48);
      s.output_path = output.toStdString();
      s.source_path = spec.path.toStdString();
      auto writer = VideoWriter::create(s);
      QVERIFY(!writer.ok());
      QVERIFY2(writer.message().find("it is the input file") != std::string::npos,
               writer.message().c_str());
    }
    QCOMPARE(md5(spec.path), before);
    QVERIFY(partialFiles(dir_.path()).isEmpty());
  }

  void unwritableOrBadOutputsGiveClearErrors() {
    QTemporaryDir locked;
    QString unwritable = locked.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(unwritable));
    QVERIFY(QFile::setPermissions(unwritable, QFile::ReadOwner | QFile::ExeOwner));
    if (geteuid() == 0)
      unwritable = QStringLiteral("/sys");  // root ignores permissions; sysfs refuses new files
    struct Case {
      QString output;
      VideoCodec codec;
      const char* expected;
    };
    const Case cases[] = {
        {unwritable + QStringLiteral("/out.mp4"), VideoCodec::H264, "is not writable"},
        {path(QStringLiteral("no/such/folder/out.mp4")), VideoCodec::H264, "does not exist"},
        {path(QStringLiteral("out.avi")), VideoCodec::H264, "Use .mp4, .mkv or .mov"},
        {path(QStringLiteral("ffv1.mp4")), VideoCodec::FFV1, "cannot be stored in .mp4"},
        {dir_.path(), VideoCodec::H264, "it is a folder"},
    };
    for (const Case& c : cases) {
      auto s = settings(QStringLiteral("unused.mp4"), c.codec, 64, 48);
      s.output_path = c.output.toStdString();
      auto writer = VideoWriter::create(s);
      QVERIFY2(!writer.ok(), qPrintable(c.output));
      QVERIFY2(writer.message().find(c.expected) != std::string::npos, writer.message().c_str());
      QVERIFY2(writer.message().find(c.output.toStdString()) != std::string::npos,
               writer.message().c_str());
      QVERIFY(!QFileInfo(c.output).isFile());
    }
    QVERIFY(partialFiles(dir_.path()).isEmpty());
    QFile::setPermissions(locked.filePath(QStringLiteral("ro")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  }
};

QTEST_GUILESS_MAIN(TestVideoWriter)
#include "tst_videowriter.moc"
