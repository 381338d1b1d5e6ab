#pragma once
// The training loop of the design notes: batches from BatchLoader, L2 or rebalanced
// classification loss, SGD (momentum) or Adam with a warm-up + constant/cosine/step schedule,
// simulated hints, validation against the zero-chroma baseline, CSV logs and a loss plot,
// checkpoints every N steps and on cancel, and a .cfmodel with a model card at the end.
// Torch-free header (pimpl) for the CLI.
//
// Reproducibility: the initial weights come from torch::manual_seed(seed), each step reseeds
// the generator from (seed, step) (dropout), and batches are a pure function of (seed, step).
// So on the CPU with the same thread count, the same seed gives the same losses, and a resumed
// run continues bit-exactly.

#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "train/TrainLog.h"
#include "train/TrainSettings.h"

namespace cf::train {

struct TrainProgress {
  int64_t step = 0;  ///< steps done
  int64_t total_steps = 0;
  double loss = 0.0;  ///< mean loss over the last log interval
  double lr = 0.0;
  double images_per_s = 0.0;
  double eta_s = -1.0;  ///< < 0 while unknown
};

struct TrainCallbacks {
  std::function<void(const TrainProgress&)> progress;  ///< after every step
  std::function<void(const QString&)> message;         ///< validation, checkpoints, notes
};

struct TrainOutcome {
  int64_t steps_done = 0;
  bool completed = false;    ///< reached settings.steps
  bool cancelled = false;    ///< stopped by the cancel token (checkpoint written)
  bool out_of_time = false;  ///< stopped by max_hours (checkpoint and model written)
  QString checkpoint_path;
  QString model_path;  ///< empty when no model was written
  double hours = 0.0;
  QJsonObject metrics;  ///< last validation
};

class Trainer {
 public:
  /// Scans the data, builds the network and optimizer. With `resume`, the settings come from
  /// <out_dir>/checkpoint.pt except the bookkeeping ones (device, threads, workers, prefetch,
  /// intervals, max_hours), which come from `settings`.
  static Result<std::unique_ptr<Trainer>> create(const TrainSettings& settings, bool resume,
                                                 const TrainCallbacks& callbacks = {});
  /// Opens the checkpoint in settings.out_dir for exportModel() only: leaves the run's logs and
  /// files alone, so it is safe while the run is still training.
  static Result<std::unique_ptr<Trainer>> openCheckpoint(const TrainSettings& settings,
                                                         const TrainCallbacks& callbacks = {});
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  /// Trains until settings.steps, max_hours or cancel. Never throws.
  Result<TrainOutcome> run(const CancelToken& cancel = CancelToken());

  /// Validates the current weights and writes them as a .cfmodel with a model card.
  /// `extra` is merged into the card: its "metrics" object into the metrics (e.g. `eval`
  /// results), its "notes" string appended to the training notes.
  Result<QJsonObject> exportModel(const QString& path, const QJsonObject& extra = {});

  const TrainSettings& settings() const;
  int64_t step() const;
  QString checkpointPath() const;
  /// Number of training and validation samples.
  size_t trainSamples() const;
  size_t validationSamples() const;
  const TrainLog& log() const;

 private:
  struct Impl;
  explicit Trainer(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Trainer>> open(const TrainSettings& settings, bool resume,
                                               bool read_only, const TrainCallbacks& callbacks);
  std::unique_ptr<Impl> d_;
};

}  // namespace cf::train
