// chromaflow-cli grey IN OUT [--codec h264|h265|ffv1|prores] [--crf N] [--preset P]:
// a greyscale copy of a video (luma kept, chroma set to neutral), with the same frame count,
// timestamps, duration and audio. This is how black-and-white inputs are made from colour.

#include <QCommandLineParser>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"

namespace cf::app {

namespace {

media::ChromaFormat chromaOf(const media::Frame& frame) {
  if (frame.u.cols == frame.y.cols)
    return media::ChromaFormat::k444;
  if (frame.u.rows == frame.y.rows)
    return media::ChromaFormat::k422;
  return media::ChromaFormat::k420;
}

}  // namespace

int runGrey(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Write a greyscale copy of a video: luma kept, chroma neutral, same frames, "
                     "timestamps and audio."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("codec"),
                    QStringLiteral("Video codec: h264 (default), h265, ffv1 (.mkv) or prores "
                                   "(.mov)."),
                    QStringLiteral("codec"), QStringLiteral("h264")});
  parser.addOption({QStringLiteral("crf"),
                    QStringLiteral("H.264/H.265 quality, lower is better (default 18/20)."),
                    QStringLiteral("n"), QStringLiteral("-1")});
  parser.addOption({QStringLiteral("preset"), QStringLiteral("x264/x265 speed preset."),
                    QStringLiteral("name"), QStringLiteral("medium")});
  parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The colour video."));
  parser.addPositionalArgument(QStringLiteral("OUT"),
                               QStringLiteral("The greyscale video (.mp4, .mkv or .mov)."));
  QTextStream err(stderr);
  if (const auto exit_code = parseOrExit(parser, QStringLiteral("chromaflow-cli grey"), args))
    return *exit_code;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 2) {
    err << "chromaflow-cli grey: expected IN and OUT. Usage: chromaflow-cli grey IN OUT "
           "[--codec h264|h265|ffv1|prores]\n";
    return 2;
  }
  media::VideoWriterSettings settings;
  if (!cf::videoCodecFromName(parser.value(QStringLiteral("codec")).toStdString(),
                              &settings.codec)) {
    err << "chromaflow-cli grey: unknown codec '" << parser.value(QStringLiteral("codec"))
        << "'. Use h264, h265, ffv1 or prores.\n";
    return 2;
  }
  bool crf_ok = false;
  settings.crf = parser.value(QStringLiteral("crf")).toInt(&crf_ok);
  if (!crf_ok) {
    err << "chromaflow-cli grey: --crf needs a whole number.\n";
    return 2;
  }
  settings.preset = parser.value(QStringLiteral("preset")).toStdString();
  av_log_set_level(AV_LOG_FATAL);  // our own one-line errors replace FFmpeg's log

  const std::string in_path = positional.at(0).toStdString();
  const std::string out_path = positional.at(1).toStdString();
  auto opened = media::VideoReader::open(in_path);
  if (!opened) {
    err << "chromaflow-cli grey: " << QString::fromStdString(opened.message()) << '\n';
    return 1;
  }
  media::VideoReader& reader = *opened.value();
  const media::StreamInfo& info = reader.info();
  auto first = reader.next();
  if (!first || !first.value()) {
    err << "chromaflow-cli grey: "
        << QString::fromStdString(first ? "no frames in '" + in_path + "'" : first.message())
        << '\n';
    return 1;
  }
  settings.output_path = out_path;
  settings.width_px = info.width_px;
  settings.height_px = info.height_px;
  settings.fps = info.fps;
  settings.time_base = info.time_base;
  settings.bit_depth = first.value()->bit_depth;
  settings.chroma = chromaOf(*first.value());
  settings.full_range = first.value()->full_range;
  settings.sample_aspect = info.sample_aspect;
  settings.rotation_deg = info.rotation_deg;
  settings.source_path = in_path;
  if (info.hasAudio())
    settings.audio_source_path = in_path;
  auto created = media::VideoWriter::create(settings);
  if (!created) {
    err << "chromaflow-cli grey: " << QString::fromStdString(created.message()) << '\n';
    return 1;
  }
  media::VideoWriter& writer = *created.value();

  // Neutral chroma (the middle code value) for every frame; the luma is passed through.
  const media::Frame& f0 = *first.value();
  const double neutral = static_cast<double>(1 << (f0.bit_depth - 1));
  const cv::Mat grey_u(f0.u.size(), f0.u.type(), cv::Scalar(neutral));
  media::FramePtr frame = first.value();
  while (frame) {
    Status written =
        writer.writePlanes(frame->y, grey_u, grey_u, frame->bit_depth, frame->pts, frame->duration);
    if (!written) {
      err << "chromaflow-cli grey: " << QString::fromStdString(written.message()) << '\n';
      return 1;
    }
    auto next = reader.next();
    if (!next) {
      err << "chromaflow-cli grey: " << QString::fromStdString(next.message()) << '\n';
      return 1;  // the writer's destructor removes the partial output
    }
    frame = next.value();
  }
  Status finished = writer.finish();
  if (!finished) {
    err << "chromaflow-cli grey: " << QString::fromStdString(finished.message()) << '\n';
    return 1;
  }
  for (const std::string& note : writer.notes())
    err << "chromaflow-cli grey: note: " << QString::fromStdString(note) << '\n';
  QTextStream(stdout) << "Wrote " << QString::fromStdString(out_path) << ": "
                      << writer.framesWritten() << " frames, " << cf::videoCodecName(settings.codec)
                      << (info.hasAudio() ? ", audio kept" : ", no audio") << '\n';
  return 0;
}

}  // namespace cf::app
