// chromaflow-cli colorize IN OUT: the whole pipeline (network, flow, temporal smoothing,
// L-guided recombination, encode with the audio kept), the same one the GUI's export runs.

#include <QCommandLineParser>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "CmdColorizeShard.h"
#include "ConsoleProgress.h"
#include "GuideOptions.h"
#include "ImageOptions.h"
#include "ProjectFile.h"
#include "RetimeOption.h"
#include "common/OutputPath.h"
#include "model/ModelContainer.h"
#include "pipeline/ExportJob.h"
#include "pipeline/Exporter.h"
#include "pipeline/ModelLocator.h"
#include "pipeline/Session.h"

namespace cf::app {

int runColorize(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Colourise a black-and-white video and keep its audio. The network's output "
                     "is cached, so a second export with another --lambda or codec is fast."));
  parser.addHelpOption();
  addSessionOptions(parser);
  addRetimeOption(parser);
  addImageOptions(parser);
  parser.addOption({QStringLiteral("codec"),
                    QStringLiteral("h264 (.mp4, default), h265 (.mkv/.mp4), ffv1 (.mkv, lossless) "
                                   "or prores (.mov)."),
                    QStringLiteral("codec"), QStringLiteral("h264")});
  parser.addOption({QStringLiteral("crf"), QStringLiteral("H.264/H.265 quality, lower is better."),
                    QStringLiteral("n"), QStringLiteral("18")});
  parser.addOption({QStringLiteral("first"), QStringLiteral("First frame to export (0-based)."),
                    QStringLiteral("frame"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("last"), QStringLiteral("Last frame to export (inclusive)."),
                    QStringLiteral("frame"), QStringLiteral("-1")});
  parser.addOption({QStringLiteral("no-audio"), QStringLiteral("Leave the audio out.")});
  parser.addOption(
      {QStringLiteral("project"),
       QStringLiteral("A .chromaflow project saved by the editor: its settings and its per-shot "
                      "overrides (lambda, temperature, grade) apply; options given here win over "
                      "its settings. IN may then be left out (the project's video)."),
       QStringLiteral("file")});
  addShardOptions(parser);
  addGuideOptions(parser);
  parser.addPositionalArgument(
      QStringLiteral("IN"),
      QStringLiteral("The black-and-white video, image sequence (scan_%06d.dpx, its first file or "
                     "its folder) or photo."));
  parser.addPositionalArgument(
      QStringLiteral("OUT"),
      QStringLiteral("The colour video (.mp4, .mkv or .mov), image sequence (out_%06d.dpx, .tif "
                     "or .png) or photo (.jpg, .png or .tif)."));
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QString cmd = QStringLiteral("chromaflow-cli colorize");
  if (const auto exit_code = parseOrExit(parser, cmd, args))
    return *exit_code;
  const QStringList positional = parser.positionalArguments();
  if (isShardMode(parser)) {
    if (parser.isSet(QStringLiteral("project"))) {
      err << cmd << ": --project cannot be combined with a shard or range run yet; export the "
          << "whole project, or give the settings as options.\n";
      return 2;
    }
    pipeline::SessionSettings shard_settings;
    QString shard_problem;
    if (!parseSessionOptions(parser, &shard_settings, &shard_problem)) {
      err << cmd << ": " << shard_problem << '\n';
      return 2;
    }
    return runColorizeShard(parser, shard_settings);
  }
  const bool with_project = parser.isSet(QStringLiteral("project"));
  if (positional.size() != 2 && !(with_project && positional.size() == 1) &&
      !isStillBatch(parser, positional)) {
    err << cmd << ": expected IN and OUT" << (with_project ? " (or only OUT with --project)" : "")
        << ". Run '" << cmd << " --help' for the options.\n";
    return 2;
  }
  pipeline::SessionSettings settings;
  QString problem;
  if (!parseSessionOptions(parser, &settings, &problem)) {
    err << cmd << ": " << problem << '\n';
    return 2;
  }
  // A project saved by the editor: its settings under the options given here, its per-shot
  // overrides (lambda, temperature, grade) as they are.
  std::vector<pipeline::ShotOverride> overrides;
  QString in_arg = positional.size() == 2 ? positional.at(0) : QString();
  if (with_project) {
    auto project = ui::loadProject(parser.value(QStringLiteral("project")));
    if (!project) {
      err << cmd << ": --project: " << QString::fromStdString(project.message()) << '\n';
      return 2;
    }
    applyProjectSettings(parser, project->settings, &settings);
    overrides = project->overrides;
    if (in_arg.isEmpty())
      in_arg = project->source_path;
    if (in_arg.isEmpty()) {
      err << cmd << ": --project: the project names no video; give IN as well.\n";
      return 2;
    }
  }
  pipeline::ExportRequest request;
  // OUT: the second argument (the only one with --project alone).
  request.output_path = positional.at(positional.size() == 1 ? 0 : 1).toStdString();
  if (!parseExportCodec(parser.value(QStringLiteral("codec")), &request.codec)) {
    err << cmd << ": unknown codec '" << parser.value(QStringLiteral("codec"))
        << "'. Use h264, h265, ffv1 or prores.\n";
    return 2;
  }
  bool ok_crf = false, ok_first = false, ok_last = false;
  request.quality_crf = parser.value(QStringLiteral("crf")).toInt(&ok_crf);
  request.first_frame = parser.value(QStringLiteral("first")).toLongLong(&ok_first);
  request.last_frame = parser.value(QStringLiteral("last")).toLongLong(&ok_last);
  if (!ok_crf || !ok_first || !ok_last) {
    err << cmd << ": --crf, --first and --last need whole numbers.\n";
    return 2;
  }
  if (request.quality_crf < 0 || request.quality_crf > 51) {
    err << cmd << ": --crf must be from 0 (best) to 51, got " << request.quality_crf << ".\n";
    return 2;
  }
  request.keep_audio = !parser.isSet(QStringLiteral("no-audio"));
  if (!parseImageOptions(parser, positional.back(), &settings, &request, &problem)) {
    err << cmd << ": " << problem << '\n';
    return 2;
  }
  if (isStillBatch(parser, positional)) {
    if (hasGuideOptions(parser)) {
      err << cmd
          << ": --reference and --hints are not supported with --stills (a batch of photos has no "
             "frame numbers for them to name). Colourise that photo on its own instead: "
             "colorize PHOTO OUT.png --hints FILE.json, with frame 0.\n";
      return 2;
    }
    av_log_set_level(AV_LOG_FATAL);
    return runStillBatch(positional, settings, request);
  }
  av_log_set_level(AV_LOG_FATAL);

  // Every argument is checked before any work (model load, scan): the output path, extension and
  // codec, and the model file.
  std::string in_path = in_arg.toStdString();
  if (Status s = checkOutputIsNotInput(request.output_path, {in_path, settings.model_path}); !s) {
    err << cmd << ": " << QString::fromStdString(s.message()) << '\n';
    return 1;
  }
  if (Status s = pipeline::Session::checkExportTarget(request); !s) {
    err << cmd << ": " << QString::fromStdString(s.message()) << '\n';
    return 2;
  }
  if (auto kind = model::detectModelFile(
          QString::fromStdString(pipeline::resolveModelPath(settings.model_path)));
      !kind) {
    err << cmd << ": --model: " << QString::fromStdString(kind.message()) << '\n';
    return 2;
  }
  const CancelToken cancel = installInterruptHandler();
  if (!applyRetimeOption(parser, settings, cancel, &in_path, &problem)) {
    err << cmd << ": " << problem << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  pipeline::ExportJobSpec job;
  if (hasGuideOptions(parser)) {
    // Keyframes are checked against the film (frames, references) before any heavy work.
    auto session = pipeline::Session::open(in_path, settings);
    if (!session) {
      err << cmd << ": " << QString::fromStdString(session.message()) << '\n';
      return 1;
    }
    if (!parseGuideOptions(parser, in_path, (*session)->info().frame_count, &job.guidance,
                           &problem)) {
      err << cmd << ": " << problem << '\n';
      return 2;
    }
  }
  job.input_path = in_path;
  job.settings = settings;
  job.overrides = overrides;
  job.request = request;
  ConsoleProgress progress;
  // The same job code as the GUI's export queue: its own Session, reader and model.
  pipeline::ExportJobFailure why = pipeline::ExportJobFailure::Other;
  auto result = pipeline::runExportJob(job, cancel, progress.callback(), &why);
  progress.finish();
  if (!result) {
    err << cmd << ": " << QString::fromStdString(result.message()) << '\n';
    if (why == pipeline::ExportJobFailure::BadRange)
      return 2;
    return cancel.isCancelled() ? 130 : 1;
  }
  const pipeline::ExportStats& s = result->stats;
  for (const std::string& note : s.notes)
    err << "note: " << QString::fromStdString(note) << '\n';
  out << "wrote " << QString::fromStdString(request.output_path) << ": " << s.frames
      << " frames in " << QString::number(s.total_s, 'f', 1) << " s ("
      << QString::number(s.total_s > 0 ? s.frames / s.total_s : 0.0, 'f', 2) << " frames/s) on "
      << QString::fromStdString(result->device_name) << '\n';
  out << "  scan " << QString::number(s.scan_s, 'f', 2) << " s, decode "
      << QString::number(s.decode_s, 'f', 2) << " s, network "
      << QString::number(s.inference_s, 'f', 2) << " s (" << s.cache_hits
      << " frames from cache), flow " << QString::number(s.flow_s, 'f', 2) << " s ("
      << s.flows_computed << " computed), smoothing " << QString::number(s.smoothing_s, 'f', 2)
      << " s, recombine " << QString::number(s.recombine_s, 'f', 2) << " s, encode "
      << QString::number(s.encode_s, 'f', 2) << " s (stage busy times; the stages overlap)\n";
  if (!s.cache_dir.empty())
    out << "  cache " << QString::fromStdString(s.cache_dir) << " (+"
        << QString::number(s.cache_bytes / 1048576.0, 'f', 1) << " MiB network output, +"
        << QString::number(s.flow_cache_bytes / 1048576.0, 'f', 1) << " MiB flows)\n";
  return 0;
}

}  // namespace cf::app
