#include "train/TrainLog.h"

#include <QDir>
#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <functional>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"

namespace cf::train {

namespace {

const char* kTrainHeader = "step,lr,loss,images_per_s,hours";
const char* kValHeader =
    "step,val_loss,ab_psnr,zero_ab_psnr,rgb_psnr,zero_rgb_psnr,cf_pred,cf_truth";

QString num(double v) {
  return QString::number(v, 'g', 17);
}

QString line(const TrainRow& r) {
  return QStringLiteral("%1,%2,%3,%4,%5")
      .arg(r.step)
      .arg(num(r.lr), num(r.loss), num(r.images_per_s), num(r.hours));
}

QString line(const ValRow& r) {
  return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8")
      .arg(r.step)
      .arg(num(r.loss), num(r.ab_psnr), num(r.zero_ab_psnr), num(r.rgb_psnr), num(r.zero_rgb_psnr),
           num(r.cf_pred), num(r.cf_truth));
}

std::vector<std::vector<double>> readCsv(const QString& path) {
  std::vector<std::vector<double>> rows;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
    return rows;
  QTextStream in(&f);
  in.readLine();  // header
  while (!in.atEnd()) {
    const QStringList parts = in.readLine().split(QLatin1Char(','));
    std::vector<double> row;
    bool ok = true;
    for (const QString& p : parts) {
      row.push_back(p.toDouble(&ok));
      if (!ok)
        break;
    }
    if (ok && !row.empty())
      rows.push_back(row);
  }
  return rows;
}

Status appendLine(const QString& path, const char* header, const QString& text) {
  QFile f(path);
  const bool fresh = !f.exists() || f.size() == 0;
  if (!f.open(QIODevice::Append | QIODevice::Text))
    return makeError("cannot write training log '" + path.toStdString() +
                     "': " + f.errorString().toStdString());
  QTextStream out(&f);
  if (fresh)
    out << header << '\n';
  out << text << '\n';
  return Status::success();
}

struct Series {
  std::vector<cv::Point2d> points;
  cv::Scalar colour;
  std::string label;
};

/// Draws series into `panel` with axes, ticks and a legend.
void drawPanel(cv::Mat& panel, const std::vector<Series>& series, const std::string& y_label) {
  const int left = 70, right = 15, top = 25, bottom = 35;
  const cv::Scalar ink(40, 40, 40), grid(225, 225, 225);
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const Series& s : series)
    for (const auto& p : s.points) {
      x0 = std::min(x0, p.x);
      x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y);
      y1 = std::max(y1, p.y);
    }
  const int w = panel.cols - left - right, h = panel.rows - top - bottom;
  cv::rectangle(panel, cv::Rect(left, top, w, h), ink, 1);
  cv::putText(panel, y_label, cv::Point(left, top - 8), cv::FONT_HERSHEY_SIMPLEX, 0.45, ink, 1,
              cv::LINE_AA);
  if (x0 > x1)
    return;
  if (x1 - x0 < 1e-9)
    x1 = x0 + 1.0;
  const double pad = std::max(1e-9, 0.05 * (y1 - y0));
  y0 -= pad;
  y1 += pad;
  auto map = [&](const cv::Point2d& p) {
    return cv::Point(left + static_cast<int>(std::lround((p.x - x0) / (x1 - x0) * w)),
                     top + h - static_cast<int>(std::lround((p.y - y0) / (y1 - y0) * h)));
  };
  for (int i = 0; i <= 4; ++i) {
    const double yv = y0 + (y1 - y0) * i / 4.0;
    const int yp = top + h - h * i / 4;
    cv::line(panel, cv::Point(left + 1, yp), cv::Point(left + w - 1, yp), grid, 1);
    cv::putText(panel, cv::format("%.3g", yv), cv::Point(4, yp + 4), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                ink, 1, cv::LINE_AA);
    const double xv = x0 + (x1 - x0) * i / 4.0;
    const int xp = left + w * i / 4;
    cv::putText(panel, cv::format("%.0f", xv), cv::Point(xp - 15, top + h + 18),
                cv::FONT_HERSHEY_SIMPLEX, 0.4, ink, 1, cv::LINE_AA);
  }
  int legend_x = left + 10;
  for (const Series& s : series) {
    for (size_t i = 1; i < s.points.size(); ++i)
      cv::line(panel, map(s.points[i - 1]), map(s.points[i]), s.colour, 2, cv::LINE_AA);
    if (s.points.size() == 1)
      cv::circle(panel, map(s.points[0]), 3, s.colour, -1, cv::LINE_AA);
    cv::putText(panel, s.label, cv::Point(legend_x, top + 16), cv::FONT_HERSHEY_SIMPLEX, 0.45,
                s.colour, 1, cv::LINE_AA);
    int baseline = 0;
    legend_x += 20 + cv::getTextSize(s.label, cv::FONT_HERSHEY_SIMPLEX, 0.45, 1, &baseline).width;
  }
  cv::putText(panel, "step", cv::Point(left + w - 30, panel.rows - 4), cv::FONT_HERSHEY_SIMPLEX,
              0.4, ink, 1, cv::LINE_AA);
}

}  // namespace

