#pragma once
// Where tests find the CLI and write their scratch files.

#include <QString>

namespace cf::test {

/// Path of the chromaflow-cli binary (ctest sets CHROMAFLOW_CLI).
QString cliPath();
/// Path of a file from the opencv-doc package, or an empty string when it is not installed.
QString opencvDocVideo(const QString& name);

}  // namespace cf::test
