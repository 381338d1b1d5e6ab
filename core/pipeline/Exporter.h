#pragma once
// The end-to-end export: decode -> L -> network (or ab cache) -> flow -> temporal smoothing ->
// L-guided recombination -> encode. Each stage runs on its own thread, connected by bounded
// queues (ExportStages.h), so decoding, flow and encoding overlap the network and memory is
// bounded by the queues and one smoothing window, whatever the film's length. The network's
// output and the flows are cached on disk, so a second export (another lambda or codec) and an
// export that resumes after a crash skip the work already done. What `chromaflow-cli colorize`
// and the GUI's export dialog run.

#include <string>
#include <utility>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "media/InputOptions.h"
#include "media/VideoWriter.h"
#include "pipeline/SessionTypes.h"
#include "temporal/FlowCache.h"
#include "temporal/VideoSmoother.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

class AbCache;
class GuidedShots;

struct CutScanResult;

struct RenderRequest {
  std::string input_path;
  /// How the input is read, when it is opened here or scanned here (RenderServices).
  media::InputOptions input;
  std::string output_path;  ///< a video (.mp4/.mkv/.mov), an image pattern or one image
  cf::VideoCodec codec = cf::VideoCodec::H264;
  int crf = -1;  ///< -1: the codec's default
  bool keep_audio = true;
  int64_t first_frame = 0;
  int64_t last_frame = -1;    ///< inclusive; -1 = to the end
  int bit_depth = 0;          ///< output depth; 0 = the source's where the format allows
  int64_t start_number = -1;  ///< image sequence output: first file number; -1 = like the source
  temporal::TemporalSettings temporal;
  /// Per-shot grading, applied at the recombination to RGB (the preview's conversion).
  std::vector<GradeRange> grades;
  /// Render the range exactly as an export of the whole video renders it (a shard): read the
  /// context frames around it that the network batches and the smoothing need (ShardPlan.h), and
  /// keep the source's timestamps, so that joined shards are the whole export frame for frame.
  bool exact_range = false;
  /// Container tags written to the output (a shard's manifest, ShardManifest.h).
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct RenderServices {
  /// The input, already open (the Session's reader; the export moves its position). Null: the
  /// input is opened here.
  media::VideoReader* reader = nullptr;
  model::Colorizer* colorizer = nullptr;
  AbCache* ab_cache = nullptr;
  temporal::FlowCache* flow_cache = nullptr;
  /// Scene cuts of the whole video (frame numbers of the source). Null: scanned here, before the
  /// export for an exact range (which depends on them), otherwise alongside it
  /// (ConcurrentCutScan.h: only the flow stage waits for the cuts).
  const std::vector<temporal::SceneCut>* cuts = nullptr;
  /// Where the scan's result goes when the video was scanned here (on success; may be null).
  CutScanResult* scan_result = nullptr;
  /// Colour of the shots that hold keyframes (GuidedShots.h); null: none.
  GuidedShots* guided = nullptr;
};

/// Checks an export range against the video (first_frame..last_frame inclusive, last -1 = to the
/// end): an error naming the range and the video's frame count when first is negative or past the
/// end, last is past the end, or last is before first.
Status validateFrameRange(int64_t first_frame, int64_t last_frame, int64_t frame_count);

/// Renders the request. The output appears at output_path only on success; on failure or
/// cancellation nothing is left there, and the input is never written.
/// Fills the frame count, the timings and the notes of the stats (the caller adds what it knows of
/// its caches).
Result<ExportStats> renderVideo(const RenderRequest& request, const RenderServices& services,
                                const CancelToken& cancel, const ProgressFn& progress);

}  // namespace cf::pipeline
