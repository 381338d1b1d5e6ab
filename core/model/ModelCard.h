#pragma once
// The JSON model card stored inside every .cfmodel file: what the model is, how it was trained,
// how well it does, and its input/output contract. Torch-free.

#include <QJsonObject>
#include <QString>
#include <cstdint>

#include "common/Result.h"
#include "model/ModelConfig.h"

namespace cf::model {

struct TrainingInfo {
  QString data;     ///< data set(s) used
  QString terms;    ///< licence / terms of the data (e.g. "research use only")
  QString command;  ///< command line that trained the model
  double hours = 0.0;
  QString notes;
};

struct ModelCard {
  static constexpr int kFormatVersion = 1;

  int format_version = kFormatVersion;
  ModelConfig config;
  QString name;
  QString description;
  TrainingInfo training;
  QJsonObject metrics;  ///< free-form metric table, e.g. {"val_ab_psnr": 23.1}
  QString created_utc;  ///< ISO 8601, set by saveModel() when empty
  QString chromaflow_version;
  int64_t parameters = 0;   ///< set by saveModel()
  int output_channels = 0;  ///< 2 (L2) or Q bins; set by saveModel()
  QString weights_sha256;   ///< set by saveModel(); checked by loadModel()

  /// Full card, including the derived "contract" object.
  QJsonObject toJson() const;
  static Result<ModelCard> fromJson(const QJsonObject& json);
};

/// The input/output contract of a model with this configuration (as written into the card).
QJsonObject contractJson(const ModelConfig& config, int output_channels);

/// Reads only the card of a .cfmodel file (no LibTorch, no checksum check).
Result<ModelCard> readModelCard(const QString& path);
/// Parses the card's JSON text (as stored in a model file) and checks its fields' types and
/// values; the error says what is wrong, without the file's name.
Result<ModelCard> parseModelCard(const QByteArray& json);

}  // namespace cf::model
