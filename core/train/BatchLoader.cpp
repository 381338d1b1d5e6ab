#include "train/BatchLoader.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include <torch/torch.h>

#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "train/Augmentation.h"
#include "train/HintSampler.h"

namespace cf::train {

namespace {

constexpr int kMaxDecodeAttempts = 16;

/// Copies the channels of an interleaved CV_32FCn image into planes of `dst` ([n,S,S]).
void copyPlanes(const cv::Mat& src, float* dst) {
  std::vector<cv::Mat> planes;
  cv::split(src, planes);
  const size_t plane = static_cast<size_t>(src.rows) * static_cast<size_t>(src.cols);
  for (size_t c = 0; c < planes.size(); ++c) {
    const cv::Mat p = planes[c].isContinuous() ? planes[c] : planes[c].clone();
    std::memcpy(dst + c * plane, p.ptr<float>(), plane * sizeof(float));
  }
}

}  // namespace

size_t EpochOrder::at(int64_t global_index) {
  const auto n = static_cast<int64_t>(count_);
  const int64_t epoch = global_index / n;
  if (epoch != epoch_) {
    perm_.resize(count_);
    std::iota(perm_.begin(), perm_.end(), size_t{0});
    Rng rng(mixSeed(seed_ ^ 0x5EEDull, static_cast<uint64_t>(epoch)));
    // Fisher-Yates with our own index draw, so the order does not depend on the standard
    // library's std::shuffle implementation.
    for (size_t i = count_; i > 1; --i) {
      const size_t j = static_cast<size_t>(rng() % i);
      std::swap(perm_[i - 1], perm_[j]);
    }
    epoch_ = epoch;
  }
  return perm_[static_cast<size_t>(global_index % n)];
}

Result<Batch> makeBatch(const std::vector<SampleRef>& samples, const BatchRecipe& recipe,
                        int64_t step, SampleDecoder& decoder) {
  return guarded("making training batch " + std::to_string(step), [&]() -> Result<Batch> {
    if (samples.empty())
      return makeError("no training samples");
    EpochOrder order(samples.size(), recipe.seed);
    const int b = recipe.batch_size;
    const int s = recipe.augment.crop_px;
    Batch batch;
    batch.step = step;
    Rng batch_rng = sampleRng(recipe.seed, step, -1);
    const bool with_hints =
        std::uniform_real_distribution<double>(0.0, 1.0)(batch_rng) < recipe.hints.batch_fraction;
    batch.l = torch::empty({b, 1, s, s}, torch::kFloat32);
    batch.ab = torch::empty({b, 2, s, s}, torch::kFloat32);
    if (with_hints)
      batch.hints = torch::empty({b, 3, s, s}, torch::kFloat32);
    const size_t plane = static_cast<size_t>(s) * static_cast<size_t>(s);
    for (int i = 0; i < b; ++i) {
      const int64_t global = step * b + i;
      const size_t first = order.at(global);
      cv::Mat rgb;
      std::string last_error;
      for (int attempt = 0; attempt < kMaxDecodeAttempts && rgb.empty(); ++attempt) {
        const SampleRef& ref = samples[(first + static_cast<size_t>(attempt)) % samples.size()];
        auto decoded = decoder.decodeRgb8(ref);
        if (decoded && !decoded->empty()) {
          rgb = decoded.value();
        } else {
          ++batch.decode_failures;
          last_error = decoded ? "empty picture" : decoded.message();
          qCWarning(lcTrain) << "skipping sample:" << QString::fromStdString(last_error);
        }
      }
      if (rgb.empty())
        return makeError(std::to_string(kMaxDecodeAttempts) +
                         " samples in a row failed to decode; last: " + last_error);
      Rng rng = sampleRng(recipe.seed, step, i);
      const LabSample sample = augmentSample(rgb, recipe.augment, rng);
      std::memcpy(batch.l.data_ptr<float>() + static_cast<size_t>(i) * plane, sample.l.ptr<float>(),
                  plane * sizeof(float));
      copyPlanes(sample.ab, batch.ab.data_ptr<float>() + static_cast<size_t>(i) * 2 * plane);
      if (with_hints) {
        // Drawn only when dense hints are on, so runs without them keep their random streams.
        const bool dense =
            recipe.hints.dense_fraction > 0.0 &&
            std::uniform_real_distribution<double>(0.0, 1.0)(rng) < recipe.hints.dense_fraction;
        const cv::Mat rendered =
            dense ? renderDenseHints(sample.ab, rng)
                  : renderHints(sample.ab.size(), sampleHintPoints(sample.ab, recipe.hints, rng));
        copyPlanes(rendered, batch.hints.data_ptr<float>() + static_cast<size_t>(i) * 3 * plane);
      }
    }
    return batch;
  });
}

BatchLoader::BatchLoader(std::vector<SampleRef> samples, BatchRecipe recipe, int64_t first_step,
                         int workers, int prefetch)
    : samples_(std::move(samples)),
      recipe_(std::move(recipe)),
      prefetch_(std::max(1, prefetch)),
      next_to_make_(first_step),
      next_to_give_(first_step) {
  for (int i = 0; i < std::max(1, workers); ++i)
    threads_.emplace_back([this] { work(); });
}

BatchLoader::~BatchLoader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_)
    t.join();
}

void BatchLoader::work() {
  SampleDecoder decoder;
  for (;;) {
    int64_t step = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return stop_ || next_to_make_ - next_to_give_ < prefetch_; });
      if (stop_)
        return;
      step = next_to_make_++;
    }
    Result<Batch> batch = makeBatch(samples_, recipe_, step, decoder);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.emplace(step, std::move(batch));
    }
    cv_.notify_all();
  }
}

Result<Batch> BatchLoader::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [this] { return ready_.count(next_to_give_) > 0; });
  auto node = ready_.extract(next_to_give_);
  ++next_to_give_;
  lock.unlock();
  cv_.notify_all();
  return std::move(node.mapped());
}

}  // namespace cf::train
