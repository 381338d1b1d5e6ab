#pragma once
// The Colorizer's private state and its batch runner (Colorizer.h), shared by Colorizer.cpp and
// ColourSuggestions.cpp. Core/model only: it includes the LibTorch headers.

#include <QString>

#include <torch/script.h>
#include <torch/torch.h>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "model/ColorizationNet.h"
#include "model/Colorizer.h"
#include "model/ModelContainer.h"
#include "model/ModelFile.h"

namespace cf::model {

namespace F = torch::nn::functional;

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

  /// The network's inputs for frames [b0, b1) (all of one size), padded to the model's multiple
  /// and on the device: L [n,1,hp,wp] and, when a frame has hints the model takes, hints
  /// [n,3,hp,wp] (else undefined).
  void inputs(const std::vector<cv::Mat>& frames, const std::vector<ColorHints>& hints, size_t b0,
              size_t b1, torch::Tensor& l, torch::Tensor& hint_t) const {
    const auto n = static_cast<int64_t>(b1 - b0);
    const int64_t h = frames[b0].rows;
    const int64_t w = frames[b0].cols;
    const int64_t hp = (h + multiple - 1) / multiple * multiple;
    const int64_t wp = (w + multiple - 1) / multiple * multiple;

    l = torch::empty({n, 1, h, w}, torch::kFloat32);
    bool any_hint = false;
    for (int64_t i = 0; i < n; ++i) {
      const cv::Mat& m = frames[b0 + static_cast<size_t>(i)];
      l[i][0].copy_(torch::from_blob(const_cast<uchar*>(m.data), {h, w},
                                     {static_cast<int64_t>(m.step1()), 1}, torch::kFloat32));
      if (!hints.empty() && !hints[b0 + static_cast<size_t>(i)].empty())
        any_hint = true;
    }
    hint_t = torch::Tensor();
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
    torch::Tensor l, hint_t;
    inputs(frames, hints, b0, b1, l, hint_t);

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

}  // namespace cf::model
