#include "train/Evaluator.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>

#include "color/ChromaFade.h"
#include "color/GuidedUpsampler.h"
#include "color/LabConversion.h"
#include "common/ErrorBoundary.h"
#include "media/VideoReader.h"
#include "pipeline/FrameConversions.h"
#include "train/Augmentation.h"
#include "train/ColourMetrics.h"
#include "train/TrainDataset.h"

namespace cf::train {

namespace {

/// Scores frames in batches through the Colorizer.
class ItemScorer {
 public:
  ItemScorer(model::Colorizer& colorizer, int working_height_px, int batch, bool full_res)
      : colorizer_(colorizer),
        height_px_(working_height_px),
        batch_(std::max(1, batch)),
        full_res_(full_res) {}

  Status add(const cv::Mat& rgb8) {
    LabSample s = toLab(full_res_ ? rgb8 : color::resizeToHeight(rgb8, height_px_));
    zero_.add(scoreFrame(s.l, cv::Mat::zeros(s.ab.size(), CV_32FC2), s.ab));
    pending_.push_back(std::move(s));
    ++frames_;
    return pending_.size() >= static_cast<size_t>(batch_) ? flush() : Status::success();
  }

  Status flush() {
    if (pending_.empty())
      return Status::success();
    std::vector<cv::Mat> ls;
    for (const auto& s : pending_)
      ls.push_back(full_res_ ? colorizer_.toWorkingResolution(s.l) : s.l);
    auto out = colorizer_.colorize(ls);
    if (!out)
      return out.error();
    for (size_t i = 0; i < pending_.size(); ++i) {
      const LabSample& s = pending_[i];
      // The colorize path: L-guided upsampling to the source size and the output's chroma fade.
      const cv::Mat ab = full_res_ ? exportAb(s.l, out.value()[i].ab) : out.value()[i].ab;
      model_.add(scoreFrame(s.l, ab, s.ab));
    }
    pending_.clear();
    return Status::success();
  }

  EvalItem item(const QString& input) const {
    EvalItem it;
    it.input = input;
    it.frames = frames_;
    it.model = scores(model_);
    it.zero_chroma = scores(zero_);
    return it;
  }

 private:
  static EvalScores scores(const ScoreAccumulator& a) {
    return EvalScores{a.abPsnr(), a.rgbPsnr(), a.cfPred(), a.cfTruth(), a.hueAccuracy(), a.cast()};
  }

