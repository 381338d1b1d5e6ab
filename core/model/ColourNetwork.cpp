#include "model/ColourNetwork.h"

#include <string>

#include <torch/nn/functional/dropout.h>
#include <torch/nn/functional/pooling.h>
#include <torch/nn/functional/upsampling.h>

namespace cf::model {

namespace F = torch::nn::functional;

ColourNetworkImpl::ColourNetworkImpl(int in_channels, int width, double dropout)
    : dropout_(dropout) {
  for (int i = 0; i < 8; ++i) {
    const int in = i == 0 ? in_channels : width;
    const int kernel = i == 0 ? 1 : 3;
    const std::string id = std::to_string(i + 1);
    convs_.push_back(register_module(
        "conv" + id,
        torch::nn::Conv2d(
            torch::nn::Conv2dOptions(in, width, kernel).padding(kernel / 2).bias(false))));
    norms_.push_back(register_module("bn" + id, torch::nn::BatchNorm2d(width)));
  }
}

torch::Tensor ColourNetworkImpl::forward(torch::Tensor x) {
  std::vector<torch::Tensor> skips;
  skips.reserve(4);
  const bool drop = dropout_ > 0.0 && (is_training() || mc_dropout_);
  for (int stage = 0; stage < 4; ++stage) {
    for (int j = 0; j < 2; ++j) {
      const int i = 2 * stage + j;
      x = norms_[i]->forward(convs_[i]->forward(x)).relu_();
    }
    if (drop)
      x = F::dropout(x, F::DropoutFuncOptions().p(dropout_).training(true));
    skips.push_back(x);
    x = F::max_pool2d(x, F::MaxPool2dFuncOptions(2).stride(2).ceil_mode(true));
  }
  for (int stage = 3; stage >= 0; --stage) {
    const auto& skip = skips[static_cast<size_t>(stage)];
    x = F::interpolate(x, F::InterpolateFuncOptions()
                              .size(std::vector<int64_t>{skip.size(2), skip.size(3)})
                              .mode(torch::kBilinear)
                              .align_corners(false)) +
        skip;
  }
  return x;
}

}  // namespace cf::model
