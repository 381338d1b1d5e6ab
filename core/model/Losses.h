#pragma once
// Training losses for the two heads (used by core/train and the model tests).

#include <torch/types.h>

#include "model/AbBins.h"

namespace cf::model {

/// Area-averages target ab [B,2,H,W] to [B,2,h,w] (the network's output grid).
torch::Tensor downsampleAb(const torch::Tensor& ab, int64_t h, int64_t w);

/// L2 loss of the design notes, 1/2 ||Y - Yhat||^2, averaged over pixels (not summed, so the
/// learning rate does not depend on image size). pred: [B,2,h,w] = ab / 110 (the L2 head's raw
/// output); target_ab: [B,2,H,W] in Lab units.
torch::Tensor l2Loss(const torch::Tensor& pred, const torch::Tensor& target_ab);

/// Zhang et al. multinomial cross-entropy: logits [B,Q,h,w] against the soft-encoded target
/// (5 nearest bins, sigma 5), each pixel weighted by class_weights[nearest bin] when given
/// ([Q], class rebalancing), averaged over pixels.
torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& target_ab,
                                 const AbBins& bins,
                                 const torch::Tensor& class_weights = torch::Tensor());

}  // namespace cf::model
