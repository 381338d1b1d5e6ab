#include "Project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

namespace cf::ui {

/// One edit of the project: the parts before and after. Applying a whole snapshot keeps every
/// command trivially correct in both directions; the data is small (settings and a few overrides).
class ProjectEditCommand : public QUndoCommand {
 public:
  ProjectEditCommand(Project* project, ProjectData before, ProjectData after, const QString& text,
                     int merge_id)
      : QUndoCommand(text),
        project_(project),
        before_(std::move(before)),
        after_(std::move(after)),
        merge_id_(merge_id) {}
  void redo() override { project_->apply(after_); }
  void undo() override { project_->apply(before_); }
  int id() const override { return merge_id_; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* o = static_cast<const ProjectEditCommand*>(other);
    if (merge_id_ < 0 || o->merge_id_ != merge_id_)
      return false;
    after_ = o->after_;
    setText(o->text());
    return true;
  }

 private:
  Project* project_ = nullptr;
  ProjectData before_;
  ProjectData after_;
  int merge_id_ = -1;
};

namespace {

/// Merge ids of grade drags (λ drags use the serial itself, so the two never merge).
constexpr int kGradeMergeBase = 1 << 20;

QString trCommand(const char* text) {
  return QCoreApplication::translate("cf::ui::Project", text);
}

/// Equal apart from λ (which has its own signal, since it only re-solves the smoothing).
bool sameSettingsButLambda(pipeline::SessionSettings a, const pipeline::SessionSettings& b) {
  a.lambda = b.lambda;
  return a.cache_dir == b.cache_dir && settingsToJson(a) == settingsToJson(b);
}

bool sameOverrides(const std::vector<pipeline::ShotOverride>& a,
                   const std::vector<pipeline::ShotOverride>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.shot_first_frame == y.shot_first_frame && x.lambda == y.lambda &&
           x.temperature == y.temperature && x.grade == y.grade;
  });
}

}  // namespace

Project::Project(QObject* parent) : QObject(parent) {
  connect(&undo_stack_, &QUndoStack::cleanChanged, this, &Project::titleChanged);
}

std::optional<pipeline::ShotOverride> Project::shotOverride(int64_t shot_first_frame) const {
  for (const auto& o : data_.overrides)
    if (o.shot_first_frame == shot_first_frame)
      return o;
  return std::nullopt;
}

QString Project::displayName() const {
  if (!file_path_.isEmpty())
    return QFileInfo(file_path_).completeBaseName();
  if (!data_.source_path.isEmpty())
    return QFileInfo(data_.source_path).fileName();
  return tr("Untitled");
}

pipeline::SessionSettings Project::effectiveSettings(int64_t shot_first_frame) const {
  pipeline::SessionSettings s = data_.settings;
  if (const auto o = shotOverride(shot_first_frame)) {
    if (o->lambda)
      s.lambda = *o->lambda;
    if (o->temperature)
      s.temperature = *o->temperature;
  }
  return s;
}

color::Grade Project::effectiveGrade(int64_t shot_first_frame) const {
  const auto o = shotOverride(shot_first_frame);
  return o && o->grade ? *o->grade : color::Grade{};
}

void Project::apply(const ProjectData& next) {
  const ProjectData before = data_;
  data_ = next;
  if (!sameSettingsButLambda(before.settings, next.settings))
    Q_EMIT settingsChanged(data_.settings, before.settings);
  if (before.settings.lambda != next.settings.lambda)
    Q_EMIT lambdaChanged(data_.settings.lambda);
  if (!sameOverrides(before.overrides, next.overrides))
    Q_EMIT overridesChanged();
  if (before.in_frame != next.in_frame || before.out_frame != next.out_frame)
    Q_EMIT inOutChanged(data_.in_frame, data_.out_frame);
  if (before.export_settings != next.export_settings)
    Q_EMIT exportSettingsChanged(data_.export_settings);
  if (before.guidance != next.guidance)
    Q_EMIT guidanceChanged();
  if (before.failure_reviews != next.failure_reviews)
    Q_EMIT failureReviewsChanged();
}

void Project::push(ProjectData after, const QString& text, int merge_id) {
  undo_stack_.push(new ProjectEditCommand(this, data_, std::move(after), text, merge_id));
}

void Project::setSettings(const pipeline::SessionSettings& settings) {
  if (sameSettingsButLambda(settings, data_.settings))
    return;
  ProjectData after = data_;
  after.settings = settings;
  after.settings.lambda = data_.settings.lambda;
  after.cache_dir = QString::fromStdString(settings.cache_dir);
  push(std::move(after), trCommand(QT_TRANSLATE_NOOP("cf::ui::Project", "Change settings")));
}

void Project::setLambda(double lambda) {
  if (lambda == data_.settings.lambda)
    return;
  ProjectData after = data_;
  after.settings.lambda = lambda;
  push(std::move(after),
       QCoreApplication::translate("cf::ui::Project", "Set λ to %1").arg(lambda, 0, 'f', 2),
       dragging_ ? drag_serial_ : -1);
}

void Project::beginLambdaDrag() {
  dragging_ = true;
  ++drag_serial_;
}

