#include "train/TrainSettings.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cf::train {

namespace {

const QString kOptim = QStringLiteral("optimizer");

double num(const QJsonObject& o, const char* key, double fallback) {
  return o.value(QLatin1String(key)).toDouble(fallback);
}

int64_t int64Of(const QJsonObject& o, const char* key, int64_t fallback) {
  const QJsonValue v = o.value(QLatin1String(key));
  return v.isDouble() ? static_cast<int64_t>(v.toDouble()) : fallback;
}

}  // namespace

QJsonObject AugmentSettings::toJson() const {
  QJsonObject o;
  o[QStringLiteral("crop_px")] = crop_px;
  o[QStringLiteral("min_crop_frac")] = min_crop_frac;
  o[QStringLiteral("flip")] = flip;
  o[QStringLiteral("gamma_jitter")] = gamma_jitter;
  o[QStringLiteral("contrast_jitter")] = contrast_jitter;
  o[QStringLiteral("film_fraction")] = film_fraction;
  o[QStringLiteral("film_blur_max_px")] = film_blur_max_px;
  o[QStringLiteral("film_grain_max")] = film_grain_max;
  if (film_damage > 0.0)
    o[QStringLiteral("film_damage")] = film_damage;
  return o;
}

AugmentSettings AugmentSettings::fromJson(const QJsonObject& o) {
  AugmentSettings a;
  a.crop_px = o.value(QStringLiteral("crop_px")).toInt(a.crop_px);
  a.min_crop_frac = num(o, "min_crop_frac", a.min_crop_frac);
  a.flip = o.value(QStringLiteral("flip")).toBool(a.flip);
  a.gamma_jitter = num(o, "gamma_jitter", a.gamma_jitter);
  a.contrast_jitter = num(o, "contrast_jitter", a.contrast_jitter);
  a.film_fraction = num(o, "film_fraction", a.film_fraction);
  a.film_blur_max_px = num(o, "film_blur_max_px", a.film_blur_max_px);
  a.film_grain_max = num(o, "film_grain_max", a.film_grain_max);
  a.film_damage = num(o, "film_damage", 0.0);
  return a;
}

QJsonObject HintSettings::toJson() const {
  QJsonObject o;
  o[QStringLiteral("batch_fraction")] = batch_fraction;
  o[QStringLiteral("point_p")] = point_p;
  o[QStringLiteral("max_patch_px")] = max_patch_px;
  o[QStringLiteral("dense_fraction")] = dense_fraction;
  return o;
}

HintSettings HintSettings::fromJson(const QJsonObject& o) {
  HintSettings h;
  h.batch_fraction = num(o, "batch_fraction", h.batch_fraction);
  h.point_p = num(o, "point_p", h.point_p);
  h.max_patch_px = o.value(QStringLiteral("max_patch_px")).toInt(h.max_patch_px);
  h.dense_fraction = num(o, "dense_fraction", h.dense_fraction);
  return h;
}

QString optimizerName(OptimizerKind kind) {
  return kind == OptimizerKind::SGD ? QStringLiteral("sgd") : QStringLiteral("adam");
}

Result<OptimizerKind> optimizerFromName(const QString& name) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("sgd"))
    return OptimizerKind::SGD;
  if (n == QLatin1String("adam"))
    return OptimizerKind::Adam;
  return makeError("unknown optimizer '" + name.toStdString() + "': use 'sgd' or 'adam'");
}

QString scheduleName(ScheduleKind kind) {
  switch (kind) {
    case ScheduleKind::Constant:
      return QStringLiteral("constant");
    case ScheduleKind::Cosine:
      return QStringLiteral("cosine");
    case ScheduleKind::Step:
      return QStringLiteral("step");
  }
  return QStringLiteral("constant");
}

Result<ScheduleKind> scheduleFromName(const QString& name) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("constant"))
    return ScheduleKind::Constant;
  if (n == QLatin1String("cosine"))
    return ScheduleKind::Cosine;
  if (n == QLatin1String("step"))
    return ScheduleKind::Step;
  return makeError("unknown schedule '" + name.toStdString() +
                   "': use 'constant', 'cosine' or 'step'");
}

