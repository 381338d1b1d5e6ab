#pragma once
// VGG16-shaped backbone: five blocks of 2, 2, 3, 3, 3 3x3 convolutions (+ optional BatchNorm) and
// ReLU, with a 2x2 max-pool between blocks. forward() returns the activations just before each
// pool (conv1_2, conv2_2, conv3_3, conv4_3, conv5_3) for the hypercolumn.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

namespace cf::model {

class VggBackboneImpl : public torch::nn::Module {
 public:
  VggBackboneImpl(std::array<int, 5> widths, bool batchnorm);

  /// x: [B,1,H,W] normalised L. Returns 5 tensors at strides 1, 2, 4, 8, 16 of x.
  std::vector<torch::Tensor> forward(torch::Tensor x);

  /// The 13 convolutions in torchvision order, named conv1_1 .. conv5_3.
  std::vector<std::pair<std::string, torch::nn::Conv2d>> convs() const;
  const std::array<int, 5>& widths() const { return widths_; }
  bool hasBatchNorm() const { return batchnorm_; }

 private:
  std::array<int, 5> widths_{};
  bool batchnorm_ = false;
  std::vector<std::vector<torch::nn::Conv2d>> blocks_;
  std::vector<std::vector<torch::nn::BatchNorm2d>> norms_;
};
TORCH_MODULE(VggBackbone);

}  // namespace cf::model
