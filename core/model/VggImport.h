#pragma once
// Imports pretrained VGG16 weights from a torchvision state dict (vgg16-*.pth or vgg16_bn-*.pth,
// as torch.save wrote it) into a VggBackbone. The first convolution is folded for grey input:
// torchvision expects RGB normalised by the ImageNet mean/std, the backbone sees L/100 - 0.5, so
// with R = G = B = L/100 the exact equivalent single-channel kernel is sum_c w_c / std_c and the
// bias absorbs the mean and offset. (This is "replicate L", done exactly.)

#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "model/VggBackbone.h"

namespace cf::model {

struct VggImportReport {
  int convs_imported = 0;
  int batchnorms_imported = 0;
  QStringList notes;
};

/// Copies the 13 convolutions (and BatchNorms for vgg16_bn into a BatchNorm backbone). Layer
/// shapes must match the backbone's widths (the "full" preset for real torchvision files).
Result<VggImportReport> importTorchvisionVgg16(const QString& path, VggBackboneImpl& backbone);

}  // namespace cf::model