double OptimSettings::lrAt(int64_t step, int64_t total_steps) const {
  double factor = 1.0;
  if (warmup_steps > 0 && step < warmup_steps)
    factor = static_cast<double>(step + 1) / static_cast<double>(warmup_steps);
  switch (schedule) {
    case ScheduleKind::Constant:
      break;
    case ScheduleKind::Cosine: {
      const int64_t span = std::max<int64_t>(1, total_steps - warmup_steps);
      const double t = std::clamp(
          static_cast<double>(step - warmup_steps) / static_cast<double>(span), 0.0, 1.0);
      factor *= final_lr_frac + (1.0 - final_lr_frac) * 0.5 * (1.0 + std::cos(M_PI * t));
      break;
    }
    case ScheduleKind::Step:
      factor *= std::pow(step_gamma, static_cast<double>(step / std::max<int64_t>(1, step_size)));
      break;
  }
  return lr * factor;
}

QJsonObject OptimSettings::toJson() const {
  QJsonObject o;
  o[kOptim] = optimizerName(optimizer);
  o[QStringLiteral("lr")] = lr;
  o[QStringLiteral("momentum")] = momentum;
  o[QStringLiteral("weight_decay")] = weight_decay;
  o[QStringLiteral("schedule")] = scheduleName(schedule);
  o[QStringLiteral("warmup_steps")] = static_cast<double>(warmup_steps);
  o[QStringLiteral("step_size")] = static_cast<double>(step_size);
  o[QStringLiteral("step_gamma")] = step_gamma;
  o[QStringLiteral("final_lr_frac")] = final_lr_frac;
  return o;
}

Result<OptimSettings> OptimSettings::fromJson(const QJsonObject& o) {
  OptimSettings s;
  auto opt = optimizerFromName(o.value(kOptim).toString(QStringLiteral("sgd")));
  if (!opt)
    return opt.error();
  s.optimizer = opt.value();
  auto sched =
      scheduleFromName(o.value(QStringLiteral("schedule")).toString(QStringLiteral("cosine")));
  if (!sched)
    return sched.error();
  s.schedule = sched.value();
  s.lr = num(o, "lr", s.lr);
  s.momentum = num(o, "momentum", s.momentum);
  s.weight_decay = num(o, "weight_decay", s.weight_decay);
  s.warmup_steps = int64Of(o, "warmup_steps", s.warmup_steps);
  s.step_size = int64Of(o, "step_size", s.step_size);
  s.step_gamma = num(o, "step_gamma", s.step_gamma);
  s.final_lr_frac = num(o, "final_lr_frac", s.final_lr_frac);
  return s;
}

Status TrainSettings::validate() const {
  if (data.isEmpty())
    return makeError("no training data: give one or more image folders or video files");
  if (out_dir.isEmpty())
    return makeError("no output folder: give --out DIR for checkpoints, logs and the model");
  if (Status s = model.validate(); !s)
    return s;
  const auto preset = model::presetSpec(model.preset);
  const int multiple = preset.value().multiple_px();
  if (augment.crop_px < multiple || augment.crop_px % multiple != 0)
    return makeError("crop size " + std::to_string(augment.crop_px) + " px must be a multiple of " +
                     std::to_string(multiple) + " px for the '" + model.preset.toStdString() +
                     "' preset");
  if (!(augment.min_crop_frac > 0.0) || augment.min_crop_frac > 1.0)
    return makeError("--min-crop must be in (0, 1]");
  if (batch_size < 1 || steps < 1)
    return makeError("batch size and steps must be at least 1");
  if (val_fraction < 0.0 || val_fraction >= 0.5)
    return makeError("validation fraction must be in [0, 0.5)");
  if (hints.batch_fraction < 0.0 || hints.batch_fraction > 1.0 || !(hints.point_p > 0.0) ||
      hints.point_p > 1.0 || hints.max_patch_px < 1 || hints.dense_fraction < 0.0 ||
      hints.dense_fraction > 1.0)
    return makeError("hint settings out of range: fractions 0..1, p in (0, 1], patch >= 1 px");
  if (!(optim.lr > 0.0))
    return makeError("learning rate must be positive");
  if (rebalance_lambda < 0.0 || rebalance_lambda > 1.0 || !(rebalance_sigma > 0.0))
    return makeError("rebalancing lambda must be in 0..1 and sigma positive");
  if (workers < 1 || prefetch_batches < 1)
    return makeError("workers and prefetch must be at least 1");
  if (video_frame_step < 1)
    return makeError("video frame step must be at least 1");
  return Status::success();
}

