#include "pipeline/AnalysedFrameStream.h"

#include <chrono>

#include "media/VideoReader.h"
#include "model/Colorizer.h"
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
  const int batch = std::max(1, colorizer_.batchSize());
  std::vector<std::shared_ptr<AnalysedFrame>> fresh;
  const auto t_decode = std::chrono::steady_clock::now();
  while (static_cast<int>(fresh.size()) < batch && next_decode_ <= last_frame_) {
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
    f->ab = cache_.find(f->index);
    fresh.push_back(std::move(f));
  }
  timings_.decode_s += secondsSince(t_decode);

  std::vector<cv::Mat> inputs;
  std::vector<AnalysedFrame*> targets;
  for (auto& f : fresh) {
    if (f->ab) {
      ++timings_.cache_hits;
      continue;
    }
    inputs.push_back(f->l_work);
    targets.push_back(f.get());
  }
  if (!inputs.empty()) {
    const auto t_infer = std::chrono::steady_clock::now();
    auto out = colorizer_.colorize(inputs, {}, {}, cancel);
    if (!out)
      return out.error();
    timings_.inference_s += secondsSince(t_infer);
    timings_.inferred += static_cast<int64_t>(inputs.size());
    for (size_t i = 0; i < targets.size(); ++i) {
      auto entry = std::make_shared<CachedAb>();
      entry->ab = (*out)[i].ab;
      if (colorizer_.hasConfidence())
        entry->confidence = (*out)[i].confidence;
      if (Status s = cache_.store(targets[i]->index, entry); !s)
        return s;
      targets[i]->ab = cache_.find(targets[i]->index);
      if (!targets[i]->ab)
        targets[i]->ab = AbCache::quantized(*entry);
    }
  }
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
