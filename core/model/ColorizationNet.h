#pragma once
// The full colour model: VGG16-shaped backbone on normalised L -> hypercolumn (conv1_2 .. conv5_3
// resampled to 1/hypercolumn_stride of the input and concatenated, plus 3 hint channels, plus an
// optional image-level global-context feature broadcast to every position) ->
// colour network -> 1x1 head (2 channels for L2, Q bin logits for classification).
// For core/model and core/train only; other modules use the torch-free Colorizer.

#include <memory>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/AbBins.h"
#include "model/ColourNetwork.h"
#include "model/ModelConfig.h"
#include "model/VggBackbone.h"

namespace cf::model {

/// ab (Lab units) and confidence (0..1, undefined when the head has none) at network resolution.
struct DecodedAb {
  torch::Tensor ab;
  torch::Tensor confidence;
};

class ColorizationNetImpl : public torch::nn::Module {
 public:
  /// L is fed to the backbone as L / 100 - kLOffset.
  static constexpr double kLOffset = 0.5;
  /// L2 head predicts ab / kAbScale.
  static constexpr double kAbScale = 110.0;

  /// `config` must be valid (ModelConfig::validate); throws std::invalid_argument otherwise.
  explicit ColorizationNetImpl(const ModelConfig& config);

  /// l: [B,1,H,W] (0..100), H and W multiples of preset().multiple_px().
  /// hints: [B,3,H,W] (a, b in Lab units, mask 0/1) or undefined (automatic colourisation).
  /// Returns the raw head output at 1/hypercolumn_stride: [B,2,h,w] (ab / kAbScale) for L2,
  /// [B,Q,h,w] logits for classification.
  torch::Tensor forward(const torch::Tensor& l, const torch::Tensor& hints = {});

  /// Raw output -> ab in Lab units and confidence, at the same resolution. The classification
  /// head's annealed mean is multiplied by `chroma_gain` (<= 0: the config's).
  DecodedAb decode(const torch::Tensor& raw, double temperature, double chroma_gain = 0.0) const;

  const ModelConfig& config() const { return config_; }
  const PresetSpec& preset() const { return preset_; }
  /// Bins of the classification head (empty bins for L2).
  const AbBins& bins() const { return bins_; }
  int outputChannels() const { return out_channels_; }
  int hypercolumnChannels() const;

  VggBackbone& backbone() { return backbone_; }
  void setMcDropout(bool on) { colour_->setMcDropout(on); }

 private:
  ModelConfig config_;
  PresetSpec preset_;
  AbBins bins_;
  int out_channels_ = 2;
  VggBackbone backbone_{nullptr};
  ColourNetwork colour_{nullptr};
  torch::nn::Conv2d head_{nullptr};
  torch::nn::Linear global_{nullptr};  ///< global context (config.global_context > 0)
};
TORCH_MODULE(ColorizationNet);

/// Total number of parameters.
int64_t parameterCount(const torch::nn::Module& module);

}  // namespace cf::model
