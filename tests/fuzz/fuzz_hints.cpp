// libFuzzer target: the hints file of `colorize --hints` (cf::guide::parseHintsJson), which the
// project file's "hints" array shares. Besides ASan/UBSan findings, the target traps when a
// contract breaks: an error is one line naming the file; every accepted hint is in range (frame
// below the frame count, x and y in 0..1, radius in (0, 0.5]); the accepted hints survive
// hintsDocument() -> parseHintsJson() unchanged.
// The first input byte picks the frame count (0 = unknown, else 1..255 frames); the rest is the
// file.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "FuzzContract.h"
#include "guide/HintsJson.h"

namespace {

using cf::fuzz::check;
using cf::fuzz::checkMessage;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("QT_LOGGING_RULES", "chromaflow.*=false", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1)
    return 0;
  const int64_t frame_count = data[0];
  const QByteArray bytes(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
  const std::string name = "fuzz-hints.json";
  const auto hints = cf::guide::parseHintsJson(bytes, name, frame_count);
  if (!hints) {
    checkMessage(hints.message(), name);
    return 0;
  }
  for (const cf::guide::HintPoint& h : *hints) {
    check(h.frame >= 0 && (frame_count == 0 || h.frame < frame_count), "frame out of range",
          std::to_string(h.frame));
    check(h.x >= 0.0 && h.x <= 1.0 && h.y >= 0.0 && h.y <= 1.0, "x or y out of range",
          std::to_string(h.x) + ", " + std::to_string(h.y));
    check(h.radius > 0.0 && h.radius <= 0.5, "radius out of range", std::to_string(h.radius));
  }
  const QByteArray doc = cf::guide::hintsDocument(*hints);
  const auto again = cf::guide::parseHintsJson(doc, name, frame_count);
  check(again.ok(), "hints do not parse after hintsDocument()", again.ok() ? "" : again.message());
  check(*again == *hints, "hints change in a round trip", doc.toStdString());
  return 0;
}
