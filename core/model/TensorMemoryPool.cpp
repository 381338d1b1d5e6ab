#include "model/TensorMemoryPool.h"

#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace cf::model {

namespace {

// The blocks are LibTorch's own (c10::alloc_cpu: its alignment, its NUMA placement); only their
// release is deferred. A request takes the smallest free block of at least its size and at most
// a quarter larger: a forward pass asks for the same sizes batch after batch, and the bound keeps
// a small request from holding a much larger block.
class Pool {
 public:
  void* take(size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    // The smallest free block that fits, if it is not much larger than the request.
    for (auto it = free_.lower_bound(n); it != free_.end() && it->first - n <= n / 4; ++it) {
      if (it->second.empty())
        continue;
      void* p = it->second.back();
      it->second.pop_back();
      stats_.pooled_bytes -= static_cast<int64_t>(it->first);
      ++stats_.reused;
      return p;
    }
    ++stats_.allocated;
    return nullptr;
  }
  void track(void* p, size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    sizes_[p] = n;
  }
  /// Whether `p` was kept for reuse (otherwise the caller frees it).
  bool giveBack(void* p) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sizes_.find(p);
    if (it == sizes_.end())
      return false;  // a small block
    const size_t n = it->second;
    if (static_cast<size_t>(stats_.pooled_bytes) + n > kMaxPooledBytes) {
      sizes_.erase(it);
      return false;
    }
    free_[n].push_back(p);
    stats_.pooled_bytes += static_cast<int64_t>(n);
    return true;
  }
  TensorMemoryPoolStats stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<void*, size_t> sizes_;  // every large block handed out or held
  std::map<size_t, std::vector<void*>> free_;
  TensorMemoryPoolStats stats_;
};

Pool& pool() {
  static Pool* p = new Pool();  // never destroyed: tensors may be freed during static destruction
  return *p;
}

void release(void* p) {
  if (p && !pool().giveBack(p))
    c10::free_cpu(p);
}

class PooledCpuAllocator final : public c10::Allocator {
 public:
  c10::DataPtr allocate(size_t n) const override {
    void* p = nullptr;
    if (n >= kMinPooledBytes) {
      p = pool().take(n);
      if (!p) {
        p = c10::alloc_cpu(n);
        pool().track(p, n);
      }
    } else if (n > 0) {
      p = c10::alloc_cpu(n);
    }
    return {p, p, &release, c10::Device(c10::DeviceType::CPU)};
  }
  c10::DeleterFnPtr raw_deleter() const override { return &release; }
};

std::once_flag g_installed;
bool g_active = false;

}  // namespace

void installTensorMemoryPool() {
  std::call_once(g_installed, [] {
    static PooledCpuAllocator allocator;
    c10::SetCPUAllocator(&allocator, /*priority=*/1);
    g_active = true;
  });
}

TensorMemoryPoolStats tensorMemoryPoolStats() {
  return g_active ? pool().stats() : TensorMemoryPoolStats{};
}

}  // namespace cf::model
