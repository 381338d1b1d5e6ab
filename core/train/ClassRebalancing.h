#pragma once
// Class rebalancing of Zhang et al. (ECCV 2016, eq. 3-4): rare (saturated) ab bins get larger
// weights so the classification loss does not settle on desaturated colours.
//   p~ = G_sigma * p          (empirical bin distribution smoothed with a Gaussian in ab space)
//   w  ~ ((1 - lambda) p~ + lambda / Q)^-1,   normalised so that E_p~[w] = sum_q p~_q w_q = 1.

#include <vector>

#include <torch/types.h>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "model/AbBins.h"
#include "train/TrainDataset.h"

namespace cf::train {

/// Smoothed distribution p~ ([Q] float64, sums to 1) from bin counts ([Q]) and bin centres
/// ([Q,2]): p~_i = sum_j p_j K(c_i, c_j) / sum_k K(c_k, c_j), K a Gaussian of `sigma` ab units
/// (each bin's mass is spread over its neighbours and kept).
torch::Tensor smoothBinDistribution(const torch::Tensor& counts, const torch::Tensor& centres,
                                    double sigma);

/// Weights ([Q] float32) from bin counts; see the header comment.
torch::Tensor rebalanceWeights(const torch::Tensor& counts, const torch::Tensor& centres,
                               double sigma, double lambda);

/// Counts of the nearest bin of every pixel of the centre squares (at 64 px) of the first
/// `max_images` samples in a seeded order. Unreadable files are skipped.
Result<torch::Tensor> binCounts(const std::vector<SampleRef>& samples, const model::AbBins& bins,
                                int max_images, uint64_t seed, const CancelToken& cancel);

}  // namespace cf::train
