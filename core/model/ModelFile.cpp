#include "model/ModelFile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <map>
#include <sstream>

#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/nn/module.h>

#include "common/ErrorBoundary.h"
#include "model/ModelContainer.h"

namespace cf::model {

namespace {

std::string shapeText(at::IntArrayRef sizes) {
  std::ostringstream s;
  s << sizes;
  return s.str();
}

std::map<std::string, torch::Tensor> namedState(torch::nn::Module& module) {
  std::map<std::string, torch::Tensor> state;
  for (const auto& p : module.named_parameters(true))
    state[p.key()] = p.value();
  for (const auto& b : module.named_buffers(true))
    state[b.key()] = b.value();
  return state;
}

}  // namespace

QByteArray serializeWeights(torch::nn::Module& module) {
  c10::Dict<std::string, at::Tensor> dict;
  for (const auto& [name, t] : namedState(module))
    dict.insert(name, t.detach().to(torch::kCPU).contiguous());
  const std::vector<char> bytes = torch::jit::pickle_save(c10::IValue(dict));
  return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

Status deserializeWeights(const QByteArray& blob, torch::nn::Module& module,
                          const QString& origin) {
  const std::string file = "model file '" + origin.toStdString() + "'";
  c10::IValue value;
  try {
    value = torch::jit::pickle_load(std::vector<char>(blob.begin(), blob.end()));
  } catch (...) {
    return makeError(file + " is corrupt: its weights cannot be read (" +
                     errorFromCurrentException("pickle").message + ")");
  }
  if (!value.isGenericDict())
    return makeError(file + " is corrupt: its weights are not a name -> tensor dictionary");
  std::map<std::string, torch::Tensor> stored;
  for (const auto& entry : value.toGenericDict()) {
    if (!entry.key().isString() || !entry.value().isTensor())
      return makeError(file + " is corrupt: its weights hold a non-tensor entry");
    stored[entry.key().toStringRef()] = entry.value().toTensor();
  }
  auto target = namedState(module);
  for (const auto& [name, t] : target) {
    auto it = stored.find(name);
    if (it == stored.end())
      return makeError(file + " does not match its architecture: weight '" + name +
                       "' is missing (was it saved with another preset or head?)");
    if (it->second.sizes() != t.sizes())
      return makeError(file + " has a shape mismatch: weight '" + name + "' is " +
                       shapeText(it->second.sizes()) + " in the file but the network needs " +
                       shapeText(t.sizes()) + " (wrong preset, head or bin grid in the card?)");
    if (it->second.scalar_type() != t.scalar_type())
      return makeError(file + " has a type mismatch: weight '" + name + "' is " +
                       std::string(c10::toString(it->second.scalar_type())) + ", expected " +
                       c10::toString(t.scalar_type()));
  }
  for (const auto& [name, t] : stored)
    if (target.find(name) == target.end())
      return makeError(file + " does not match its architecture: unexpected weight '" + name + "'");
  torch::NoGradGuard no_grad;
  for (auto& [name, t] : target)
    t.copy_(stored[name]);
  return Status::success();
}

Status saveModel(const QString& path, ColorizationNet& net, ModelCard card) {
  return guarded("saving model '" + path.toStdString() + "'", [&]() -> Status {
    card.config = net->config();
    card.parameters = parameterCount(*net);
    card.output_channels = net->outputChannels();
    if (card.created_utc.isEmpty())
      card.created_utc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    card.chromaflow_version = QStringLiteral(CHROMAFLOW_VERSION);
    ModelContainer c;
    c.weights = serializeWeights(*net);
    card.weights_sha256 = weightsSha256(c.weights);
    c.card_json = QJsonDocument(card.toJson()).toJson(QJsonDocument::Indented);
    return writeModelContainer(path, c);
  });
}

Result<LoadedModel> loadModel(const QString& path) {
  auto container = readModelContainer(path);
  if (!container)
    return container.error();
  const std::string file = "model file '" + path.toStdString() + "'";
  auto card = parseModelCard(container->card_json);
  if (!card)
    return makeError(file + " is corrupt or unusable: " + card.message());
  const QString sha = weightsSha256(container->weights);
  if (sha != card->weights_sha256)
    return makeError(file + " failed its checksum: weights SHA-256 is " + sha.toStdString() +
                     " but the card says '" + card->weights_sha256.toStdString() +
                     "'; the file is damaged, copy or export it again");
  return guarded(file, [&]() -> Result<LoadedModel> {
    LoadedModel m;
    m.card = card.value();
    m.net = ColorizationNet(m.card.config);
    if (Status s = deserializeWeights(container->weights, *m.net, path); !s)
      return s.error();
    m.net->eval();
    return m;
  });
}

Status initWeightsFrom(const QString& path, ColorizationNet& net, QString* summary) {
  auto loaded = loadModel(path);
  if (!loaded)
    return loaded.error();
  return guarded("initialising from '" + path.toStdString() + "'", [&]() -> Status {
    const std::string file = "model file '" + path.toStdString() + "'";
    if (loaded->card.config.head != net->config().head ||
        loaded->card.config.preset != net->config().preset ||
        loaded->card.config.bin_grid != net->config().bin_grid)
      return makeError(file +
                       " has another preset, head or bin grid than the run; it cannot "
                       "initialise it");
    auto source = namedState(*loaded->net);
    int copied = 0, widened = 0, kept = 0;
    torch::NoGradGuard no_grad;
    for (auto& [name, t] : namedState(*net)) {
      auto it = source.find(name);
      if (it == source.end()) {
        ++kept;
        continue;
      }
      const torch::Tensor& src = it->second;
      if (src.sizes() == t.sizes()) {
        t.copy_(src);
        ++copied;
        continue;
      }
      const bool widen = src.dim() == 4 && t.dim() == 4 && src.size(0) == t.size(0) &&
                         src.size(1) < t.size(1) && src.size(2) == t.size(2) &&
                         src.size(3) == t.size(3);
      if (!widen)
        return makeError(file + ": weight '" + name + "' is " + shapeText(src.sizes()) +
                         " there but " + shapeText(t.sizes()) + " in this network");
      t.zero_();
      t.slice(1, 0, src.size(1)).copy_(src);
      ++widened;
    }
    if (summary)
      *summary = QStringLiteral("%1 tensors copied, %2 widened (new inputs start at zero), %3 new")
                     .arg(copied)
                     .arg(widened)
                     .arg(kept);
    return Status::success();
  });
}

}  // namespace cf::model
