// The keyframes of the project model (issue #15): reference images and colour hints, undoable
// like every edit (Project.h); their JSON is in GuidanceJson.cpp. The data types
// are the CLI's (guide/GuideTypes.h), so a project and `colorize --reference/--hints` agree.

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

#include "Project.h"

namespace cf::ui {

void Project::setGuidance(guide::Guidance guidance, const QString& text) {
  if (guidance == data_.guidance)
    return;
  ProjectData after = data_;
  after.guidance = std::move(guidance);
  push(std::move(after), text);
}

void Project::addHint(const guide::HintPoint& hint) {
  guide::Guidance g = data_.guidance;
  g.hints.push_back(hint);
  setGuidance(std::move(g),
              QCoreApplication::translate("cf::ui::Project", "Add a colour hint on frame %1")
                  .arg(hint.frame));
}

void Project::removeHint(int index) {
  if (index < 0 || index >= static_cast<int>(data_.guidance.hints.size()))
    return;
  guide::Guidance g = data_.guidance;
  const int64_t frame = g.hints[static_cast<size_t>(index)].frame;
  g.hints.erase(g.hints.begin() + index);
  setGuidance(std::move(g),
              QCoreApplication::translate("cf::ui::Project", "Remove a colour hint on frame %1")
                  .arg(frame));
}

void Project::moveHint(int index, const guide::HintPoint& moved) {
  if (index < 0 || index >= static_cast<int>(data_.guidance.hints.size()))
    return;
  guide::Guidance g = data_.guidance;
  g.hints[static_cast<size_t>(index)] = moved;
  setGuidance(std::move(g),
              QCoreApplication::translate("cf::ui::Project", "Change a colour hint on frame %1")
                  .arg(moved.frame));
}

void Project::setReference(int64_t frame, const QString& image_path) {
  guide::Guidance g = data_.guidance;
  auto& refs = g.references;
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const guide::ReferenceImage& r) { return r.frame == frame; }),
             refs.end());
  if (!image_path.isEmpty()) {
    refs.push_back({frame, image_path.toStdString()});
    std::sort(refs.begin(), refs.end(),
              [](const auto& a, const auto& b) { return a.frame < b.frame; });
  }
  setGuidance(
      std::move(g),
      image_path.isEmpty()
          ? QCoreApplication::translate("cf::ui::Project", "Remove the reference image of frame %1")
                .arg(frame)
          : QCoreApplication::translate("cf::ui::Project", "Set the reference image of frame %1")
                .arg(frame));
}

void Project::moveKeyframe(int64_t from_frame, int64_t to_frame) {
  if (from_frame == to_frame || to_frame < 0)
    return;
  guide::Guidance g = data_.guidance;
  // A reference already on the target frame is replaced by the moved one.
  const bool moving_reference =
      std::any_of(g.references.begin(), g.references.end(),
                  [&](const guide::ReferenceImage& r) { return r.frame == from_frame; });
  if (moving_reference)
    g.references.erase(std::remove_if(g.references.begin(), g.references.end(),
                                      [&](const auto& r) { return r.frame == to_frame; }),
                       g.references.end());
  for (guide::ReferenceImage& r : g.references)
    if (r.frame == from_frame)
      r.frame = to_frame;
  for (guide::HintPoint& h : g.hints)
    if (h.frame == from_frame)
      h.frame = to_frame;
  setGuidance(std::move(g),
              QCoreApplication::translate("cf::ui::Project", "Move the keyframe %1 to frame %2")
                  .arg(from_frame)
                  .arg(to_frame));
}

void Project::removeKeyframe(int64_t frame) {
  guide::Guidance g = data_.guidance;
  g.references.erase(std::remove_if(g.references.begin(), g.references.end(),
                                    [&](const auto& r) { return r.frame == frame; }),
                     g.references.end());
  g.hints.erase(std::remove_if(g.hints.begin(), g.hints.end(),
                               [&](const auto& h) { return h.frame == frame; }),
                g.hints.end());
  setGuidance(std::move(g),
              QCoreApplication::translate("cf::ui::Project", "Remove the keyframe %1").arg(frame));
}

void Project::setReferenceStrength(double strength) {
  guide::Guidance g = data_.guidance;
  g.strength = std::clamp(strength, 0.0, 1.0);
  const QString text =
      QCoreApplication::translate("cf::ui::Project", "Set the reference strength to %1")
          .arg(g.strength, 0, 'f', 2);
  setGuidance(std::move(g), text);
}

}  // namespace cf::ui
