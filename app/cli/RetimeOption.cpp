#include "RetimeOption.h"

#include <QFileInfo>
#include <QTextStream>

#include "ConsoleProgress.h"
#include "pipeline/RetimedSource.h"

namespace cf::app {

void addRetimeOption(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("regenerate-timestamps"),
                    QStringLiteral("A video whose timestamps jump back (parts joined with cat, a "
                                   "reset recorder clock): give its frames fresh timestamps, in "
                                   "the order they are stored, through a lossless copy in the "
                                   "cache folder (the sound is not kept).")});
}

bool applyRetimeOption(const QCommandLineParser& parser, const pipeline::SessionSettings& settings,
                       const CancelToken& cancel, std::string* in_path, QString* problem) {
  if (!parser.isSet(QStringLiteral("regenerate-timestamps")))
    return true;
  QTextStream err(stderr);
  // A copy made by an earlier run is used without scanning the film again.
  const std::string made_before = pipeline::retimedCopyPath(*in_path, settings);
  if (QFileInfo(QString::fromStdString(made_before)).isFile()) {
    auto reused = pipeline::makeRetimedCopy(*in_path, settings);  // marks the folder used
    if (reused) {
      err << "note: using the copy with fresh timestamps: " << QString::fromStdString(*reused)
          << '\n';
      *in_path = *reused;
      return true;
    }
  }
  const int64_t jumps = pipeline::timestampJumps(*in_path);
  if (jumps == 0) {
    err << "note: the timestamps of '" << QString::fromStdString(*in_path)
        << "' are in order; --regenerate-timestamps changes nothing.\n";
    return true;
  }
  err << "note: the timestamps of '" << QString::fromStdString(*in_path) << "' jump back " << jumps
      << " time(s): giving its frames fresh timestamps (a lossless copy in the cache; the sound "
         "is not kept).\n";
  err.flush();
  std::string copy;
  {
    ConsoleProgress progress(QStringLiteral("KiB"));
    auto made = pipeline::makeRetimedCopy(*in_path, settings, progress.callback(), cancel);
    progress.finish();
    if (!made) {
      *problem =
          QStringLiteral("--regenerate-timestamps: ") + QString::fromStdString(made.message());
      return false;
    }
    copy = made.value();
  }
  err << "note: using the copy with fresh timestamps: " << QString::fromStdString(copy) << '\n';
  *in_path = copy;
  return true;
}

}  // namespace cf::app
