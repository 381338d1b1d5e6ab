// The project file's "guidance" object (keyframes: reference images and hints), in the QtCore-only
// project file library (chromaflow_project), so `chromaflow-cli colorize --project` reads it too.

#include <QJsonArray>
#include <QJsonObject>

#include "ProjectFile.h"
#include "guide/HintsJson.h"

namespace cf::ui {

QJsonObject guidanceToJson(const guide::Guidance& g) {
  QJsonArray references;
  for (const guide::ReferenceImage& r : g.references)
    references.append(QJsonObject{{QStringLiteral("frame"), static_cast<qint64>(r.frame)},
                                  {QStringLiteral("path"), QString::fromStdString(r.path)}});
  return QJsonObject{{QStringLiteral("strength"), g.strength},
                     {QStringLiteral("references"), references},
                     {QStringLiteral("hints"), guide::hintsToJson(g.hints)}};
}

Result<guide::Guidance> guidanceFromJson(const QJsonObject& json, const QString& context) {
  guide::Guidance g;
  const std::string where = context.toStdString() + ": guidance";
  g.strength = json.value(QStringLiteral("strength")).toDouble(1.0);
  if (!(g.strength >= 0.0 && g.strength <= 1.0))
    return makeError(where + ": the strength " + std::to_string(g.strength) + " is not in 0..1");
  const QJsonArray references = json.value(QStringLiteral("references")).toArray();
  for (qsizetype i = 0; i < references.size(); ++i) {
    const QJsonObject o = references.at(i).toObject();
    const qint64 frame = o.value(QStringLiteral("frame")).toInteger(-1);
    const QString path = o.value(QStringLiteral("path")).toString();
    if (frame < 0 || path.isEmpty())
      return makeError(where + ": reference " + std::to_string(i) +
                       " needs a frame >= 0 and a path");
    g.references.push_back({frame, path.toStdString()});
  }
  auto hints = guide::parseHintsArray(json.value(QStringLiteral("hints")).toArray(), where, 0);
  if (!hints)
    return hints.error();
  g.hints = std::move(*hints);
  return g;
}

}  // namespace cf::ui
