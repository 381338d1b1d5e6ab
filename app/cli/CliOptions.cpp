#include "CliOptions.h"

#include <QTextStream>
#include <cmath>

#include "pipeline/Vocabulary.h"

namespace cf::app {

std::optional<int> parseOrExit(QCommandLineParser& parser, const QString& command,
                               const QStringList& args) {
  if (!parser.parse(QStringList{command} + args)) {
    QTextStream err(stderr);
    QString text = parser.errorText();
    while (text.endsWith(QLatin1Char('.')))  // Qt's text ends with "."; ours follows
      text.chop(1);
    err << command << ": " << text;
    if (!parser.unknownOptionNames().isEmpty())
      err << ". A file name that starts with '-' goes after '--' (" << command
          << " [OPTIONS] -- -name.mp4 ...) or is written as ./-name.mp4";
    err << '\n';
    return 2;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    QTextStream(stdout) << parser.helpText();
    return 0;
  }
  return std::nullopt;
}

void addSessionOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("Model file (.cfmodel or TorchScript). Default: the shipped "
                                   "model."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("working-height"),
                    QStringLiteral("Height the network works at, 128..1024 (default 256)."),
                    QStringLiteral("px"), QStringLiteral("256")});
  parser.addOption({QStringLiteral("device"), QStringLiteral("auto (default), cpu or cuda."),
                    QStringLiteral("device"), QStringLiteral("auto")});
  parser.addOption({QStringLiteral("temperature"),
                    QStringLiteral("Annealed-mean temperature of classification models (default: "
                                   "the model's own, from its card). Lower is more vivid."),
                    QStringLiteral("T"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("lambda"),
                    QStringLiteral("Temporal smoothing strength; 0 turns it off (default 4)."),
                    QStringLiteral("x"), QStringLiteral("4")});
  parser.addOption({QStringLiteral("flow"),
                    QStringLiteral("Optical flow: dis (default), farneback or tvl1."),
                    QStringLiteral("method"), QStringLiteral("dis")});
  parser.addOption({QStringLiteral("cache"),
                    QStringLiteral("Cache folder (default: ~/.cache/chromaflow)."),
                    QStringLiteral("dir")});
  parser.addOption({QStringLiteral("readable-part"),
                    QStringLiteral("Open a truncated file's readable frames instead of refusing "
                                   "it (the output is as long as what could be read).")});
}

bool parseSessionOptions(const QCommandLineParser& parser, pipeline::SessionSettings* s,
                         QString* problem) {
  s->model_path = parser.value(QStringLiteral("model")).toStdString();
  s->cache_dir = parser.value(QStringLiteral("cache")).toStdString();
  s->input.readable_part = parser.isSet(QStringLiteral("readable-part"));
  bool ok = false;
  s->working_height_px = parser.value(QStringLiteral("working-height")).toInt(&ok);
  if (!ok || s->working_height_px < 128 || s->working_height_px > 1024) {
    *problem = QStringLiteral("--working-height must be a whole number from 128 to 1024");
    return false;
  }
  s->lambda = parser.value(QStringLiteral("lambda")).toDouble(&ok);
  if (!ok || !std::isfinite(s->lambda) || s->lambda < 0.0) {  // "nan" and "inf" parse as numbers
    *problem = QStringLiteral("--lambda must be a finite number >= 0, got '%1'")
                   .arg(parser.value(QStringLiteral("lambda")));
    return false;
  }
  s->temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok);
  if (!ok || !std::isfinite(s->temperature) || s->temperature < 0.0) {
    *problem = QStringLiteral("--temperature must be a finite number > 0, got '%1'")
                   .arg(parser.value(QStringLiteral("temperature")));
    return false;
  }
  const QString device = parser.value(QStringLiteral("device")).toLower();
  if (!pipeline::deviceChoiceFromName(device.toStdString(), &s->device)) {
    *problem = QStringLiteral("--device must be auto, cpu or cuda");
    return false;
  }
  const QString flow = parser.value(QStringLiteral("flow")).toLower();
  if (!pipeline::flowMethodFromName(flow.toStdString(), &s->flow_method)) {
    *problem = QStringLiteral("--flow must be dis, farneback or tvl1");
    return false;
  }
  return true;
}

bool parseExportCodec(const QString& name, pipeline::ExportCodec* codec) {
  return pipeline::exportCodecFromName(name.toLower().toStdString(), codec);
}

}  // namespace cf::app
