#pragma once
// Typed settings of a training run: data, augmentation, hints, optimisation and bookkeeping.
// Torch-free, so the CLI can fill them without the LibTorch headers. Stored as JSON in every
// checkpoint, so `--resume` continues with exactly the settings the run started with.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>

#include "common/Result.h"
#include "model/ModelConfig.h"

namespace cf::train {

/// Random crop/scale, flip and L-only photometric changes (see Augmentation.h).
struct AugmentSettings {
  int crop_px = 96;               ///< square training crop; a multiple of the preset's multiple_px
  double min_crop_frac = 0.55;    ///< crop side as a fraction of the shorter image side: U(min, 1)
  bool flip = true;               ///< horizontal flip with probability 1/2
  double gamma_jitter = 0.15;     ///< L' = 100 (L/100)^g, ln g ~ U(-j, j)
  double contrast_jitter = 0.15;  ///< L' = m + c (L - m), c ~ U(1-j, 1+j), m = mean L
  double film_fraction = 0.3;     ///< share of samples given a mild film look (blur + grain)
  double film_blur_max_px = 0.8;  ///< Gaussian blur sigma ~ U(0, max)
  double film_grain_max = 3.0;    ///< grain: Gaussian noise on L, sigma ~ U(0, max) L units
  /// Film samples: share given a random S-shaped tone curve and 1..3 vertical scratches
  /// (1 px lines, L +/- 15..40), as on projected prints. 0 = the older, mild film look.
  double film_damage = 0.0;

  QJsonObject toJson() const;
  static AugmentSettings fromJson(const QJsonObject& json);
};

/// Simulated user hints (Zhang et al. 2017): on `batch_fraction` of the batches every sample gets
/// a geometric number of points (success probability `point_p`), each the mean ground-truth ab
/// of a random square patch of 1..max_patch_px pixels. Of the samples of those batches,
/// `dense_fraction` get dense hints instead (renderDenseHints): what keyframe propagation gives
/// the network, colour almost everywhere with holes where nothing was carried.
struct HintSettings {
  double batch_fraction = 0.5;
  double point_p = 0.125;
  int max_patch_px = 5;
  double dense_fraction = 0.0;

  QJsonObject toJson() const;
  static HintSettings fromJson(const QJsonObject& json);
};

enum class OptimizerKind { SGD, Adam };
enum class ScheduleKind { Constant, Cosine, Step };

QString optimizerName(OptimizerKind kind);
Result<OptimizerKind> optimizerFromName(const QString& name);
QString scheduleName(ScheduleKind kind);
Result<ScheduleKind> scheduleFromName(const QString& name);

struct OptimSettings {
  OptimizerKind optimizer = OptimizerKind::SGD;  ///< design notes: SGD, lr 0.1, momentum
  double lr = 0.1;
  double momentum = 0.9;  ///< SGD momentum; Adam beta1
  double weight_decay = 1e-4;
  ScheduleKind schedule = ScheduleKind::Cosine;
  int64_t warmup_steps = 200;  ///< linear warm-up from 0
  int64_t step_size = 10000;   ///< Step schedule: multiply by step_gamma every step_size steps
  double step_gamma = 0.1;
  double final_lr_frac = 0.01;  ///< Cosine: lr at the last step as a fraction of lr

  /// Learning rate at `step` (0-based) of a run of `total_steps`.
  double lrAt(int64_t step, int64_t total_steps) const;

  QJsonObject toJson() const;
  static Result<OptimSettings> fromJson(const QJsonObject& json);
};

struct TrainSettings {
  QStringList data;            ///< image folders (recursive) and/or video files
  int video_frame_step = 15;   ///< videos: every k-th frame becomes a sample
  double val_fraction = 0.02;  ///< share of files held out (by a hash of the path)
  int val_images = 256;        ///< validation samples used per validation pass

  model::ModelConfig model;  ///< preset, head, hints, dropout
  AugmentSettings augment;
  HintSettings hints;
  OptimSettings optim;

  /// Warm start: a .cfmodel whose weights initialise the network (model::initWeightsFrom);
  /// empty = random initialisation. Only read when a run starts, not on resume.
  QString init_from;

  bool rebalance = true;  ///< classification head: Zhang et al. class rebalancing
  double rebalance_lambda = 0.5;
  double rebalance_sigma = 5.0;
  int rebalance_images = 2000;  ///< training images sampled for the ab distribution

  int batch_size = 32;
  int64_t steps = 20000;
  uint64_t seed = 1;

  // Bookkeeping (not part of the optimisation: free to change on resume).
  QString out_dir;                          ///< checkpoints, CSV logs, plot, final model
  QString device = QStringLiteral("auto");  ///< auto | cpu | cuda
  int threads = 0;                          ///< LibTorch intra-op threads; 0 = leave the default
  int workers = 1;                          ///< decoding/augmentation threads
  int prefetch_batches = 4;                 ///< bounded prefetch queue
  int64_t checkpoint_every = 500;
  int64_t val_every = 500;
  int64_t log_every = 20;
  double max_hours = 0.0;  ///< stop (checkpoint + model) after this wall time; 0 = no limit
  /// On resume: a new total number of steps (0 keeps the checkpoint's). The schedule is then
  /// recomputed for the new total, so the run is no longer the uninterrupted one.
  int64_t resume_steps = 0;
  /// On resume/export: a new annealed-mean temperature for validation and the model card
  /// (0 keeps the run's). Decoding only: the weights do not depend on it.
  double resume_temperature = 0.0;
  /// On resume/export: a new decoding chroma gain (0 keeps the run's). Decoding only.
  double resume_chroma_gain = 0.0;
  QString model_name = QStringLiteral("chromaflow-slim");
  QString data_terms = QStringLiteral("research use only");
  QString command;  ///< the command line, for the model card

  /// Checks ranges and that crop_px fits the preset; readable errors.
  Status validate() const;

  QJsonObject toJson() const;
  static Result<TrainSettings> fromJson(const QJsonObject& json);
};

}  // namespace cf::train
