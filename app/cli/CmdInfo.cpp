// chromaflow-cli info FILE [--json] [--check]: the stream facts of a video file; --check decodes
// every frame and lists the damaged ones.

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "ImageOptions.h"
#include "media/VideoReader.h"

namespace cf::app {

namespace {

QString str(const std::string& text) {
  return QString::fromStdString(text);
}

QString ratio(const media::Rational& r) {
  return QStringLiteral("%1/%2").arg(r.num).arg(r.den);
}

QJsonObject rationalJson(const media::Rational& r) {
  return QJsonObject{{QStringLiteral("num"), r.num}, {QStringLiteral("den"), r.den}};
}

QJsonObject toJson(const media::StreamInfo& info) {
  QJsonArray audio;
  for (const auto& a : info.audio_streams)
    audio.append(QJsonObject{{QStringLiteral("index"), a.stream_index},
                             {QStringLiteral("codec"), str(a.codec)},
                             {QStringLiteral("sample_rate_hz"), a.sample_rate_hz},
                             {QStringLiteral("channels"), a.channels},
                             {QStringLiteral("language"), str(a.language)},
                             {QStringLiteral("duration_s"), a.duration_s}});
  QJsonArray subtitles;
  for (const auto& codec : info.subtitle_codecs)
    subtitles.append(str(codec));
  return QJsonObject{
      {QStringLiteral("path"), str(info.path)},
      {QStringLiteral("container"), str(info.container)},
      {QStringLiteral("video_codec"), str(info.video_codec)},
      {QStringLiteral("pixel_format"), str(info.pixel_format)},
      {QStringLiteral("chroma_subsampling"), str(info.chroma_subsampling)},
      {QStringLiteral("width_px"), info.width_px},
      {QStringLiteral("height_px"), info.height_px},
      {QStringLiteral("bit_depth"), info.bit_depth},
      {QStringLiteral("full_range"), info.full_range},
      {QStringLiteral("fps"), rationalJson(info.fps)},
      {QStringLiteral("time_base"), rationalJson(info.time_base)},
      {QStringLiteral("sample_aspect"), rationalJson(info.sample_aspect)},
      {QStringLiteral("display_aspect"), info.displayAspect()},
      {QStringLiteral("frame_count"), static_cast<qint64>(info.frame_count)},
      {QStringLiteral("duration_s"), info.duration_s},
      {QStringLiteral("container_duration_s"), info.container_duration_s},
      {QStringLiteral("rotation_deg"), info.rotation_deg},
      {QStringLiteral("variable_frame_rate"), info.variable_frame_rate},
      {QStringLiteral("field_order"), str(info.field_order)},
      {QStringLiteral("interlaced"), info.field_order == "tff" || info.field_order == "bff"},
      {QStringLiteral("deinterlaced"), info.deinterlaced},
      {QStringLiteral("timecode"), str(info.timecode)},
      {QStringLiteral("image_pattern"), str(info.image_pattern)},
      {QStringLiteral("image_first_number"), static_cast<qint64>(info.image_first_number)},
      {QStringLiteral("still_image"), info.still_image},
      {QStringLiteral("has_audio"), info.hasAudio()},
      {QStringLiteral("audio_streams"), audio},
      {QStringLiteral("subtitle_streams"), subtitles},
  };
}

void printText(QTextStream& out, const media::StreamInfo& info) {
  out << "File:        " << str(info.path) << '\n';
  out << "Container:   " << str(info.container) << '\n';
  out << "Video:       " << str(info.video_codec) << ", " << str(info.pixel_format) << " ("
      << info.bit_depth << "-bit " << str(info.chroma_subsampling) << ", "
      << (info.full_range ? "full" : "limited") << " range, " << str(info.field_order) << ")\n";
  out << "Size:        " << info.width_px << "x" << info.height_px << " px, SAR "
      << ratio(info.sample_aspect) << ", display aspect "
      << QString::number(info.displayAspect(), 'f', 3) << '\n';
  out << "Frame rate:  " << ratio(info.fps) << " (" << QString::number(info.fps.toDouble(), 'f', 3)
      << " fps" << (info.variable_frame_rate ? ", variable" : ", constant") << ")\n";
  out << "Frames:      " << info.frame_count << '\n';
  out << "Duration:    " << QString::number(info.duration_s, 'f', 3) << " s (container "
      << QString::number(info.container_duration_s, 'f', 3) << " s)\n";
  out << "Time base:   " << ratio(info.time_base) << ", first pts " << info.start_pts << '\n';
  out << "Rotation:    " << info.rotation_deg << " deg clockwise\n";
  if (info.field_order == "tff" || info.field_order == "bff")
    out << "Interlaced:  yes, " << (info.field_order == "tff" ? "top" : "bottom")
        << " field first; "
        << (info.deinterlaced
                ? "deinterlaced on reading (bwdif; --deinterlace off keeps the fields)"
                : "fields kept (--deinterlace off)")
        << '\n';
  else if (info.deinterlaced)
    out << "Interlaced:  not flagged, but deinterlaced on reading (--deinterlace on)\n";
  if (!info.timecode.empty())
    out << "Timecode:    " << str(info.timecode) << '\n';
  if (info.still_image)
    out << "Image:       a single photo (one frame)\n";
  else if (!info.image_pattern.empty())
    out << "Images:      " << str(info.image_pattern) << ", numbers " << info.image_first_number
        << ".." << info.image_first_number + info.frame_count - 1 << '\n';
  if (info.audio_streams.empty())
    out << "Audio:       none\n";
  for (const auto& a : info.audio_streams) {
    out << "Audio:       #" << a.stream_index << " " << str(a.codec) << ", " << a.sample_rate_hz
        << " Hz, " << a.channels << " ch, " << QString::number(a.duration_s, 'f', 3) << " s";
    if (!a.language.empty())
      out << ", " << str(a.language);
    out << '\n';
  }
  if (!info.subtitle_codecs.empty()) {
    QStringList names;
    for (const auto& codec : info.subtitle_codecs)
      names << str(codec);
    out << "Subtitles:   " << names.join(QStringLiteral(", ")) << '\n';
  }
}

}  // namespace

int runInfo(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Print the stream facts of a video file."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
  parser.addOption({QStringLiteral("fps"),
                    QStringLiteral("Frame rate of an image sequence, e.g. 24 or 24000/1001 "
                                   "(default: the DPX header's, else 24)."),
                    QStringLiteral("rate")});
  parser.addOption({QStringLiteral("deinterlace"),
                    QStringLiteral("Read an interlaced video deinterlaced: auto (default), on or "
                                   "off (as colorize reads it)."),
                    QStringLiteral("mode"), QStringLiteral("auto")});
  parser.addOption({QStringLiteral("check"),
                    QStringLiteral("Decode every frame and list the damaged ones (slow for long "
                                   "videos).")});
  parser.addPositionalArgument(
      QStringLiteral("FILE"),
      QStringLiteral("The video file, image sequence (pattern, first file or folder) or photo."));
  QTextStream err(stderr);
  if (const auto exit_code = parseOrExit(parser, QStringLiteral("chromaflow-cli info"), args))
    return *exit_code;
  if (parser.positionalArguments().size() != 1) {
    err << "chromaflow-cli info: expected one FILE. Usage: chromaflow-cli info FILE [--json] "
           "[--check]\n";
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);  // our own one-line errors replace FFmpeg's log
  const std::string path = parser.positionalArguments().first().toStdString();
  media::InputOptions input;
  if (QString problem; !parseDeinterlace(parser, &input, &problem)) {
    err << "chromaflow-cli info: " << problem << '\n';
    return 2;
  }
  if (parser.isSet(QStringLiteral("fps"))) {
    input.sequence_fps = parseFrameRate(parser.value(QStringLiteral("fps")));
    if (!input.sequence_fps.valid()) {
      err << "chromaflow-cli info: --fps must be a rate from 1 to 1000, e.g. 24 or 24000/1001\n";
      return 2;
    }
  }
  auto reader = media::VideoReader::open(path, input);
  if (!reader) {
    err << "chromaflow-cli info: " << str(reader.message()) << '\n';
    return 1;
  }
  media::VideoReader& r = *reader.value();
  const bool check = parser.isSet(QStringLiteral("check"));
  if (check) {
    while (true) {
      auto frame = r.next();
      if (!frame) {
        err << "chromaflow-cli info: " << str(frame.message()) << '\n';
        return 1;
      }
      if (!frame.value())
        break;
    }
  }
  QTextStream out(stdout);
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject json = toJson(r.info());
    if (check) {
      QJsonArray damaged;
      for (const int64_t index : r.damagedFrames())
        damaged.append(static_cast<qint64>(index));
      json.insert(QStringLiteral("damaged_frames"), damaged);
      json.insert(QStringLiteral("resized_frames"), static_cast<qint64>(r.resizedFrameCount()));
    }
    out << QJsonDocument(json).toJson(QJsonDocument::Indented);
  } else {
    printText(out, r.info());
    if (check) {
      const std::string summary = r.damageSummary();
      out << "Damaged:     " << (summary.empty() ? QStringLiteral("none") : str(summary)) << '\n';
      if (const std::string resized = r.resizeSummary(); !resized.empty())
        out << "Size change: " << str(resized) << '\n';
    }
  }
  return 0;
}

}  // namespace cf::app
