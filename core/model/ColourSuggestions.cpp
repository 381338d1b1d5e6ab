// Colorizer::likelyColours: the classification head's distribution at one pixel (Colorizer.h).

#include <algorithm>

#include "model/ColorizerImpl.h"

namespace cf::model {

Result<std::vector<BinChoice>> Colorizer::likelyColours(const cv::Mat& l_frame,
                                                        const ColorHints& hints, double x, double y,
                                                        int n) {
  if (!d_->net || d_->net->config().head != Head::Classification)
    return makeError(
        "the model '" + d_->settings.model_path.toStdString() +
        "' has no colour distribution to suggest from (it predicts one colour per pixel); "
        "choose the colour yourself");
  if (l_frame.empty() || l_frame.type() != CV_32FC1)
    return makeError("suggested colours: the frame is not a CV_32FC1 L image (0..100)");
  if (!(x >= 0.0 && x <= 1.0 && y >= 0.0 && y <= 1.0))
    return makeError("suggested colours: the point (" + std::to_string(x) + ", " +
                     std::to_string(y) + ") is outside the frame (0..1)");
  if (!hints.empty() && (hints.ab.size() != l_frame.size() || hints.mask.size() != l_frame.size()))
    return makeError("suggested colours: the hints are not of the frame's size");
  return guarded("suggesting colours", [&]() -> Result<std::vector<BinChoice>> {
    c10::InferenceMode inference;
    torch::set_num_threads(d_->threads);
    const std::vector<cv::Mat> frames{l_frame};
    std::vector<ColorHints> frame_hints;
    if (!hints.empty())
      frame_hints.push_back(hints);
    torch::Tensor l, hint_t;
    d_->inputs(frames, frame_hints, 0, 1, l, hint_t);
    const torch::Tensor logits = d_->net->forward(l, hint_t).to(torch::kCPU, torch::kFloat32);
    // The logits cover the padded frame; sample them where (x, y) of the frame lies, with
    // half-pixel centres (as upsampleToFrame() does).
    const double gx = (x * l_frame.cols) / static_cast<double>(l.size(3)) * 2.0 - 1.0;
    const double gy = (y * l_frame.rows) / static_cast<double>(l.size(2)) * 2.0 - 1.0;
    const auto grid =
        torch::tensor({static_cast<float>(gx), static_cast<float>(gy)}).view({1, 1, 1, 2});
    const torch::Tensor at = torch::nn::functional::grid_sample(
        logits, grid,
        torch::nn::functional::GridSampleFuncOptions().mode(torch::kBilinear).align_corners(false));
    const torch::Tensor probs = torch::softmax(at.view({-1}), 0);
    const int count = std::clamp(n, 1, static_cast<int>(probs.size(0)));
    const auto top = probs.topk(count);
    const torch::Tensor values = std::get<0>(top).contiguous();
    const torch::Tensor indices = std::get<1>(top).contiguous();
    const torch::Tensor& centres = d_->net->bins().centres();
    std::vector<BinChoice> out;
    for (int i = 0; i < count; ++i) {
      const int64_t bin = indices[i].item<int64_t>();
      BinChoice c;
      c.a = centres[bin][0].item<float>();
      c.b = centres[bin][1].item<float>();
      c.probability = values[i].item<double>();
      out.push_back(c);
    }
    return out;
  });
}

}  // namespace cf::model
