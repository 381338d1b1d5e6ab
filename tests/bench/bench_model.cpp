// Benchmark of the colour models on this CPU: ms/frame and peak RSS for each preset at working
// heights 256 and 512 through the Colorizer engine, an ECCV16 stand-in (Zhang et al. 2016: 8 conv
// blocks, 313 bins, random weights) in the same run, the speed ratio, and the BLAS library loaded.
// Each configuration runs in a child process (this executable with --one ...) so that peak RSS is
// per configuration. Not run by ctest; results go in tests/bench/RESULTS.md.
//
//   bench_model [--frames N] [--threads N]     (runs every row with N threads and with 1 thread)

#include <sys/resource.h>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include <torch/torch.h>
#include <opencv2/core.hpp>

#include "model/Colorizer.h"
#include "model/ModelFile.h"

using namespace cf::model;
using cf::DeviceChoice;
namespace F = torch::nn::functional;

namespace {

/// Zhang et al. ECCV16 colorization network (the public PyTorch port's layer list).
class Eccv16Impl : public torch::nn::Module {
 public:
  Eccv16Impl() {
    using torch::nn::Conv2dOptions;
    auto block = [&](const std::string& name, std::vector<Conv2dOptions> convs, bool bn, int c) {
      torch::nn::Sequential seq;
      for (auto& o : convs) {
        seq->push_back(torch::nn::Conv2d(o));
        seq->push_back(torch::nn::ReLU(true));
      }
      if (bn)
        seq->push_back(torch::nn::BatchNorm2d(c));
      blocks_.push_back(register_module(name, seq));
    };
    auto c3 = [](int i, int o, int s = 1, int d = 1) {
      return Conv2dOptions(i, o, 3).stride(s).padding(d).dilation(d);
    };
    block("model1", {c3(1, 64), c3(64, 64, 2)}, true, 64);
    block("model2", {c3(64, 128), c3(128, 128, 2)}, true, 128);
    block("model3", {c3(128, 256), c3(256, 256), c3(256, 256, 2)}, true, 256);
    block("model4", {c3(256, 512), c3(512, 512), c3(512, 512)}, true, 512);
    block("model5", {c3(512, 512, 1, 2), c3(512, 512, 1, 2), c3(512, 512, 1, 2)}, true, 512);
    block("model6", {c3(512, 512, 1, 2), c3(512, 512, 1, 2), c3(512, 512, 1, 2)}, true, 512);
    block("model7", {c3(512, 512), c3(512, 512), c3(512, 512)}, true, 512);
    up_ = register_module("model8_up",
                          torch::nn::ConvTranspose2d(
                              torch::nn::ConvTranspose2dOptions(512, 256, 4).stride(2).padding(1)));
    tail_ = register_module(
        "model8", torch::nn::Sequential(torch::nn::ReLU(true), torch::nn::Conv2d(c3(256, 256)),
                                        torch::nn::ReLU(true), torch::nn::Conv2d(c3(256, 256)),
                                        torch::nn::ReLU(true),
                                        torch::nn::Conv2d(Conv2dOptions(256, 313, 1))));
    out_ = register_module("model_out", torch::nn::Conv2d(Conv2dOptions(313, 2, 1).bias(false)));
  }
  torch::Tensor forward(torch::Tensor l) {
    auto x = (l - 50.0) / 100.0;
    for (auto& b : blocks_)
      x = b->forward(x);
    x = tail_->forward(up_->forward(x));
    x = out_->forward(torch::softmax(x / 0.38, 1)) * 110.0;
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .scale_factor(std::vector<double>{4.0, 4.0})
                                 .mode(torch::kBilinear)
                                 .align_corners(false));
  }

 private:
  std::vector<torch::nn::Sequential> blocks_;
  torch::nn::ConvTranspose2d up_{nullptr};
  torch::nn::Sequential tail_{nullptr};
  torch::nn::Conv2d out_{nullptr};
};
TORCH_MODULE(Eccv16);

double peakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

QStringList blasLibraries() {
  QFile maps(QStringLiteral("/proc/self/maps"));
  std::set<QString> libs;
  if (maps.open(QIODevice::ReadOnly)) {
    for (const QByteArray& line : maps.readAll().split('\n')) {
      const QString path = QString::fromLatin1(line.mid(line.indexOf('/')));
      if (line.contains('/') &&
          (path.contains(QLatin1String("blas")) || path.contains(QLatin1String("libmkl")) ||
           path.contains(QLatin1String("lapack"))))
        libs.insert(path.trimmed());
    }
  }
  return QStringList(libs.begin(), libs.end());
}