QJsonObject TrainSettings::toJson() const {
  QJsonObject o;
  o[QStringLiteral("data")] = QJsonArray::fromStringList(data);
  o[QStringLiteral("video_frame_step")] = video_frame_step;
  o[QStringLiteral("val_fraction")] = val_fraction;
  o[QStringLiteral("val_images")] = val_images;
  o[QStringLiteral("model")] = model.toJson();
  o[QStringLiteral("augment")] = augment.toJson();
  o[QStringLiteral("hints")] = hints.toJson();
  o[QStringLiteral("optim")] = optim.toJson();
  if (!init_from.isEmpty())
    o[QStringLiteral("init_from")] = init_from;
  o[QStringLiteral("rebalance")] = rebalance;
  o[QStringLiteral("rebalance_lambda")] = rebalance_lambda;
  o[QStringLiteral("rebalance_sigma")] = rebalance_sigma;
  o[QStringLiteral("rebalance_images")] = rebalance_images;
  o[QStringLiteral("batch_size")] = batch_size;
  o[QStringLiteral("steps")] = static_cast<double>(steps);
  o[QStringLiteral("seed")] = QString::number(seed);
  o[QStringLiteral("out_dir")] = out_dir;
  o[QStringLiteral("device")] = device;
  o[QStringLiteral("threads")] = threads;
  o[QStringLiteral("workers")] = workers;
  o[QStringLiteral("prefetch_batches")] = prefetch_batches;
  o[QStringLiteral("checkpoint_every")] = static_cast<double>(checkpoint_every);
  o[QStringLiteral("val_every")] = static_cast<double>(val_every);
  o[QStringLiteral("log_every")] = static_cast<double>(log_every);
  o[QStringLiteral("max_hours")] = max_hours;
  o[QStringLiteral("model_name")] = model_name;
  o[QStringLiteral("data_terms")] = data_terms;
  o[QStringLiteral("command")] = command;
  return o;
}

Result<TrainSettings> TrainSettings::fromJson(const QJsonObject& o) {
  TrainSettings s;
  for (const QJsonValue& v : o.value(QStringLiteral("data")).toArray())
    s.data << v.toString();
  s.video_frame_step = o.value(QStringLiteral("video_frame_step")).toInt(s.video_frame_step);
  s.val_fraction = num(o, "val_fraction", s.val_fraction);
  s.val_images = o.value(QStringLiteral("val_images")).toInt(s.val_images);
  auto model = model::ModelConfig::fromJson(o.value(QStringLiteral("model")).toObject());
  if (!model)
    return model.error();
  s.model = model.value();
  s.augment = AugmentSettings::fromJson(o.value(QStringLiteral("augment")).toObject());
  s.hints = HintSettings::fromJson(o.value(QStringLiteral("hints")).toObject());
  auto optim = OptimSettings::fromJson(o.value(QStringLiteral("optim")).toObject());
  if (!optim)
    return optim.error();
  s.optim = optim.value();
  s.init_from = o.value(QStringLiteral("init_from")).toString();
  s.rebalance = o.value(QStringLiteral("rebalance")).toBool(s.rebalance);
  s.rebalance_lambda = num(o, "rebalance_lambda", s.rebalance_lambda);
  s.rebalance_sigma = num(o, "rebalance_sigma", s.rebalance_sigma);
  s.rebalance_images = o.value(QStringLiteral("rebalance_images")).toInt(s.rebalance_images);
  s.batch_size = o.value(QStringLiteral("batch_size")).toInt(s.batch_size);
  s.steps = int64Of(o, "steps", s.steps);
  s.seed = o.value(QStringLiteral("seed")).toString(QStringLiteral("1")).toULongLong();
  s.out_dir = o.value(QStringLiteral("out_dir")).toString();
  s.device = o.value(QStringLiteral("device")).toString(s.device);
  s.threads = o.value(QStringLiteral("threads")).toInt(s.threads);
  s.workers = o.value(QStringLiteral("workers")).toInt(s.workers);
  s.prefetch_batches = o.value(QStringLiteral("prefetch_batches")).toInt(s.prefetch_batches);
  s.checkpoint_every = int64Of(o, "checkpoint_every", s.checkpoint_every);
  s.val_every = int64Of(o, "val_every", s.val_every);
  s.log_every = int64Of(o, "log_every", s.log_every);
  s.max_hours = num(o, "max_hours", s.max_hours);
  s.model_name = o.value(QStringLiteral("model_name")).toString(s.model_name);
  s.data_terms = o.value(QStringLiteral("data_terms")).toString(s.data_terms);
  s.command = o.value(QStringLiteral("command")).toString();
  return s;
}

}  // namespace cf::train
