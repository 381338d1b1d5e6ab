#include "train/Checkpoint.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <torch/serialize.h>

#include "common/ErrorBoundary.h"

namespace cf::train {

Status saveCheckpoint(const QString& path, model::ColorizationNet& net,
                      torch::optim::Optimizer& optimizer, const CheckpointState& state) {
  return guarded("writing checkpoint '" + path.toStdString() + "'", [&]() -> Status {
    torch::serialize::OutputArchive archive;
    torch::serialize::OutputArchive model_archive;
    net->save(model_archive);
    archive.write("model", model_archive);
    torch::serialize::OutputArchive optim_archive;
    optimizer.save(optim_archive);
    archive.write("optimizer", optim_archive);
    archive.write("step", torch::tensor(state.step, torch::kInt64));
    archive.write("hours", torch::tensor(state.hours, torch::kFloat64));
    archive.write("class_weights", state.class_weights.defined()
                                       ? state.class_weights.to(torch::kCPU)
                                       : torch::empty({0}, torch::kFloat32));
    const QByteArray json = QJsonDocument(state.settings).toJson(QJsonDocument::Compact);
    archive.write("settings", c10::IValue(json.toStdString()));
    const QString tmp = path + QStringLiteral(".tmp");
    archive.save_to(tmp.toStdString());
    QFile::remove(path);
    if (!QFile::rename(tmp, path))
      return makeError("cannot rename '" + tmp.toStdString() + "' to '" + path.toStdString() +
                       "': check the folder's permissions");
    return Status::success();
  });
}

Result<CheckpointState> readCheckpointState(const QString& path) {
  if (!QFileInfo::exists(path))
    return makeError("checkpoint '" + path.toStdString() +
                     "' does not exist: nothing to resume (start a run without --resume)");
  return guarded(
      "reading checkpoint '" + path.toStdString() + "'", [&]() -> Result<CheckpointState> {
        torch::serialize::InputArchive archive;
        archive.load_from(path.toStdString(), torch::kCPU);
        CheckpointState state;
        // A fresh tensor for each read: read() into a defined tensor reuses its
        // storage and dtype.
        torch::Tensor step;
        archive.read("step", step);
        state.step = step.item<int64_t>();
        torch::Tensor hours;
        archive.read("hours", hours);
        state.hours = hours.item<double>();
        torch::Tensor w;
        archive.read("class_weights", w);
        if (w.numel() > 0)
          state.class_weights = w;
        c10::IValue settings;
        archive.read("settings", settings);
        QJsonParseError err{};
        const auto doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(settings.toStringRef()), &err);
        if (!doc.isObject())
          return makeError("checkpoint '" + path.toStdString() +
                           "' is corrupt: its settings are not valid JSON");
        state.settings = doc.object();
        return state;
      });
}

Status loadCheckpoint(const QString& path, model::ColorizationNet& net,
                      torch::optim::Optimizer& optimizer, const torch::Device& device) {
  return guarded("loading checkpoint '" + path.toStdString() + "'", [&]() -> Status {
    torch::serialize::InputArchive archive;
    archive.load_from(path.toStdString(), device);
    torch::serialize::InputArchive model_archive;
    archive.read("model", model_archive);
    net->load(model_archive);
    torch::serialize::InputArchive optim_archive;
    archive.read("optimizer", optim_archive);
    optimizer.load(optim_archive);
    return Status::success();
  });
}

}  // namespace cf::train
