#include "pipeline/AnalysedFrameStream.h"

#include <chrono>

#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/BatchInference.h"
#include "pipeline/FrameConversions.h"

namespace cf::pipeline {

namespace {
double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

AnalysedFrameStream::AnalysedFrameStream(media::VideoReader& reader, model::Colorizer& colorizer,
                                         AbCache& cache, int64_t first_frame, int64_t last_frame)
    : reader_(reader),
      colorizer_(colorizer),
      cache_(cache),
      next_decode_(first_frame),
      last_frame_(last_frame) {}

Status AnalysedFrameStream::fillBatch(const CancelToken& cancel) {
  const int64_t batch_last =
      alignedBatchLast(next_decode_, std::max(1, colorizer_.batchSize()), last_frame_);
  std::vector<std::shared_ptr<AnalysedFrame>> fresh;
  const auto t_decode = std::chrono::steady_clock::now();
  while (next_decode_ <= batch_last) {
    if (cancel.isCancelled())
      return makeError("cancelled");
    auto decoded = positioned_ ? reader_.next() : reader_.frameAt(next_decode_);
    if (!decoded)
      return decoded.error();
    positioned_ = true;
    if (!*decoded) {  // the stream ended early (the header over-counted)
      last_frame_ = next_decode_ - 1;
      break;
    }
    auto f = std::make_shared<AnalysedFrame>();
    f->index = next_decode_++;
    f->frame = *decoded;
    f->l_full = lumaL(*f->frame);
    f->l_work = colorizer_.toWorkingResolution(f->l_full);
    fresh.push_back(std::move(f));
  }
  timings_.decode_s += secondsSince(t_decode);
  if (!fresh.empty())
    if (Status s = attachAb(fresh, colorizer_, cache_, cancel, timings_); !s)
      return s;
  for (auto& f : fresh)
    ready_.push_back(std::move(f));
  return {};
}

Result<AnalysedFramePtr> AnalysedFrameStream::next(const CancelToken& cancel) {
  if (ready_.empty()) {
    if (next_decode_ > last_frame_)
      return AnalysedFramePtr();
    if (Status s = fillBatch(cancel); !s)
      return s.error();
    if (ready_.empty())
      return AnalysedFramePtr();
  }
  AnalysedFramePtr f = ready_.front();
  ready_.pop_front();
  return f;
}

}  // namespace cf::pipeline
