#pragma once
// An export as a job of its own (after Olive's ExportTask): it runs from a snapshot of the project
// -- the input, the settings and the per-shot overrides, copied when the job is made -- and opens
// its own Session, so it has its own reader and its own model instance. The editor's Session is
// never touched, so previews, thumbnails and settings changes go on while it runs, and later edits
// do not change it. What the GUI's job queue and `chromaflow-cli colorize` both run.

#include <string>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// Everything an export needs, by value: later edits of the project do not reach a running job.
struct ExportJobSpec {
  std::string input_path;
  SessionSettings settings;
  std::vector<ShotOverride> overrides;
  ExportRequest request;
};

struct ExportJobResult {
  ExportStats stats;
  std::string device_name;  ///< where the network ran, e.g. "cpu (2 threads)"
};

/// Why a job failed, where the caller answers differently (the CLI's exit status 2 for a usage
/// error such as a frame range outside the film).
enum class ExportJobFailure { Other, BadRange };

/// Opens the input in a Session of its own, checks the frame range against it, applies the
/// overrides and exports. The output appears at request.output_path only on success; a cancelled
/// or failed job leaves nothing there. `why` (optional) receives the kind of failure.
Result<ExportJobResult> runExportJob(const ExportJobSpec& spec, const CancelToken& cancel,
                                     const ProgressFn& progress, ExportJobFailure* why = nullptr);

}  // namespace cf::pipeline
