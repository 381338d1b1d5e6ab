#pragma once
// The contract checks the fuzz targets share. A broken contract prints what broke and aborts:
// libFuzzer records the input as a finding, and fuzz_replay (ctest) fails.

#include <cstdio>
#include <cstdlib>
#include <string>

namespace cf::fuzz {

inline void check(bool ok, const char* what, const std::string& detail) {
  if (ok)
    return;
  std::fprintf(stderr, "contract broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

/// An error for the user: not empty, one line, and naming `name` (a file) when one is given.
inline void checkMessage(const std::string& message, const std::string& name = std::string()) {
  check(!message.empty(), "empty error message", name);
  check(message.find('\n') == std::string::npos, "multi-line error message", message);
  if (!name.empty())
    check(message.find(name) != std::string::npos, "error message does not name the file", message);
}

}  // namespace cf::fuzz