void Project::endLambdaDrag() {
  dragging_ = false;
}

void Project::setOverride(int64_t shot, std::optional<pipeline::ShotOverride> o,
                          const QString& text, int merge_id) {
  ProjectData after = data_;
  auto& list = after.overrides;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const auto& x) { return x.shot_first_frame == shot; }),
             list.end());
  if (o && o->grade && o->grade->isIdentity())
    o->grade.reset();
  if (o && (o->lambda || o->temperature || o->grade)) {
    o->shot_first_frame = shot;
    const auto at = std::lower_bound(
        list.begin(), list.end(), shot,
        [](const pipeline::ShotOverride& x, int64_t f) { return x.shot_first_frame < f; });
    list.insert(at, *o);
  }
  if (sameOverrides(list, data_.overrides))
    return;
  push(std::move(after), text, merge_id);
}

void Project::setShotLambda(int64_t shot, double lambda) {
  auto o = shotOverride(shot).value_or(pipeline::ShotOverride{shot, {}, {}, {}});
  o.lambda = lambda;
  setOverride(shot, o,
              QCoreApplication::translate("cf::ui::Project", "Set λ %1 for the shot at frame %2")
                  .arg(lambda, 0, 'f', 2)
                  .arg(shot));
}

void Project::setShotTemperature(int64_t shot, double temperature) {
  auto o = shotOverride(shot).value_or(pipeline::ShotOverride{shot, {}, {}, {}});
  o.temperature = temperature;
  setOverride(
      shot, o,
      QCoreApplication::translate("cf::ui::Project", "Set temperature %1 for the shot at frame %2")
          .arg(temperature, 0, 'f', 2)
          .arg(shot));
}

void Project::setShotGrade(int64_t shot, const color::Grade& grade) {
  auto o = shotOverride(shot).value_or(pipeline::ShotOverride{shot, {}, {}, {}});
  o.grade = grade;
  // Grade drags share the λ drag's serial numbers: one undo step per drag of a slider.
  setOverride(
      shot, o,
      QCoreApplication::translate("cf::ui::Project", "Grade the shot at frame %1").arg(shot),
      dragging_ ? kGradeMergeBase + drag_serial_ : -1);
}

void Project::beginGradeDrag() {
  dragging_ = true;
  ++drag_serial_;
}

void Project::endGradeDrag() {
  dragging_ = false;
}

void Project::clearShotOverride(int64_t shot) {
  setOverride(
      shot, std::nullopt,
      QCoreApplication::translate("cf::ui::Project", "Clear the overrides of the shot at frame %1")
          .arg(shot));
}

void Project::setInOut(qint64 in_frame, qint64 out_frame) {
  in_frame = std::max<qint64>(-1, in_frame);
  out_frame = std::max<qint64>(-1, out_frame);
  if (in_frame == data_.in_frame && out_frame == data_.out_frame)
    return;
  ProjectData after = data_;
  after.in_frame = in_frame;
  after.out_frame = out_frame;
  push(std::move(after), trCommand(QT_TRANSLATE_NOOP("cf::ui::Project", "Set in/out range")));
}

void Project::setExportSettings(const ExportSettings& settings) {
  if (settings == data_.export_settings)
    return;
  ProjectData after = data_;
  after.export_settings = settings;
  push(std::move(after), trCommand(QT_TRANSLATE_NOOP("cf::ui::Project", "Change export settings")));
}

void Project::setFailureReview(const pipeline::FailureRange& range,
                               std::optional<ReviewStatus> status) {
  ProjectData after = data_;
  after.failure_reviews = withReview(data_.failure_reviews, range, status);
  if (after.failure_reviews == data_.failure_reviews)
    return;
  const QString frames = QStringLiteral("%1-%2").arg(range.first_frame).arg(range.last_frame);
  QString text;
  if (!status)
    text =
        QCoreApplication::translate("cf::ui::Project", "Clear the mark of failure %1").arg(frames);
  else if (*status == ReviewStatus::Ignored)
    text = QCoreApplication::translate("cf::ui::Project", "Ignore failure %1").arg(frames);
  else
    text = QCoreApplication::translate("cf::ui::Project", "Mark failure %1 reviewed").arg(frames);
  push(std::move(after), text);
}

void Project::restoreSettings(const pipeline::SessionSettings& in_use) {
  ProjectData next = data_;
  next.settings = in_use;
  next.settings.lambda = data_.settings.lambda;
  next.cache_dir = QString::fromStdString(in_use.cache_dir);
  apply(next);
}

void Project::reset(const ProjectData& data, const QString& file_path) {
  undo_stack_.clear();
  data_ = data;
  data_.cache_dir = QString::fromStdString(data_.settings.cache_dir);
  file_path_ = file_path;
  dragging_ = false;
  undo_stack_.setClean();
  Q_EMIT projectReset();
  Q_EMIT titleChanged();
}

Status Project::saveTo(const QString& path) {
  Status status = saveProject(path, data_);
  if (!status.ok())
    return status;
  file_path_ = path;
  undo_stack_.setClean();
  Q_EMIT titleChanged();
  return status;
}

}  // namespace cf::ui
