#pragma once
// The byte container of a .cfmodel file (see core/model/MODEL_FORMAT.md): a fixed header, the JSON
// model card and the weights blob. Torch-free: reading a card or sniffing a file needs no LibTorch.

#include <QByteArray>
#include <QString>

#include "common/Result.h"

namespace cf::model {

enum class ModelFileKind {
  Chromaflow,   ///< starts with the CHROMAFLOW-MODEL header
  TorchScript,  ///< a zip archive holding TorchScript code (bring-your-own model)
};

struct ModelContainer {
  QByteArray card_json;  ///< UTF-8 JSON text of the model card
  QByteArray weights;    ///< torch::pickle_save bytes of a {name: Tensor} dict
};

inline constexpr char kModelMagic[] = "CHROMAFLOW-MODEL";  // 16 bytes, no terminator in the file
inline constexpr quint32 kContainerVersion = 1;

/// Looks at the first bytes of `path`. Errors for a missing or unreadable file or unknown content.
Result<ModelFileKind> detectModelFile(const QString& path);

/// Reads and checks the container structure (header, lengths, file size). Does not parse JSON.
Result<ModelContainer> readModelContainer(const QString& path);

/// Writes the container atomically (temporary file + rename).
Status writeModelContainer(const QString& path, const ModelContainer& container);

/// SHA-256 of the weights blob as lower-case hex.
QString weightsSha256(const QByteArray& weights);

}  // namespace cf::model
