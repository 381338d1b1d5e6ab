#pragma once
// Progress reporting for long-running core work. Callbacks are invoked on the worker's thread.

#include <cstdint>
#include <functional>
#include <string>

namespace cf {

struct ProgressUpdate {
  int64_t done = 0;   ///< units of work finished (frames, steps, ...)
  int64_t total = 0;  ///< total units; 0 when unknown
  std::string stage;  ///< short stage name, e.g. "decode", "inference"
};

using ProgressFn = std::function<void(const ProgressUpdate&)>;

inline void report(const ProgressFn& fn, int64_t done, int64_t total, const char* stage = "") {
  if (fn)
    fn(ProgressUpdate{done, total, stage});
}

}  // namespace cf
