#pragma once
// Quantised in-gamut ab bins (Zhang et al., ECCV 2016) and the decoding that goes with them:
// nearest-bin quantisation, soft encoding of targets, annealed-mean decoding and the normalised
// entropy used as a confidence map.

#include <torch/types.h>

namespace cf::model {

/// True when Lab (D65) maps into the sRGB gamut ([0,1] on every linear channel) without clipping.
bool labInSrgbGamut(double l, double a, double b);

class AbBins {
 public:
  /// Bin centres on a `grid`-unit lattice (a, b multiples of grid) whose cell (+-grid/2) touches
  /// the sRGB gamut for at least one L in 0..100. Grid 10 gives 262 bins (centres alone: 226;
  /// Zhang et al.'s 313 is larger than the sRGB gamut allows, see MODEL_FORMAT.md).
  static AbBins inGamut(int grid = 10);

  int count() const { return centres_.defined() ? static_cast<int>(centres_.size(0)) : 0; }
  int grid() const { return grid_; }
  /// [Q, 2] float32 (a, b) bin centres on the CPU.
  const torch::Tensor& centres() const { return centres_; }

  /// ab [B,2,H,W] (Lab units) -> index of the nearest bin, int64 [B,H,W].
  torch::Tensor quantize(const torch::Tensor& ab) const;
  /// ab [B,2,H,W] -> soft target [B,Q,H,W]: Gaussian weights (sigma in Lab units) on the
  /// `neighbours` nearest bins, summing to 1 per pixel (Zhang et al. use 5 and 5).
  torch::Tensor softEncode(const torch::Tensor& ab, int neighbours = 5, double sigma = 5.0) const;

  /// Annealed mean of a distribution over bins: probs [B,Q,H,W] -> ab [B,2,H,W].
  /// f_T(z) = exp(log z / T) / sum exp(log z / T); T -> 0 gives the mode, T = 1 the mean.
  torch::Tensor annealedMean(const torch::Tensor& probs, double temperature) const;
  /// Same from logits [B,Q,H,W] (softmax(logits / T) == f_T(softmax(logits))).
  torch::Tensor annealedMeanFromLogits(const torch::Tensor& logits, double temperature) const;

  /// 1 - H(p) / log(Q) per pixel: probs [B,Q,H,W] -> [B,1,H,W] in 0..1.
  static torch::Tensor confidenceFromProbs(const torch::Tensor& probs);

 private:
  torch::Tensor centres_;
  int grid_ = 10;
};

}  // namespace cf::model
