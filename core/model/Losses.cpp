#include "model/Losses.h"

#include <torch/nn/functional/pooling.h>
#include <torch/torch.h>

namespace cf::model {

namespace F = torch::nn::functional;

torch::Tensor downsampleAb(const torch::Tensor& ab, int64_t h, int64_t w) {
  if (ab.size(2) == h && ab.size(3) == w)
    return ab;
  return F::adaptive_avg_pool2d(ab, F::AdaptiveAvgPool2dFuncOptions({h, w}));
}

torch::Tensor l2Loss(const torch::Tensor& pred, const torch::Tensor& target_ab) {
  const auto target = downsampleAb(target_ab, pred.size(2), pred.size(3)) / 110.0;
  return 0.5 * (pred.to(torch::kFloat32) - target).pow(2).sum(1).mean();
}

torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& target_ab,
                                 const AbBins& bins, const torch::Tensor& class_weights) {
  const auto target = downsampleAb(target_ab, logits.size(2), logits.size(3));
  const auto soft = bins.softEncode(target).to(logits.device());
  auto per_pixel = -(soft * torch::log_softmax(logits.to(torch::kFloat32), 1)).sum(1);
  if (class_weights.defined()) {
    const auto nearest = soft.argmax(1);
    per_pixel = per_pixel * class_weights.to(logits.device()).index({nearest});
  }
  return per_pixel.mean();
}

}  // namespace cf::model
