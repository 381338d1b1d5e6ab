#pragma once
// Lowers the calling thread's CPU priority, for the engine and job threads.

namespace cf::ui {

/// Run as a thread starts: a higher nice value for it and for every thread it creates (LibTorch's
/// pool, encoder threads), so the GUI thread wins the CPU when cores are scarce. QThread
/// priorities do not change SCHED_OTHER threads on Linux, hence setpriority().
void lowerThreadPriority();

}  // namespace cf::ui
