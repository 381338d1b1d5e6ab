#pragma once
// The cut scan (CutScan.h) on a thread of its own, alongside an export that has no cuts yet: the
// export's decoding and network start at once, and only the flow stage, the first to need the
// cuts, waits for them (Exporter.cpp). The scan decodes the video a second time; run this way it
// overlaps the network instead of delaying the whole export.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "media/InputOptions.h"
#include "pipeline/CutScan.h"

namespace cf::pipeline {

class ConcurrentCutScan {
 public:
  /// Starts scanning `path` (opened with `input`) at once.
  ConcurrentCutScan(std::string path, temporal::SceneCutSettings settings,
                    media::InputOptions input);
  /// Stops the scan if it still runs, and waits for its thread.
  ~ConcurrentCutScan();
  ConcurrentCutScan(const ConcurrentCutScan&) = delete;
  ConcurrentCutScan& operator=(const ConcurrentCutScan&) = delete;

  /// Waits until the scan has finished and returns its result (or why it failed). `stop` is
  /// asked every few milliseconds while waiting; when it says true (the export was cancelled or
  /// failed), the scan is stopped and "stopped" is returned.
  Result<CutScanResult> wait(const std::function<bool()>& stop);
  /// Seconds the scan took (0 while it runs).
  double seconds() const;
  /// Frames scanned so far and the video's frame count (0 until known), for the caller to
  /// report as the "scan" stage from its own thread (the scan's thread never calls back).
  int64_t framesScanned() const { return done_frames_.load(); }
  int64_t framesTotal() const { return total_frames_.load(); }
  bool finished() const;

 private:
  void run(const std::string& path, const temporal::SceneCutSettings& settings,
           const media::InputOptions& input);

  CancelToken cancel_;
  mutable std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::optional<Result<CutScanResult>> result_;
  double seconds_ = 0.0;
  std::atomic<int64_t> done_frames_{0};
  std::atomic<int64_t> total_frames_{0};
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace cf::pipeline
