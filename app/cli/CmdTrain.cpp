// chromaflow-cli train: trains a colour model on image folders / videos (core/train's Trainer),
// with checkpoints, resume, Ctrl-C that writes a checkpoint, CSV logs, a loss plot and a final
// .cfmodel with its model card.

#include <unistd.h>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>

#include <opencv2/core/utility.hpp>

#include "CliOptions.h"
#include "ConsoleProgress.h"
#include "common/Eta.h"
#include "common/OutputPath.h"
#include "train/Trainer.h"

namespace cf::app {

namespace {

struct Opt {
  const char* name;
  const char* help;
  const char* value;  // nullptr for flags
  const char* fallback;
};

// Defaults are those of cf::train::TrainSettings (the design notes' SGD procedure).
const Opt kOptions[] = {
    {"out", "Output folder: checkpoint.pt, train_log.csv, val_log.csv, loss.png, model.cfmodel.",
     "dir", ""},
    {"resume",
     "Continue the run in --out from its checkpoint (same settings, step, optimizer); with "
     "--steps, change the run's length (the schedule follows the new length).",
     nullptr, ""},
    {"export", "With --resume: write the checkpoint's weights as a model FILE and stop.", "file",
     ""},
    {"card-extra",
     "With --export: a JSON file whose \"metrics\" object is added to the card's metrics "
     "and whose \"notes\" text is added to its training notes.",
     "file", ""},
    {"preset", "Network width preset: full, slim or tiny.", "name", "slim"},
    {"head", "classification (Zhang et al., rebalanced) or l2 (design notes).", "name",
     "classification"},
    {"temperature",
     "Annealed-mean temperature for validation and the model card (with --resume/--export: "
     "changes it for the rest of the run or the exported model).",
     "t", "0.38"},
    {"chroma-gain",
     "Decoding chroma gain for validation and the model card (with --resume/--export: changes "
     "it for the exported model).",
     "g", "1"},
    {"no-hints", "Build the network without hint channels.", nullptr, ""},
    {"global-context",
     "Channels of an image-level feature fused into every position (Iizuka et al. 2016); 0 = "
     "none.",
     "n", "0"},
    {"init-from",
     "Start from the weights of this .cfmodel (same preset, head and bin grid; a wider "
     "hypercolumn, e.g. added --global-context, starts at zero in its new inputs).",
     "file", ""},
    {"crop", "Training crop in pixels (a multiple of the preset's multiple).", "px", "96"},
    {"min-crop", "Smallest crop side as a fraction of the shorter image side.", "f", "0.55"},
    {"batch", "Batch size.", "n", "32"},
    {"steps", "Training steps.", "n", "20000"},
    {"optimizer", "sgd (momentum) or adam.", "name", "sgd"},
    {"lr", "Peak learning rate.", "lr", "0.1"},
    {"momentum", "SGD momentum / Adam beta1.", "m", "0.9"},
    {"weight-decay", "Weight decay.", "wd", "0.0001"},
    {"schedule", "constant, cosine or step.", "name", "cosine"},
    {"warmup", "Linear warm-up steps.", "n", "200"},
    {"step-size", "step schedule: steps between decays.", "n", "10000"},
    {"step-gamma", "step schedule: decay factor.", "g", "0.1"},
    {"no-rebalance", "Classification head without class rebalancing.", nullptr, ""},
    {"rebalance-lambda", "Mixing weight of the uniform distribution.", "l", "0.5"},
    {"rebalance-images", "Training images sampled for the ab distribution.", "n", "2000"},
    {"hint-fraction", "Share of batches with simulated hints.", "f", "0.5"},
    {"hint-p", "Geometric parameter of the number of hint points.", "p", "0.125"},
    {"hint-dense",
     "Share of the hinted samples given dense hints with holes (as keyframe propagation gives).",
     "f", "0"},
    {"film", "Share of samples given a film look (grain + blur) on L.", "f", "0.3"},
    {"film-damage",
     "Share of the film-look samples also given a random tone curve and vertical scratches.", "f",
     "0"},
    {"val-fraction", "Share of files held out for validation (by path hash).", "f", "0.02"},
    {"val-images", "Validation samples per validation pass.", "n", "256"},
    {"video-step", "Videos: use every k-th frame.", "k", "15"},
    {"seed", "Random seed.", "n", "1"},
    {"device", "auto, cpu or cuda.", "name", "auto"},
    {"threads", "LibTorch threads (0 = default).", "n", "0"},
    {"workers", "Decoding/augmentation threads.", "n", "1"},
    {"prefetch", "Batches decoded ahead (bounded queue).", "n", "4"},
    {"checkpoint-every", "Steps between checkpoints.", "n", "500"},
    {"val-every", "Steps between validation passes.", "n", "500"},
    {"log-every", "Steps between CSV log rows.", "n", "20"},
    {"max-hours", "Stop after this many hours (checkpoint + model); 0 = no limit.", "h", "0"},
    {"name", "Model name for the card.", "name", "chromaflow-slim"},
    {"terms", "Terms of the training data, for the card.", "text", "research use only"},
};

bool toInt(const QCommandLineParser& p, const char* name, int64_t* out) {
  bool ok = false;
  *out = p.value(QLatin1String(name)).toLongLong(&ok);
  return ok;
}

bool toDouble(const QCommandLineParser& p, const char* name, double* out) {
  bool ok = false;
  *out = p.value(QLatin1String(name)).toDouble(&ok);
  return ok;
}

/// Fills settings from the options; false with `problem` set on a bad value.
bool fillSettings(const QCommandLineParser& p, train::TrainSettings* s, QString* problem) {
  auto head = model::headFromName(p.value(QStringLiteral("head")));
  auto optim = train::optimizerFromName(p.value(QStringLiteral("optimizer")));
  auto sched = train::scheduleFromName(p.value(QStringLiteral("schedule")));
  for (const std::string* m : {head ? nullptr : &head.message(), optim ? nullptr : &optim.message(),
                               sched ? nullptr : &sched.message()})
    if (m) {
      *problem = QString::fromStdString(*m);
      return false;
    }
  s->model.preset = p.value(QStringLiteral("preset"));
  s->model.head = head.value();
  s->model.hints = !p.isSet(QStringLiteral("no-hints"));
  s->optim.optimizer = optim.value();
  s->optim.schedule = sched.value();
  s->rebalance = !p.isSet(QStringLiteral("no-rebalance"));
  s->out_dir = p.value(QStringLiteral("out"));
  s->init_from = p.value(QStringLiteral("init-from"));
  s->device = p.value(QStringLiteral("device"));
  s->model_name = p.value(QStringLiteral("name"));
  s->data_terms = p.value(QStringLiteral("terms"));
  if (!toDouble(p, "chroma-gain", &s->model.chroma_gain)) {
    *problem = QStringLiteral("--chroma-gain needs a number");
    return false;
  }
  if (!toDouble(p, "temperature", &s->model.temperature)) {
    *problem = QStringLiteral("--temperature needs a number");
    return false;
  }
  int64_t crop = 0, batch = 0, steps = 0, warmup = 0, step_size = 0, reb_images = 0, val_images = 0,
          video_step = 0, seed = 0, threads = 0, workers = 0, prefetch = 0, ckpt = 0, val_every = 0,
          log_every = 0, global_context = 0;
  bool ok = toInt(p, "crop", &crop) && toInt(p, "batch", &batch) && toInt(p, "steps", &steps) &&
            toInt(p, "warmup", &warmup) && toInt(p, "step-size", &step_size) &&
            toInt(p, "rebalance-images", &reb_images) && toInt(p, "val-images", &val_images) &&
            toInt(p, "video-step", &video_step) && toInt(p, "seed", &seed) &&
            toInt(p, "threads", &threads) && toInt(p, "workers", &workers) &&
            toInt(p, "prefetch", &prefetch) && toInt(p, "checkpoint-every", &ckpt) &&
            toInt(p, "val-every", &val_every) && toInt(p, "log-every", &log_every) &&
            toInt(p, "global-context", &global_context);
  ok = ok && toDouble(p, "min-crop", &s->augment.min_crop_frac) &&
       toDouble(p, "lr", &s->optim.lr) && toDouble(p, "momentum", &s->optim.momentum) &&
       toDouble(p, "weight-decay", &s->optim.weight_decay) &&
       toDouble(p, "step-gamma", &s->optim.step_gamma) &&
       toDouble(p, "rebalance-lambda", &s->rebalance_lambda) &&
       toDouble(p, "hint-fraction", &s->hints.batch_fraction) &&
       toDouble(p, "hint-p", &s->hints.point_p) &&
       toDouble(p, "hint-dense", &s->hints.dense_fraction) &&
       toDouble(p, "film", &s->augment.film_fraction) &&
       toDouble(p, "film-damage", &s->augment.film_damage) &&
       toDouble(p, "val-fraction", &s->val_fraction) && toDouble(p, "max-hours", &s->max_hours);
  if (!ok || seed < 0) {
    *problem = QStringLiteral("a numeric option has a value that is not a number");
    return false;
  }
  s->augment.crop_px = static_cast<int>(crop);
  s->model.global_context = static_cast<int>(global_context);
  s->batch_size = static_cast<int>(batch);
  s->steps = steps;
  s->optim.warmup_steps = warmup;
  s->optim.step_size = step_size;
  s->rebalance_images = static_cast<int>(reb_images);
  s->val_images = static_cast<int>(val_images);
  s->video_frame_step = static_cast<int>(video_step);
  s->seed = static_cast<uint64_t>(seed);
  s->threads = static_cast<int>(threads);
  s->workers = static_cast<int>(workers);
  s->prefetch_batches = static_cast<int>(prefetch);
  s->checkpoint_every = ckpt;
  s->val_every = val_every;
  s->log_every = log_every;
  return true;
}

}  // namespace

int runTrain(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Train a colour model on image folders (recursive) and/or video files. Ctrl-C writes a "
      "checkpoint and stops; --resume continues bit-exactly."));
  parser.addHelpOption();
  for (const Opt& o : kOptions) {
    if (o.value)
      parser.addOption({QLatin1String(o.name), QLatin1String(o.help), QLatin1String(o.value),
                        QLatin1String(o.fallback)});
    else
      parser.addOption({QLatin1String(o.name), QLatin1String(o.help)});
  }
  parser.addPositionalArgument(QStringLiteral("DATA"),
                               QStringLiteral("Image folders and/or video files."), "DATA...");
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QString cmd = QStringLiteral("chromaflow-cli train");
  if (const auto exit_code = parseOrExit(parser, cmd, args))
    return *exit_code;
  train::TrainSettings settings;
  QString problem;
  if (!fillSettings(parser, &settings, &problem)) {
    err << cmd << ": " << problem << '\n';
    return 2;
  }
  settings.data = parser.positionalArguments();
  if (parser.isSet(QStringLiteral("export"))) {  // the model written must not replace an input
    std::vector<std::string> inputs{parser.value(QStringLiteral("card-extra")).toStdString()};
    for (const QString& in : settings.data)
      inputs.push_back(in.toStdString());
    if (Status s =
            checkOutputIsNotInput(parser.value(QStringLiteral("export")).toStdString(), inputs);
        !s) {
      err << cmd << ": " << QString::fromStdString(s.message()) << '\n';
      return 1;
    }
  }
  settings.command = (QStringList{QStringLiteral("chromaflow-cli"), QStringLiteral("train")} + args)
                         .join(QLatin1Char(' '));
  const bool resume = parser.isSet(QStringLiteral("resume"));
  if (resume && parser.isSet(QStringLiteral("temperature")))
    settings.resume_temperature = settings.model.temperature;
  if (resume && parser.isSet(QStringLiteral("chroma-gain")))
    settings.resume_chroma_gain = settings.model.chroma_gain;
  if (resume && parser.isSet(QStringLiteral("steps")))
    settings.resume_steps = settings.steps;  // a deliberate change of the run's length
  if (settings.out_dir.isEmpty()) {
    err << cmd << ": give --out DIR for the checkpoints, logs and model.\n";
    return 2;
  }
  if (!resume && settings.data.isEmpty()) {
    err << cmd << ": give one or more image folders or video files to train on.\n";
    return 2;
  }
  if (!resume && QFileInfo::exists(QDir(settings.out_dir).filePath("checkpoint.pt"))) {
    err << cmd << ": " << settings.out_dir
        << " already holds a checkpoint: add --resume to continue it, or use another --out.\n";
    return 2;
  }
  if (parser.isSet(QStringLiteral("export")) && !resume) {
    err << cmd << ": --export needs --resume (it exports the checkpoint in --out).\n";
    return 2;
  }
  cv::setNumThreads(1);  // decoding runs in our own worker threads

  const bool tty = isatty(STDERR_FILENO) != 0;
  train::TrainCallbacks callbacks;
  callbacks.message = [&err, tty](const QString& text) {
    err << (tty ? "\r" : "") << text << '\n';
    err.flush();
  };
  QElapsedTimer since_draw;
  since_draw.start();
  int64_t log_every = settings.log_every;
  callbacks.progress = [&](const train::TrainProgress& p) {
    const bool due =
        tty ? since_draw.elapsed() > 300 : p.step % std::max<int64_t>(1, log_every) == 0;
    if (!due && p.step != p.total_steps)
      return;
    since_draw.restart();
    const QString line = QStringLiteral("step %1/%2  loss %3  lr %4  %5 img/s  ETA %6")
                             .arg(p.step)
                             .arg(p.total_steps)
                             .arg(p.loss, 0, 'f', 4)
                             .arg(p.lr, 0, 'g', 3)
                             .arg(p.images_per_s, 0, 'f', 1)
                             .arg(p.eta_s >= 0 ? QString::fromStdString(Eta::format(p.eta_s))
                                               : QStringLiteral("--:--"));
    std::fputs((tty ? "\r" + line + "   " : line + "\n").toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
  };

  const bool export_only = parser.isSet(QStringLiteral("export"));
  auto trainer = export_only ? train::Trainer::openCheckpoint(settings, callbacks)
                             : train::Trainer::create(settings, resume, callbacks);
  if (!trainer) {
    err << cmd << ": " << QString::fromStdString(trainer.message()) << '\n';
    return 1;
  }
  log_every = (*trainer)->settings().log_every;
  if (parser.isSet(QStringLiteral("export"))) {
    const QString path = parser.value(QStringLiteral("export"));
    QJsonObject extra;
    if (parser.isSet(QStringLiteral("card-extra"))) {
      QFile f(parser.value(QStringLiteral("card-extra")));
      const QJsonDocument doc =
          f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()) : QJsonDocument();
      if (!doc.isObject()) {
        err << cmd << ": --card-extra " << f.fileName() << " is not a readable JSON object.\n";
        return 2;
      }
      extra = doc.object();
    }
    auto metrics = (*trainer)->exportModel(path, extra);
    if (!metrics) {
      err << cmd << ": " << QString::fromStdString(metrics.message()) << '\n';
      return 1;
    }
    out << "wrote " << path << " (step " << (*trainer)->step() << ", validation ab PSNR "
        << QString::number(metrics->value("val_ab_psnr").toDouble(), 'f', 2) << " dB, zero-chroma "
        << QString::number(metrics->value("val_zero_chroma_ab_psnr").toDouble(), 'f', 2) << ")\n";
    return 0;
  }
  const CancelToken cancel = installInterruptHandler();
  auto outcome = (*trainer)->run(cancel);
  if (tty)
    std::fputs("\n", stderr);
  if (!outcome) {
    err << cmd << ": " << QString::fromStdString(outcome.message()) << '\n';
    return 1;
  }
  out << (outcome->completed     ? "finished"
          : outcome->out_of_time ? "stopped at --max-hours"
                                 : "stopped")
      << " at step " << outcome->steps_done << " after " << QString::number(outcome->hours, 'f', 2)
      << " h; checkpoint " << outcome->checkpoint_path << '\n';
  if (!outcome->model_path.isEmpty())
    out << "wrote " << outcome->model_path << " (validation ab PSNR "
        << QString::number(outcome->metrics.value("val_ab_psnr").toDouble(), 'f', 2)
        << " dB, zero-chroma "
        << QString::number(outcome->metrics.value("val_zero_chroma_ab_psnr").toDouble(), 'f', 2)
        << " dB)\n";
  return outcome->cancelled ? 130 : 0;
}

}  // namespace cf::app