  model::Colorizer& colorizer_;
  int height_px_ = 256;
  int batch_ = 8;
  bool full_res_ = true;
  std::vector<LabSample> pending_;
  ScoreAccumulator model_;
  ScoreAccumulator zero_;
  int64_t frames_ = 0;
};

QStringList folderImages(const QString& dir, const EvalSettings& s) {
  QStringList files;
  QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
  const QDir root(dir);
  while (it.hasNext()) {
    const QString f = it.next();
    if (TrainDataset::isImageFile(f) &&
        (!s.validation_split ||
         TrainDataset::isValidation(root.relativeFilePath(f), s.val_fraction)))
      files << f;
  }
  files.sort();
  if (s.max_frames > 0 && files.size() > s.max_frames) {
    QStringList spread;  // evenly spaced, so every sub-folder is represented
    for (int64_t i = 0; i < s.max_frames; ++i)
      spread << files.at(static_cast<int>(i * files.size() / s.max_frames));
    files = spread;
  }
  return files;
}

void mergeMean(EvalItem* mean, const std::vector<EvalItem>& items) {
  mean->input = QStringLiteral("mean");
  const double n = static_cast<double>(std::max<size_t>(1, items.size()));
  for (EvalScores* m : {&mean->model, &mean->zero_chroma})
    *m = EvalScores{};
  for (const auto& it : items) {
    mean->frames += it.frames;
    for (auto [dst, src] :
         {std::pair{&mean->model, &it.model}, std::pair{&mean->zero_chroma, &it.zero_chroma}}) {
      dst->ab_psnr += src->ab_psnr / n;
      dst->rgb_psnr += src->rgb_psnr / n;
      dst->cf_pred += src->cf_pred / n;
      dst->cf_truth += src->cf_truth / n;
      dst->hue_accuracy += src->hue_accuracy / n;
      dst->cast += src->cast / n;
    }
  }
}

}  // namespace

cv::Mat exportAb(const cv::Mat& l_full, const cv::Mat& ab_working) {
  return color::fadeChroma(l_full, color::upsampleAbGuided(l_full, ab_working));
}

QJsonObject EvalScores::toJson() const {
  QJsonObject o;
  o[QStringLiteral("ab_psnr_db")] = ab_psnr;
  o[QStringLiteral("rgb_psnr_db")] = rgb_psnr;
  o[QStringLiteral("colourfulness")] = cf_pred;
  o[QStringLiteral("colourfulness_truth")] = cf_truth;
  o[QStringLiteral("delta_colourfulness")] = deltaCf();
  o[QStringLiteral("colourfulness_ratio")] = cf_truth > 0 ? cf_pred / cf_truth : 0.0;
  o[QStringLiteral("hue_accuracy")] = hue_accuracy;
  o[QStringLiteral("cast_lab")] = cast;
  return o;
}

QJsonObject EvalReport::toJson() const {
  auto itemJson = [](const EvalItem& it) {
    QJsonObject o;
    o[QStringLiteral("input")] = it.input;
    o[QStringLiteral("frames")] = static_cast<double>(it.frames);
    o[QStringLiteral("model")] = it.model.toJson();
    o[QStringLiteral("zero_chroma")] = it.zero_chroma.toJson();
    return o;
  };
  QJsonObject o;
  o[QStringLiteral("model_path")] = model_path;
  o[QStringLiteral("model_name")] = model_name;
  o[QStringLiteral("device")] = device;
  o[QStringLiteral("working_height_px")] = working_height_px;
  o[QStringLiteral("metric_notes")] = QStringLiteral(
      "ab PSNR: peak 255 over a and b in Lab units (OpenCV 8-bit Lab scale); RGB PSNR: 8-bit "
      "sRGB; colourfulness: Hasler-Suesstrunk M, mean over frames; hue_accuracy: share of pixels "
      "with true chroma > 12 whose prediction has chroma > 6 and a hue within 45 degrees; "
      "cast_lab: distance between the frame's mean predicted and true ab, mean over frames");
  o[QStringLiteral("scored_at")] =
      score_at_full_resolution ? QStringLiteral("full") : QStringLiteral("working");
  QJsonArray arr;
  for (const auto& it : items)
    arr.append(itemJson(it));
  o[QStringLiteral("inputs")] = arr;
  o[QStringLiteral("mean")] = itemJson(mean);
  return o;
}

QString EvalReport::table() const {
  QString t;
  t += QStringLiteral("%1 %2 | %3 %4 %5 %6 %7 %8 %9 | %10 %11\n")
           .arg(QStringLiteral("input"), -28)
           .arg(QStringLiteral("frames"), 6)
           .arg(QStringLiteral("abPSNR"), 7)
           .arg(QStringLiteral("rgbPSNR"), 7)
           .arg(QStringLiteral("hueAcc"), 6)
           .arg(QStringLiteral("cast"), 5)
           .arg(QStringLiteral("CF"), 6)
           .arg(QStringLiteral("CFtrue"), 6)
           .arg(QStringLiteral("dCF"), 6)
           .arg(QStringLiteral("0-abPSNR"), 8)
           .arg(QStringLiteral("0-rgbPSNR"), 9);
  auto row = [&t](const EvalItem& it) {
    QString name = QFileInfo(it.input).fileName();
    if (name.isEmpty())
      name = it.input;
    if (name.size() > 28)
      name = name.right(28);
    t += QStringLiteral("%1 %2 | %3 %4 %5 %6 %7 %8 %9 | %10 %11\n")
             .arg(name, -28)
             .arg(it.frames, 6)
             .arg(it.model.ab_psnr, 7, 'f', 2)
             .arg(it.model.rgb_psnr, 7, 'f', 2)
             .arg(it.model.hue_accuracy, 6, 'f', 3)
             .arg(it.model.cast, 5, 'f', 1)
             .arg(it.model.cf_pred, 6, 'f', 1)
             .arg(it.model.cf_truth, 6, 'f', 1)
             .arg(it.model.deltaCf(), 6, 'f', 1)
             .arg(it.zero_chroma.ab_psnr, 8, 'f', 2)
             .arg(it.zero_chroma.rgb_psnr, 9, 'f', 2);
  };
  for (const auto& it : items)
    row(it);
  if (items.size() > 1)
    row(mean);
  return t;
}

Result<EvalReport> evaluate(const QStringList& inputs, const EvalSettings& settings,
                            const ProgressFn& progress, const CancelToken& cancel) {
  return guarded("evaluating", [&]() -> Result<EvalReport> {
    if (inputs.isEmpty())
      return makeError("no inputs: give colour images, videos or folders of images");
    for (const QString& input : inputs)
      if (!QFileInfo::exists(input))
        return makeError("input '" + input.toStdString() + "' does not exist");
    auto colorizer = model::Colorizer::create(settings.colorizer);
    if (!colorizer)
      return colorizer.error();
    model::Colorizer& c = *colorizer.value();
    EvalReport report;
    report.model_path = settings.colorizer.model_path;
    report.model_name = c.card().name;
    report.device = c.deviceName();
    report.working_height_px = settings.colorizer.working_height_px;
    report.score_at_full_resolution = settings.score_at_full_resolution;
    int64_t done = 0;
    for (const QString& input : inputs) {
      const QFileInfo info(input);
      ItemScorer scorer(c, settings.colorizer.working_height_px, settings.colorizer.batch_size,
                        settings.score_at_full_resolution);
      auto tick = [&]() -> Status {
        cf::report(progress, ++done, 0, "eval");
        if (cancel.isCancelled())
          return makeError("cancelled");
        return Status::success();
      };
      if (info.isDir() || TrainDataset::isImageFile(input)) {
        const QStringList files =
            info.isDir() ? folderImages(info.absoluteFilePath(), settings) : QStringList{input};
        if (files.isEmpty())
          return makeError("no images in '" + input.toStdString() + "'" +
                           (settings.validation_split ? " in the validation split" : ""));
        SampleDecoder decoder;
        for (const QString& f : files) {
          auto rgb = decoder.decodeRgb8(SampleRef{f, -1});
          if (!rgb)
            return rgb.error();
          if (Status s = scorer.add(rgb.value()); !s)
            return s.error();
          if (Status s = tick(); !s)
            return s.error();
        }
      } else {
        auto reader = media::VideoReader::open(input.toStdString());
        if (!reader)
          return reader.error();
        int64_t used = 0;
        for (int64_t index = 0;; ++index) {
          auto frame = (*reader)->next();
          if (!frame)
            return frame.error();
          if (!frame.value())
            break;
          if (index % std::max(1, settings.video_frame_step) != 0)
            continue;
          if (Status s = scorer.add(pipeline::frameToRgb8(*frame.value())); !s)
            return s.error();
          if (Status s = tick(); !s)
            return s.error();
          if (settings.max_frames > 0 && ++used >= settings.max_frames)
            break;
        }
      }
      if (Status s = scorer.flush(); !s)
        return s.error();
      report.items.push_back(scorer.item(input));
    }
    mergeMean(&report.mean, report.items);
    return report;
  });
}

}  // namespace cf::train
