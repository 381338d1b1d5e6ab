#pragma once
// Where tests find the CLI and write their scratch files.

#include <QString>
#include <QStringList>

namespace cf::test {

/// Path of the chromaflow-cli binary (ctest sets CHROMAFLOW_CLI).
QString cliPath();
/// What a run of chromaflow-cli printed and returned (exit_code -1: crashed or timed out).
struct CliResult {
  int exit_code = -1;
  QString out;
  QString err;
};

/// Runs chromaflow-cli with `args` and waits for it.
CliResult runCli(const QStringList& args, int timeout_ms = 120000);

/// Path of a file from the opencv-doc package, or an empty string when it is not installed.
QString opencvDocVideo(const QString& name);

}  // namespace cf::test
