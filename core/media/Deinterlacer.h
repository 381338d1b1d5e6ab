#pragma once
// Deinterlacing of decoded frames with FFmpeg's bwdif filter (libavfilter): one progressive frame
// per interlaced frame (send_frame mode), timestamps and frame properties kept. bwdif looks at the
// frame before and after, so output lags input by one frame; flush() at the end of the stream
// releases the last one. A change of frame size or pixel format rebuilds the filter graph.

#include <deque>
#include <memory>
#include <string>

#include "common/Result.h"
#include "media/AvHandles.h"
#include "media/InputOptions.h"

struct AVFilterGraph;
struct AVFilterContext;

namespace cf::media {

/// Whether `mode` (with the stream's field order "tff", "bff", "progressive", "unknown") asks
/// for deinterlacing: On always, Off never, Auto when the stream says its fields are interlaced.
bool wantsDeinterlace(Deinterlace mode, const std::string& field_order);

class Deinterlacer {
 public:
  /// `bottom_first`: the bottom field comes first (else the top field, the usual order).
  Deinterlacer(bool bottom_first, AVRational time_base);
  ~Deinterlacer();
  Deinterlacer(const Deinterlacer&) = delete;
  Deinterlacer& operator=(const Deinterlacer&) = delete;

  /// Hands a decoded frame to the filter (the frame is unreferenced).
  Status push(AVFrame* frame);
  /// Ends the stream: the filter releases the frame it holds back.
  Status flush();
  /// Moves the next deinterlaced frame into `out`; false when none is ready.
  Result<bool> pull(AVFrame* out);
  /// Forgets all frames (after a seek); the next push starts a new graph.
  void reset();

 private:
  Status build(const AVFrame& like);
  void toStreamTime(AVFrame* frame) const;  // the sink's timestamps back in the stream's

  struct GraphDeleter {
    void operator()(AVFilterGraph* graph) const;
  };
  std::unique_ptr<AVFilterGraph, GraphDeleter> graph_;
  AVFilterContext* source_ = nullptr;  // owned by graph_
  AVFilterContext* sink_ = nullptr;    // owned by graph_
  bool bottom_first_ = false;
  AVRational time_base_;
  int width_ = 0, height_ = 0, format_ = -1;
  bool flushed_ = false;
  std::deque<AvFramePtr> drained_;  // output of a graph replaced mid-stream, served first
};

}  // namespace cf::media
