#include "ThreadPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cf::ui {

void lowerThreadPriority() {
#ifdef __linux__
  constexpr int kEngineNice = 5;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, tid, getpriority(PRIO_PROCESS, tid) + kEngineNice);
#endif
}

}  // namespace cf::ui
