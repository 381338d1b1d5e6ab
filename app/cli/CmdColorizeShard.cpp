#include "CmdColorizeShard.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include "ConsoleProgress.h"
#include "GuideOptions.h"
#include "guide/HintsJson.h"
#include "pipeline/CacheKey.h"
#include "pipeline/Session.h"
#include "pipeline/ShardManifest.h"
#include "pipeline/ShardPlan.h"

namespace cf::app {

namespace {

const QString kCmd = QStringLiteral("chromaflow-cli colorize");

// Everything besides the model and the source that changes a shard's pixels, as canonical JSON
// (QJsonObject sorts its keys), so shards made with other options are refused at the join.
/// The keyframe colour's part of the key: a hash of the hints, the reference images' frames and
/// contents, and the strength (empty without guidance, so unguided shards keep their key).
QString guidanceKey(const guide::Guidance& g) {
  if (g.empty())
    return {};
  QCryptographicHash h(QCryptographicHash::Sha1);
  h.addData(QJsonDocument(guide::hintsToJson(g.hints)).toJson(QJsonDocument::Compact));
  h.addData(QByteArray::number(g.strength, 'g', 17));
  for (const guide::ReferenceImage& r : g.references) {
    h.addData(QByteArray::number(static_cast<qint64>(r.frame)));
    h.addData(pipeline::contentFingerprint(r.path));
  }
  return QString::fromLatin1(h.result().toHex());
}

std::string settingsKey(const pipeline::SessionSettings& s, DeviceChoice device_in_use,
                        const pipeline::SpanLayout& layout, const guide::Guidance& guidance) {
  QJsonObject o{
      {QStringLiteral("chromaflow"), QStringLiteral(CHROMAFLOW_VERSION)},
      {QStringLiteral("working_height"), s.working_height_px},
      {QStringLiteral("temperature"), s.temperature},
      {QStringLiteral("flow"), QLatin1String(flowMethodName(s.flow_method))},
      {QStringLiteral("lambda"), s.lambda},
      // The device the shard ran on (typed: the name "cuda fp16" never matched "CUDA" here).
      {QStringLiteral("device"),
       QLatin1String(deviceChoiceName(device_in_use == DeviceChoice::Cuda ? DeviceChoice::Cuda
                                                                          : DeviceChoice::Cpu))},
      {QStringLiteral("batch"), layout.batch_frames},
      {QStringLiteral("window"), layout.window_frames},
      {QStringLiteral("overlap"), layout.overlap_frames},
  };
  if (!guidance.empty())
    o.insert(QStringLiteral("guidance"), guidanceKey(guidance));
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

void printPlan(QTextStream& out, const pipeline::ShardPlan& plan) {
  out << plan.frame_count << " frames in " << plan.shards.size() << " shards (borders move up to "
      << plan.snap_frames << " frames to a scene cut)\n";
  for (size_t i = 0; i < plan.shards.size(); ++i) {
    const pipeline::RenderSpan& s = plan.shards[i].span;
    out << "  shard " << i << ": frames " << s.first << ".." << s.last << " (" << s.frames()
        << "), reads " << s.decode_first << ".." << s.decode_last << " (context "
        << s.contextBefore() << " before, " << s.contextAfter() << " after)"
        << (plan.shards[i].starts_at_cut ? ", starts at a cut" : "") << '\n';
  }
  out << "  context overhead: " << plan.contextFrames() << " frames ("
      << QString::number(100.0 * double(plan.contextFrames()) / double(plan.frame_count), 'f', 1)
      << "% of the film)\n";
}

}  // namespace

void addShardOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("plan"),
                    QStringLiteral("Print how the film is cut into N shards (borders snap to "
                                   "scene cuts) and exit; OUT is not needed."),
                    QStringLiteral("N")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("With --plan: print JSON.")});
  parser.addOption({QStringLiteral("shard"),
                    QStringLiteral("Render shard I of N (I from 0) of the plan as lossless FFV1 "
                                   "with a manifest; join with 'chromaflow-cli concat'."),
                    QStringLiteral("I/N")});
  parser.addOption({QStringLiteral("range"),
                    QStringLiteral("Render frames A to B (inclusive) as a shard, like --shard."),
                    QStringLiteral("A:B")});
}

bool isShardMode(const QCommandLineParser& parser) {
  return parser.isSet(QStringLiteral("plan")) || parser.isSet(QStringLiteral("shard")) ||
         parser.isSet(QStringLiteral("range"));
}

