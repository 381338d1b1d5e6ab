#pragma once
// A chromaflow-cli sub-command. Each command lives in its own Cmd<Name>.cpp and is listed in
// CommandTable.cpp. `run` receives the arguments after the command name and returns the exit code.

#include <QStringList>

namespace cf::app {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const QStringList& args);
};

/// All commands, in the order `chromaflow-cli --help` lists them.
const Command* commandTable(int* count);

}  // namespace cf::app