/// Runs one configuration in this process and prints "RESULT ms rss params".
int runOne(const QString& what, int height, int width, int frames, int threads) {
  torch::manual_seed(1);
  torch::set_num_threads(threads);
  using Clock = std::chrono::steady_clock;
  double ms = 0.0;
  int64_t params = 0;
  if (what == QLatin1String("eccv16")) {
    Eccv16 net;
    net->eval();
    params = 0;
    for (const auto& p : net->parameters())
      params += p.numel();
    c10::InferenceMode guard;
    auto l = torch::rand({1, 1, height, width}) * 100.0;
    net->forward(l);  // warm-up
    const auto t0 = Clock::now();
    for (int i = 0; i < frames; ++i)
      net->forward(l);
    ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / frames;
  } else {
    ModelConfig cfg;
    cfg.preset = what;
    cfg.head = Head::Classification;
    ColorizationNet net(cfg);
    net->eval();
    params = parameterCount(*net);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.cfmodel"));
    if (!saveModel(file, net, ModelCard()).ok())
      return 2;
    ColorizerSettings s;
    s.model_path = file;
    s.device = DeviceChoice::Cpu;
    s.batch_size = 1;
    s.cpu_threads = threads;
    s.working_height_px = std::max(128, height);
    auto engine = Colorizer::create(s);
    if (!engine.ok()) {
      std::fprintf(stderr, "%s\n", engine.message().c_str());
      return 2;
    }
    cv::Mat l(height, width, CV_32FC1);
    cv::randu(l, 0.0, 100.0);
    (void)engine.value()->colorize({l});  // warm-up
    const auto t0 = Clock::now();
    for (int i = 0; i < frames; ++i)
      (void)engine.value()->colorize({l});
    ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / frames;
  }
  std::printf("RESULT %.2f %.1f %lld\n", ms, peakRssMiB(), static_cast<long long>(params));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QStringList args = app.arguments();
  int frames = 10;
  int threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  for (int i = 1; i + 1 < args.size(); ++i) {
    if (args[i] == QLatin1String("--frames"))
      frames = args[i + 1].toInt();
    if (args[i] == QLatin1String("--threads"))
      threads = args[i + 1].toInt();
  }
  if (args.size() >= 6 && args[1] == QLatin1String("--one"))
    return runOne(args[2], args[3].toInt(), args[4].toInt(), args[5].toInt(), threads);

  QTextStream out(stdout);
  torch::set_num_threads(threads);
  {
    // Touch a conv so that LibTorch pulls in its BLAS before we read the maps.
    c10::InferenceMode guard;
    (void)torch::mm(torch::rand({64, 64}), torch::rand({64, 64}));
  }
  QFile load(QStringLiteral("/proc/loadavg"));
  load.open(QIODevice::ReadOnly);
  out << "cores: " << std::thread::hardware_concurrency()
      << "   load average at start: " << load.readAll().trimmed()
      << "   OMP_WAIT_POLICY=" << qEnvironmentVariable("OMP_WAIT_POLICY", QStringLiteral("(unset)"))
      << "\nBLAS libraries mapped: " << blasLibraries().join(QStringLiteral(", ")) << "\n";
  out << "model                  input      threads  ms/frame   peak RSS MiB   params\n";
  out.flush();

  struct Row {
    QString what;
    int h;
    int w;
    int frames;
  };
  const std::vector<Row> rows = {{QStringLiteral("tiny"), 256, 448, frames * 2},
                                 {QStringLiteral("tiny"), 512, 896, frames},
                                 {QStringLiteral("slim"), 256, 256, frames * 2},
                                 {QStringLiteral("slim"), 256, 448, frames * 2},
                                 {QStringLiteral("slim"), 512, 896, frames},
                                 {QStringLiteral("full"), 256, 448, 3},
                                 {QStringLiteral("full"), 512, 896, 2},
                                 {QStringLiteral("eccv16"), 256, 256, 3},
                                 {QStringLiteral("eccv16"), 256, 448, 2}};
  std::map<QString, double> ms_at;
  std::vector<int> thread_list = {threads};
  if (threads != 1)
    thread_list.push_back(1);
  for (int t : thread_list)
    for (const Row& r : rows) {
      QProcess child;
      child.start(app.applicationFilePath(),
                  {QStringLiteral("--one"), r.what, QString::number(r.h), QString::number(r.w),
                   QString::number(std::max(1, r.frames)), QStringLiteral("--threads"),
                   QString::number(t)});
      child.waitForFinished(-1);
      const QString text = QString::fromLatin1(child.readAllStandardOutput());
      const int at = text.indexOf(QLatin1String("RESULT "));
      if (at < 0) {
        out << r.what << " failed: " << child.readAllStandardError() << "\n";
        continue;
      }
      const QStringList f = text.mid(at + 7).trimmed().split(' ');
      const double ms = f.value(0).toDouble();
      ms_at[r.what + QString::number(r.h) + "x" + QString::number(r.w) + "t" + QString::number(t)] =
          ms;
      out << QStringLiteral("%1 %2 %6 %3 %4 %5\n")
                 .arg(r.what == QLatin1String("eccv16") ? QStringLiteral("ECCV16 stand-in")
                                                        : r.what + QStringLiteral(" (engine)"),
                      -22)
                 .arg(QStringLiteral("%1x%2").arg(r.h).arg(r.w), -10)
                 .arg(ms, 9, 'f', 1)
                 .arg(f.value(1).toDouble(), 13, 'f', 0)
                 .arg(f.value(2), 10)
                 .arg(t, 7);
      out.flush();
    }
  for (int t : thread_list) {
    for (const char* size : {"256x256", "256x448"}) {
      const QString key = QString::fromLatin1(size) + "t" + QString::number(t);
      const double slim = ms_at[QStringLiteral("slim") + key];
      const double eccv = ms_at[QStringLiteral("eccv16") + key];
      if (slim > 0.0 && eccv > 0.0)
        out << QStringLiteral("ratio ECCV16 / slim at %1, %2 thread(s): %3x\n")
                   .arg(QString::fromLatin1(size))
                   .arg(t)
                   .arg(eccv / slim, 0, 'f', 1);
    }
  }
  return 0;
}
