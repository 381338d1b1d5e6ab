// Image-sequence throughput at 2K (issue 17): a 2048x1556 10-bit DPX sequence (and a 16-bit TIFF
// one made from it) is
//   read:  decoded by VideoReader (planar YUV at full depth) vs `ffmpeg -i SEQ -pix_fmt
//          yuv444p10le|yuv444p16le -f null -` (the same conversion; decode-only also printed)
//   write: encoded by ImageSequenceWriter from 16-bit RGB  vs `ffmpeg -i SEQ -c:v dpx|tiff OUT`
// in the same run; prints frames/s and the ratio ours / ffmpeg (> 1: faster than ffmpeg). The
// ffmpeg write also decodes its input, ours is given decoded frames, so the write ratio favours us
// by the read time; the line says both.
//
// Usage: bench_image_sequence [FRAMES]   (default 24; writes ~0.5 GB per 24 frames to /tmp)

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>
#include <vector>

#include "media/ImageSequenceWriter.h"
#include "media/VideoReader.h"

using namespace cf;

namespace {

double runFfmpeg(const QStringList& args) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  p.start(QStringLiteral("ffmpeg"),
          QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-y")} +
              args);
  if (!p.waitForFinished(-1) || p.exitCode() != 0) {
    std::fprintf(stderr, "ffmpeg failed: %s\n", p.readAllStandardError().constData());
    return -1.0;
  }
  return t.elapsed() / 1000.0;
}

/// Decodes every frame; returns seconds, or -1.
double readAll(const std::string& pattern, std::vector<media::FramePtr>* keep) {
  QElapsedTimer t;
  t.start();
  auto reader = media::VideoReader::open(pattern);
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.message().c_str());
    return -1.0;
  }
  for (;;) {
    auto f = (*reader)->next();
    if (!f || !*f)
      break;
    if (keep)
      keep->push_back(*f);
  }
  return t.elapsed() / 1000.0;
}

double writeAll(const std::vector<cv::Mat>& rgb16, const std::string& pattern, int depth) {
  media::ImageWriterSettings s;
  s.output_path = pattern;
  s.width_px = rgb16.front().cols;
  s.height_px = rgb16.front().rows;
  s.bit_depth = depth;
  QElapsedTimer t;
  t.start();
  auto writer = media::ImageSequenceWriter::create(s);
  if (!writer)
    return -1.0;
  for (size_t i = 0; i < rgb16.size(); ++i)
    if (!(*writer)->writeRgb(rgb16[i], static_cast<int64_t>(i)))
      return -1.0;
  return t.elapsed() / 1000.0;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int frames = argc > 1 ? std::max(2, std::atoi(argv[1])) : 24;
  QTemporaryDir dir;
  const QString dpx = dir.filePath(QStringLiteral("in_%04d.dpx"));
  const QString tif = dir.filePath(QStringLiteral("in_%04d.tif"));
  if (runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("testsrc2=s=2048x1556:r=24,hue=s=0"), QStringLiteral("-frames:v"),
                 QString::number(frames), QStringLiteral("-pix_fmt"), QStringLiteral("gbrp10le"),
                 dpx}) < 0 ||
      runFfmpeg({QStringLiteral("-i"), dpx, QStringLiteral("-pix_fmt"), QStringLiteral("rgb48le"),
                 tif}) < 0)
    return 1;
  std::printf("%d frames of 2048x1556\n", frames);
  std::vector<media::FramePtr> decoded;
  struct Source {
    const char* name;
    QString pattern;
    const char* planar;  // the planar YUV VideoReader gives for it
  };
  const Source sources[] = {{"DPX 10-bit", dpx, "yuv444p10le"},
                            {"TIFF 16-bit", tif, "yuv444p16le"}};
  for (const Source& s : sources) {
    const double ours = readAll(s.pattern.toStdString(), nullptr);
    const double decode_only = runFfmpeg({QStringLiteral("-i"), s.pattern, QStringLiteral("-f"),
                                          QStringLiteral("null"), QStringLiteral("-")});
    const double same_work = runFfmpeg({QStringLiteral("-i"), s.pattern, QStringLiteral("-pix_fmt"),
                                        QString::fromLatin1(s.planar), QStringLiteral("-f"),
                                        QStringLiteral("null"), QStringLiteral("-")});
    std::printf(
        "read  %-12s ours %6.1f fps  ffmpeg to %s %6.1f fps  ratio %.2f  (ffmpeg decode "
        "only %6.1f fps)\n",
        s.name, frames / ours, s.planar, frames / same_work, same_work / ours,
        frames / decode_only);
  }
  // Frames to write: the DPX frames as 16-bit RGB (what the export's recombination produces).
  if (readAll(dpx.toStdString(), &decoded) < 0)
    return 1;
  std::vector<cv::Mat> rgb16;
  for (const media::FramePtr& f : decoded) {
    cv::Mat grey16;
    f->y.convertTo(grey16, CV_16U, 65535.0 / 1023.0);
    cv::Mat planes[3] = {grey16, grey16, grey16}, rgb;
    cv::merge(planes, 3, rgb);
    rgb16.push_back(rgb);
  }
  decoded.clear();
  struct Target {
    const char* name;
    const char* pattern;
    int depth;
    QStringList ffmpeg_args;
  };
  const Target targets[] = {
      {"DPX 10-bit", "out_%04d.dpx", 10, {QStringLiteral("-pix_fmt"), QStringLiteral("gbrp10le")}},
      {"TIFF 16-bit", "out_%04d.tif", 16, {QStringLiteral("-pix_fmt"), QStringLiteral("rgb48le")}},
  };
  for (const Target& t : targets) {
    const double ours =
        writeAll(rgb16, dir.filePath(QString::fromLatin1(t.pattern)).toStdString(), t.depth);
    const double theirs = runFfmpeg(
        QStringList{QStringLiteral("-i"), dpx} + t.ffmpeg_args +
        QStringList{dir.filePath(QStringLiteral("ff_") + QString::fromLatin1(t.pattern))});
    std::printf("write %-12s ours %6.1f fps  ffmpeg %6.1f fps (incl. its DPX decode)  ratio %.2f\n",
                t.name, frames / ours, frames / theirs, theirs / ours);
  }
  return 0;
}
