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
#include "model/ModelContainer.h"
#include "model/ModelFile.h"

namespace cf::model {

namespace F = torch::nn::functional;

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

struct Colorizer::Impl {
  ColorizerSettings settings;
  ModelCard card;
  ColorizationNet net{nullptr};
  std::unique_ptr<torch::jit::Module> script;
  torch::Device device{torch::kCPU};
  torch::ScalarType dtype = torch::kFloat32;
  int batch = 8;
  int multiple = 16;
  int threads = 1;
  double temperature = 0.38;
  QString notice;
  DeviceFault fault;            // test-only injection
  bool simulated_cuda = false;  // on the CPU, pretending to be on CUDA until the injected fault
  int64_t device_passes = 0;    // forward passes started on the device
  int64_t frames_done = 0;      // frames colourised so far (all colorize() calls)

  bool onCuda() const { return device.is_cuda() || simulated_cuda; }

  /// (Re)loads the weights from the model file onto the CPU in fp32. Used at creation and after
  /// a device failure: a failed CUDA context may not even allow copying the weights back.
  Status loadOnCpu() {
    if (card.config.architecture == QLatin1String("torchscript")) {
      const std::string file = settings.model_path.toStdString();
      auto st = guarded("loading TorchScript model '" + file + "'", [&]() -> Status {
        script = std::make_unique<torch::jit::Module>(torch::jit::load(file, torch::kCPU));
        script->eval();
        return Status::success();
      });
      if (!st)
        return makeError(st.message() +
                         " (expected a TorchScript module mapping L[B,1,H,W] "
                         "0..100 to ab[B,2,h,w])");
    } else {
      auto loaded = loadModel(settings.model_path);
      if (!loaded)
        return loaded.error();
      net = loaded->net;
      net->eval();
    }
    device = torch::Device(torch::kCPU);
    dtype = torch::kFloat32;
    simulated_cuda = false;
    return Status::success();
  }

  void injectFault() {
    if (fault.after_batches < 0 || !onCuda())
      return;
    if (device_passes++ < fault.after_batches)
      return;
    const c10::SourceLocation where{__func__, __FILE__, static_cast<uint32_t>(__LINE__)};
    if (fault.oom)
      throw c10::OutOfMemoryError(where,
                                  "CUDA out of memory. Tried to allocate 2.00 GiB (injected by "
                                  "CHROMAFLOW_INJECT_DEVICE_FAULT)");
    throw c10::Error(where,
                     "CUDA error: an illegal memory access was encountered (injected by "
                     "CHROMAFLOW_INJECT_DEVICE_FAULT)");
  }

  void moveTo(torch::Device dev, torch::ScalarType type) {
    device = dev;
    dtype = type;
    if (net)
      net->to(dev, type);
    if (script)
      script->to(dev, torch::kFloat32);
  }

