#pragma once
// The inference engine: runs a native .cfmodel or a bring-your-own TorchScript model on batches of
// L frames at working resolution, on CUDA (fp16) or the CPU. Torch-free header (pimpl), so the
// pipeline and the UI can include it without the LibTorch headers.
//
// Thread use: create it and call it from one engine thread. colorize() is cancellable between
// batches and reports progress per batch. A CUDA out-of-memory error halves the batch and, at
// batch 1, reloads the model on the CPU; any other device failure (a c10::Error while on CUDA)
// reloads it on the CPU at once. The run goes on there and notice() says what happened; nothing
// throws.

#include <QString>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "model/ModelCard.h"
#include "model/NetworkOutput.h"

namespace cf::model {

enum class DeviceChoice { Auto, CPU, CUDA };

/// "auto", "cpu" or "cuda" (case-insensitive).
Result<DeviceChoice> deviceChoiceFromName(const QString& name);

struct ColorizerSettings {
  QString model_path;  ///< .cfmodel or TorchScript file
  DeviceChoice device = DeviceChoice::Auto;
  int working_height_px = 256;  ///< 128..1024; see toWorkingResolution()
  int batch_size = 8;           ///< frames per forward pass
  double temperature = 0.0;     ///< annealed-mean T; <= 0 uses the model card's (0.38)
  double chroma_gain = 0.0;     ///< decoding chroma gain; <= 0 uses the model card's (1.0)
  int cpu_threads = 0;          ///< LibTorch intra-op threads; 0 = all cores
  bool mc_dropout = false;      ///< L2 head: confidence from Monte-Carlo dropout
  int mc_samples = 8;           ///< forward passes for MC dropout
  /// TEST ONLY: simulate a failing GPU (see DeviceFault). When set and no CUDA device is used,
  /// the Colorizer runs on the CPU but behaves as if on CUDA until the fault.
  std::string inject_device_fault;
};

/// TEST ONLY. Parses a device-fault injection spec, as in ColorizerSettings::inject_device_fault
/// or the environment variable CHROMAFLOW_INJECT_DEVICE_FAULT (read by Colorizer::create() when
/// the setting is empty):
///   "after_batches:N"      forward pass N+1 throws a c10::Error like a CUDA kernel failure;
///   "oom_after_batches:N"  every forward pass from N+1 on throws a CUDA out-of-memory error
///                          while on the device.
struct DeviceFault {
  bool oom = false;
  int after_batches = -1;  ///< < 0: no fault
  static Result<DeviceFault> parse(const std::string& spec);
};

/// User colour hints for one frame, at the frame's size. Empty = automatic colourisation.
struct ColorHints {
  cv::Mat ab;    ///< CV_32FC2, Lab a/b where mask is set
  cv::Mat mask;  ///< CV_32FC1 (0/1) or CV_8UC1 (0/non-zero)
  bool empty() const { return ab.empty() || mask.empty(); }
};

struct ColorizedFrame {
  cv::Mat ab;          ///< CV_32FC2, Lab units, input size (empty from colorizeNative)
  cv::Mat confidence;  ///< CV_32FC1 in 0..1 (all 1 when hasConfidence() is false)
  /// The network's own output before upsampling (confidence empty when hasConfidence() is
  /// false); ab and confidence are upsampleOutput(native).
  NetworkOutput native;
};

/// One bin of the classification head's distribution over ab at a pixel.
struct BinChoice {
  float a = 0.f;  ///< bin centre, Lab units
  float b = 0.f;
  double probability = 0.0;
};

class Colorizer {
 public:
  static Result<std::unique_ptr<Colorizer>> create(const ColorizerSettings& settings);
  ~Colorizer();
  Colorizer(const Colorizer&) = delete;
  Colorizer& operator=(const Colorizer&) = delete;

  /// l_frames: CV_32FC1 L (0..100) at working resolution, any size (padded internally; frames of
  /// different sizes are allowed). hints: empty, or one entry per frame (entries may be empty).
  /// Fails with "cancelled" when `cancel` is set between batches.
  Result<std::vector<ColorizedFrame>> colorize(const std::vector<cv::Mat>& l_frames,
                                               const std::vector<ColorHints>& hints = {},
                                               const ProgressFn& progress = {},
                                               const CancelToken& cancel = CancelToken());
  /// As colorize(), but only `native` is filled: for callers that keep the small output (the
  /// disk cache) and upsample it themselves with upsampleOutput().
  Result<std::vector<ColorizedFrame>> colorizeNative(const std::vector<cv::Mat>& l_frames,
                                                     const std::vector<ColorHints>& hints = {},
                                                     const ProgressFn& progress = {},
                                                     const CancelToken& cancel = CancelToken());

  /// The `n` most likely ab bins of the classification head at (x, y) (0..1 across the frame's
  /// width and height) of one L frame at working resolution, most likely first (Zhang et al.
  /// 2017's suggested colours): the head's softmax, sampled bilinearly at that point like the
  /// upsampled output. `hints` may be empty. An error for models without a classification head
  /// (L2 and TorchScript models predict one colour per pixel). ColourSuggestions.cpp.
  Result<std::vector<BinChoice>> likelyColours(const cv::Mat& l_frame, const ColorHints& hints,
                                               double x, double y, int n = 6);

  /// Resizes a full-resolution L frame (CV_32FC1) to working_height_px, keeping the aspect ratio.
  cv::Mat toWorkingResolution(const cv::Mat& l_full) const;

  /// Annealed-mean temperature for the next colorize() calls (classification head); ignores <= 0.
  void setTemperature(double temperature);
  double temperature() const;

  const ColorizerSettings& settings() const;
  const ModelCard& card() const;
  bool isTorchScript() const;
  bool onCuda() const;
  /// e.g. "cpu (2 threads)" or "cuda fp16".
  QString deviceName() const;
  /// False for TorchScript models and the L2 head without MC dropout.
  bool hasConfidence() const;
  bool supportsHints() const;
  /// Frames are padded to multiples of this many pixels.
  int multiplePx() const;
  /// Current batch size (smaller than the setting after a CUDA out-of-memory retry).
  int batchSize() const;
  /// The last fallback message (CUDA OOM, device failure), empty when none happened.
  QString notice() const;

 private:
  struct Impl;
  explicit Colorizer(std::unique_ptr<Impl> impl);
  Result<std::vector<ColorizedFrame>> run(const std::vector<cv::Mat>& l_frames,
                                          const std::vector<ColorHints>& hints,
                                          const ProgressFn& progress, const CancelToken& cancel,
                                          bool upsample);
  std::unique_ptr<Impl> d_;
};

}  // namespace cf::model
