#include "pipeline/ModelLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

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

std::vector<std::string> modelFolders() {
  QStringList candidates;
  const QString user = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
  if (!user.isEmpty())
    candidates << user + QStringLiteral("/chromaflow/models");
  if (QCoreApplication::instance())
    candidates << QCoreApplication::applicationDirPath() +
                      QStringLiteral("/../share/chromaflow/models");
  candidates << QStringLiteral("/usr/local/share/chromaflow/models")
             << QStringLiteral("/usr/share/chromaflow/models");
  std::vector<std::string> out;
  for (const QString& c : candidates) {
    const QFileInfo info(c);
    if (!info.isDir())
      continue;
    const std::string canonical = info.canonicalFilePath().toStdString();
    if (std::find(out.begin(), out.end(), canonical) == out.end())
      out.push_back(canonical);
  }
  return out;
}

std::vector<std::string> installedModels() {
  const QString shipped = QFileInfo(QString::fromStdString(defaultModelPath())).canonicalFilePath();
  std::vector<std::string> out;
  for (const std::string& folder : modelFolders()) {
    const QFileInfoList files = QDir(QString::fromStdString(folder))
                                    .entryInfoList({QStringLiteral("*.cfmodel"),
                                                    QStringLiteral("*.pt"), QStringLiteral("*.ts")},
                                                   QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo& f : files) {
      const QString path = f.canonicalFilePath();
      if (path == shipped)
        continue;
      if (std::find(out.begin(), out.end(), path.toStdString()) == out.end())
        out.push_back(path.toStdString());
    }
  }
  return out;
}

std::string resolveModelPath(const std::string& path) {
  return path.empty() ? defaultModelPath() : path;
}

}  // namespace cf::pipeline