  /// Runs frames [b0, b1) (all of one size) and appends their results to `out`.
  void runBatch(const std::vector<cv::Mat>& frames, const std::vector<ColorHints>& hints, size_t b0,
                size_t b1, bool upsample, std::vector<ColorizedFrame>& out) {
    const auto n = static_cast<int64_t>(b1 - b0);
    const int64_t h = frames[b0].rows;
    const int64_t w = frames[b0].cols;
    const int64_t hp = (h + multiple - 1) / multiple * multiple;
    const int64_t wp = (w + multiple - 1) / multiple * multiple;
    injectFault();

    auto l = torch::empty({n, 1, h, w}, torch::kFloat32);
    bool any_hint = false;
    for (int64_t i = 0; i < n; ++i) {
      const cv::Mat& m = frames[b0 + static_cast<size_t>(i)];
      l[i][0].copy_(torch::from_blob(const_cast<uchar*>(m.data), {h, w},
                                     {static_cast<int64_t>(m.step1()), 1}, torch::kFloat32));
      if (!hints.empty() && !hints[b0 + static_cast<size_t>(i)].empty())
        any_hint = true;
    }
    torch::Tensor hint_t;
    if (any_hint && supportsHints()) {
      hint_t = torch::zeros({n, 3, h, w}, torch::kFloat32);
      for (int64_t i = 0; i < n; ++i) {
        const ColorHints& hi = hints[b0 + static_cast<size_t>(i)];
        if (hi.empty())
          continue;
        cv::Mat ab = hi.ab.isContinuous() ? hi.ab : hi.ab.clone();
        cv::Mat mask;
        hi.mask.convertTo(mask, CV_32F, hi.mask.depth() == CV_8U ? 1.0 / 255.0 : 1.0);
        if (hi.mask.depth() == CV_8U)
          cv::threshold(mask, mask, 0.0, 1.0, cv::THRESH_BINARY);
        hint_t[i].slice(0, 0, 2).copy_(
            torch::from_blob(ab.data, {h, w, 2}, torch::kFloat32).permute({2, 0, 1}));
        hint_t[i][2].copy_(torch::from_blob(mask.data, {h, w}, torch::kFloat32));
      }
    }
    if (hp != h || wp != w) {
      l = F::pad(l, F::PadFuncOptions({0, wp - w, 0, hp - h}).mode(torch::kReplicate));
      if (hint_t.defined())
        hint_t = F::pad(hint_t, F::PadFuncOptions({0, wp - w, 0, hp - h}));
    }
    l = l.to(device, dtype);
    if (hint_t.defined())
      hint_t = hint_t.to(device, dtype);

    torch::Tensor ab;
    torch::Tensor conf;
    if (script) {
      ab = script->forward({l.to(torch::kFloat32)}).toTensor();
      if (ab.dim() != 4 || ab.size(0) != n || ab.size(1) != 2)
        throw std::runtime_error("TorchScript model returned a tensor of shape " +
                                 c10::str(ab.sizes()) + "; the contract is ab [B,2,h,w]");
      ab = ab.to(torch::kFloat32);
    } else if (net->config().head == Head::L2 && settings.mc_dropout) {
      net->setMcDropout(true);
      std::vector<torch::Tensor> samples;
      for (int s = 0; s < std::max(2, settings.mc_samples); ++s)
        samples.push_back(net->forward(l, hint_t).to(torch::kFloat32));
      net->setMcDropout(false);
      const auto stack = torch::stack(samples) * ColorizationNetImpl::kAbScale;
      ab = stack.mean(0);
      // Spread of the samples in Lab units -> 0..1 (std of 10 Lab units gives 1/e).
      const auto spread = stack.var(0, false).sum(1, true).sqrt();
      conf = torch::exp(-spread / 10.0);
    } else {
      DecodedAb dec = net->decode(net->forward(l, hint_t), temperature, settings.chroma_gain);
      ab = dec.ab;
      conf = dec.confidence;
    }
    // The output stays at the network's resolution here; upsampleOutput() (NetworkOutput.h)
    // brings it to the frame on the CPU, so that a frame computed now and one read back from the
    // disk cache go through the same arithmetic.
    ab = ab.permute({0, 2, 3, 1}).contiguous().to(torch::kCPU, torch::kFloat32);
    if (conf.defined())
      conf = conf.to(torch::kCPU, torch::kFloat32).contiguous();
    const int nh = static_cast<int>(ab.size(1));
    const int nw = static_cast<int>(ab.size(2));
    for (int64_t i = 0; i < n; ++i) {
      ColorizedFrame f;
      f.native.padded = cv::Size(static_cast<int>(wp), static_cast<int>(hp));
      f.native.frame = cv::Size(static_cast<int>(w), static_cast<int>(h));
      f.native.ab = cv::Mat(nh, nw, CV_32FC2, ab[i].data_ptr()).clone();
      if (conf.defined())
        f.native.confidence = cv::Mat(nh, nw, CV_32FC1, conf[i].data_ptr()).clone();
      if (upsample) {
        upsampleOutput(f.native, f.ab, f.confidence);
        if (f.confidence.empty())
          f.confidence = cv::Mat(f.ab.size(), CV_32FC1, cv::Scalar(1.0));
      }
      out.push_back(std::move(f));
    }
  }

  bool supportsHints() const { return net && net->config().hints; }
};

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
