#include "Command.h"

namespace cf::app {

// Declarations of the commands; each is defined in its Cmd<Name>.cpp.
int runVersion(const QStringList& args);
int runInfo(const QStringList& args);
int runGrey(const QStringList& args);

const Command* commandTable(int* count) {
  static const Command kCommands[] = {
      {"version", "Print the version and the compute backends found", &runVersion},
      {"info", "Print the stream facts of a video file", &runInfo},
      {"grey", "Write a greyscale copy of a video (luma kept, audio kept)", &runGrey},
  };
  *count = static_cast<int>(sizeof kCommands / sizeof kCommands[0]);
  return kCommands;
}

}  // namespace cf::app
