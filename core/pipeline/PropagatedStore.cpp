#include "pipeline/PropagatedStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstring>

namespace cf::pipeline {

namespace {

struct SpillHeader {
  char magic[8] = {'C', 'F', 'S', 'P', 'I', 'L', 'L', '2'};
  int32_t rows = 0;
  int32_t cols = 0;
  double reached_share = -1.0;
  int32_t has_weight = 0;  // a third plane: PropagatedColour::weight (sums waiting for a sweep)
  int32_t reserved = 0;
};

}  // namespace

PropagatedStore::PropagatedStore(size_t max_in_memory, std::string spill_dir, std::string tag,
                                 TakenFirst taken_first)
    : max_in_memory_(std::max<size_t>(1, max_in_memory)),
      dir_(QString::fromStdString(spill_dir)),
      tag_(QString::fromStdString(tag)),
      taken_first_(taken_first) {}

PropagatedStore::~PropagatedStore() {
  for (int64_t i : spilled_)
    QFile::remove(spillPath(i));
}

QString PropagatedStore::spillPath(int64_t index) const {
  return QDir(dir_).filePath(QLatin1String(kSpillPrefix) + tag_ + QString::number(index) +
                             QStringLiteral(".f32"));
}

Status PropagatedStore::spill(int64_t index, const guide::PropagatedColour& colour) {
  if (dir_.isEmpty()) {
    temp_ = std::make_unique<QTemporaryDir>();
    if (!temp_->isValid())
      return makeError("cannot make a temporary folder for keyframe colour waiting its turn: " +
                       temp_->errorString().toStdString());
    dir_ = temp_->path();
  }
  const cv::Mat ab = colour.ab.isContinuous() ? colour.ab : colour.ab.clone();
  const cv::Mat conf =
      colour.confidence.isContinuous() ? colour.confidence : colour.confidence.clone();
  const cv::Mat weight = colour.weight.isContinuous() ? colour.weight : colour.weight.clone();
  SpillHeader h;
  h.rows = ab.rows;
  h.cols = ab.cols;
  h.reached_share = colour.reached_share;
  h.has_weight = weight.empty() ? 0 : 1;
  const QString path = spillPath(index);
  QFile file(path);
  const auto bytes = [](const cv::Mat& m) { return static_cast<qint64>(m.total() * m.elemSize()); };
  if (ab.type() != CV_32FC2 || conf.type() != CV_32FC1 || conf.size() != ab.size() ||
      (!weight.empty() && (weight.type() != CV_32FC1 || weight.size() != ab.size())))
    return makeError("internal error: keyframe colour of frame " + std::to_string(index) +
                     " to spill has unexpected planes");
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(reinterpret_cast<const char*>(&h), sizeof h) != sizeof h ||
      file.write(reinterpret_cast<const char*>(ab.data), bytes(ab)) != bytes(ab) ||
      file.write(reinterpret_cast<const char*>(conf.data), bytes(conf)) != bytes(conf) ||
      (h.has_weight &&
       file.write(reinterpret_cast<const char*>(weight.data), bytes(weight)) != bytes(weight))) {
    const std::string why = file.errorString().toStdString();
    file.close();
    QFile::remove(path);
    return makeError("cannot write '" + path.toStdString() +
                     "' (keyframe colour waiting its turn): " + why +
                     "; free some disk space in the cache folder");
  }
  return {};
}

Status PropagatedStore::put(int64_t index, guide::PropagatedColour&& colour) {
  memory_[index] = std::move(colour);
  if (memory_.size() > max_in_memory_) {
    // The one the consumer will want last.
    const auto last =
        taken_first_ == TakenFirst::Smallest ? std::prev(memory_.end()) : memory_.begin();
    if (Status s = spill(last->first, last->second); !s)
      return s;
    spilled_.insert(last->first);
    ++spilled_total_;
    memory_.erase(last);
  }
  peak_ = std::max(peak_, memory_.size());
  return {};
}

Result<guide::PropagatedColour> PropagatedStore::get(int64_t index) const {
  if (const auto it = memory_.find(index); it != memory_.end())
    return it->second;
  if (!spilled_.count(index))
    return makeError("the propagated colour of frame " + std::to_string(index) + " is missing");
  const QString path = spillPath(index);
  QFile file(path);
  SpillHeader h;
  const SpillHeader expected;
  if (!file.open(QIODevice::ReadOnly) ||
      file.read(reinterpret_cast<char*>(&h), sizeof h) != sizeof h ||
      std::memcmp(h.magic, expected.magic, sizeof h.magic) != 0 || h.rows <= 0 || h.cols <= 0)
    return makeError("cannot read '" + path.toStdString() +
                     "' (keyframe colour waiting its turn): " + file.errorString().toStdString());
  guide::PropagatedColour c;
  c.ab.create(h.rows, h.cols, CV_32FC2);
  c.confidence.create(h.rows, h.cols, CV_32FC1);
  c.reached_share = h.reached_share;
  if (h.has_weight)
    c.weight.create(h.rows, h.cols, CV_32FC1);
  const auto bytes = [](const cv::Mat& m) { return static_cast<qint64>(m.total() * m.elemSize()); };
  if (file.read(reinterpret_cast<char*>(c.ab.data), bytes(c.ab)) != bytes(c.ab) ||
      file.read(reinterpret_cast<char*>(c.confidence.data), bytes(c.confidence)) !=
          bytes(c.confidence) ||
      (h.has_weight &&
       file.read(reinterpret_cast<char*>(c.weight.data), bytes(c.weight)) != bytes(c.weight)))
    return makeError("'" + path.toStdString() + "' (keyframe colour waiting its turn) is short");
  return c;
}

void PropagatedStore::erase(int64_t index) {
  memory_.erase(index);
  if (spilled_.erase(index))
    QFile::remove(spillPath(index));
}

}  // namespace cf::pipeline