int runColorizeShard(const QCommandLineParser& parser, const pipeline::SessionSettings& settings) {
  QTextStream err(stderr);
  QTextStream out(stdout);
  const QStringList positional = parser.positionalArguments();
  const bool plan_only = parser.isSet(QStringLiteral("plan"));
  if (int(parser.isSet(QStringLiteral("plan"))) + int(parser.isSet(QStringLiteral("shard"))) +
          int(parser.isSet(QStringLiteral("range"))) !=
      1) {
    err << kCmd << ": use one of --plan, --shard and --range.\n";
    return 2;
  }
  if (positional.size() != (plan_only ? 1 : 2)) {
    err << kCmd << ": " << (plan_only ? "--plan expects IN only." : "expected IN and SHARD.mkv.")
        << " Run '" << kCmd << " --help' for the options.\n";
    return 2;
  }
  int shard_index = -1, shard_count = 0;
  int64_t range_first = 0, range_last = 0;
  if (plan_only) {
    bool ok = false;
    shard_count = parser.value(QStringLiteral("plan")).toInt(&ok);
    if (!ok || shard_count < 1) {
      err << kCmd << ": --plan needs a number of shards >= 1.\n";
      return 2;
    }
  } else if (parser.isSet(QStringLiteral("shard"))) {
    if (!pipeline::parseShardSpec(parser.value(QStringLiteral("shard")).toStdString(), &shard_index,
                                  &shard_count)) {
      err << kCmd << ": --shard needs I/N with 0 <= I < N, e.g. --shard 0/20.\n";
      return 2;
    }
  } else if (!pipeline::parseFrameRange(parser.value(QStringLiteral("range")).toStdString(),
                                        &range_first, &range_last)) {
    err << kCmd << ": --range needs A:B with 0 <= A <= B (frames, inclusive).\n";
    return 2;
  }
  if (!plan_only && parser.value(QStringLiteral("codec")).toLower() != QLatin1String("ffv1") &&
      parser.isSet(QStringLiteral("codec"))) {
    err << kCmd << ": shards are always lossless FFV1 (.mkv); choose the final codec with "
        << "'chromaflow-cli concat --codec'.\n";
    return 2;
  }
  if (!plan_only && !positional.at(1).endsWith(QLatin1String(".mkv"), Qt::CaseInsensitive)) {
    err << kCmd << ": a shard is written as FFV1 in Matroska: name it '.mkv'.\n";
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const std::string in_path = positional.at(0).toStdString();
  auto session = pipeline::Session::open(in_path, settings);
  if (!session) {
    err << kCmd << ": " << QString::fromStdString(session.message()) << '\n';
    return 1;
  }
  const CancelToken cancel = installInterruptHandler();
  ConsoleProgress progress;
  auto cuts = (*session)->sceneCutFrames(cancel, progress.callback());
  progress.finish();
  if (!cuts) {
    err << kCmd << ": " << QString::fromStdString(cuts.message()) << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  const int64_t frame_count = (*session)->info().frame_count;
  pipeline::ShardPlanSettings ps;
  ps.layout = pipeline::defaultSpanLayout();
  if (plan_only || shard_count > 0) {
    ps.shards = shard_count;
    auto plan = pipeline::planShards(frame_count, *cuts, ps);
    if (!plan) {
      err << kCmd << ": " << QString::fromStdString(plan.message()) << '\n';
      return 2;
    }
    if (plan_only) {
      if (parser.isSet(QStringLiteral("json")))
        out << QString::fromStdString(pipeline::planToJson(*plan));
      else
        printPlan(out, *plan);
      return 0;
    }
    range_first = plan->shards[size_t(shard_index)].span.first;
    range_last = plan->shards[size_t(shard_index)].span.last;
  } else if (range_last >= frame_count) {
    err << kCmd << ": --range " << range_first << ':' << range_last << " goes past the last frame ("
        << frame_count - 1 << ").\n";
    return 2;
  }

  if (hasGuideOptions(parser)) {
    // Keyframe colour is per shot: a shard propagates every guided shot it touches, whole (from
    // the shot's first frame, as the single export does), so its frames stay exact wherever its
    // borders lie; shards that share a shot repeat that shot's propagation.
    guide::Guidance guidance;
    QString problem;
    if (!parseGuideOptions(parser, in_path, frame_count, &guidance, &problem)) {
      err << kCmd << ": " << problem << '\n';
      return 2;
    }
    (*session)->setGuidance(guidance);
  }
  if (Status s = (*session)->loadModel(); !s) {
    err << kCmd << ": " << QString::fromStdString(s.message()) << '\n';
    return 1;
  }
  pipeline::ShardManifest manifest;
  manifest.source_name = QFileInfo(positional.at(0)).fileName().toStdString();
  auto fingerprint = pipeline::sourceFingerprint(in_path);
  auto model_fingerprint = pipeline::fileSha256((*session)->modelPath());
  if (!fingerprint || !model_fingerprint) {
    err << kCmd << ": "
        << QString::fromStdString(!fingerprint ? fingerprint.message()
                                               : model_fingerprint.message())
        << '\n';
    return 1;
  }
  manifest.source_fingerprint = *fingerprint;
  manifest.source_frames = frame_count;
  manifest.model_fingerprint = *model_fingerprint;
  manifest.settings =
      settingsKey(settings, (*session)->info().device_in_use, ps.layout, (*session)->guidance());
  manifest.first = range_first;
  manifest.last = range_last;
  manifest.shard_index = shard_index;
  manifest.shard_count = shard_count;

  pipeline::ExportRequest request;
  request.output_path = positional.at(1).toStdString();
  request.codec = cf::VideoCodec::FFV1;
  request.first_frame = range_first;
  request.last_frame = range_last;
  request.keep_audio = false;  // the join takes the audio from the source
  request.exact_range = true;
  request.metadata = {{pipeline::kShardManifestTag, manifest.toJson()}};
  const Status status = (*session)->exportVideo(request, cancel, progress.callback());
  progress.finish();
  if (!status) {
    err << kCmd << ": " << QString::fromStdString(status.message()) << '\n';
    return cancel.isCancelled() ? 130 : 1;
  }
  const pipeline::ExportStats& s = (*session)->lastExportStats();
  const pipeline::RenderSpan span =
      pipeline::exactSpan(range_first, range_last, frame_count, *cuts, ps.layout);
  out << "wrote " << positional.at(1) << ": frames " << range_first << ".." << range_last << " ("
      << s.frames << ") in " << QString::number(s.total_s, 'f', 1) << " s, read "
      << span.decode_first << ".." << span.decode_last << " (context " << span.contextBefore()
      << " before, " << span.contextAfter() << " after), " << s.cache_hits
      << " frames from cache\n";
  return 0;
}

}  // namespace cf::app
