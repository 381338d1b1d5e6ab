#pragma once
// Training checkpoints: one torch::serialize archive holding the network (parameters and
// BatchNorm buffers), the optimizer state (momentum / Adam moments and step counts), the number
// of steps done, the training hours so far, the class-rebalancing weights and the run's settings
// as JSON. Batches and dropout are seeded from (seed, step), so this is all a resume needs to
// continue bit-exactly. Written to a temporary file and renamed, so a crash never leaves half a
// checkpoint.

#include <QJsonObject>
#include <QString>
#include <cstdint>

#include <torch/optim/optimizer.h>
#include <torch/types.h>

#include "common/Result.h"
#include "model/ColorizationNet.h"

namespace cf::train {

struct CheckpointState {
  int64_t step = 0;             ///< steps done
  double hours = 0.0;           ///< training wall time so far, all sessions
  torch::Tensor class_weights;  ///< [Q] or undefined
  QJsonObject settings;         ///< TrainSettings::toJson()
};

Status saveCheckpoint(const QString& path, model::ColorizationNet& net,
                      torch::optim::Optimizer& optimizer, const CheckpointState& state);

/// Reads only the state (settings, step, hours, weights): to rebuild the run before loading.
Result<CheckpointState> readCheckpointState(const QString& path);

/// Loads the network and optimizer state (both already built with the checkpoint's settings and
/// placed on `device`).
Status loadCheckpoint(const QString& path, model::ColorizationNet& net,
                      torch::optim::Optimizer& optimizer, const torch::Device& device);

}  // namespace cf::train