Result<TrainLog> TrainLog::open(const QString& dir, int64_t resume_step) {
  TrainLog log;
  log.dir_ = dir;
  if (!QDir().mkpath(dir))
    return makeError("cannot create the output folder '" + dir.toStdString() + "'");
  if (resume_step >= 0) {
    for (const auto& r : readCsv(log.trainCsvPath()))
      if (r.size() >= 5 && r[0] <= static_cast<double>(resume_step))
        log.train_.push_back(TrainRow{static_cast<int64_t>(r[0]), r[1], r[2], r[3], r[4]});
    for (const auto& r : readCsv(log.valCsvPath()))
      if (r.size() >= 8 && r[0] <= static_cast<double>(resume_step))
        log.val_.push_back(
            ValRow{static_cast<int64_t>(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]});
  }
  if (Status s = log.rewrite(); !s)
    return s.error();
  return log;
}

QString TrainLog::trainCsvPath() const {
  return QDir(dir_).filePath(QStringLiteral("train_log.csv"));
}

QString TrainLog::valCsvPath() const {
  return QDir(dir_).filePath(QStringLiteral("val_log.csv"));
}

Status TrainLog::rewrite() const {
  QFile::remove(trainCsvPath());
  QFile::remove(valCsvPath());
  for (const auto& r : train_)
    if (Status s = appendLine(trainCsvPath(), kTrainHeader, line(r)); !s)
      return s;
  for (const auto& r : val_)
    if (Status s = appendLine(valCsvPath(), kValHeader, line(r)); !s)
      return s;
  return Status::success();
}

Status TrainLog::append(const TrainRow& row) {
  train_.push_back(row);
  return appendLine(trainCsvPath(), kTrainHeader, line(row));
}

Status TrainLog::append(const ValRow& row) {
  val_.push_back(row);
  return appendLine(valCsvPath(), kValHeader, line(row));
}

Status TrainLog::writePlot(const QString& png_path) const {
  return guarded("drawing the loss plot", [&]() -> Status {
    cv::Mat img(640, 900, CV_8UC3, cv::Scalar(255, 255, 255));
    cv::Mat top = img(cv::Rect(0, 0, 900, 320));
    cv::Mat bottom = img(cv::Rect(0, 320, 900, 320));
    Series train{{}, cv::Scalar(200, 90, 30), "train loss"};
    for (const auto& r : train_)
      train.points.emplace_back(static_cast<double>(r.step), r.loss);
    Series val{{}, cv::Scalar(40, 40, 210), "validation loss"};
    Series psnr{{}, cv::Scalar(40, 40, 210), "model ab PSNR"};
    Series zero{{}, cv::Scalar(120, 120, 120), "zero-chroma ab PSNR"};
    for (const auto& r : val_) {
      val.points.emplace_back(static_cast<double>(r.step), r.loss);
      psnr.points.emplace_back(static_cast<double>(r.step), r.ab_psnr);
      zero.points.emplace_back(static_cast<double>(r.step), r.zero_ab_psnr);
    }
    drawPanel(top, {train, val}, "loss");
    drawPanel(bottom, {psnr, zero}, "validation ab PSNR (dB)");
    const std::string path = png_path.toStdString();
    if (!cv::imwrite(path, img))
      return makeError("cannot write the loss plot '" + path + "'");
    return Status::success();
  });
}

}  // namespace cf::train
