#pragma once
// A cancel flag shared by the thread that asks for cancellation and the thread doing the work.
// Set it directly from any thread: a queued cancel signal would only arrive after the work is done.

#include <atomic>
#include <memory>

namespace cf {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}

  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool isCancelled() const { return flag_->load(std::memory_order_relaxed); }
  void reset() const { flag_->store(false, std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace cf
