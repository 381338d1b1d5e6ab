#include "CliOptions.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cmath>

#include "common/Vocabulary.h"

namespace cf::app {

QString helpText(const QCommandLineParser& parser, const QString& command) {
  // Qt's usage line names the program as it was started (argv[0], often a full path) and no
  // subcommand: "Usage: /usr/bin/chromaflow-cli [options] IN OUT". Name the command instead.
  QString text = parser.helpText();
  const QString usage = QStringLiteral("Usage: ");
  if (text.startsWith(usage)) {
    const qsizetype line_end = text.indexOf(QLatin1Char('\n'));
    const QString line = text.mid(usage.size(), line_end - usage.size());
    const QString program = QCoreApplication::arguments().value(0);
    const QString rest =
        !program.isEmpty() && line.startsWith(program)
            ? line.mid(program.size())
            : line.mid(line.indexOf(QLatin1Char(' ')) < 0 ? line.size()
                                                          : line.indexOf(QLatin1Char(' ')));
    text.replace(0, line_end, usage + command + rest);
  }
  return text;
}

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
    QTextStream(stdout) << helpText(parser, command);
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
  if (!cf::deviceChoiceFromName(device.toStdString(), &s->device)) {
    *problem = QStringLiteral("--device must be auto, cpu or cuda");
    return false;
  }
  const QString flow = parser.value(QStringLiteral("flow")).toLower();
  if (!cf::flowMethodFromName(flow.toStdString(), &s->flow_method)) {
    *problem = QStringLiteral("--flow must be dis, farneback or tvl1");
    return false;
  }
  return true;
}

void applyProjectSettings(const QCommandLineParser& parser,
                          const pipeline::SessionSettings& project, pipeline::SessionSettings* s) {
  const auto from_project = [&](const char* option) {
    return !parser.isSet(QLatin1String(option));
  };
  if (from_project("model"))
    s->model_path = project.model_path;
  if (from_project("working-height"))
    s->working_height_px = project.working_height_px;
  if (from_project("device"))
    s->device = project.device;
  if (from_project("temperature"))
    s->temperature = project.temperature;
  if (from_project("lambda"))
    s->lambda = project.lambda;
  if (from_project("flow"))
    s->flow_method = project.flow_method;
  if (from_project("cache"))
    s->cache_dir = project.cache_dir;
  s->thresholds = project.thresholds;
}

bool parseExportCodec(const QString& name, VideoCodec* codec) {
  // The image sequences are chosen by the output's extension, not by --codec.
  VideoCodec parsed = VideoCodec::H264;
  if (!videoCodecFromName(name.toStdString(), &parsed) || !isVideoFileCodec(parsed))
    return false;
  *codec = parsed;
  return true;
}

}  // namespace cf::app
