#include "GuideOptions.h"

#include "guide/HintsJson.h"
#include "pipeline/GuidedShots.h"

namespace cf::app {

void addGuideOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("reference"),
                    QStringLiteral("A colour picture of frame N (0-based), any size: its colours "
                                   "are carried through the shot. Repeatable."),
                    QStringLiteral("N:IMAGE")});
  parser.addOption({QStringLiteral("hints"),
                    QStringLiteral("Colour hints: {\"hints\": [{\"frame\": 12, \"x\": 0.41, "
                                   "\"y\": 0.63, \"color\": \"#2f5d2a\", \"radius\": 0.02}]} (x, y "
                                   "0..1 of the width and height; radius a share of the height)."),
                    QStringLiteral("FILE.json")});
  parser.addOption({QStringLiteral("reference-strength"),
                    QStringLiteral("How strongly the propagated reference and hint colour "
                                   "overrides the network, 0..1."),
                    QStringLiteral("S"), QStringLiteral("1")});
}

bool hasGuideOptions(const QCommandLineParser& parser) {
  return parser.isSet(QStringLiteral("reference")) || parser.isSet(QStringLiteral("hints")) ||
         parser.isSet(QStringLiteral("reference-strength"));
}

bool parseGuideOptions(const QCommandLineParser& parser, const std::string& video_path,
                       int64_t frame_count, guide::Guidance* guidance, QString* problem) {
  guide::Guidance g;
  bool ok = false;
  g.strength = parser.value(QStringLiteral("reference-strength")).toDouble(&ok);
  if (!ok || !(g.strength >= 0.0 && g.strength <= 1.0)) {
    *problem = QStringLiteral("--reference-strength '%1' must be a number from 0 to 1")
                   .arg(parser.value(QStringLiteral("reference-strength")));
    return false;
  }
  for (const QString& value : parser.values(QStringLiteral("reference"))) {
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    bool frame_ok = false;
    const qlonglong frame = colon > 0 ? value.left(colon).toLongLong(&frame_ok) : -1;
    if (!frame_ok || colon + 1 >= value.size()) {
      *problem = QStringLiteral(
                     "--reference '%1' must be N:IMAGE, e.g. 0:frame0.png (N is the "
                     "0-based frame the picture shows)")
                     .arg(value);
      return false;
    }
    g.references.push_back({frame, value.mid(colon + 1).toStdString()});
  }
  if (parser.isSet(QStringLiteral("hints"))) {
    auto hints =
        guide::loadHintsFile(parser.value(QStringLiteral("hints")).toStdString(), frame_count);
    if (!hints) {
      *problem = QStringLiteral("--hints: ") + QString::fromStdString(hints.message());
      return false;
    }
    g.hints = std::move(*hints);
  }
  if (Status s = guide::validateGuidance(g, frame_count); !s) {
    *problem = QStringLiteral("--reference: ") + QString::fromStdString(s.message());
    return false;
  }
  if (Status s = pipeline::checkGuidance(g, video_path); !s) {
    *problem = QStringLiteral("--reference: ") + QString::fromStdString(s.message());
    return false;
  }
  *guidance = std::move(g);
  return true;
}

}  // namespace cf::app
