#include "pipeline/ExportJob.h"

#include "pipeline/Exporter.h"
#include "pipeline/Session.h"

namespace cf::pipeline {

Result<ExportJobResult> runExportJob(const ExportJobSpec& spec, const CancelToken& cancel,
                                     const ProgressFn& progress, ExportJobFailure* why) {
  if (why)
    *why = ExportJobFailure::Other;
  if (cancel.isCancelled())
    return makeError("export of '" + spec.input_path + "' cancelled before it started");
  auto session = Session::open(spec.input_path, spec.settings);
  if (!session)
    return session.error();
  if (Status s = validateFrameRange(spec.request.first_frame, spec.request.last_frame,
                                    (*session)->info().frame_count);
      !s) {
    if (why)
      *why = ExportJobFailure::BadRange;
    return makeError("--first/--last: " + s.message() + ".");
  }
  (*session)->setShotOverrides(spec.overrides);
  if (Status s = (*session)->exportVideo(spec.request, cancel, progress); !s)
    return s.error();
  ExportJobResult result;
  result.stats = (*session)->lastExportStats();
  result.device_name = (*session)->info().device_name;
  return result;
}

}  // namespace cf::pipeline
