#pragma once
// `chromaflow-cli eval`: colour images / videos are the ground truth. Each picture is reduced to
// L, colourised by the Colorizer and scored against its own colours (ColourMetrics.h), next to
// the zero-chroma (greyscale) baseline that a model has to beat. By default the score is taken
// on the path `colorize` uses: full-resolution L taken to the working height, the network (with
// its padding), L-guided upsampling back to full resolution and the chroma fade at black and
// white. `score_at_full_resolution = false` scores at the working resolution instead.
// Torch-free header.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "model/Colorizer.h"

namespace cf::train {

struct EvalSettings {
  model::ColorizerSettings colorizer;  ///< model, device, working height, batch, temperature
  int video_frame_step = 1;            ///< videos: every k-th frame
  int64_t max_frames = 0;              ///< per input (video frames or folder images); 0 = all
  bool validation_split = false;       ///< folders: only the held-out files (TrainDataset rule)
  double val_fraction = 0.02;
  bool score_at_full_resolution = true;  ///< the colorize path (see above); false: working res
};

struct EvalScores {
  double ab_psnr = 0.0;
  double rgb_psnr = 0.0;
  double cf_pred = 0.0;       ///< mean colourfulness of the colourised frames
  double cf_truth = 0.0;      ///< mean colourfulness of the true colours
  double hue_accuracy = 0.0;  ///< ColourMetrics.h; 0..1
  double cast = 0.0;          ///< mean global cast, Lab units
  double deltaCf() const { return cf_pred - cf_truth; }
  QJsonObject toJson() const;
};

struct EvalItem {
  QString input;
  int64_t frames = 0;
  EvalScores model;
  EvalScores zero_chroma;
};

struct EvalReport {
  QString model_path;
  QString model_name;
  QString device;
  int working_height_px = 256;
  bool score_at_full_resolution = true;
  std::vector<EvalItem> items;
  EvalItem mean;  ///< unweighted mean over items (input "mean")

  QJsonObject toJson() const;
  /// Fixed-width table, one row per input and the mean.
  QString table() const;
};

/// The network's ab at the working resolution -> the ab that colorize writes at the size of the
/// full-resolution L (CV_32FC1): L-guided upsampling, then the chroma fade at black and white.
cv::Mat exportAb(const cv::Mat& l_full, const cv::Mat& ab_working);

/// Inputs: image files, video files, or folders of images (recursive; one item per folder).
Result<EvalReport> evaluate(const QStringList& inputs, const EvalSettings& settings,
                            const ProgressFn& progress = {},
                            const CancelToken& cancel = CancelToken());

}  // namespace cf::train
