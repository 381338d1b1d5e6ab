#include "train/ClassRebalancing.h"

#include <cstring>

#include <torch/torch.h>

#include "common/ErrorBoundary.h"
#include "train/Augmentation.h"
#include "train/BatchLoader.h"

namespace cf::train {

torch::Tensor smoothBinDistribution(const torch::Tensor& counts, const torch::Tensor& centres,
                                    double sigma) {
  const auto p = counts.to(torch::kFloat64) / counts.to(torch::kFloat64).sum().clamp_min(1e-12);
  const auto c = centres.to(torch::kFloat64);
  const auto d2 = torch::cdist(c, c).pow(2);
  auto k = torch::exp(-d2 / (2.0 * sigma * sigma));  // k[i][j] = K(c_i, c_j)
  k = k / k.sum(0, true);                            // columns sum to 1: mass kept
  const auto smoothed = torch::matmul(k, p);
  return smoothed / smoothed.sum();
}

torch::Tensor rebalanceWeights(const torch::Tensor& counts, const torch::Tensor& centres,
                               double sigma, double lambda) {
  const auto smoothed = smoothBinDistribution(counts, centres, sigma);
  const double q = static_cast<double>(smoothed.size(0));
  auto w = 1.0 / ((1.0 - lambda) * smoothed + lambda / q);
  w = w / (smoothed * w).sum();
  return w.to(torch::kFloat32);
}

Result<torch::Tensor> binCounts(const std::vector<SampleRef>& samples, const model::AbBins& bins,
                                int max_images, uint64_t seed, const CancelToken& cancel) {
  return guarded("measuring the ab distribution", [&]() -> Result<torch::Tensor> {
    auto counts = torch::zeros({bins.count()}, torch::kFloat64);
    if (samples.empty())
      return counts;
    EpochOrder order(samples.size(), mixSeed(seed, 0xBA1Aull));
    SampleDecoder decoder;
    const int n = std::min<int>(max_images, static_cast<int>(samples.size()));
    constexpr int kSizePx = 64;
    for (int i = 0; i < n; ++i) {
      if (cancel.isCancelled())
        return makeError("cancelled while measuring the ab distribution");
      auto rgb = decoder.decodeRgb8(samples[order.at(i)]);
      if (!rgb || rgb->empty())
        continue;
      const LabSample s = centreSample(rgb.value(), kSizePx);
      std::vector<cv::Mat> planes;
      cv::split(s.ab, planes);
      auto ab = torch::empty({1, 2, kSizePx, kSizePx}, torch::kFloat32);
      for (int c = 0; c < 2; ++c)
        std::memcpy(ab.data_ptr<float>() + c * kSizePx * kSizePx, planes[c].ptr<float>(),
                    sizeof(float) * kSizePx * kSizePx);
      const auto idx = bins.quantize(ab).flatten();
      counts.index_add_(0, idx, torch::ones({idx.size(0)}, torch::kFloat64));
    }
    return counts;
  });
}

}  // namespace cf::train
