// chromaflow-cli version: the program version, what compute it can use and which default model it
// finds (so an installed copy can be checked to use its own model, not a build tree's).

#include <torch/cuda.h>
#include <torch/version.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>
#include <opencv2/core/version.hpp>

extern "C" {
#include <libavcodec/version.h>
#include <libavformat/version.h>
}

#include "CliOptions.h"
#include "pipeline/ModelLocator.h"

namespace cf::app {

int runVersion(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Print the version, the libraries and compute backends found, and the "
                     "default model (the shipped one, or $CHROMAFLOW_MODEL when set)."));
  parser.addHelpOption();
  if (const auto exit_code = parseOrExit(parser, QStringLiteral("chromaflow-cli version"), args))
    return *exit_code;
  QTextStream out(stdout);
  out << "chromaflow " << CHROMAFLOW_VERSION << '\n';
  out << "LibTorch " << TORCH_VERSION << ", CUDA "
      << (torch::cuda::is_available() ? "available" : "not available") << '\n';
  out << "OpenCV " << CV_VERSION << '\n';
  out << "libavformat " << LIBAVFORMAT_IDENT << ", libavcodec " << LIBAVCODEC_IDENT << '\n';
  const QString model = QString::fromStdString(pipeline::defaultModelPath());
  out << "Default model: " << model << (QFileInfo::exists(model) ? "" : " (missing)") << '\n';
  return 0;
}

}  // namespace cf::app
