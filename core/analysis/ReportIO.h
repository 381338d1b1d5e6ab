#pragma once
// Failure report files: JSON (round-trips) and CSV (one row per frame, for spreadsheets).

#include <string>
#include <vector>

#include "analysis/FailureTypes.h"
#include "common/Result.h"

namespace cf::analysis {

struct AnalysisReport {
  std::string source_path;
  std::string model_name;
  FailureThresholds thresholds;
  std::vector<FrameReport> frames;
  std::vector<FailureRange> ranges;
};

std::string reportToJson(const AnalysisReport& report);
Result<AnalysisReport> reportFromJson(const std::string& json);
std::string reportToCsv(const AnalysisReport& report);

/// Writes JSON or CSV by the extension of `path` (.json or .csv), through a temporary file that is
/// renamed on success.
Status writeReport(const AnalysisReport& report, const std::string& path);

}  // namespace cf::analysis
