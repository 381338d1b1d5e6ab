// chromaflow-cli concat SHARD... OUT: joins the shards of a cluster run (colorize --shard) into
// one film, checking their manifests; FFV1 into FFV1 without re-encoding, audio from the source.

#include <QCommandLineParser>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "ConsoleProgress.h"
#include "pipeline/ShardJoin.h"

namespace cf::app {

int runConcat(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Join the shards made by 'colorize --shard I/N' (or --range) into one film. The shards must "
      "be complete, in frame order, and made from the same film with the same model and "
      "settings. FFV1 shards are joined into FFV1 without re-encoding; any other codec is "
      "encoded once."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("audio-from"),
                    QStringLiteral("The source film: its audio goes into the output (and it must "
                                   "be the film the shards were made from)."),
                    QStringLiteral("IN")});
  parser.addOption({QStringLiteral("codec"),
                    QStringLiteral("ffv1 (default: .mkv, copied, no re-encoding), h264 (.mp4), "
                                   "h265 (.mkv/.mp4) or prores (.mov)."),
                    QStringLiteral("codec"), QStringLiteral("ffv1")});
  parser.addOption({QStringLiteral("crf"), QStringLiteral("H.264/H.265 quality, lower is better."),
                    QStringLiteral("n"), QStringLiteral("18")});
  parser.addPositionalArgument(QStringLiteral("SHARD"),
                               QStringLiteral("The shards, in frame order."),
                               QStringLiteral("SHARD..."));
  parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("The joined film."));
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QString cmd = QStringLiteral("chromaflow-cli concat");
  if (const auto exit_code = parseOrExit(parser, cmd, args))
    return *exit_code;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() < 2) {
    err << cmd << ": expected one or more shards and OUT. Run '" << cmd
        << " --help' for the options.\n";
    return 2;
  }
  pipeline::JoinRequest request;
  for (int i = 0; i + 1 < positional.size(); ++i)
    request.shard_paths.push_back(positional.at(i).toStdString());
  request.output_path = positional.back().toStdString();
  request.audio_from = parser.value(QStringLiteral("audio-from")).toStdString();
  if (!cf::videoCodecFromName(parser.value(QStringLiteral("codec")).toLower().toStdString(),
                              &request.codec)) {
    err << cmd << ": unknown codec '" << parser.value(QStringLiteral("codec"))
        << "'. Use ffv1, h264, h265 or prores.\n";
    return 2;
  }
  bool ok = false;
  request.crf = parser.value(QStringLiteral("crf")).toInt(&ok);
  if (!ok) {
    err << cmd << ": --crf needs a whole number.\n";
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const CancelToken cancel = installInterruptHandler();
  ConsoleProgress progress;
  auto stats = pipeline::joinShards(request, cancel, progress.callback());
  progress.finish();
  if (!stats) {
    err << cmd << ": " << QString::fromStdString(stats.message()) << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  for (const std::string& note : stats->notes)
    err << "note: " << QString::fromStdString(note) << '\n';
  out << "wrote " << positional.back() << ": " << stats->frames << " frames from "
      << request.shard_paths.size() << " shards in " << QString::number(stats->total_s, 'f', 2)
      << " s (" << (stats->stream_copied ? "copied, not re-encoded" : "encoded once") << ")\n";
  return 0;
}

}  // namespace cf::app
