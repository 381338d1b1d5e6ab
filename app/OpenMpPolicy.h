#pragma once
// GNU OpenMP (used by LibTorch's CPU kernels) spin-waits between parallel regions by default. On a
// busy machine that makes inference erratic and several times slower (tests/bench/RESULTS.md). The
// policy is read when the library loads, before main(), so set it and start the program again once.

#include <unistd.h>
#include <cstdlib>

namespace cf::app {

inline void ensurePassiveOpenMpWait(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY"))
    return;
  setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
  execv("/proc/self/exe", argv);  // returns only on failure: then carry on as we are
}

}  // namespace cf::app
