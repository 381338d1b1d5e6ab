#include "train/Trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <algorithm>
#include <cstring>

#include <torch/torch.h>

#include "common/ErrorBoundary.h"
#include "common/Eta.h"
#include "common/Logging.h"
#include "common/Vocabulary.h"
#include "model/Losses.h"
#include "model/ModelFile.h"
#include "train/Augmentation.h"
#include "train/BatchLoader.h"
#include "train/Checkpoint.h"
#include "train/ClassRebalancing.h"
#include "train/ColourMetrics.h"
#include "train/TrainDataset.h"

namespace cf::train {

namespace F = torch::nn::functional;

namespace {

/// Validation samples, decoded once: centre squares at the training crop size.
struct ValidationSet {
  torch::Tensor l;   ///< [N,1,S,S]
  torch::Tensor ab;  ///< [N,2,S,S]
  std::vector<LabSample> samples;
  ScoreAccumulator zero;  ///< the zero-chroma baseline (constant)
};

torch::Tensor planarTensor(const cv::Mat& m) {
  std::vector<cv::Mat> planes;
  cv::split(m, planes);
  auto t = torch::empty({static_cast<int64_t>(planes.size()), m.rows, m.cols}, torch::kFloat32);
  const size_t plane = m.total();
  for (size_t c = 0; c < planes.size(); ++c)
    std::memcpy(t.data_ptr<float>() + c * plane, planes[c].ptr<float>(), plane * sizeof(float));
  return t;
}

cv::Mat interleavedAb(const torch::Tensor& ab) {  // [2,H,W] CPU float -> CV_32FC2
  const auto c = ab.contiguous();
  const int h = static_cast<int>(c.size(1)), w = static_cast<int>(c.size(2));
  std::vector<cv::Mat> planes = {cv::Mat(h, w, CV_32FC1, c[0].data_ptr<float>()).clone(),
                                 cv::Mat(h, w, CV_32FC1, c[1].data_ptr<float>()).clone()};
  cv::Mat out;
  cv::merge(planes, out);
  return out;
}

Result<torch::Device> pickDevice(const QString& name) {
  DeviceChoice device = DeviceChoice::Auto;
  if (!deviceChoiceFromName(name.toStdString(), &device))
    return makeError("unknown device '" + name.toStdString() + "': use auto, cpu or cuda");
  const bool cuda = torch::cuda::is_available();
  if (device == DeviceChoice::Cpu || (device == DeviceChoice::Auto && !cuda))
    return torch::Device(torch::kCPU);
  if (!cuda)
    return makeError("--device cuda was asked for but no CUDA device is available: use cpu");
  return torch::Device(torch::kCUDA);
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimSettings& o,
                                                       model::ColorizationNet& net) {
  if (o.optimizer == OptimizerKind::SGD)
    return std::make_unique<torch::optim::SGD>(
        net->parameters(),
        torch::optim::SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weight_decay));
  return std::make_unique<torch::optim::Adam>(net->parameters(),
                                              torch::optim::AdamOptions(o.lr)
                                                  .betas(std::make_tuple(o.momentum, 0.999))
                                                  .weight_decay(o.weight_decay));
}

void setLearningRate(torch::optim::Optimizer& opt, double lr) {
  for (auto& group : opt.param_groups())
    group.options().set_lr(lr);
}

}  // namespace

struct Trainer::Impl {
  TrainSettings settings;
  TrainCallbacks callbacks;
  TrainDataset dataset;
  torch::Device device{torch::kCPU};
  model::ColorizationNet net{nullptr};
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  torch::Tensor class_weights;  // [Q] on device, or undefined
  ValidationSet val;
  std::unique_ptr<TrainLog> log;
  int64_t step = 0;
  bool read_only = false;     // opened for export: never writes logs or checkpoints
  double hours_before = 0.0;  // hours of earlier sessions
  QElapsedTimer session;

  QString checkpointPath() const { return QDir(settings.out_dir).filePath("checkpoint.pt"); }
  double hours() const { return hours_before + session.elapsed() / 3.6e6; }
  void say(const QString& text) const {
    if (callbacks.message)
      callbacks.message(text);
    else
      qCInfo(lcTrain).noquote() << text;
  }

  torch::Tensor lossOf(const torch::Tensor& raw, const torch::Tensor& ab) const {
    if (settings.model.head == model::Head::L2)
      return model::l2Loss(raw, ab);
    return model::classificationLoss(raw, ab, net->bins(), class_weights);
  }

  Status buildValidation();
  Result<ValRow> validate();
  Status checkpoint();
  Result<QJsonObject> exportModel(const QString& path, const QJsonObject& extra = {});
};

