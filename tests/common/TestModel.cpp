#include "TestModel.h"

#include <torch/torch.h>

#include "model/ColorizationNet.h"
#include "model/ModelFile.h"

namespace cf::test {

QString makeTinyModel(const QString& path, unsigned seed) {
  torch::manual_seed(seed);
  model::ModelConfig config;
  config.preset = QStringLiteral("tiny");
  config.head = model::Head::Classification;
  model::ColorizationNet net(config);
  net->eval();
  model::ModelCard card;
  card.name = QStringLiteral("test-tiny-random");
  const Status s = model::saveModel(path, net, card);
  return s ? QString() : QString::fromStdString(s.message());
}

}  // namespace cf::test
