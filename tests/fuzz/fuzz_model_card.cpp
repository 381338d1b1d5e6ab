// libFuzzer target: the model file's container header and its JSON card (readModelContainer,
// parseModelCard). Each input is written to a file in /dev/shm and read as a model file; the
// input is also parsed as a card on its own. Besides ASan/UBSan findings, the target traps when a
// contract breaks: every error is one line (and names the file when a file was read); a card that
// parses has a valid config (validate() passes) and survives toJson() -> fromJson() unchanged.

#include <unistd.h>

#include <QJsonDocument>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "FuzzContract.h"
#include "model/ModelCard.h"
#include "model/ModelContainer.h"

namespace {

using cf::fuzz::check;
using cf::fuzz::checkMessage;

void checkCard(const cf::Result<cf::model::ModelCard>& card) {
  if (!card) {
    checkMessage(card.message());
    return;
  }
  check(card->config.validate().ok(), "parsed card with an invalid config", "");
  const auto again = cf::model::ModelCard::fromJson(card->toJson());
  check(again.ok(), "card does not parse after toJson()", again.ok() ? "" : again.message());
  check(again->toJson() == card->toJson(), "card changes in a toJson() round trip", "");
}

const QString& scratchPath() {
  static const QString path = QStringLiteral("/dev/shm/cf-fuzz-modelcard-%1.cfmodel").arg(getpid());
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("QT_LOGGING_RULES", "chromaflow.*=false", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  checkCard(cf::model::parseModelCard(bytes));

  const QString& path = scratchPath();
  {
    FILE* file = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!file)
      std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
      std::abort();
    std::fclose(file);
  }
  const auto kind = cf::model::detectModelFile(path);
  if (!kind)
    checkMessage(kind.message());
  const auto container = cf::model::readModelContainer(path);
  if (!container) {
    checkMessage(container.message());
    check(container.message().find(path.toStdString()) != std::string::npos,
          "error message does not name the file", container.message());
    return 0;
  }
  checkCard(cf::model::parseModelCard(container->card_json));
  const auto card = cf::model::readModelCard(path);
  if (!card)
    checkMessage(card.message());
  return 0;
}
