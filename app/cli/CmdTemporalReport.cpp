// chromaflow-cli temporal-report IN [--flow dis|farneback|tvl1] [--flow-height PX]:
// flicker metrics of a colour video (warping error E_warp, CDC, colourfulness per frame), so raw,
// smoothed and ground-truth versions of a clip can be compared.

#include <QCommandLineParser>
#include <QTextStream>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "media/VideoReader.h"
#include "temporal/FlickerMeter.h"

namespace cf::app {

namespace {

// Y'CbCr (BT.709, any bit depth, limited or full range) -> RGB CV_32FC3 in [0,1].
// TODO(lead): belongs in core/media's FrameConverter; kept here until it offers an RGB path.
cv::Mat frameToRgb(const media::Frame& f) {
  const double max_value = double((1 << f.bit_depth) - 1);
  const double scale = double(1 << (f.bit_depth - 8));
  cv::Mat y;
  cv::Mat u;
  cv::Mat v;
  f.y.convertTo(y, CV_32F);
  cv::resize(f.u, u, f.y.size(), 0, 0, cv::INTER_LINEAR);
  cv::resize(f.v, v, f.y.size(), 0, 0, cv::INTER_LINEAR);
  u.convertTo(u, CV_32F);
  v.convertTo(v, CV_32F);
  if (f.full_range) {
    y = y / max_value;
    u = (u - 128.0 * scale) / max_value;
    v = (v - 128.0 * scale) / max_value;
  } else {
    y = (y - 16.0 * scale) / (219.0 * scale);
    u = (u - 128.0 * scale) / (224.0 * scale);
    v = (v - 128.0 * scale) / (224.0 * scale);
  }
  const cv::Mat r = y + 1.5748 * v;
  const cv::Mat g = y - 0.1873 * u - 0.4681 * v;
  const cv::Mat b = y + 1.8556 * u;
  cv::Mat rgb;
  cv::merge(std::vector<cv::Mat>{r, g, b}, rgb);
  return cv::min(cv::max(rgb, 0.0), 1.0);
}

}  // namespace

int runTemporalReport(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Print flicker metrics of a colour video: warping error E_warp, colour distribution "
      "consistency CDC and colourfulness."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("flow"), QStringLiteral("Optical flow: dis, farneback, tvl1."),
                    QStringLiteral("method"), QStringLiteral("dis")});
  parser.addOption({QStringLiteral("flow-height"),
                    QStringLiteral("Height in pixels at which flow is computed."),
                    QStringLiteral("px"), QStringLiteral("256")});
  parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The colour video."));
  QTextStream err(stderr);
  if (!parser.parse(QStringList{QStringLiteral("chromaflow-cli temporal-report")} + args)) {
    err << "chromaflow-cli temporal-report: " << parser.errorText() << '\n';
    return 2;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    QTextStream(stdout) << parser.helpText();
    return 0;
  }
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1) {
    err << "chromaflow-cli temporal-report: give exactly one input video (see --help)\n";
    return 2;
  }
  temporal::FlowSettings flow;
  const auto method = temporal::parseFlowMethod(parser.value(QStringLiteral("flow")).toStdString());
  bool height_ok = false;
  flow.flow_height_px = parser.value(QStringLiteral("flow-height")).toInt(&height_ok);
  if (!method || !height_ok || flow.flow_height_px <= 0) {
    err << "chromaflow-cli temporal-report: --flow must be dis, farneback or tvl1 and "
           "--flow-height a positive number of pixels\n";
    return 2;
  }
  flow.method = *method;

  const std::string path = positional[0].toStdString();
  auto reader = media::VideoReader::open(path);
  if (!reader) {
    err << "chromaflow-cli temporal-report: " << QString::fromStdString(reader.message()) << '\n';
    return 1;
  }
  temporal::FlickerMeter meter(flow);
  for (;;) {
    auto frame = reader.value()->next();
    if (!frame) {
      err << "chromaflow-cli temporal-report: " << QString::fromStdString(frame.message()) << '\n';
      return 1;
    }
    if (!frame.value())
      break;
    const media::Frame& f = *frame.value();
    const cv::Mat l = color::lumaToL(f.y, f.bit_depth, f.full_range);
    Status st = meter.addFrame(frameToRgb(f), l);
    if (!st) {
      err << "chromaflow-cli temporal-report: " << QString::fromStdString(path) << ": "
          << QString::fromStdString(st.message()) << '\n';
      return 1;
    }
  }
  const temporal::FlickerReport report = meter.report();
  if (report.frames < 2) {
    err << "chromaflow-cli temporal-report: " << QString::fromStdString(path)
        << " has fewer than two frames; flicker needs at least two\n";
    return 1;
  }
  QTextStream out(stdout);
  out << "File: " << QString::fromStdString(path) << '\n'
      << QString::fromStdString(temporal::formatFlickerReport(report));
  return 0;
}

}  // namespace cf::app
