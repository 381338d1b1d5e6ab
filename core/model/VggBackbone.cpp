#include "model/VggBackbone.h"

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/pooling.h>

namespace cf::model {

namespace F = torch::nn::functional;

VggBackboneImpl::VggBackboneImpl(std::array<int, 5> widths, bool batchnorm)
    : widths_(widths), batchnorm_(batchnorm) {
  const std::array<int, 5> depth = {2, 2, 3, 3, 3};
  int in = 1;
  for (int b = 0; b < 5; ++b) {
    std::vector<torch::nn::Conv2d> convs;
    std::vector<torch::nn::BatchNorm2d> norms;
    for (int i = 0; i < depth[b]; ++i) {
      const std::string id = std::to_string(b + 1) + "_" + std::to_string(i + 1);
      convs.push_back(register_module(
          "conv" + id,
          torch::nn::Conv2d(torch::nn::Conv2dOptions(in, widths[b], 3).padding(1).bias(true))));
      if (batchnorm)
        norms.push_back(register_module("bn" + id, torch::nn::BatchNorm2d(widths[b])));
      in = widths[b];
    }
    blocks_.push_back(std::move(convs));
    norms_.push_back(std::move(norms));
  }
}

std::vector<torch::Tensor> VggBackboneImpl::forward(torch::Tensor x) {
  std::vector<torch::Tensor> taps;
  taps.reserve(5);
  for (size_t b = 0; b < blocks_.size(); ++b) {
    if (b > 0)
      x = F::max_pool2d(x, F::MaxPool2dFuncOptions(2).stride(2).ceil_mode(true));
    for (size_t i = 0; i < blocks_[b].size(); ++i) {
      x = blocks_[b][i]->forward(x);
      if (batchnorm_)
        x = norms_[b][i]->forward(x);
      x = x.relu_();
    }
    taps.push_back(x);
  }
  return taps;
}

std::vector<std::pair<std::string, torch::nn::Conv2d>> VggBackboneImpl::convs() const {
  std::vector<std::pair<std::string, torch::nn::Conv2d>> out;
  for (size_t b = 0; b < blocks_.size(); ++b)
    for (size_t i = 0; i < blocks_[b].size(); ++i)
      out.emplace_back("conv" + std::to_string(b + 1) + "_" + std::to_string(i + 1), blocks_[b][i]);
  return out;
}

}  // namespace cf::model
