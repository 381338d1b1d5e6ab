// Training throughput on this CPU: images/s of one training step (forward, classification or L2
// loss, backward, Adam) for the slim and tiny presets at several crop sizes, and images/s of the
// decode + augment + hint path of one loader worker on generated JPEGs. Not run by ctest; results
// go in tests/bench/RESULTS.md.
//
//   bench_train [--threads N] [--steps N]

#include <QCoreApplication>
#include <QTemporaryDir>
#include <chrono>
#include <cstdio>

#include <torch/torch.h>
#include <opencv2/imgcodecs.hpp>

#include "model/ColorizationNet.h"
#include "model/Losses.h"
#include "train/BatchLoader.h"
#include "train/TrainDataset.h"

using namespace cf;
using Clock = std::chrono::steady_clock;

namespace {

double stepImagesPerSecond(const QString& preset, model::Head head, int crop, int batch,
                           int steps) {
  model::ModelConfig cfg;
  cfg.preset = preset;
  cfg.head = head;
  torch::manual_seed(1);
  model::ColorizationNet net(cfg);
  net->train();
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));
  const auto l = torch::rand({batch, 1, crop, crop}) * 100.0;
  const auto ab = torch::randn({batch, 2, crop, crop}) * 30.0;
  auto once = [&] {
    const auto raw = net->forward(l);
    const auto loss = head == model::Head::L2 ? model::l2Loss(raw, ab)
                                              : model::classificationLoss(raw, ab, net->bins());
    opt.zero_grad();
    loss.backward();
    opt.step();
  };
  once();  // warm-up
  const auto t0 = Clock::now();
  for (int i = 0; i < steps; ++i)
    once();
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  return batch * steps / s;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  int threads = 2;
  int steps = 10;
  const QStringList args = app.arguments();
  for (int i = 1; i + 1 < args.size(); ++i) {
    if (args[i] == QLatin1String("--threads"))
      threads = args[i + 1].toInt();
    if (args[i] == QLatin1String("--steps"))
      steps = args[i + 1].toInt();
  }
  torch::set_num_threads(threads);
  std::printf("threads %d, batch 32, %d timed steps per row\n\n", threads, steps);
  std::printf("| preset | head | crop px | train images/s |\n|---|---|---:|---:|\n");
  for (const char* preset : {"slim", "tiny"})
    for (int crop : {64, 96, 128})
      for (model::Head head : {model::Head::Classification, model::Head::L2}) {
        if (QString(preset) == QLatin1String("tiny") && crop % 64 != 0)
          continue;
        std::printf("| %s | %s | %d | %.1f |\n", preset, qPrintable(model::headName(head)), crop,
                    stepImagesPerSecond(preset, head, crop, 32, steps));
        std::fflush(stdout);
      }

  // Loader path: decode a 160x120 JPEG, crop/scale to 128, Lab, L augmentation, hints.
  QTemporaryDir tmp;
  cv::Mat img(120, 160, CV_8UC3);
  cv::randu(img, 0, 255);
  for (int i = 0; i < 64; ++i)
    cv::imwrite(QStringLiteral("%1/i%2.jpg").arg(tmp.path()).arg(i).toStdString(), img);
  auto ds = train::TrainDataset::scan({tmp.path()}, 1, 0.0);
  if (!ds)
    return 1;
  train::BatchRecipe recipe;
  recipe.augment.crop_px = 128;
  recipe.hints.batch_fraction = 1.0;
  train::SampleDecoder decoder;
  const auto t0 = Clock::now();
  const int batches = 10;
  for (int b = 0; b < batches; ++b)
    if (!train::makeBatch(ds->train(), recipe, b, decoder))
      return 1;
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("\nloader, one worker, 160x120 JPEG -> 128 px crop with hints: %.1f images/s\n",
              batches * recipe.batch_size / s);
  return 0;
}
