#include "pipeline/ConcurrentCutScan.h"

#include <chrono>

#include "common/ErrorBoundary.h"
#include "common/ThreadName.h"

namespace cf::pipeline {

ConcurrentCutScan::ConcurrentCutScan(std::string path, temporal::SceneCutSettings settings,
                                     media::InputOptions input)
    : thread_([this, path = std::move(path), settings, input = std::move(input)] {
        run(path, settings, input);
      }) {}

ConcurrentCutScan::~ConcurrentCutScan() {
  cancel_.cancel();
  if (thread_.joinable())
    thread_.join();
}

void ConcurrentCutScan::run(const std::string& path, const temporal::SceneCutSettings& settings,
                            const media::InputOptions& input) {
  nameThisThread("cf-scan");
  const auto t0 = std::chrono::steady_clock::now();
  Result<CutScanResult> result = guarded("scanning for scene cuts", [&]() -> Result<CutScanResult> {
    return scanSceneCuts(
        path, settings, cancel_,
        [this](const ProgressUpdate& u) {
          total_frames_.store(u.total);
          done_frames_.store(u.done);
        },
        input);
  });
  std::lock_guard<std::mutex> lock(mutex_);
  seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  result_ = std::move(result);
  done_ = true;
  done_cv_.notify_all();
}

Result<CutScanResult> ConcurrentCutScan::wait(const std::function<bool()>& stop) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!done_cv_.wait_for(lock, std::chrono::milliseconds(20), [this] { return done_; })) {
    lock.unlock();
    const bool stopping = stop && stop();
    lock.lock();
    if (stopping && !done_) {
      cancel_.cancel();
      return makeError("stopped");
    }
  }
  return *result_;
}

bool ConcurrentCutScan::finished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return done_;
}

double ConcurrentCutScan::seconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return seconds_;
}

}  // namespace cf::pipeline
