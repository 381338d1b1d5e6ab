#pragma once
// Typed configuration of a Chromaflow colour network: architecture, width preset, head, ab-bin
// grid, decoding temperature and hint support. Torch-free, so any module can include it.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <array>
#include <vector>

#include "common/Result.h"

namespace cf::model {

/// The only native architecture this build knows (stored in every model card).
inline constexpr const char* kArchitecture = "chromaflow.hypercolumn-vgg16";

enum class Head {
  L2,              ///< regression of ab (design notes); sepia-prone
  Classification,  ///< Zhang et al. ECCV16: softmax over in-gamut ab bins, annealed-mean decoding
};

QString headName(Head head);
Result<Head> headFromName(const QString& name);

/// Widths and resolutions of one preset.
struct PresetSpec {
  QString name;
  std::array<int, 5> backbone_widths{};  ///< channels of VGG blocks 1..5 (conv1_x .. conv5_x)
  int input_stride = 1;        ///< L is area-downsampled by this factor before the backbone
  int hypercolumn_stride = 4;  ///< hypercolumn (and colour net input) at 1/stride of working res
  int colour_width = 256;      ///< channels of the 8 colour-network convolutions
  bool backbone_batchnorm = false;  ///< BatchNorm after backbone convs (off for torchvision VGG16)

  /// Height and width given to the network must be multiples of this (the engine pads).
  int multiple_px() const;
};

/// "full" (VGG16 widths), "slim" (the shipped default), "tiny" (tests, quick experiments).
QStringList presetNames();
Result<PresetSpec> presetSpec(const QString& name);

/// A JSON field and the type it must have when present.
struct JsonFieldType {
  const char* key;
  QJsonValue::Type type;
};
/// Fails with 'model card field "<where><key>" must be a number, not a string ("hot")' when a
/// field of `json` listed in `fields` is present with another type. Absent fields are fine.
Status checkJsonFieldTypes(const QJsonObject& json, const std::vector<JsonFieldType>& fields,
                           const std::string& where);

struct ModelConfig {
  QString architecture = kArchitecture;
  QString preset = QStringLiteral("slim");
  Head head = Head::Classification;
  int bin_grid = 10;          ///< ab bin size in Lab units (classification head)
  double temperature = 0.38;  ///< annealed-mean temperature (classification head)
  /// Decoding: the annealed mean's chroma is multiplied by this (classification head). A model
  /// trained without class rebalancing predicts the right hues but averages them towards grey;
  /// a gain restores the colourfulness without the rebalancing's shift to rare hues.
  double chroma_gain = 1.0;
  bool hints = true;  ///< the colour network takes 3 hint channels (ab + mask)
  double dropout = 0.2;
  /// Global context (Iizuka et al. 2016): channels of an image-level feature (pooled conv5,
  /// one linear layer) appended to every hypercolumn position; 0 = none (older models).
  int global_context = 0;

  QJsonObject toJson() const;
  static Result<ModelConfig> fromJson(const QJsonObject& json);
  /// Checks architecture, preset, head and ranges; returns a readable error.
  Status validate() const;
};

}  // namespace cf::model
