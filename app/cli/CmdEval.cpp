// chromaflow-cli eval: scores a model on colour images / videos against their true colours and
// against the zero-chroma baseline (core/train's evaluate()).

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "ConsoleProgress.h"
#include "common/OutputPath.h"
#include "pipeline/ModelLocator.h"
#include "train/Evaluator.h"

namespace cf::app {

int runEval(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Evaluate a colour model: each colour image or video is reduced to L, colourised and scored "
      "(PSNR on ab and RGB, colourfulness) against its own colours and against the zero-chroma "
      "(greyscale) baseline."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("Model file (.cfmodel or TorchScript); default: the shipped "
                                   "model."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("working-height"),
                    QStringLiteral("The network runs at this height (128..1024), as in colorize."),
                    QStringLiteral("px"), QStringLiteral("256")});
  parser.addOption({QStringLiteral("score-at"),
                    QStringLiteral("'full': score at the picture's own size, on colorize's path "
                                   "(working height, padding, L-guided upsampling, chroma fade); "
                                   "'working': score at the working height."),
                    QStringLiteral("where"), QStringLiteral("full")});
  parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."),
                    QStringLiteral("name"), QStringLiteral("auto")});
  parser.addOption({QStringLiteral("temperature"),
                    QStringLiteral("Annealed-mean temperature (0 = the model's)."),
                    QStringLiteral("t"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("chroma-gain"),
                    QStringLiteral("Decoding chroma gain (0 = the model's)."), QStringLiteral("g"),
                    QStringLiteral("0")});
  parser.addOption({QStringLiteral("batch"), QStringLiteral("Frames per forward pass."),
                    QStringLiteral("n"), QStringLiteral("8")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (0 = all cores)."),
                    QStringLiteral("n"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("frame-step"), QStringLiteral("Videos: score every k-th frame."),
                    QStringLiteral("k"), QStringLiteral("1")});
  parser.addOption({QStringLiteral("max-frames"),
                    QStringLiteral("At most this many frames/images per input (0 = all)."),
                    QStringLiteral("n"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("split"),
                    QStringLiteral("Folders: 'val' scores only the held-out files of the "
                                   "training split, 'all' every image."),
                    QStringLiteral("which"), QStringLiteral("all")});
  parser.addOption({QStringLiteral("val-fraction"),
                    QStringLiteral("Held-out share used by --split val (as in train)."),
                    QStringLiteral("f"), QStringLiteral("0.02")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Also write the results as JSON."),
                    QStringLiteral("file")});
  parser.addPositionalArgument(QStringLiteral("INPUTS"),
                               QStringLiteral("Colour images, videos or folders of images."),
                               QStringLiteral("INPUTS..."));
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QString cmd = QStringLiteral("chromaflow-cli eval");
  if (const auto exit_code = parseOrExit(parser, cmd, args))
    return *exit_code;
  if (parser.positionalArguments().isEmpty()) {
    err << cmd << ": give colour images, videos or folders to score. Run '" << cmd
        << " --help' for the options.\n";
    return 2;
  }
  train::EvalSettings settings;
  settings.colorizer.model_path = QString::fromStdString(
      pipeline::resolveModelPath(parser.value(QStringLiteral("model")).toStdString()));
  const QString device = parser.value(QStringLiteral("device"));
  if (!deviceChoiceFromName(device.toStdString(), &settings.colorizer.device)) {
    err << cmd << ": unknown device '" << device << "': use auto, cpu or cuda\n";
    return 2;
  }
  bool ok[8] = {};
  settings.colorizer.working_height_px =
      parser.value(QStringLiteral("working-height")).toInt(&ok[0]);
  settings.colorizer.temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok[1]);
  settings.colorizer.batch_size = parser.value(QStringLiteral("batch")).toInt(&ok[2]);
  settings.colorizer.cpu_threads = parser.value(QStringLiteral("threads")).toInt(&ok[3]);
  settings.video_frame_step = parser.value(QStringLiteral("frame-step")).toInt(&ok[4]);
  settings.max_frames = parser.value(QStringLiteral("max-frames")).toLongLong(&ok[5]);
  settings.val_fraction = parser.value(QStringLiteral("val-fraction")).toDouble(&ok[6]);
  settings.colorizer.chroma_gain = parser.value(QStringLiteral("chroma-gain")).toDouble(&ok[7]);
  for (bool b : ok)
    if (!b) {
      err << cmd << ": a numeric option has a value that is not a number.\n";
      return 2;
    }
  const QString split = parser.value(QStringLiteral("split"));
  if (split != QLatin1String("all") && split != QLatin1String("val")) {
    err << cmd << ": --split must be 'all' or 'val'.\n";
    return 2;
  }
  settings.validation_split = split == QLatin1String("val");
  const QString score_at = parser.value(QStringLiteral("score-at"));
  if (score_at != QLatin1String("full") && score_at != QLatin1String("working")) {
    err << cmd << ": --score-at must be 'full' or 'working'.\n";
    return 2;
  }
  settings.score_at_full_resolution = score_at == QLatin1String("full");
  if (parser.isSet(QStringLiteral("json"))) {  // never write the report onto an input
    std::vector<std::string> inputs{settings.colorizer.model_path.toStdString()};
    for (const QString& in : parser.positionalArguments())
      inputs.push_back(in.toStdString());
    if (Status s =
            checkOutputIsNotInput(parser.value(QStringLiteral("json")).toStdString(), inputs);
        !s) {
      err << cmd << ": " << QString::fromStdString(s.message()) << '\n';
      return 1;
    }
  }
  av_log_set_level(AV_LOG_FATAL);

  const CancelToken cancel = installInterruptHandler();
  ConsoleProgress progress(QStringLiteral("frames"));
  auto report =
      train::evaluate(parser.positionalArguments(), settings, progress.callback(), cancel);
  progress.finish();
  if (!report) {
    err << cmd << ": " << QString::fromStdString(report.message()) << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  out << "model " << report->model_path << " (" << report->model_name << ") on " << report->device
      << ", working height " << report->working_height_px << " px, scored at "
      << (report->score_at_full_resolution ? "full resolution (colorize's path)" : "working height")
      << "\n";
  out << "left: the model; right (0-): the zero-chroma baseline. PSNR in dB, hueAcc = hue "
         "accuracy, cast = global cast (Lab units), CF = colourfulness\n";
  out << report->table();
  if (parser.isSet(QStringLiteral("json"))) {
    QFile f(parser.value(QStringLiteral("json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(QJsonDocument(report->toJson()).toJson()) < 0) {
      err << cmd << ": cannot write " << f.fileName() << ": " << f.errorString() << '\n';
      return 1;
    }
  }
  return 0;
}

}  // namespace cf::app
