#include "guide/HintsJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <cmath>

namespace cf::guide {

namespace {

std::string number(double v) {
  return QString::number(v, 'g', 10).toStdString();
}

/// A user's string for a one-line message: quoted, control characters escaped as in JSON, cut
/// after 40 characters.
std::string quoted(const QString& text) {
  QString out;
  const qsizetype shown = std::min<qsizetype>(text.size(), 40);
  for (qsizetype i = 0; i < shown; ++i) {
    const QChar c = text.at(i);
    if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
      out += QLatin1Char('\\') + c;
    else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Separator_Line ||
             c.category() == QChar::Separator_Paragraph)
      out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    else
      out += c;
  }
  if (shown < text.size())
    out += QStringLiteral("…");
  return "\"" + out.toStdString() + "\"";
}

std::string describe(const QJsonValue& v) {
  switch (v.type()) {
    case QJsonValue::Double:
      return number(v.toDouble());
    case QJsonValue::String:
      return quoted(v.toString());
    case QJsonValue::Bool:
      return v.toBool() ? "true" : "false";
    case QJsonValue::Null:
      return "null";
    case QJsonValue::Array:
      return "an array";
    case QJsonValue::Object:
      return "an object";
    case QJsonValue::Undefined:
      break;
  }
  return "nothing";
}

std::string frameRange(int64_t frame_count) {
  return "the video has " + std::to_string(frame_count) + " frames (0.." +
         std::to_string(frame_count - 1) + ")";
}

}  // namespace

Result<std::vector<HintPoint>> parseHintsArray(const QJsonArray& array, const std::string& source,
                                               int64_t frame_count) {
  std::vector<HintPoint> hints;
  hints.reserve(static_cast<size_t>(array.size()));
  for (qsizetype i = 0; i < array.size(); ++i) {
    const std::string where =
        source + ": hint " + std::to_string(i) + " (hints[" + std::to_string(i) + "])";
    if (!array.at(i).isObject())
      return makeError(where + " is " + describe(array.at(i)) +
                       ", not an object like {\"frame\": 12, \"x\": 0.41, \"y\": 0.63, "
                       "\"color\": \"#2f5d2a\"}");
    const QJsonObject o = array.at(i).toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
      const QString k = it.key();
      if (k != QLatin1String("frame") && k != QLatin1String("x") && k != QLatin1String("y") &&
          k != QLatin1String("color") && k != QLatin1String("radius"))
        return makeError(where + ": unknown field " + quoted(k) +
                         " (the fields are frame, x, y, color and radius)");
    }
    auto field = [&](const char* name) -> Result<double> {
      const QJsonValue v = o.value(QLatin1String(name));
      if (v.isUndefined())
        return makeError(where + ": '" + name + "' is missing");
      if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return makeError(where + ": '" + name + "' is " + describe(v) + ", not a number");
      return v.toDouble();
    };
    HintPoint h;
    auto frame = field("frame");
    if (!frame)
      return frame.error();
    if (*frame != std::floor(*frame) || *frame < 0)
      return makeError(where + ": 'frame' is " + number(*frame) +
                       ", but must be a whole number >= 0 (frames count from 0)");
    if (*frame > 9007199254740992.0)  // 2^53: past any film, and past exact doubles
      return makeError(where + ": 'frame' is " + number(*frame) + ", too large for a frame number");
    if (frame_count > 0 && *frame >= static_cast<double>(frame_count))
      return makeError(where + ": 'frame' is " + number(*frame) +
                       ", past the end: " + frameRange(frame_count));
    h.frame = static_cast<int64_t>(*frame);
    for (const char* name : {"x", "y"}) {
      auto v = field(name);
      if (!v)
        return v.error();
      if (*v < 0.0 || *v > 1.0)
        return makeError(where + ": '" + name + "' is " + number(*v) +
                         ", but must be 0..1 (a share of the frame's " +
                         (name[0] == 'x' ? "width" : "height") + ")");
      (name[0] == 'x' ? h.x : h.y) = *v;
    }
    const QJsonValue color = o.value(QLatin1String("color"));
    if (color.isUndefined())
      return makeError(where + ": 'color' is missing (an sRGB hex colour such as \"#2f5d2a\")");
    if (!color.isString() || !parseColorHex(color.toString().toStdString(), &h.r, &h.g, &h.b))
      return makeError(where + ": 'color' is " + describe(color) +
                       ", not an sRGB hex colour such as \"#2f5d2a\"");
    if (o.contains(QLatin1String("radius"))) {
      auto radius = field("radius");
      if (!radius)
        return radius.error();
      if (*radius <= 0.0 || *radius > 0.5)
        return makeError(where + ": 'radius' is " + number(*radius) +
                         ", but must be above 0 and at most 0.5 (a share of the frame height)");
      h.radius = *radius;
    }
    hints.push_back(h);
  }
  return hints;
}

