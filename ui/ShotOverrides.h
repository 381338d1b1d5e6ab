#pragma once
// Per-shot overrides of lambda and temperature, edited only through ShotOverrideCommand so every
// change is undoable (after Shotcut's commands/). Kept sorted by the shot's first frame.

#include <QObject>
#include <QUndoCommand>
#include <optional>
#include <vector>

#include "pipeline/SessionTypes.h"

namespace cf::ui {

class ShotOverrides : public QObject {
  Q_OBJECT
 public:
  explicit ShotOverrides(QObject* parent = nullptr) : QObject(parent) {}

  const std::vector<pipeline::ShotOverride>& all() const { return overrides_; }
  std::optional<pipeline::ShotOverride> find(int64_t shot_first_frame) const;
  /// Inserts or replaces the override of `o.shot_first_frame`; an empty override is removed.
  void set(const pipeline::ShotOverride& o);
  void remove(int64_t shot_first_frame);
  void reset(std::vector<pipeline::ShotOverride> overrides);

 Q_SIGNALS:
  void changed();

 private:
  std::vector<pipeline::ShotOverride> overrides_;
};

/// Replaces the override of one shot (or removes it when `after` is empty); undo restores it.
class ShotOverrideCommand : public QUndoCommand {
 public:
  ShotOverrideCommand(ShotOverrides* model, int64_t shot_first_frame,
                      std::optional<pipeline::ShotOverride> after, const QString& text);
  void redo() override;
  void undo() override;

  /// "Set λ 0.30 for the shot at frame 120"
  static ShotOverrideCommand* setLambda(ShotOverrides* model, int64_t shot_first_frame,
                                        double lambda);
  static ShotOverrideCommand* setTemperature(ShotOverrides* model, int64_t shot_first_frame,
                                             double temperature);
  static ShotOverrideCommand* clear(ShotOverrides* model, int64_t shot_first_frame);

 private:
  void apply(const std::optional<pipeline::ShotOverride>& value);

  ShotOverrides* model_ = nullptr;
  int64_t shot_ = 0;
  std::optional<pipeline::ShotOverride> before_;
  std::optional<pipeline::ShotOverride> after_;
};

}  // namespace cf::ui
