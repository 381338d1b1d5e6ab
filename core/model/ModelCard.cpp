#include "model/ModelCard.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include "model/ModelContainer.h"

namespace cf::model {

QJsonObject contractJson(const ModelConfig& config, int output_channels) {
  const auto preset = presetSpec(config.preset);
  const int multiple = preset ? preset->multiple_px() : 16;
  const int stride = preset ? preset->hypercolumn_stride : 1;
  QJsonObject c;
  c[QStringLiteral("input")] = QStringLiteral(
      "L channel of CIE Lab (D65), float32 tensor [B,1,H,W], values 0..100; H and W multiples "
      "of multiple_px (the engine pads)");
  c[QStringLiteral("hints")] =
      config.hints ? QStringLiteral(
                         "optional float32 [B,3,H,W]: a, b (Lab units) and mask (1 where "
                         "a hint is given); absent or all zeros = automatic")
                   : QStringLiteral("none");
  c[QStringLiteral("output")] =
      config.head == Head::L2
          ? QStringLiteral(
                "ab / 110, float32 [B,2,H/s,W/s] (s = output_stride); upsampled "
                "bilinearly to H x W by the engine")
          : QStringLiteral(
                "logits over the in-gamut ab bins, float32 [B,Q,H/s,W/s]; decoded by "
                "annealed mean softmax(logits/T) . centres, confidence = 1 - "
                "normalised entropy");
  c[QStringLiteral("multiple_px")] = multiple;
  c[QStringLiteral("output_stride")] = stride;
  c[QStringLiteral("output_channels")] = output_channels;
  return c;
}

QJsonObject ModelCard::toJson() const {
  QJsonObject o;
  o[QStringLiteral("format")] = QStringLiteral("chromaflow-model");
  o[QStringLiteral("format_version")] = format_version;
  o[QStringLiteral("config")] = config.toJson();
  o[QStringLiteral("name")] = name;
  o[QStringLiteral("description")] = description;
  QJsonObject t;
  t[QStringLiteral("data")] = training.data;
  t[QStringLiteral("terms")] = training.terms;
  t[QStringLiteral("command")] = training.command;
  t[QStringLiteral("hours")] = training.hours;
  t[QStringLiteral("notes")] = training.notes;
  o[QStringLiteral("training")] = t;
  o[QStringLiteral("metrics")] = metrics;
  o[QStringLiteral("created_utc")] = created_utc;
  o[QStringLiteral("chromaflow_version")] = chromaflow_version;
  o[QStringLiteral("parameters")] = static_cast<double>(parameters);
  o[QStringLiteral("weights_sha256")] = weights_sha256;
  o[QStringLiteral("contract")] = contractJson(config, output_channels);
  return o;
}

Result<ModelCard> ModelCard::fromJson(const QJsonObject& json) {
  if (Status s = checkJsonFieldTypes(json,
                                     {{"format", QJsonValue::String},
                                      {"format_version", QJsonValue::Double},
                                      {"config", QJsonValue::Object},
                                      {"name", QJsonValue::String},
                                      {"description", QJsonValue::String},
                                      {"training", QJsonValue::Object},
                                      {"metrics", QJsonValue::Object},
                                      {"created_utc", QJsonValue::String},
                                      {"chromaflow_version", QJsonValue::String},
                                      {"parameters", QJsonValue::Double},
                                      {"weights_sha256", QJsonValue::String},
                                      {"contract", QJsonValue::Object}},
                                     "");
      !s)
    return s.error();
  if (Status s = checkJsonFieldTypes(json.value(QStringLiteral("training")).toObject(),
                                     {{"data", QJsonValue::String},
                                      {"terms", QJsonValue::String},
                                      {"command", QJsonValue::String},
                                      {"hours", QJsonValue::Double},
                                      {"notes", QJsonValue::String}},
                                     "training.");
      !s)
    return s.error();
  if (json.value(QStringLiteral("format")).toString() != QLatin1String("chromaflow-model"))
    return makeError("model card has no \"format\": \"chromaflow-model\" entry");
  ModelCard card;
  card.format_version = json.value(QStringLiteral("format_version")).toInt(0);
  if (card.format_version < 1 || card.format_version > kFormatVersion)
    return makeError("model card format version " + std::to_string(card.format_version) +
                     " is not supported by this build (reads 1.." + std::to_string(kFormatVersion) +
                     "): update Chromaflow");
  auto config = ModelConfig::fromJson(json.value(QStringLiteral("config")).toObject());
  if (!config)
    return config.error();
  card.config = config.value();
  card.name = json.value(QStringLiteral("name")).toString();
  card.description = json.value(QStringLiteral("description")).toString();
  const QJsonObject t = json.value(QStringLiteral("training")).toObject();
  card.training.data = t.value(QStringLiteral("data")).toString();
  card.training.terms = t.value(QStringLiteral("terms")).toString();
  card.training.command = t.value(QStringLiteral("command")).toString();
  card.training.hours = t.value(QStringLiteral("hours")).toDouble();
  card.training.notes = t.value(QStringLiteral("notes")).toString();
  card.metrics = json.value(QStringLiteral("metrics")).toObject();
  card.created_utc = json.value(QStringLiteral("created_utc")).toString();
  card.chromaflow_version = json.value(QStringLiteral("chromaflow_version")).toString();
  const double parameters = json.value(QStringLiteral("parameters")).toDouble();
  if (!(parameters >= 0.0 && parameters < 1e15))  // NaN-safe; a cast of 1e300 is undefined
    return makeError("model card field \"parameters\" must be a count of weights, not " +
                     std::to_string(parameters));
  card.parameters = static_cast<int64_t>(parameters);
  card.weights_sha256 = json.value(QStringLiteral("weights_sha256")).toString();
  card.output_channels = json.value(QStringLiteral("contract"))
                             .toObject()
                             .value(QStringLiteral("output_channels"))
                             .toInt();
  return card;
}

Result<ModelCard> parseModelCard(const QByteArray& json) {
  QJsonParseError err{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
  if (err.error != QJsonParseError::NoError)
    return makeError("its model card is not valid JSON (" + err.errorString().toStdString() +
                     " at byte " + std::to_string(err.offset) + ")");
  if (!doc.isObject())
    return makeError(std::string("its model card is a JSON ") + (doc.isArray() ? "list" : "value") +
                     ", not an object with the card's fields");
  auto card = ModelCard::fromJson(doc.object());
  if (!card) {
    // Messages quote card values ("wrong architecture '...'"); a value with a line break must not
    // break the one-line error (found by fuzzing).
    std::string message = card.message();
    for (char& c : message)
      if (static_cast<unsigned char>(c) < 0x20)
        c = ' ';
    return makeError(message);
  }
  return card;
}

Result<ModelCard> readModelCard(const QString& path) {
  auto container = readModelContainer(path);
  if (!container)
    return container.error();
  auto card = parseModelCard(container->card_json);
  if (!card)
    return makeError("model file '" + path.toStdString() +
                     "' is corrupt or unusable: " + card.message());
  return card;
}

}  // namespace cf::model