Result<std::vector<HintPoint>> parseHintsJson(const QByteArray& bytes, const std::string& source,
                                              int64_t frame_count) {
  QJsonParseError perr;
  const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
  if (perr.error != QJsonParseError::NoError) {
    // The line of the offset, for the user's editor.
    const int line = 1 + static_cast<int>(bytes.left(perr.offset).count('\n'));
    return makeError(source + ": not valid JSON at line " + std::to_string(line) + " (offset " +
                     std::to_string(perr.offset) + "): " + perr.errorString().toStdString());
  }
  if (!doc.isObject())
    return makeError(source +
                     ": expected an object {\"hints\": [...]}, found a top-level array or value");
  const QJsonValue array = doc.object().value(QLatin1String("hints"));
  if (array.isUndefined())
    return makeError(source + ": the key \"hints\" is missing (expected {\"hints\": [...]})");
  if (!array.isArray())
    return makeError(source + ": \"hints\" is " + describe(array) + ", not an array");
  return parseHintsArray(array.toArray(), source, frame_count);
}

Result<std::vector<HintPoint>> loadHintsFile(const std::string& path, int64_t frame_count) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return makeError("cannot read the hints file '" + path +
                     "': " + file.errorString().toStdString());
  if (file.size() > (qint64(64) << 20))
    return makeError("the hints file '" + path + "' is larger than 64 MiB: not a hints file");
  return parseHintsJson(file.readAll(), path, frame_count);
}

QJsonArray hintsToJson(const std::vector<HintPoint>& hints) {
  QJsonArray array;
  for (const HintPoint& h : hints) {
    QJsonObject o{{QStringLiteral("frame"), static_cast<double>(h.frame)},
                  {QStringLiteral("x"), h.x},
                  {QStringLiteral("y"), h.y},
                  {QStringLiteral("color"), QString::fromStdString(colorHex(h.r, h.g, h.b))}};
    if (h.radius != HintPoint::kDefaultRadius)
      o.insert(QStringLiteral("radius"), h.radius);
    array.append(o);
  }
  return array;
}

QByteArray hintsDocument(const std::vector<HintPoint>& hints) {
  return QJsonDocument(QJsonObject{{QStringLiteral("hints"), hintsToJson(hints)}}).toJson();
}

Status validateGuidance(const Guidance& guidance, int64_t frame_count) {
  if (!(guidance.strength >= 0.0 && guidance.strength <= 1.0))
    return makeError("the reference strength " + number(guidance.strength) +
                     " is out of range: choose 0..1");
  for (size_t i = 0; i < guidance.references.size(); ++i) {
    const ReferenceImage& r = guidance.references[i];
    if (r.frame < 0 || r.frame >= frame_count)
      return makeError("reference " + std::to_string(i) + " ('" + r.path + "') is for frame " +
                       std::to_string(r.frame) + ", outside the video: " + frameRange(frame_count));
    for (size_t j = 0; j < i; ++j)
      if (guidance.references[j].frame == r.frame)
        return makeError("two references are given for frame " + std::to_string(r.frame) + " ('" +
                         guidance.references[j].path + "' and '" + r.path +
                         "'): give one per frame");
  }
  for (size_t i = 0; i < guidance.hints.size(); ++i) {
    const HintPoint& h = guidance.hints[i];
    if (h.frame < 0 || h.frame >= frame_count)
      return makeError("hint " + std::to_string(i) + " is on frame " + std::to_string(h.frame) +
                       ", outside the video: " + frameRange(frame_count));
  }
  return {};
}

}  // namespace cf::guide
