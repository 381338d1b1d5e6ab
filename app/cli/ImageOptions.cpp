#include "ImageOptions.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <cmath>

extern "C" {
#include <libavutil/rational.h>
}

#include "ConsoleProgress.h"
#include "media/ImageSequence.h"
#include "pipeline/ExportOutput.h"
#include "pipeline/Session.h"

namespace cf::app {

namespace {

const QString kCmd = QStringLiteral("chromaflow-cli colorize");

/// The output name of photo `in` in `out_dir`: the same name, in the same format when Chromaflow
/// writes it (JPEG, PNG, TIFF, DPX), else as PNG.
QString stillOutputPath(const QString& in, const QString& out_dir) {
  const QFileInfo fi(in);
  QString name = fi.fileName();
  if (!pipeline::isImageOutputPath(name.toStdString()))
    name = fi.completeBaseName() + QStringLiteral(".png");
  return QDir(out_dir).filePath(name);
}

}  // namespace

media::Rational parseFrameRate(const QString& text) {
  const QStringList parts = text.split(QLatin1Char('/'));
  bool ok_num = false, ok_den = true;
  if (parts.size() == 2) {
    const int num = parts[0].toInt(&ok_num);
    const int den = parts[1].toInt(&ok_den);
    if (ok_num && ok_den && num > 0 && den > 0 && num >= den && num / den <= 1000)
      return {num, den};
    return {};
  }
  const double fps = text.toDouble(&ok_num);
  if (!ok_num || fps < 1.0 || fps > 1000.0)
    return {};
  for (const int base : {24, 30, 48, 60}) {  // 23.976 -> 24000/1001
    if (std::abs(fps - base * 1000.0 / 1001.0) < 0.002)
      return {base * 1000, 1001};
  }
  const AVRational q = av_d2q(fps, 1001000);
  return {q.num, q.den};
}

void addImageOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("fps"),
                    QStringLiteral("Frame rate of an image-sequence IN, e.g. 24, 25 or 24000/1001 "
                                   "(default: the DPX header's, else 24)."),
                    QStringLiteral("rate")});
  parser.addOption({QStringLiteral("bit-depth"),
                    QStringLiteral("Output bit depth: 8, 10, 12 or 16 (default: the source's, "
                                   "where the format holds it: DPX 8-16, TIFF/PNG 8 or 16, FFV1 "
                                   "8-16, ProRes 10)."),
                    QStringLiteral("bits")});
  parser.addOption({QStringLiteral("start-number"),
                    QStringLiteral("Number of the first file of an image-sequence OUT (default: "
                                   "numbered like the source)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("deinterlace"),
                    QStringLiteral("Deinterlace a video IN with FFmpeg's bwdif: auto (default: "
                                   "when the stream says its fields are interlaced), on or off."),
                    QStringLiteral("mode"), QStringLiteral("auto")});
  parser.addOption({QStringLiteral("stills"),
                    QStringLiteral("Colourise photos one by one: IN... are photos or folders of "
                                   "photos, OUT a folder (implied by several IN).")});
}

bool parseDeinterlace(const QCommandLineParser& parser, media::InputOptions* input,
                      QString* problem) {
  const QString mode = parser.value(QStringLiteral("deinterlace"));
  if (!mode.isEmpty() && !media::deinterlaceFromName(mode.toStdString(), &input->deinterlace)) {
    *problem = QStringLiteral("--deinterlace must be auto, on or off, not '%1'").arg(mode);
    return false;
  }
  return true;
}

