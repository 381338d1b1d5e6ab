#include "Command.h"

namespace cf::app {

// Declarations of the commands; each is defined in its Cmd<Name>.cpp.
int runVersion(const QStringList& args);
int runInfo(const QStringList& args);
int runGrey(const QStringList& args);
int runColorize(const QStringList& args);
int runConcat(const QStringList& args);
int runAnalyze(const QStringList& args);
int runTemporalReport(const QStringList& args);
int runTrain(const QStringList& args);
int runEval(const QStringList& args);

const Command* commandTable(int* count) {
  static const Command kCommands[] = {
      {"colorize", "Colourise a video: network, temporal smoothing, export with audio",
       &runColorize},
      {"concat", "Join the shards of a cluster run (colorize --shard) into one film, with audio",
       &runConcat},
      {"analyze",
       "Flag frames where the colouring likely failed, with reasons; report and contact sheet",
       &runAnalyze},
      {"version", "Print the version and the compute backends found", &runVersion},
      {"info", "Print the stream facts of a video file", &runInfo},
      {"grey", "Write a greyscale copy of a video (luma kept, audio kept)", &runGrey},
      {"temporal-report", "Print flicker metrics (E_warp, CDC, colourfulness) of a video",
       &runTemporalReport},
      {"train", "Train a colour model on image folders / videos (checkpoints, resume, logs)",
       &runTrain},
      {"eval", "Score a model on colour images / videos against the zero-chroma baseline",
       &runEval},
  };
  *count = static_cast<int>(sizeof kCommands / sizeof kCommands[0]);
  return kCommands;
}

}  // namespace cf::app