Status Trainer::Impl::buildValidation() {
  const auto& all = dataset.validation();
  if (all.empty() || settings.val_images <= 0)
    return Status::success();
  const size_t n = std::min<size_t>(all.size(), static_cast<size_t>(settings.val_images));
  SampleDecoder decoder;
  std::vector<torch::Tensor> ls, abs;
  for (size_t i = 0; i < n; ++i) {
    const SampleRef& ref = all[i * all.size() / n];  // evenly spaced over the sorted list
    auto rgb = decoder.decodeRgb8(ref);
    if (!rgb || rgb->empty())
      continue;
    LabSample s = centreSample(rgb.value(), settings.augment.crop_px);
    ls.push_back(planarTensor(s.l));
    abs.push_back(planarTensor(s.ab));
    val.zero.add(scoreFrame(s.l, cv::Mat::zeros(s.ab.size(), CV_32FC2), s.ab));
    val.samples.push_back(std::move(s));
  }
  if (!ls.empty()) {
    val.l = torch::stack(ls);
    val.ab = torch::stack(abs);
  }
  return Status::success();
}

Result<ValRow> Trainer::Impl::validate() {
  ValRow row;
  row.step = step;
  if (val.samples.empty())
    return row;
  torch::NoGradGuard no_grad;
  net->eval();
  ScoreAccumulator scores;
  double loss_sum = 0.0;
  const int64_t n = val.l.size(0);
  const int64_t bs = settings.batch_size;
  for (int64_t start = 0; start < n; start += bs) {
    const int64_t end = std::min(n, start + bs);
    const auto l = val.l.slice(0, start, end).to(device);
    const auto ab = val.ab.slice(0, start, end).to(device);
    const auto raw = net->forward(l);
    loss_sum += lossOf(raw, ab).item<double>() * static_cast<double>(end - start);
    auto pred = net->decode(raw, settings.model.temperature).ab;
    pred = F::interpolate(pred, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{l.size(2), l.size(3)})
                                    .mode(torch::kBilinear)
                                    .align_corners(false))
               .to(torch::kCPU);
    for (int64_t i = start; i < end; ++i) {
      const LabSample& s = val.samples[static_cast<size_t>(i)];
      scores.add(scoreFrame(s.l, interleavedAb(pred[i - start]), s.ab));
    }
  }
  net->train();
  row.loss = loss_sum / static_cast<double>(n);
  row.ab_psnr = scores.abPsnr();
  row.rgb_psnr = scores.rgbPsnr();
  row.zero_ab_psnr = val.zero.abPsnr();
  row.zero_rgb_psnr = val.zero.rgbPsnr();
  row.cf_pred = scores.cfPred();
  row.cf_truth = scores.cfTruth();
  return row;
}

Status Trainer::Impl::checkpoint() {
  CheckpointState state;
  state.step = step;
  state.hours = hours();
  state.class_weights = class_weights;
  state.settings = settings.toJson();
  return saveCheckpoint(checkpointPath(), net, *optimizer, state);
}

Result<QJsonObject> Trainer::Impl::exportModel(const QString& path, const QJsonObject& extra) {
  auto row = validate();
  if (!row)
    return row.error();
  QJsonObject metrics;
  metrics[QStringLiteral("steps")] = static_cast<double>(step);
  metrics[QStringLiteral("val_images")] = static_cast<int>(val.samples.size());
  metrics[QStringLiteral("val_crop_px")] = settings.augment.crop_px;
  metrics[QStringLiteral("val_loss")] = row->loss;
  metrics[QStringLiteral("val_ab_psnr")] = row->ab_psnr;
  metrics[QStringLiteral("val_zero_chroma_ab_psnr")] = row->zero_ab_psnr;
  metrics[QStringLiteral("val_rgb_psnr")] = row->rgb_psnr;
  metrics[QStringLiteral("val_zero_chroma_rgb_psnr")] = row->zero_rgb_psnr;
  metrics[QStringLiteral("val_colourfulness")] = row->cf_pred;
  metrics[QStringLiteral("val_colourfulness_truth")] = row->cf_truth;
  model::ModelCard card;
  card.name = settings.model_name;
  card.description =
      QStringLiteral("Chromaflow %1 preset, %2 head, trained with chromaflow-cli train")
          .arg(settings.model.preset, model::headName(settings.model.head));
  card.training.data = QStringLiteral("%1 (%2 training and %3 held-out samples)")
                           .arg(settings.data.join(QStringLiteral(", ")))
                           .arg(dataset.train().size())
                           .arg(dataset.validation().size());
  card.training.terms = settings.data_terms;
  card.training.command = settings.command;
  card.training.hours = hours();
  QJsonObject notes = settings.toJson();
  notes.remove(QStringLiteral("command"));
  card.training.notes = QString::fromUtf8(QJsonDocument(notes).toJson(QJsonDocument::Compact));
  const QJsonObject extra_metrics = extra.value(QStringLiteral("metrics")).toObject();
  for (auto it = extra_metrics.begin(); it != extra_metrics.end(); ++it)
    metrics[it.key()] = it.value();
  if (extra.contains(QStringLiteral("notes")))
    card.training.notes = extra.value(QStringLiteral("notes")).toString() +
                          QStringLiteral(" Settings: ") + card.training.notes;
  card.metrics = metrics;
  model::ColorizationNet cpu_net(settings.model);
  {
    // Copy the weights to a CPU network (the trained one may live on CUDA).
    torch::NoGradGuard no_grad;
    auto src = net->named_parameters(true);
    for (auto& p : cpu_net->named_parameters(true))
      p.value().copy_(src[p.key()].to(torch::kCPU));
    auto src_buffers = net->named_buffers(true);
    for (auto& b : cpu_net->named_buffers(true))
      b.value().copy_(src_buffers[b.key()].to(torch::kCPU));
  }
  cpu_net->eval();
  if (Status s = model::saveModel(path, cpu_net, card); !s)
    return s.error();
  return metrics;
}