bool parseImageOptions(const QCommandLineParser& parser, const QString& out_path,
                       pipeline::SessionSettings* settings, pipeline::ExportRequest* request,
                       QString* problem) {
  if (parser.isSet(QStringLiteral("fps"))) {
    settings->input.sequence_fps = parseFrameRate(parser.value(QStringLiteral("fps")));
    if (!settings->input.sequence_fps.valid()) {
      *problem = QStringLiteral("--fps must be a rate from 1 to 1000, e.g. 24 or 24000/1001");
      return false;
    }
  }
  if (!parseDeinterlace(parser, &settings->input, problem))
    return false;
  if (parser.isSet(QStringLiteral("bit-depth"))) {
    bool ok = false;
    request->bit_depth = parser.value(QStringLiteral("bit-depth")).toInt(&ok);
    if (!ok || (request->bit_depth != 8 && request->bit_depth != 10 && request->bit_depth != 12 &&
                request->bit_depth != 16)) {
      *problem = QStringLiteral("--bit-depth must be 8, 10, 12 or 16");
      return false;
    }
  }
  if (parser.isSet(QStringLiteral("start-number"))) {
    bool ok = false;
    request->start_number = parser.value(QStringLiteral("start-number")).toLongLong(&ok);
    if (!ok || request->start_number < 0) {
      *problem = QStringLiteral("--start-number must be a whole number >= 0");
      return false;
    }
  }
  const std::string out = out_path.toStdString();
  settings->input.single_image = pipeline::isImageOutputPath(out) && !media::isSequencePattern(out);
  return true;
}

bool isStillBatch(const QCommandLineParser& parser, const QStringList& positional) {
  return parser.isSet(QStringLiteral("stills")) || positional.size() > 2;
}

int runStillBatch(const QStringList& positional, const pipeline::SessionSettings& settings,
                  const pipeline::ExportRequest& request) {
  QTextStream err(stderr);
  QTextStream out(stdout);
  if (positional.size() < 2) {
    err << kCmd << ": --stills needs IN... (photos or folders) and an OUT folder.\n";
    return 2;
  }
  const QString out_dir = positional.back();
  if (!QFileInfo(out_dir).isDir() && !QDir().mkpath(out_dir)) {
    err << kCmd << ": cannot create the output folder '" << out_dir
        << "'. Choose a folder you can write to.\n";
    return 1;
  }
  std::vector<std::string> inputs;
  for (qsizetype i = 0; i + 1 < positional.size(); ++i)
    inputs.push_back(positional[i].toStdString());
  auto photos = media::collectStillPaths(inputs);
  if (!photos) {
    err << kCmd << ": " << QString::fromStdString(photos.message()) << '\n';
    return 1;
  }
  if (photos->empty()) {
    err << kCmd << ": no photos (JPEG, PNG, TIFF, WebP, BMP, DPX, EXR) found in the input.\n";
    return 1;
  }
  pipeline::SessionSettings photo_settings = settings;
  photo_settings.input.single_image = true;
  const CancelToken cancel = installInterruptHandler();
  QStringList failures;
  int done = 0;
  for (const std::string& photo : *photos) {
    if (cancel.isCancelled())
      break;
    const QString in = QString::fromStdString(photo);
    pipeline::ExportRequest req = request;
    req.output_path = stillOutputPath(in, out_dir).toStdString();
    req.keep_audio = false;
    Status status;
    auto session = pipeline::Session::open(photo, photo_settings);
    if (!session)
      status = session.error();
    else
      status = (*session)->exportVideo(req, cancel, {});
    if (status) {
      ++done;
      out << "ok      " << in << " -> " << QString::fromStdString(req.output_path) << '\n';
    } else {
      failures << in + QStringLiteral(": ") + QString::fromStdString(status.message());
      out << "FAILED  " << in << '\n';
    }
    out.flush();
  }
  const qsizetype total = static_cast<qsizetype>(photos->size());
  out << "colourised " << done << " of " << total << " photos into " << out_dir;
  if (failures.isEmpty()) {
    out << '\n';
    return cancel.isCancelled() ? 130 : 0;
  }
  out << "; " << failures.size() << " failed:\n";
  for (const QString& failure : failures)
    out << "  " << failure << '\n';
  return cancel.isCancelled() ? 130 : 1;
}

}  // namespace cf::app
