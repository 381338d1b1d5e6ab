#pragma once
// A blocking queue of bounded capacity between two pipeline stages (one producer, one consumer).
// push() waits while the queue is full, so a fast stage never runs ahead of a slow one by more than
// `capacity` items and memory stays bounded; pop() waits while it is empty. close() ends the
// stream (pop drains what is left, then returns false); abort() wakes every waiter at once (a
// stage failed or the user cancelled) and makes push and pop return false from then on.
//
// Hand-written (40 lines) on std::condition_variable: Qt has no bounded blocking queue, and TBB's
// concurrent_bounded_queue would be a new dependency for this alone.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace cf {

template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  /// False when the queue was aborted or closed (the item is dropped).
  bool push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return aborted_ || closed_ || items_.size() < capacity_; });
    if (aborted_ || closed_)
      return false;
    items_.push_back(std::move(item));
    high_water_ = std::max(high_water_, items_.size());
    not_empty_.notify_one();
    return true;
  }

  /// False when the queue is closed and drained, or aborted.
  bool pop(T& item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return aborted_ || closed_ || !items_.empty(); });
    if (aborted_ || items_.empty())
      return false;
    item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  enum class Popped { Item, Ended, TimedOut };
  /// pop() that gives up after `timeout` (TimedOut); Ended where pop() returns false.
  template <class Rep, class Period>
  Popped popFor(T& item, std::chrono::duration<Rep, Period> timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return aborted_ || closed_ || !items_.empty(); }))
      return Popped::TimedOut;
    if (aborted_ || items_.empty())
      return Popped::Ended;
    item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return Popped::Item;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  void abort() {
    std::lock_guard<std::mutex> lock(mutex_);
    aborted_ = true;
    items_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  size_t capacity() const { return capacity_; }
  /// Most items held at once so far.
  size_t highWater() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return high_water_;
  }

 private:
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<T> items_;
  size_t high_water_ = 0;
  bool closed_ = false;
  bool aborted_ = false;
};

}  // namespace cf
