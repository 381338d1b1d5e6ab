#pragma once
// The run's CSV logs (train_log.csv: losses; val_log.csv: validation metrics) and the loss-curve
// plot (loss.png, drawn with OpenCV: core has no QtGui). On resume the logs are cut back to the
// checkpoint's step, so a resumed run's logs equal those of an uninterrupted one.

#include <QString>
#include <cstdint>
#include <vector>

#include "common/Result.h"

namespace cf::train {

struct TrainRow {
  int64_t step = 0;  ///< steps done when the row was written
  double lr = 0.0;
  double loss = 0.0;  ///< mean training loss since the previous row
  double images_per_s = 0.0;
  double hours = 0.0;  ///< training hours so far (all sessions)
};

struct ValRow {
  int64_t step = 0;
  double loss = 0.0;
  double ab_psnr = 0.0;
  double zero_ab_psnr = 0.0;
  double rgb_psnr = 0.0;
  double zero_rgb_psnr = 0.0;
  double cf_pred = 0.0;
  double cf_truth = 0.0;
};

class TrainLog {
 public:
  /// Opens (creating) the logs in `dir`. Rows after `resume_step` are dropped (all rows when
  /// resume_step < 0, i.e. a fresh run).
  static Result<TrainLog> open(const QString& dir, int64_t resume_step);

  Status append(const TrainRow& row);
  Status append(const ValRow& row);
  const std::vector<TrainRow>& trainRows() const { return train_; }
  const std::vector<ValRow>& valRows() const { return val_; }

  /// Writes loss.png: training and validation loss against step (top), validation ab PSNR of the
  /// model and of the zero-chroma baseline (bottom).
  Status writePlot(const QString& png_path) const;

  QString trainCsvPath() const;
  QString valCsvPath() const;

 private:
  Status rewrite() const;
  QString dir_;
  std::vector<TrainRow> train_;
  std::vector<ValRow> val_;
};

}  // namespace cf::train
