#pragma once
// Reads a PyTorch state dict written by Python's torch.save, without Python: both the zip format
// (torch >= 1.6) and the legacy pickle-stream format of older releases (such as torchvision's
// vgg16-397923af.pth). LibTorch 1.13's own torch::pickle_load cannot do this: its unpickler turns
// collections.OrderedDict (the state-dict type) into None and does not read the legacy format, so
// this is a small pickle interpreter for the subset torch.save emits.

#include <QString>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "common/Result.h"

namespace cf::model {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/// Tensors of the state dict at `path`, in file order, on the CPU. A checkpoint that wraps the
/// state dict ({"state_dict": ...} or {"model": ...}) is unwrapped.
Result<NamedTensors> readTorchStateDict(const QString& path);

/// Same from bytes already in memory (`origin` names the source in errors).
Result<NamedTensors> parseTorchStateDict(std::string_view bytes, const QString& origin);

}  // namespace cf::model
