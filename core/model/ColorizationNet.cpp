#include "model/ColorizationNet.h"

#include <stdexcept>

#include <torch/nn/functional/pooling.h>
#include <torch/nn/functional/upsampling.h>

namespace cf::model {

namespace F = torch::nn::functional;

namespace {

PresetSpec checkedPreset(const ModelConfig& config) {
  if (Status s = config.validate(); !s)
    throw std::invalid_argument(s.message());
  return presetSpec(config.preset).value();
}

/// Resamples a backbone tap to exactly (h, w): average pooling when shrinking by an integer
/// factor, bilinear interpolation otherwise.
torch::Tensor resampleTo(const torch::Tensor& x, int64_t h, int64_t w) {
  if (x.size(2) == h && x.size(3) == w)
    return x;
  if (x.size(2) > h && x.size(2) % h == 0 && x.size(3) % w == 0 && x.size(2) / h == x.size(3) / w) {
    const int64_t k = x.size(2) / h;
    return F::avg_pool2d(x, F::AvgPool2dFuncOptions(k).stride(k));
  }
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{h, w})
                               .mode(torch::kBilinear)
                               .align_corners(false));
}

}  // namespace

ColorizationNetImpl::ColorizationNetImpl(const ModelConfig& config)
    : config_(config), preset_(checkedPreset(config)) {
  if (config_.head == Head::Classification) {
    bins_ = AbBins::inGamut(config_.bin_grid);
    out_channels_ = bins_.count();
  }
  backbone_ =
      register_module("backbone", VggBackbone(preset_.backbone_widths, preset_.backbone_batchnorm));
  colour_ = register_module(
      "colour", ColourNetwork(hypercolumnChannels(), preset_.colour_width, config_.dropout));
  head_ = register_module(
      "head", torch::nn::Conv2d(torch::nn::Conv2dOptions(preset_.colour_width, out_channels_, 1)));
  if (config_.global_context > 0)
    global_ = register_module(
        "context", torch::nn::Linear(preset_.backbone_widths.back(), config_.global_context));
}

int ColorizationNetImpl::hypercolumnChannels() const {
  int c = (config_.hints ? 3 : 0) + config_.global_context;
  for (int w : preset_.backbone_widths)
    c += w;
  return c;
}

torch::Tensor ColorizationNetImpl::forward(const torch::Tensor& l, const torch::Tensor& hints) {
  const int64_t s = preset_.hypercolumn_stride;
  const int64_t hh = (l.size(2) + s - 1) / s;
  const int64_t hw = (l.size(3) + s - 1) / s;

  auto x = l / 100.0 - kLOffset;
  if (preset_.input_stride > 1)
    x = F::avg_pool2d(
        x,
        F::AvgPool2dFuncOptions(preset_.input_stride).stride(preset_.input_stride).ceil_mode(true));
  std::vector<torch::Tensor> parts;
  const std::vector<torch::Tensor> taps = backbone_->forward(x);
  for (const auto& tap : taps)
    parts.push_back(resampleTo(tap, hh, hw));

  if (config_.hints) {
    if (hints.defined()) {
      // Pool hints to the hypercolumn grid: masked mean of ab, max of the mask, so a single
      // clicked pixel gives a full-strength hint in its cell.
      const auto mask = hints.slice(1, 2, 3);
      const auto ab = hints.slice(1, 0, 2) * mask;
      const auto opts = F::AvgPool2dFuncOptions(s).stride(s).ceil_mode(true);
      const auto mask_mean = F::avg_pool2d(mask, opts);
      const auto ab_mean = F::avg_pool2d(ab, opts) / mask_mean.clamp_min(1e-6);
      const auto mask_max =
          F::max_pool2d(mask, F::MaxPool2dFuncOptions(s).stride(s).ceil_mode(true));
      parts.push_back(ab_mean / kAbScale);
      parts.push_back(mask_max);
    } else {
      parts.push_back(torch::zeros({l.size(0), 3, hh, hw}, parts.front().options()));
    }
  }
  if (global_) {
    // Iizuka et al. 2016: one image-level feature (mean of conv5 over the frame) fused into
    // every position. Appended last, so a model widened from one without it starts identical.
    const auto pooled = taps.back().mean({2, 3});
    const auto g = global_->forward(pooled).relu();
    parts.push_back(g.unsqueeze(2).unsqueeze(3).expand({-1, -1, hh, hw}));
  }
  return head_->forward(colour_->forward(torch::cat(parts, 1)));
}

DecodedAb ColorizationNetImpl::decode(const torch::Tensor& raw, double temperature,
                                      double chroma_gain) const {
  DecodedAb out;
  const auto r = raw.to(torch::kFloat32);
  if (config_.head == Head::L2) {
    out.ab = r * kAbScale;
    return out;
  }
  const double gain = chroma_gain > 0.0 ? chroma_gain : config_.chroma_gain;
  out.ab = bins_.annealedMeanFromLogits(r, temperature);
  if (gain != 1.0)
    out.ab = out.ab * gain;
  out.confidence = AbBins::confidenceFromProbs(torch::softmax(r, 1));
  return out;
}

int64_t parameterCount(const torch::nn::Module& module) {
  int64_t n = 0;
  for (const auto& p : module.parameters())
    n += p.numel();
  return n;
}

}  // namespace cf::model
