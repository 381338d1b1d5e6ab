// chromaflow-cli analyze IN --report out.json|out.csv [--contact-sheet out.png]: per-frame quality
// signals, failure flags with reasons and merged ranges, and a picture of the worst frames.

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>

extern "C" {
#include <libavutil/log.h>
}

#include "CliOptions.h"
#include "ConsoleProgress.h"
#include "RetimeOption.h"
#include "analysis/ContactSheet.h"
#include "common/OutputPath.h"
#include "pipeline/Session.h"

namespace cf::app {

namespace {

double worstSeverity(const analysis::FrameReport& r) {
  double worst = 0.0;
  for (const auto& f : r.flags)
    worst = std::max(worst, f.severity);
  return worst;
}

// The `count` most severely flagged frames, at most one per failure range so the sheet shows
// different problems rather than neighbours of one.
std::vector<const analysis::FrameReport*> worstFrames(const analysis::AnalysisReport& report,
                                                      int count) {
  std::vector<const analysis::FrameReport*> picked;
  for (const auto& range : report.ranges) {
    const analysis::FrameReport* best = nullptr;
    for (const auto& fr : report.frames) {
      if (fr.metrics.frame_index < range.first_frame || fr.metrics.frame_index > range.last_frame)
        continue;
      if (!best || worstSeverity(fr) > worstSeverity(*best))
        best = &fr;
    }
    if (best && std::find(picked.begin(), picked.end(), best) == picked.end())
      picked.push_back(best);
  }
  std::sort(picked.begin(), picked.end(),
            [](auto* a, auto* b) { return worstSeverity(*a) > worstSeverity(*b); });
  if (static_cast<int>(picked.size()) > count)
    picked.resize(static_cast<size_t>(count));
  return picked;
}

}  // namespace

int runAnalyze(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Find the frames where the colouring likely failed (sepia, desaturated, low "
                     "confidence, flicker, heavy motion) and say why."));
  parser.addHelpOption();
  addSessionOptions(parser);
  addRetimeOption(parser);
  parser.addOption({QStringLiteral("report"),
                    QStringLiteral("Write every frame's signals and the flagged ranges (.json or "
                                   ".csv)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("contact-sheet"),
                    QStringLiteral("Write a PNG of the worst frames: input, result, confidence."),
                    QStringLiteral("png")});
  parser.addOption({QStringLiteral("worst"),
                    QStringLiteral("Frames on the contact sheet (default 6)."), QStringLiteral("n"),
                    QStringLiteral("6")});
  parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The video to analyse."));
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QString cmd = QStringLiteral("chromaflow-cli analyze");
  if (const auto exit_code = parseOrExit(parser, cmd, args))
    return *exit_code;
  if (parser.positionalArguments().size() != 1) {
    err << cmd << ": expected one input video. Run '" << cmd << " --help' for the options.\n";
    return 2;
  }
  pipeline::SessionSettings settings;
  QString problem;
  if (!parseSessionOptions(parser, &settings, &problem)) {
    err << cmd << ": " << problem << '\n';
    return 2;
  }
  bool ok = false;
  const int worst = parser.value(QStringLiteral("worst")).toInt(&ok);
  if (!ok || worst < 1) {
    err << cmd << ": --worst needs a whole number >= 1.\n";
    return 2;
  }
  // Nothing this command writes may replace what it reads (a video named .csv or .png included),
  // and the report and the sheet must not overwrite each other.
  std::string in_path = parser.positionalArguments().at(0).toStdString();
  const std::string report_path = parser.value(QStringLiteral("report")).toStdString();
  const std::string sheet_path = parser.value(QStringLiteral("contact-sheet")).toStdString();
  for (const std::string& target : {report_path, sheet_path}) {
    if (target.empty())
      continue;
    if (Status s = checkOutputIsNotInput(target, {in_path, settings.model_path}); !s) {
      err << cmd << ": " << QString::fromStdString(s.message()) << '\n';
      return 1;
    }
  }
  if (!report_path.empty() && !sheet_path.empty() &&
      (isSameFile(report_path, sheet_path) ||
       QFileInfo(QString::fromStdString(report_path)).absoluteFilePath() ==
           QFileInfo(QString::fromStdString(sheet_path)).absoluteFilePath())) {
    err << cmd << ": --report and --contact-sheet name the same file '"
        << QString::fromStdString(report_path) << "'. Give them different names.\n";
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const CancelToken cancel = installInterruptHandler();
  if (!applyRetimeOption(parser, settings, cancel, &in_path, &problem)) {
    err << cmd << ": " << problem << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  auto session = pipeline::Session::open(in_path, settings);
  if (!session) {
    err << cmd << ": " << QString::fromStdString(session.message()) << '\n';
    return 1;
  }
  ConsoleProgress progress;
  const int64_t frames = (*session)->info().frame_count;
  Status status = (*session)->analyse(0, frames - 1, cancel, progress.callback());
  progress.finish();
  if (!status) {
    err << cmd << ": " << QString::fromStdString(status.message()) << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  const analysis::AnalysisReport report = (*session)->failureReport();
  out << frames << " frames analysed, " << report.ranges.size() << " flagged ranges\n";
  if (!report.ranges.empty()) {
    QStringList per_kind;
    for (analysis::FlagKind kind : {analysis::FlagKind::Sepia, analysis::FlagKind::Desaturated,
                                    analysis::FlagKind::LowConfidence, analysis::FlagKind::Flicker,
                                    analysis::FlagKind::Motion}) {
      const auto n = std::count_if(report.ranges.begin(), report.ranges.end(),
                                   [&](const auto& r) { return r.kind == kind; });
      if (n > 0)
        per_kind << QStringLiteral("%1 %2").arg(QLatin1String(analysis::flagKindName(kind))).arg(n);
    }
    out << "  ranges per kind: " << per_kind.join(QStringLiteral(", ")) << '\n';
  }
  for (const auto& r : report.ranges)
    out << "  frames " << r.first_frame << "-" << r.last_frame << "  "
        << QString::fromLatin1(analysis::flagKindName(r.kind)).leftJustified(15)
        << QString::fromStdString(r.reason) << '\n';

  if (parser.isSet(QStringLiteral("report"))) {
    status = analysis::writeReport(report, report_path);
    if (!status) {
      err << cmd << ": " << QString::fromStdString(status.message()) << '\n';
      return 1;
    }
  }
  if (parser.isSet(QStringLiteral("contact-sheet"))) {
    std::vector<analysis::ContactSheetItem> items;
    for (const analysis::FrameReport* fr : worstFrames(report, worst)) {
      auto p = (*session)->preview({fr->metrics.frame_index, settings.lambda}, cancel);
      if (!p) {
        err << cmd << ": " << QString::fromStdString(p.message()) << '\n';
        return 1;
      }
      analysis::ContactSheetItem item;
      item.frame_index = fr->metrics.frame_index;
      item.grey_rgb8 = (*p)->grey_rgb8;
      item.colour_rgb8 = (*p)->smoothed_rgb8;
      item.confidence = (*p)->confidence;
      for (size_t k = 0; k < fr->flags.size(); ++k)
        item.caption += (k ? "; " : "") + fr->flags[k].reason;
      items.push_back(std::move(item));
    }
    const std::string& sheet = sheet_path;
    status = analysis::writeContactSheet(items, sheet);
    if (!status) {
      err << cmd << ": " << QString::fromStdString(status.message()) << '\n';
      return 1;
    }
    out << "contact sheet: " << QString::fromStdString(sheet) << " (" << items.size()
        << " frames)\n";
  }
  return 0;
}

}  // namespace cf::app
