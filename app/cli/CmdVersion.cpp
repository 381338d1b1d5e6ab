// chromaflow-cli version: the program version and what compute it can use.

#include <torch/cuda.h>
#include <torch/version.h>

#include <QTextStream>
#include <opencv2/core/version.hpp>

extern "C" {
#include <libavcodec/version.h>
#include <libavformat/version.h>
}

namespace cf::app {

int runVersion(const QStringList& /*args*/) {
  QTextStream out(stdout);
  out << "chromaflow " << CHROMAFLOW_VERSION << '\n';
  out << "LibTorch " << TORCH_VERSION << ", CUDA "
      << (torch::cuda::is_available() ? "available" : "not available") << '\n';
  out << "OpenCV " << CV_VERSION << '\n';
  out << "libavformat " << LIBAVFORMAT_IDENT << ", libavcodec " << LIBAVCODEC_IDENT << '\n';
  return 0;
}

}  // namespace cf::app
