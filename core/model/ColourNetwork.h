#pragma once
// The colour network of the design notes: 8 convolutions with BatchNorm, ReLU and dropout, and
// 4 max-pools. It is an hourglass: four stages of two convs (the first conv of stage 1 is a 1x1
// fusion of the hypercolumn), each followed by dropout and a 2x2 max-pool; the pooled context is
// brought back by bilinear upsampling and added to each stage's output (a parameter-free FPN-style
// decoder), so the output keeps the input (hypercolumn) resolution.

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

namespace cf::model {

class ColourNetworkImpl : public torch::nn::Module {
 public:
  ColourNetworkImpl(int in_channels, int width, double dropout);

  /// [B,in,h,w] -> [B,width,h,w]
  torch::Tensor forward(torch::Tensor x);

  /// Keep dropout active in eval mode (Monte-Carlo dropout).
  void setMcDropout(bool on) { mc_dropout_ = on; }
  bool mcDropout() const { return mc_dropout_; }

 private:
  std::vector<torch::nn::Conv2d> convs_;
  std::vector<torch::nn::BatchNorm2d> norms_;
  double dropout_ = 0.2;
  bool mc_dropout_ = false;
};
TORCH_MODULE(ColourNetwork);

}  // namespace cf::model
