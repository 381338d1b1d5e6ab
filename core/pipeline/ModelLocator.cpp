#include "pipeline/ModelLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace cf::pipeline {

std::string defaultModelPath() {
  const QString env = qEnvironmentVariable("CHROMAFLOW_MODEL");
  if (!env.isEmpty())
    return env.toStdString();
  const QString relative =
      QStringLiteral("share/chromaflow/models/") + QLatin1String(kDefaultModelFile);
  QStringList candidates;
  if (QCoreApplication::instance())
    candidates
        << QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/..")).filePath(relative);
  candidates << QStringLiteral("/usr/") + relative << QStringLiteral("/usr/local/") + relative;
  for (const QString& c : candidates)
    if (QFileInfo::exists(c))
      return QDir::cleanPath(c).toStdString();
  return QDir::cleanPath(candidates.front()).toStdString();
}

std::string resolveModelPath(const std::string& path) {
  return path.empty() ? defaultModelPath() : path;
}

}  // namespace cf::pipeline
