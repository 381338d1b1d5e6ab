#include "TestPaths.h"

#include <QFileInfo>
#include <QProcess>

namespace cf::test {

QString cliPath() {
  return qEnvironmentVariable("CHROMAFLOW_CLI", QStringLiteral("chromaflow-cli"));
}

CliResult runCli(const QStringList& args, int timeout_ms) {
  QProcess process;
  process.start(cliPath(), args);
  CliResult result;
  if (!process.waitForFinished(timeout_ms)) {
    process.kill();
    process.waitForFinished();
    return result;
  }
  result.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

QString opencvDocVideo(const QString& name) {
  const QString path = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/") + name;
  return QFileInfo::exists(path) ? path : QString();
}

}  // namespace cf::test
