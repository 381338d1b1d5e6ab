#pragma once
// Test fixture: writes a state dict exactly as Python's torch.save does (pickle protocol 2, an
// OrderedDict of tensors rebuilt by torch._utils._rebuild_tensor_v2, with the _metadata attribute),
// in the zip format (torch >= 1.6) or the legacy stream format of old torchvision files.

#include <QString>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

namespace cf::test {

enum class TorchSaveFormat { Zip, Legacy };

/// Tensors must be float32; they are written contiguous.
void writeTorchSave(const QString& path,
                    const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                    TorchSaveFormat format);

}  // namespace cf::test
