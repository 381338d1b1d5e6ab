#include "ShotOverrides.h"

#include <QCoreApplication>
#include <algorithm>

namespace cf::ui {

std::optional<pipeline::ShotOverride> ShotOverrides::find(int64_t shot_first_frame) const {
  for (const auto& o : overrides_)
    if (o.shot_first_frame == shot_first_frame)
      return o;
  return std::nullopt;
}

void ShotOverrides::set(const pipeline::ShotOverride& o) {
  if (!o.lambda && !o.temperature) {
    remove(o.shot_first_frame);
    return;
  }
  auto it = std::lower_bound(
      overrides_.begin(), overrides_.end(), o.shot_first_frame,
      [](const pipeline::ShotOverride& a, int64_t f) { return a.shot_first_frame < f; });
  if (it != overrides_.end() && it->shot_first_frame == o.shot_first_frame)
    *it = o;
  else
    overrides_.insert(it, o);
  Q_EMIT changed();
}

void ShotOverrides::remove(int64_t shot_first_frame) {
  const auto it = std::remove_if(overrides_.begin(), overrides_.end(), [&](const auto& o) {
    return o.shot_first_frame == shot_first_frame;
  });
  if (it == overrides_.end())
    return;
  overrides_.erase(it, overrides_.end());
  Q_EMIT changed();
}

void ShotOverrides::reset(std::vector<pipeline::ShotOverride> overrides) {
  std::sort(overrides.begin(), overrides.end(),
            [](const auto& a, const auto& b) { return a.shot_first_frame < b.shot_first_frame; });
  overrides_ = std::move(overrides);
  Q_EMIT changed();
}

ShotOverrideCommand::ShotOverrideCommand(ShotOverrides* model, int64_t shot_first_frame,
                                         std::optional<pipeline::ShotOverride> after,
                                         const QString& text)
    : QUndoCommand(text),
      model_(model),
      shot_(shot_first_frame),
      before_(model->find(shot_first_frame)),
      after_(std::move(after)) {}

void ShotOverrideCommand::apply(const std::optional<pipeline::ShotOverride>& value) {
  if (value)
    model_->set(*value);
  else
    model_->remove(shot_);
}

void ShotOverrideCommand::redo() {
  apply(after_);
}

void ShotOverrideCommand::undo() {
  apply(before_);
}

ShotOverrideCommand* ShotOverrideCommand::setLambda(ShotOverrides* model, int64_t shot,
                                                    double lambda) {
  pipeline::ShotOverride o = model->find(shot).value_or(pipeline::ShotOverride{shot, {}, {}});
  o.lambda = lambda;
  return new ShotOverrideCommand(model, shot, o,
                                 QCoreApplication::translate("cf::ui::ShotOverrideCommand",
                                                             "Set λ %1 for the shot at frame %2")
                                     .arg(lambda, 0, 'f', 2)
                                     .arg(shot));
}

ShotOverrideCommand* ShotOverrideCommand::setTemperature(ShotOverrides* model, int64_t shot,
                                                         double temperature) {
  pipeline::ShotOverride o = model->find(shot).value_or(pipeline::ShotOverride{shot, {}, {}});
  o.temperature = temperature;
  return new ShotOverrideCommand(
      model, shot, o,
      QCoreApplication::translate("cf::ui::ShotOverrideCommand",
                                  "Set temperature %1 for the shot at frame %2")
          .arg(temperature, 0, 'f', 2)
          .arg(shot));
}

ShotOverrideCommand* ShotOverrideCommand::clear(ShotOverrides* model, int64_t shot) {
  return new ShotOverrideCommand(
      model, shot, std::nullopt,
      QCoreApplication::translate("cf::ui::ShotOverrideCommand",
                                  "Clear the overrides of the shot at frame %1")
          .arg(shot));
}

}  // namespace cf::ui
