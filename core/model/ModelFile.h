#pragma once
// Saving and loading native Chromaflow models (.cfmodel): weights + JSON model card + SHA-256 of
// the weights in one file. Format: core/model/MODEL_FORMAT.md. Uses LibTorch; for core/model and
// core/train. Loading never throws: every problem comes back as a readable Error.

#include <QString>

#include "common/Result.h"
#include "model/ColorizationNet.h"
#include "model/ModelCard.h"

namespace cf::model {

struct LoadedModel {
  ModelCard card;
  ColorizationNet net{nullptr};  ///< on the CPU, float32, in eval mode
};

/// Writes `net` with `card` to `path`. Fills card.config (from the net), parameters,
/// output_channels, weights_sha256, created_utc (when empty) and chromaflow_version.
Status saveModel(const QString& path, ColorizationNet& net, ModelCard card);

/// Loads a .cfmodel file. Errors name the file and say what is wrong: missing, corrupt or
/// truncated, wrong architecture, checksum mismatch, or parameter shape mismatch.
Result<LoadedModel> loadModel(const QString& path);

/// Warm start for training: copies the weights of the model file `path` into `net` by name.
/// Equal shapes are copied; a convolution that gained input channels (a wider hypercolumn, such
/// as added global context) gets the old weights in its leading channels and zeros in the new
/// ones, so the widened network computes exactly what the old one did. Weights only in `net` keep
/// their initialisation. Fails on any other mismatch (another preset, head or bin grid).
/// `summary` (optional) says how many tensors were copied, widened and kept.
Status initWeightsFrom(const QString& path, ColorizationNet& net, QString* summary = nullptr);

/// The weights blob format: torch::pickle_save of a {name: Tensor} dict (parameters + buffers).
QByteArray serializeWeights(torch::nn::Module& module);
/// Copies a weights blob into `module`; checks names, shapes and dtypes. `origin` names the file.
Status deserializeWeights(const QByteArray& blob, torch::nn::Module& module, const QString& origin);

}  // namespace cf::model
