#include "model/ModelConfig.h"

#include <algorithm>

namespace cf::model {

QString headName(Head head) {
  return head == Head::L2 ? QStringLiteral("l2") : QStringLiteral("classification");
}

Result<Head> headFromName(const QString& name) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("l2") || n == QLatin1String("regression"))
    return Head::L2;
  if (n == QLatin1String("classification") || n == QLatin1String("eccv16"))
    return Head::Classification;
  return makeError("unknown head '" + name.toStdString() + "': use 'l2' or 'classification'");
}

int PresetSpec::multiple_px() const {
  // Four 2x2 pools in the backbone after the input stride, and the hypercolumn grid.
  return std::max(input_stride * 16, hypercolumn_stride);
}

QStringList presetNames() {
  return {QStringLiteral("full"), QStringLiteral("slim"), QStringLiteral("tiny")};
}

Result<PresetSpec> presetSpec(const QString& name) {
  PresetSpec p;
  p.name = name;
  if (name == QLatin1String("full")) {
    p.backbone_widths = {64, 128, 256, 512, 512};
    p.input_stride = 1;
    p.hypercolumn_stride = 4;
    p.colour_width = 256;
    p.backbone_batchnorm = false;
  } else if (name == QLatin1String("slim")) {
    p.backbone_widths = {16, 32, 48, 64, 64};
    p.input_stride = 2;
    p.hypercolumn_stride = 8;
    p.colour_width = 64;
    p.backbone_batchnorm = true;
  } else if (name == QLatin1String("tiny")) {
    p.backbone_widths = {8, 16, 24, 32, 32};
    p.input_stride = 4;
    p.hypercolumn_stride = 8;
    p.colour_width = 32;
    p.backbone_batchnorm = true;
  } else {
    return makeError("unknown model preset '" + name.toStdString() + "': use one of " +
                     presetNames().join(", ").toStdString());
  }
  return p;
}

QJsonObject ModelConfig::toJson() const {
  QJsonObject o;
  o[QStringLiteral("architecture")] = architecture;
  o[QStringLiteral("preset")] = preset;
  o[QStringLiteral("head")] = headName(head);
  o[QStringLiteral("bin_grid")] = bin_grid;
  o[QStringLiteral("temperature")] = temperature;
  o[QStringLiteral("hints")] = hints;
  o[QStringLiteral("dropout")] = dropout;
  if (global_context > 0)
    o[QStringLiteral("global_context")] = global_context;
  if (chroma_gain != 1.0)
    o[QStringLiteral("chroma_gain")] = chroma_gain;
  return o;
}

namespace {
const char* jsonTypeName(QJsonValue::Type type) {
  switch (type) {
    case QJsonValue::Null:
      return "null";
    case QJsonValue::Bool:
      return "true/false";
    case QJsonValue::Double:
      return "a number";
    case QJsonValue::String:
      return "a string";
    case QJsonValue::Array:
      return "a list";
    case QJsonValue::Object:
      return "an object";
    case QJsonValue::Undefined:
      break;
  }
  return "undefined";
}
}  // namespace

Status checkJsonFieldTypes(const QJsonObject& json, const std::vector<JsonFieldType>& fields,
                           const std::string& where) {
  for (const JsonFieldType& f : fields) {
    const QJsonValue v = json.value(QLatin1String(f.key));
    if (v.isUndefined() || v.type() == f.type)
      continue;
    std::string shown;
    if (v.isString())
      shown = " (\"" + v.toString().left(40).toStdString() + "\")";
    return makeError("model card field \"" + where + f.key + "\" must be " + jsonTypeName(f.type) +
                     ", not " + jsonTypeName(v.type()) + shown);
  }
  return Status::success();
}

Result<ModelConfig> ModelConfig::fromJson(const QJsonObject& json) {
  if (Status s = checkJsonFieldTypes(json,
                                     {{"architecture", QJsonValue::String},
                                      {"preset", QJsonValue::String},
                                      {"head", QJsonValue::String},
                                      {"bin_grid", QJsonValue::Double},
                                      {"temperature", QJsonValue::Double},
                                      {"hints", QJsonValue::Bool},
                                      {"dropout", QJsonValue::Double}},
                                     "config.");
      !s)
    return s.error();
  ModelConfig c;
  c.architecture = json.value(QStringLiteral("architecture")).toString();
  c.preset = json.value(QStringLiteral("preset")).toString();
  auto head = headFromName(json.value(QStringLiteral("head")).toString());
  if (!head)
    return head.error();
  c.head = head.value();
  c.bin_grid = json.value(QStringLiteral("bin_grid")).toInt(10);
  c.temperature = json.value(QStringLiteral("temperature")).toDouble(0.38);
  c.hints = json.value(QStringLiteral("hints")).toBool(true);
  c.dropout = json.value(QStringLiteral("dropout")).toDouble(0.2);
  c.global_context = json.value(QStringLiteral("global_context")).toInt(0);
  c.chroma_gain = json.value(QStringLiteral("chroma_gain")).toDouble(1.0);
  if (Status s = c.validate(); !s)
    return s.error();
  return c;
}

Status ModelConfig::validate() const {
  if (architecture != QLatin1String(kArchitecture))
    return makeError("wrong architecture '" + architecture.toStdString() + "': this build runs '" +
                     kArchitecture + "' (or a TorchScript module)");
  if (auto p = presetSpec(preset); !p)
    return p.error();
  if (bin_grid < 2 || bin_grid > 55)
    return makeError("bin grid " + std::to_string(bin_grid) + " is out of range 2..55");
  if (!(temperature > 0.0) || temperature > 10.0)
    return makeError("temperature " + std::to_string(temperature) + " is out of range (0, 10]");
  if (!(chroma_gain >= 0.5) || chroma_gain > 3.0)
    return makeError("chroma gain " + std::to_string(chroma_gain) + " is out of range 0.5..3");
  if (global_context < 0 || global_context > 512)
    return makeError("global context width " + std::to_string(global_context) +
                     " is out of range 0..512");
  if (dropout < 0.0 || dropout >= 1.0)
    return makeError("dropout " + std::to_string(dropout) + " is out of range [0, 1)");
  return Status::success();
}

}  // namespace cf::model
