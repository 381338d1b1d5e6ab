#pragma once
// Names the calling thread, so that top -H, perf and gdb show which stage it runs.

#ifdef __linux__
#include <pthread.h>
#endif

namespace cf {

/// `name`: at most 15 characters (Linux's limit; a longer name is ignored there).
inline void nameThisThread(const char* name) {
#ifdef __linux__
  pthread_setname_np(pthread_self(), name);
#else
  (void)name;
#endif
}

}  // namespace cf
