#pragma once
// Types that cross threads or sit in QVariant (queued connections, QSignalSpy). Call
// registerMetaTypes() once before the first queued connection.

#include <QMetaType>
#include <QVector>

#include "pipeline/SessionTypes.h"

Q_DECLARE_METATYPE(cf::pipeline::PreviewFramePtr)
Q_DECLARE_METATYPE(cf::pipeline::TimelineDataPtr)
Q_DECLARE_METATYPE(cf::pipeline::SessionSettings)
Q_DECLARE_METATYPE(cf::pipeline::SessionInfo)
Q_DECLARE_METATYPE(cf::pipeline::ExportRequest)
Q_DECLARE_METATYPE(cf::pipeline::PreviewRequest)
Q_DECLARE_METATYPE(std::vector<cf::pipeline::SuggestedColour>)

namespace cf::ui {

using ShotOverrideList = std::vector<cf::pipeline::ShotOverride>;
using SuggestedColourList = std::vector<cf::pipeline::SuggestedColour>;

inline void registerMetaTypes() {
  qRegisterMetaType<cf::pipeline::PreviewFramePtr>();
  qRegisterMetaType<cf::pipeline::TimelineDataPtr>();
  qRegisterMetaType<cf::pipeline::SessionSettings>();
  qRegisterMetaType<cf::pipeline::SessionInfo>();
  qRegisterMetaType<cf::pipeline::ExportRequest>();
  qRegisterMetaType<cf::pipeline::PreviewRequest>();
  qRegisterMetaType<QVector<qint64>>();
  qRegisterMetaType<SuggestedColourList>();
}

}  // namespace cf::ui
