#include "model/Colorizer.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <thread>

#include <torch/script.h>
#include <torch/torch.h>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "model/ColorizationNet.h"
#include "model/ColorizerImpl.h"
#include "model/ModelContainer.h"
#include "model/ModelFile.h"
#include "model/TensorMemoryPool.h"

namespace cf::model {

Result<DeviceFault> DeviceFault::parse(const std::string& spec) {
  DeviceFault fault;
  if (spec.empty())
    return fault;
  const std::string oom_prefix = "oom_after_batches:";
  const std::string prefix = "after_batches:";
  std::string count;
  if (spec.rfind(oom_prefix, 0) == 0) {
    fault.oom = true;
    count = spec.substr(oom_prefix.size());
  } else if (spec.rfind(prefix, 0) == 0) {
    count = spec.substr(prefix.size());
  } else {
    return makeError("unknown device fault '" + spec +
                     "': use after_batches:N or oom_after_batches:N (test only)");
  }
  bool ok = false;
  fault.after_batches = QString::fromStdString(count).toInt(&ok);
  if (!ok || fault.after_batches < 0)
    return makeError("device fault '" + spec + "': N must be a whole number >= 0");
  return fault;
}

namespace {

std::string firstLine(const char* text) {
  std::string s(text ? text : "");
  const auto end = s.find('\n');
  return end == std::string::npos ? s : s.substr(0, end);
}

}  // namespace

Colorizer::Colorizer(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
Colorizer::~Colorizer() = default;

Result<std::unique_ptr<Colorizer>> Colorizer::create(const ColorizerSettings& settings) {
  if (settings.working_height_px < 128 || settings.working_height_px > 1024)
    return makeError("working height " + std::to_string(settings.working_height_px) +
                     " px is out of range: choose 128..1024");
  if (settings.batch_size < 1)
    return makeError("batch size must be at least 1");
  auto kind = detectModelFile(settings.model_path);
  if (!kind)
    return kind.error();

  auto d = std::make_unique<Impl>();
  d->settings = settings;
  {
    std::string spec = settings.inject_device_fault;
    if (spec.empty())
      spec = qEnvironmentVariable("CHROMAFLOW_INJECT_DEVICE_FAULT").toStdString();
    auto fault = DeviceFault::parse(spec);
    if (!fault)
      return fault.error();
    d->fault = fault.value();
  }
  d->batch = settings.batch_size;
  installTensorMemoryPool();  // the forward passes' large blocks are reused, not faulted in anew
  d->threads = settings.cpu_threads > 0
                   ? settings.cpu_threads
                   : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  torch::set_num_threads(d->threads);

  bool cuda = false;
  if (settings.device != DeviceChoice::Cpu) {
    cuda = torch::cuda::is_available();
    if (settings.device == DeviceChoice::Cuda && !cuda)
      return makeError(
          "CUDA was requested but no CUDA device is available (CPU-only LibTorch or "
          "no GPU): use device 'cpu' or 'auto'");
  }

  if (kind.value() == ModelFileKind::Chromaflow) {
    auto loaded = loadModel(settings.model_path);
    if (!loaded)
      return loaded.error();
    d->card = loaded->card;
    d->net = loaded->net;
    d->net->eval();
    d->multiple = presetSpec(d->card.config.preset)->multiple_px();
    d->temperature = settings.temperature > 0.0 ? settings.temperature : d->card.config.temperature;
  } else {
    d->card.config.architecture = QStringLiteral("torchscript");
    if (Status st = d->loadOnCpu(); !st)
      return st.error();
    d->card.name = QFileInfo(settings.model_path).fileName();
    d->card.description = QStringLiteral("bring-your-own TorchScript module");
    d->card.config.architecture = QStringLiteral("torchscript");
    d->card.config.head = Head::L2;
    d->card.config.hints = false;
    d->multiple = 16;
  }
  auto moved = guarded("moving the model to the device", [&]() -> Status {
    if (cuda)
      d->moveTo(torch::Device(torch::kCUDA), torch::kHalf);
    return Status::success();
  });
  if (!moved)
    return moved.error();
  d->simulated_cuda = !cuda && d->fault.after_batches >= 0;
  if (d->simulated_cuda)
    qCWarning(lcModel) << "TEST ONLY: simulating a CUDA device that fails after"
                       << d->fault.after_batches << "batches";
  qCInfo(lcModel) << "model" << settings.model_path << "on" << (cuda ? "cuda fp16" : "cpu")
                  << "threads" << d->threads;
  return std::unique_ptr<Colorizer>(new Colorizer(std::move(d)));
}

Result<std::vector<ColorizedFrame>> Colorizer::colorize(const std::vector<cv::Mat>& l_frames,
                                                        const std::vector<ColorHints>& hints,
                                                        const ProgressFn& progress,
                                                        const CancelToken& cancel) {
  return run(l_frames, hints, progress, cancel, true);
}

Result<std::vector<ColorizedFrame>> Colorizer::colorizeNative(const std::vector<cv::Mat>& l_frames,
                                                              const std::vector<ColorHints>& hints,
                                                              const ProgressFn& progress,
                                                              const CancelToken& cancel) {
  return run(l_frames, hints, progress, cancel, false);
}

Result<std::vector<ColorizedFrame>> Colorizer::run(const std::vector<cv::Mat>& l_frames,
                                                   const std::vector<ColorHints>& hints,
                                                   const ProgressFn& progress,
                                                   const CancelToken& cancel, bool upsample) {
  if (!hints.empty() && hints.size() != l_frames.size())
    return makeError("colorize: got " + std::to_string(hints.size()) + " hint entries for " +
                     std::to_string(l_frames.size()) + " frames");
  for (size_t i = 0; i < l_frames.size(); ++i) {
    const cv::Mat& m = l_frames[i];
    if (m.empty() || m.type() != CV_32FC1)
      return makeError("colorize: frame " + std::to_string(i) +
                       " is not a CV_32FC1 L image (0..100)");
    if (!hints.empty() && !hints[i].empty() &&
        (hints[i].ab.type() != CV_32FC2 || hints[i].ab.size() != m.size() ||
         hints[i].mask.size() != m.size() || hints[i].mask.channels() != 1))
      return makeError("colorize: hints of frame " + std::to_string(i) +
                       " must be CV_32FC2 ab and a 1-channel mask of the frame's size");
  }
  std::vector<ColorizedFrame> out;
  out.reserve(l_frames.size());
  const auto total = static_cast<int64_t>(l_frames.size());
  torch::set_num_threads(d_->threads);
  size_t i = 0;
  while (i < l_frames.size()) {
    if (cancel.isCancelled())
      return makeError("colourisation cancelled after " + std::to_string(i) + " of " +
                       std::to_string(total) + " frames");
    size_t end = i + 1;
    while (end < l_frames.size() && end - i < static_cast<size_t>(d_->batch) &&
           l_frames[end].size() == l_frames[i].size())
      ++end;
    try {
      {
        c10::InferenceMode inference;
        d_->runBatch(l_frames, hints, i, end, upsample, out);
      }
      d_->frames_done += static_cast<int64_t>(end - i);
      i = end;
      report(progress, static_cast<int64_t>(i), total, "inference");
    } catch (const c10::Error& e) {
      const bool oom = dynamic_cast<const c10::OutOfMemoryError*>(&e) != nullptr ||
                       std::string(e.what()).find("out of memory") != std::string::npos;
      out.resize(i);
      if (!d_->onCuda())
        return errorFromCurrentException("colourising frame " + std::to_string(i) + " with '" +
                                         d_->settings.model_path.toStdString() + "'");
      if (oom && d_->batch > 1) {
        d_->batch = std::max(1, d_->batch / 2);
        d_->notice =
            QStringLiteral("CUDA out of memory: retrying with batch size %1").arg(d_->batch);
        qCWarning(lcModel) << d_->notice;
        continue;
      }
      // A device failure (or out of memory even at batch 1): the rest of the run goes on the CPU.
      const std::string failure = firstLine(e.what_without_backtrace());
      if (Status cpu = d_->loadOnCpu(); !cpu)
        return makeError("the GPU failed after " + std::to_string(d_->frames_done) + " frames (" +
                         failure +
                         ") and the model could not be reloaded on the CPU: " + cpu.message());
      d_->batch = d_->settings.batch_size;
      if (oom)
        d_->notice = QStringLiteral(
                         "CUDA out of memory even at batch size 1 after %1 frames: continuing on "
                         "the CPU (slower); lower the working height to stay on the GPU")
                         .arg(d_->frames_done);
      else
        d_->notice = QStringLiteral(
                         "the GPU failed after %1 frames (%2): continuing on the CPU (slower) for "
                         "the rest of this run; update the GPU driver or choose the device 'cpu'")
                         .arg(d_->frames_done)
                         .arg(QString::fromStdString(failure));
      qCWarning(lcModel) << d_->notice;
    } catch (const std::bad_alloc&) {
      return makeError("out of memory colourising frame " + std::to_string(i) +
                       ": lower the batch size or the working height");
    } catch (...) {
      return errorFromCurrentException("colourising frame " + std::to_string(i));
    }
  }
  return out;
}

cv::Mat Colorizer::toWorkingResolution(const cv::Mat& l_full) const {
  const int h = d_->settings.working_height_px;
  if (l_full.rows == h)
    return l_full;
  const int w = std::max(1, static_cast<int>(std::lround(static_cast<double>(l_full.cols) * h /
                                                         std::max(1, l_full.rows))));
  cv::Mat out;
  cv::resize(l_full, out, cv::Size(w, h), 0, 0,
             h < l_full.rows ? cv::INTER_AREA : cv::INTER_LINEAR);
  return out;
}

void Colorizer::setTemperature(double temperature) {
  if (temperature > 0.0)
    d_->temperature = temperature;
}
double Colorizer::temperature() const {
  return d_->temperature;
}
const ColorizerSettings& Colorizer::settings() const {
  return d_->settings;
}
const ModelCard& Colorizer::card() const {
  return d_->card;
}
bool Colorizer::isTorchScript() const {
  return d_->script != nullptr;
}
bool Colorizer::onCuda() const {
  return d_->onCuda();
}
int Colorizer::cpuThreads() const {
  return d_->threads;
}
QString Colorizer::deviceName() const {
  if (d_->simulated_cuda)
    return QStringLiteral("cuda fp16 (simulated, test only)");
  return d_->onCuda() ? QStringLiteral("cuda fp16")
                      : QStringLiteral("cpu (%1 threads)").arg(d_->threads);
}
bool Colorizer::hasConfidence() const {
  if (!d_->net)
    return false;
  return d_->net->config().head == Head::Classification || d_->settings.mc_dropout;
}
bool Colorizer::supportsHints() const {
  return d_->supportsHints();
}
int Colorizer::multiplePx() const {
  return d_->multiple;
}
int Colorizer::batchSize() const {
  return d_->batch;
}
QString Colorizer::notice() const {
  return d_->notice;
}

}  // namespace cf::model
