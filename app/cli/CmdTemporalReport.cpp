// chromaflow-cli temporal-report IN [--flow dis|farneback|tvl1] [--flow-height PX]:
// flicker metrics of a colour video (warping error E_warp, CDC, colourfulness per frame), so raw,
// smoothed and ground-truth versions of a clip can be compared.

#include <QCommandLineParser>
#include <QTextStream>
#include <opencv2/imgproc.hpp>

#include "CliOptions.h"
#include "color/LabConversion.h"
#include "media/FrameToRgb.h"
#include "media/VideoReader.h"
#include "temporal/FlickerMeter.h"

namespace cf::app {

namespace {

// Y'CbCr -> RGB CV_32FC3 in [0,1], through swscale.
Result<cv::Mat> frameToRgb(const media::Frame& f) {
  auto rgb8 = media::frameToRgb8(f);
  if (!rgb8)
    return rgb8.error();
  cv::Mat rgb;
  rgb8->convertTo(rgb, CV_32F, 1.0 / 255.0);
  return rgb;
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
  if (const auto exit_code =
          parseOrExit(parser, QStringLiteral("chromaflow-cli temporal-report"), args))
    return *exit_code;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1) {
    err << "chromaflow-cli temporal-report: give exactly one input video (see --help)\n";
    return 2;
  }
  temporal::FlowSettings flow;
  const bool method_ok =
      flowMethodFromName(parser.value(QStringLiteral("flow")).toStdString(), &flow.method);
  bool height_ok = false;
  flow.flow_height_px = parser.value(QStringLiteral("flow-height")).toInt(&height_ok);
  if (!method_ok || !height_ok || flow.flow_height_px <= 0) {
    err << "chromaflow-cli temporal-report: --flow must be dis, farneback or tvl1 and "
           "--flow-height a positive number of pixels\n";
    return 2;
  }

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
    auto rgb = frameToRgb(f);
    Status st = rgb ? meter.addFrame(*rgb, l) : Status(rgb.error());
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