Trainer::Trainer(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
Trainer::~Trainer() = default;

Result<std::unique_ptr<Trainer>> Trainer::create(const TrainSettings& settings, bool resume,
                                                 const TrainCallbacks& callbacks) {
  return open(settings, resume, false, callbacks);
}

Result<std::unique_ptr<Trainer>> Trainer::openCheckpoint(const TrainSettings& settings,
                                                         const TrainCallbacks& callbacks) {
  return open(settings, true, true, callbacks);
}

Result<std::unique_ptr<Trainer>> Trainer::open(const TrainSettings& given, bool resume,
                                               bool read_only, const TrainCallbacks& callbacks) {
  return guarded("setting up training", [&]() -> Result<std::unique_ptr<Trainer>> {
    auto d = std::make_unique<Impl>();
    d->callbacks = callbacks;
    d->settings = given;
    CheckpointState state;
    const QString ckpt = QDir(given.out_dir).filePath(QStringLiteral("checkpoint.pt"));
    if (resume) {
      auto read = readCheckpointState(ckpt);
      if (!read)
        return read.error();
      state = read.value();
      auto saved = TrainSettings::fromJson(state.settings);
      if (!saved)
        return makeError("checkpoint '" + ckpt.toStdString() + "': " + saved.message());
      TrainSettings s = saved.value();
      s.out_dir = given.out_dir;
      s.device = given.device;
      s.threads = given.threads;
      s.workers = given.workers;
      s.prefetch_batches = given.prefetch_batches;
      s.checkpoint_every = given.checkpoint_every;
      s.val_every = given.val_every;
      s.log_every = given.log_every;
      s.max_hours = given.max_hours;
      if (given.resume_steps > 0)
        s.steps = given.resume_steps;
      if (given.resume_temperature > 0.0)
        s.model.temperature = given.resume_temperature;
      if (given.resume_chroma_gain > 0.0)
        s.model.chroma_gain = given.resume_chroma_gain;
      d->settings = s;
    }
    const TrainSettings& s = d->settings;
    if (Status v = s.validate(); !v)
      return v.error();
    auto device = pickDevice(s.device);
    if (!device)
      return device.error();
    d->device = device.value();
    if (s.threads > 0)
      torch::set_num_threads(s.threads);

    auto dataset = TrainDataset::scan(s.data, s.video_frame_step, s.val_fraction);
    if (!dataset)
      return dataset.error();
    d->dataset = std::move(dataset.value());
    d->say(QStringLiteral("data: %1 training and %2 validation samples")
               .arg(d->dataset.train().size())
               .arg(d->dataset.validation().size()));

    torch::manual_seed(s.seed);
    d->net = model::ColorizationNet(s.model);
    if (!resume && !s.init_from.isEmpty()) {
      QString summary;
      if (Status w = model::initWeightsFrom(s.init_from, d->net, &summary); !w)
        return w.error();
      d->say(QStringLiteral("initialised from %1: %2").arg(s.init_from, summary));
    }
    d->net->to(d->device);
    d->net->train();
    d->optimizer = makeOptimizer(s.optim, d->net);

    if (resume) {
      if (Status l = loadCheckpoint(ckpt, d->net, *d->optimizer, d->device); !l)
        return l.error();
      d->step = state.step;
      d->hours_before = state.hours;
      if (state.class_weights.defined())
        d->class_weights = state.class_weights.to(d->device);
      d->say(QStringLiteral("resumed from %1 at step %2 (%3 h trained)")
                 .arg(ckpt)
                 .arg(d->step)
                 .arg(d->hours_before, 0, 'f', 2));
    } else if (s.model.head == model::Head::Classification && s.rebalance) {
      auto counts =
          binCounts(d->dataset.train(), d->net->bins(), s.rebalance_images, s.seed, CancelToken());
      if (!counts)
        return counts.error();
      d->class_weights = rebalanceWeights(counts.value(), d->net->bins().centres(),
                                          s.rebalance_sigma, s.rebalance_lambda)
                             .to(d->device);
      d->say(QStringLiteral("class rebalancing from %1 images: weights %2 .. %3")
                 .arg(std::min<size_t>(d->dataset.train().size(),
                                       static_cast<size_t>(s.rebalance_images)))
                 .arg(d->class_weights.min().item<double>(), 0, 'f', 3)
                 .arg(d->class_weights.max().item<double>(), 0, 'f', 3));
    }
    if (Status v = d->buildValidation(); !v)
      return v.error();
    if (read_only) {
      d->read_only = true;
      d->log = std::make_unique<TrainLog>();
      d->session.start();
      return std::unique_ptr<Trainer>(new Trainer(std::move(d)));
    }
    auto log = TrainLog::open(s.out_dir, resume ? d->step : -1);
    if (!log)
      return log.error();
    d->log = std::make_unique<TrainLog>(std::move(log.value()));
    if (resume && !(d->hours_before >= 0.0 && d->hours_before < 1e5)) {
      // Checkpoints of early builds stored garbage hours; rebuild the figure from the log's
      // throughput (time in training steps, without validation and checkpoint pauses).
      double seconds = 0.0;
      int64_t prev = 0;
      for (const TrainRow& r : d->log->trainRows()) {
        if (r.images_per_s > 0.0)
          seconds += static_cast<double>((r.step - prev) * s.batch_size) / r.images_per_s;
        prev = r.step;
      }
      d->hours_before = seconds / 3600.0;
      d->say(QStringLiteral("the checkpoint's training hours are not plausible; %1 h estimated "
                            "from the log's throughput")
                 .arg(d->hours_before, 0, 'f', 2));
    }
    QFile settings_file(QDir(s.out_dir).filePath(QStringLiteral("settings.json")));
    if (settings_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
      settings_file.write(QJsonDocument(s.toJson()).toJson());
    d->session.start();
    return std::unique_ptr<Trainer>(new Trainer(std::move(d)));
  });
}

Result<TrainOutcome> Trainer::run(const CancelToken& cancel) {
  Impl& d = *d_;
  return guarded("training", [&]() -> Result<TrainOutcome> {
    const TrainSettings& s = d.settings;
    if (d.read_only)
      return makeError("this trainer was opened for export only; use Trainer::create to train");
    TrainOutcome outcome;
    outcome.checkpoint_path = d.checkpointPath();
    BatchRecipe recipe{s.augment, s.hints, s.batch_size, s.seed};
    if (!s.model.hints)
      recipe.hints.batch_fraction = 0.0;
    BatchLoader loader(d.dataset.train(), recipe, d.step, s.workers, s.prefetch_batches);
    Eta eta(0.05);
    QElapsedTimer interval;
    interval.start();
    double loss_sum = 0.0;
    int64_t loss_count = 0;
    double last_loss = 0.0;
    double images_per_s = 0.0;
    const int64_t first_step = d.step;
    while (d.step < s.steps) {
      if (cancel.isCancelled()) {
        outcome.cancelled = true;
        break;
      }
      if (s.max_hours > 0.0 && d.session.elapsed() > s.max_hours * 3.6e6) {
        outcome.out_of_time = true;
        break;
      }
      auto batch = loader.next();
      if (!batch)
        return batch.error();
      const double lr = s.optim.lrAt(d.step, s.steps);
      setLearningRate(*d.optimizer, lr);
      torch::manual_seed(mixSeed(s.seed, static_cast<uint64_t>(d.step)) >> 1);
      const auto l = batch->l.to(d.device);
      const auto ab = batch->ab.to(d.device);
      const auto hints = batch->hints.defined() ? batch->hints.to(d.device) : torch::Tensor();
      const auto raw = d.net->forward(l, hints);
      const auto loss = d.lossOf(raw, ab);
      d.optimizer->zero_grad();
      loss.backward();
      d.optimizer->step();
      last_loss = loss.item<double>();
      if (!std::isfinite(last_loss))
        return makeError("the loss became " + std::to_string(last_loss) + " at step " +
                         std::to_string(d.step) + ": lower the learning rate (--lr)");
      loss_sum += last_loss;
      ++loss_count;
      ++d.step;
      eta.update(d.step - first_step, s.steps - first_step);

      if (d.step % std::max<int64_t>(1, s.log_every) == 0 || d.step == s.steps) {
        const double secs = std::max(1e-6, interval.nsecsElapsed() / 1e9);
        images_per_s = static_cast<double>(loss_count * s.batch_size) / secs;
        TrainRow row{d.step, lr, loss_sum / static_cast<double>(loss_count), images_per_s,
                     d.hours()};
        if (Status st = d.log->append(row); !st)
          return st.error();
        loss_sum = 0.0;
        loss_count = 0;
        interval.restart();
      }
      if (d.callbacks.progress) {
        TrainProgress p;
        p.step = d.step;
        p.total_steps = s.steps;
        p.loss = d.log->trainRows().empty() ? last_loss : d.log->trainRows().back().loss;
        p.lr = lr;
        p.images_per_s = images_per_s;
        p.eta_s = eta.secondsLeft().value_or(-1.0);
        d.callbacks.progress(p);
      }
      if (s.val_every > 0 && d.step % s.val_every == 0 && d.step < s.steps) {
        auto row = d.validate();
        if (!row)
          return row.error();
        if (Status st = d.log->append(row.value()); !st)
          return st.error();
        d.say(QStringLiteral("step %1: validation loss %2, ab PSNR %3 dB (zero-chroma %4), "
                             "colourfulness %5 (truth %6)")
                  .arg(d.step)
                  .arg(row->loss, 0, 'f', 4)
                  .arg(row->ab_psnr, 0, 'f', 2)
                  .arg(row->zero_ab_psnr, 0, 'f', 2)
                  .arg(row->cf_pred, 0, 'f', 1)
                  .arg(row->cf_truth, 0, 'f', 1));
        (void)d.log->writePlot(QDir(s.out_dir).filePath(QStringLiteral("loss.png")));
      }
      if (s.checkpoint_every > 0 && d.step % s.checkpoint_every == 0 && d.step < s.steps) {
        if (Status st = d.checkpoint(); !st)
          return st.error();
      }
    }
    if (Status st = d.checkpoint(); !st)
      return st.error();
    outcome.steps_done = d.step;
    outcome.completed = d.step >= s.steps;
    if (outcome.completed || outcome.out_of_time) {
      const QString path = QDir(s.out_dir).filePath(QStringLiteral("model.cfmodel"));
      auto metrics = d.exportModel(path);
      if (!metrics)
        return metrics.error();
      ValRow row;
      row.step = d.step;
      row.loss = metrics->value(QStringLiteral("val_loss")).toDouble();
      row.ab_psnr = metrics->value(QStringLiteral("val_ab_psnr")).toDouble();
      row.zero_ab_psnr = metrics->value(QStringLiteral("val_zero_chroma_ab_psnr")).toDouble();
      row.rgb_psnr = metrics->value(QStringLiteral("val_rgb_psnr")).toDouble();
      row.zero_rgb_psnr = metrics->value(QStringLiteral("val_zero_chroma_rgb_psnr")).toDouble();
      row.cf_pred = metrics->value(QStringLiteral("val_colourfulness")).toDouble();
      row.cf_truth = metrics->value(QStringLiteral("val_colourfulness_truth")).toDouble();
      if (!d.val.samples.empty())
        (void)d.log->append(row);
      outcome.model_path = path;
      outcome.metrics = metrics.value();
    }
    (void)d.log->writePlot(QDir(s.out_dir).filePath(QStringLiteral("loss.png")));
    outcome.hours = d.hours();
    return outcome;
  });
}

Result<QJsonObject> Trainer::exportModel(const QString& path, const QJsonObject& extra) {
  return guarded("exporting the model", [&] { return d_->exportModel(path, extra); });
}

const TrainSettings& Trainer::settings() const {
  return d_->settings;
}

int64_t Trainer::step() const {
  return d_->step;
}

QString Trainer::checkpointPath() const {
  return d_->checkpointPath();
}

size_t Trainer::trainSamples() const {
  return d_->dataset.train().size();
}

size_t Trainer::validationSamples() const {
  return d_->dataset.validation().size();
}

const TrainLog& Trainer::log() const {
  return *d_->log;
}

}  // namespace cf::train
