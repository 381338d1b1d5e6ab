#include "TestPaths.h"

#include <QFileInfo>

namespace cf::test {

QString cliPath() {
  return qEnvironmentVariable("CHROMAFLOW_CLI", QStringLiteral("chromaflow-cli"));
}

QString opencvDocVideo(const QString& name) {
  const QString path = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/") + name;
  return QFileInfo::exists(path) ? path : QString();
}

}  // namespace cf::test
