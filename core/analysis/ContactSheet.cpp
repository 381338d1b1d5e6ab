#include "analysis/ContactSheet.h"

#include <QFile>
#include <QFileInfo>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"

namespace cf::analysis {

namespace {

constexpr int kColumns = 3;

int panelHeight(const ContactSheetItem& item, int panel_width_px) {
  const cv::Mat& ref = item.grey_rgb8.empty() ? item.colour_rgb8 : item.grey_rgb8;
  if (ref.empty())
    return panel_width_px * 9 / 16;
  return std::max(1, panel_width_px * ref.rows / std::max(1, ref.cols));
}

void place(cv::Mat& sheet, const cv::Mat& img, cv::Rect where) {
  if (img.empty())
    return;
  cv::Mat resized;
  cv::resize(img, resized, where.size(), 0, 0, cv::INTER_AREA);
  resized.copyTo(sheet(where));
}

cv::Mat heatMap(const cv::Mat& confidence) {
  cv::Mat c8, colour, rgb;
  confidence.convertTo(c8, CV_8U, 255.0);
  // Low confidence shows hot (red/yellow), high confidence cool (blue).
  cv::applyColorMap(255 - c8, colour, cv::COLORMAP_INFERNO);
  cv::cvtColor(colour, rgb, cv::COLOR_BGR2RGB);
  return rgb;
}

}  // namespace

int contactSheetPanelCount(const std::vector<ContactSheetItem>& items) {
  int count = 0;
  for (const auto& item : items)
    count += item.confidence.empty() ? 2 : 3;
  return count;
}

cv::Mat makeContactSheet(const std::vector<ContactSheetItem>& items,
                         const ContactSheetLayout& layout) {
  const int w = layout.panel_width_px;
  const int width = kColumns * w + (kColumns + 1) * layout.gap_px;
  int height = layout.gap_px;
  for (const auto& item : items)
    height += layout.caption_height_px + panelHeight(item, w) + layout.gap_px;
  cv::Mat sheet(std::max(height, 1), width, CV_8UC3, cv::Scalar(32, 32, 32));

  int y = layout.gap_px;
  for (const auto& item : items) {
    const int h = panelHeight(item, w);
    const std::string caption = "frame " + std::to_string(item.frame_index) +
                                (item.caption.empty() ? "" : ": " + item.caption);
    cv::putText(sheet, caption, cv::Point(layout.gap_px, y + layout.caption_height_px - 7),
                cv::FONT_HERSHEY_SIMPLEX, 0.45, cv::Scalar(235, 235, 235), 1, cv::LINE_AA);
    y += layout.caption_height_px;
    const cv::Mat panels[kColumns] = {
        item.grey_rgb8, item.colour_rgb8,
        item.confidence.empty() ? cv::Mat() : heatMap(item.confidence)};
    for (int c = 0; c < kColumns; ++c)
      place(sheet, panels[c], cv::Rect(layout.gap_px + c * (w + layout.gap_px), y, w, h));
    y += h + layout.gap_px;
  }
  return sheet;
}

Status writeContactSheet(const std::vector<ContactSheetItem>& items, const std::string& path,
                         const ContactSheetLayout& layout) {
  return guarded("writing contact sheet '" + path + "'", [&]() -> Status {
    const QFileInfo info(QString::fromStdString(path));
    const QString tmp_q = info.absolutePath() + QStringLiteral("/.") + info.completeBaseName() +
                          QStringLiteral(".partial.") + info.suffix();
    const std::string tmp = tmp_q.toStdString();
    cv::Mat bgr;
    cv::cvtColor(makeContactSheet(items, layout), bgr, cv::COLOR_RGB2BGR);
    if (!cv::imwrite(tmp, bgr)) {
      QFile::remove(QString::fromStdString(tmp));
      return makeError("cannot write contact sheet '" + path +
                       "': check the folder is writable and the extension is .png or .jpg");
    }
    QFile::remove(QString::fromStdString(path));
    if (!QFile::rename(QString::fromStdString(tmp), QString::fromStdString(path))) {
      QFile::remove(QString::fromStdString(tmp));
      return makeError("cannot move contact sheet into place at '" + path + "'");
    }
    return {};
  });
}

}  // namespace cf::analysis
