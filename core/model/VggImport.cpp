#include "model/VggImport.h"

#include <map>
#include <sstream>

#include <torch/torch.h>

#include "common/ErrorBoundary.h"
#include "model/ColorizationNet.h"
#include "model/TorchStateDict.h"

namespace cf::model {

namespace {

std::string shapeText(at::IntArrayRef sizes) {
  std::ostringstream s;
  s << sizes;
  return s.str();
}

}  // namespace

Result<VggImportReport> importTorchvisionVgg16(const QString& path, VggBackboneImpl& backbone) {
  auto read = readTorchStateDict(path);
  if (!read)
    return read.error();
  std::map<std::string, torch::Tensor> sd(read->begin(), read->end());
  const std::string file = "VGG16 weights '" + path.toStdString() + "'";

  // torchvision layer indices of the 13 convs in `features` (vgg16 and vgg16_bn).
  const bool bn_file = sd.count("features.1.running_mean") > 0;
  const std::vector<int> plain = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
  const std::vector<int> with_bn = {0, 3, 7, 10, 14, 17, 20, 24, 27, 30, 34, 37, 40};
  const auto& index = bn_file ? with_bn : plain;

  if (bn_file && !backbone.hasBatchNorm())
    return makeError(file +
                     " is a vgg16_bn state dict, but this backbone has no BatchNorm: use "
                     "plain vgg16 weights for the 'full' preset");
  return guarded("importing " + file, [&]() -> Result<VggImportReport> {
    VggImportReport report;
    const auto convs = backbone.convs();
    const auto params = backbone.named_parameters(true);
    const auto buffers = backbone.named_buffers(true);
    torch::NoGradGuard no_grad;
    for (size_t k = 0; k < convs.size(); ++k) {
      const std::string prefix = "features." + std::to_string(index[k]) + ".";
      auto w_it = sd.find(prefix + "weight");
      auto b_it = sd.find(prefix + "bias");
      if (w_it == sd.end() || b_it == sd.end())
        return makeError(file + " has no '" + prefix + "weight/bias': not a torchvision VGG16 " +
                         "state dict");
      auto w = w_it->second.to(torch::kFloat32);
      auto b = b_it->second.to(torch::kFloat32);
      const auto& conv = convs[k].second;
      if (k == 0) {
        if (w.dim() != 4 || w.size(1) != 3)
          return makeError(file + ": first conv is " + shapeText(w.sizes()) +
                           ", expected [out, 3, 3, 3] (RGB)");
        const auto mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({1, 3, 1, 1});
        const auto stdv = torch::tensor({0.229f, 0.224f, 0.225f}).view({1, 3, 1, 1});
        const double offset = ColorizationNetImpl::kLOffset;
        b = b + ((w * (offset - mean) / stdv).sum({1, 2, 3}));
        w = (w / stdv).sum(1, true);
        report.notes << QStringLiteral("conv1_1 folded from RGB (ImageNet normalisation) to L");
      }
      if (w.sizes() != conv->weight.sizes() || b.sizes() != conv->bias.sizes())
        return makeError(file + ": layer " + convs[k].first + " is " + shapeText(w.sizes()) +
                         " in the file but the backbone needs " + shapeText(conv->weight.sizes()) +
                         " (use the 'full' preset for torchvision VGG16)");
      conv->weight.copy_(w);
      conv->bias.copy_(b);
      ++report.convs_imported;

      if (bn_file && backbone.hasBatchNorm()) {
        const std::string bn_prefix = "features." + std::to_string(index[k] + 1) + ".";
        const std::string ours = "bn" + convs[k].first.substr(4) + ".";
        for (const char* field : {"weight", "bias"}) {
          const auto* dst = params.find(ours + field);
          auto src = sd.find(bn_prefix + field);
          if (dst && src != sd.end() && src->second.sizes() == dst->sizes())
            dst->copy_(src->second);
        }
        for (const char* field : {"running_mean", "running_var"}) {
          const auto* dst = buffers.find(ours + field);
          auto src = sd.find(bn_prefix + field);
          if (dst && src != sd.end() && src->second.sizes() == dst->sizes())
            dst->copy_(src->second);
        }
        ++report.batchnorms_imported;
      }
    }
    return report;
  });
}

}  // namespace cf::model
