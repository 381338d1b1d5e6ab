#include "model/AbBins.h"

#include <array>
#include <cmath>
#include <vector>

#include <torch/torch.h>

namespace cf::model {

namespace {

double labFInverse(double t) {
  constexpr double kDelta = 6.0 / 29.0;
  return t > kDelta ? t * t * t : 3.0 * kDelta * kDelta * (t - 4.0 / 29.0);
}

/// Moves the bin dimension (1) last and flattens: [B,C,H,W] -> [B*H*W, C].
torch::Tensor pixelsLast(const torch::Tensor& x) {
  return x.permute({0, 2, 3, 1}).reshape({-1, x.size(1)});
}

}  // namespace

bool labInSrgbGamut(double l, double a, double b) {
  // Hand-written on purpose: OpenCV's Lab->RGB clips, and the gamut test needs unclipped values.
  const double fy = (l + 16.0) / 116.0;
  const double x = 0.95047 * labFInverse(fy + a / 500.0);
  const double y = 1.00000 * labFInverse(fy);
  const double z = 1.08883 * labFInverse(fy - b / 200.0);
  const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  const double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  constexpr double kTol = 1e-6;
  auto inside = [](double v) { return v >= -kTol && v <= 1.0 + kTol; };
  return inside(r) && inside(g) && inside(bl);
}

AbBins AbBins::inGamut(int grid) {
  // A bin is kept when some ab in its cell (within grid/2 of the centre, sampled 5x5) is inside the
  // sRGB gamut for some L in 0..100. Then every in-gamut colour has its nearest lattice point among
  // the bins, so quantisation never moves an in-gamut colour by more than grid/sqrt(2).
  std::vector<float> flat;
  const int reach = (130 / grid) * grid;  // |a|, |b| never exceed ~128 inside sRGB
  const double half = 0.499 * grid;
  const std::array<double, 5> offsets = {0.0, -half, half, -0.5 * half, 0.5 * half};
  for (int a = -reach; a <= reach; a += grid) {
    for (int b = -reach; b <= reach; b += grid) {
      bool kept = false;
      for (size_t i = 0; i < offsets.size() && !kept; ++i)
        for (size_t j = 0; j < offsets.size() && !kept; ++j)
          for (int l2 = 0; l2 <= 200 && !kept; ++l2)
            kept = labInSrgbGamut(0.5 * l2, a + offsets[i], b + offsets[j]);
      if (kept) {
        flat.push_back(static_cast<float>(a));
        flat.push_back(static_cast<float>(b));
      }
    }
  }
  AbBins bins;
  bins.grid_ = grid;
  const auto n = static_cast<int64_t>(flat.size() / 2);
  bins.centres_ = torch::from_blob(flat.data(), {n, 2}, torch::kFloat32).clone();
  return bins;
}

torch::Tensor AbBins::quantize(const torch::Tensor& ab) const {
  const auto flat = pixelsLast(ab.to(torch::kFloat32));
  const auto dist = torch::cdist(flat, centres_.to(flat.device()));
  return dist.argmin(1).reshape({ab.size(0), ab.size(2), ab.size(3)});
}

torch::Tensor AbBins::softEncode(const torch::Tensor& ab, int neighbours, double sigma) const {
  const auto flat = pixelsLast(ab.to(torch::kFloat32));
  const auto dist = torch::cdist(flat, centres_.to(flat.device()));
  const int k = std::min<int>(neighbours, count());
  auto [d, idx] = dist.topk(k, 1, /*largest=*/false);
  auto w = torch::exp(-d.pow(2) / (2.0 * sigma * sigma));
  w = w / w.sum(1, true).clamp_min(1e-12);
  auto target = torch::zeros({flat.size(0), count()}, flat.options());
  target.scatter_(1, idx, w);
  return target.reshape({ab.size(0), ab.size(2), ab.size(3), count()}).permute({0, 3, 1, 2});
}

torch::Tensor AbBins::annealedMean(const torch::Tensor& probs, double temperature) const {
  const auto logp = torch::log(probs.to(torch::kFloat32).clamp_min(1e-12));
  return annealedMeanFromLogits(logp, temperature);
}

torch::Tensor AbBins::annealedMeanFromLogits(const torch::Tensor& logits,
                                             double temperature) const {
  const double t = std::max(temperature, 1e-6);
  const auto f = torch::softmax(logits.to(torch::kFloat32) / t, 1);
  return torch::einsum("bqhw,qc->bchw", {f, centres_.to(f.device())});
}

torch::Tensor AbBins::confidenceFromProbs(const torch::Tensor& probs) {
  const auto p = probs.to(torch::kFloat32);
  const auto entropy = -(p * torch::log(p.clamp_min(1e-12))).sum(1, true);
  const double max_entropy = std::log(static_cast<double>(std::max<int64_t>(2, p.size(1))));
  return (1.0 - entropy / max_entropy).clamp(0.0, 1.0);
}

}  // namespace cf::model
