// libFuzzer target: the .chromaflow project file (projectFromJson). Besides ASan/UBSan findings,
// the target traps when a contract breaks: an error is one line naming the file; a project that
// parses survives projectToJson() -> projectFromJson() with the same JSON.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "FuzzContract.h"
#include "ProjectFile.h"

namespace {

using cf::fuzz::check;
using cf::fuzz::checkMessage;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("QT_LOGGING_RULES", "chromaflow.*=false", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  const QString name = QStringLiteral("fuzz.chromaflow");
  const auto project = cf::ui::projectFromJson(bytes, name);
  if (!project) {
    checkMessage(project.message(), name.toStdString());
    return 0;
  }
  const QByteArray json = cf::ui::projectToJson(*project);
  const auto again = cf::ui::projectFromJson(json, name);
  check(again.ok(), "project does not parse after projectToJson()",
        again.ok() ? "" : again.message());
  check(cf::ui::projectToJson(*again) == json, "project changes in a round trip", "");
  return 0;
}
