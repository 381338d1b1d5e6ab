// The editor's keyframe colour in steps (issue #15): Session::stepGuidedShot starts a shot's
// propagation on its own thread and returns, so the engine thread analyses other frames while it
// runs (the propagation is held mid-way here by blocking its progress report: no timing); the
// progress counts frames propagated and coloured, of twice the shot; the user's stop drops the
// shot until the guidance changes; and an export's progress moves while its encoder waits for a
// propagation.

#include <QTemporaryDir>
#include <QtTest>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "pipeline/CacheKey.h"
#include "pipeline/CacheManager.h"
#include "pipeline/Session.h"

using namespace cf;

namespace {
constexpr int kCut = 12;  // makeCutClip: 24 frames, a cut at 12

/// Records progress reports; the first one from another thread than `caller` blocks until
/// release() (the propagation is then held, deterministically, in flight).
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  std::thread::id caller = std::this_thread::get_id();
  bool hold = true;
  bool entered = false;
  bool open = false;
  struct Report {
    int64_t done = 0;
    int64_t total = 0;
    std::string stage;
    bool other_thread = false;
  };
  std::vector<Report> reports;

  ProgressFn fn() {
    return [this](const ProgressUpdate& u) {
      std::unique_lock<std::mutex> lock(mutex);
      const bool other = std::this_thread::get_id() != caller;
      reports.push_back({u.done, u.total, u.stage, other});
      if (other && hold && !entered) {
        entered = true;
        changed.notify_all();
        changed.wait(lock, [&] { return open; });
      }
    };
  }
  void waitEntered() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return entered; });  // ctest's timeout catches a hang
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
    changed.notify_all();
  }
  std::vector<Report> taken() {
    std::lock_guard<std::mutex> lock(mutex);
    return reports;
  }
};

guide::Guidance hintAt(int64_t frame, uint8_t red) {
  guide::Guidance g;
  guide::HintPoint h;
  h.frame = frame;
  h.x = 0.3;
  h.y = 0.4;
  h.r = red;
  h.g = 30;
  h.b = 40;
  h.radius = 0.08;
  g.hints.push_back(h);
  return g;
}
}  // namespace

class TestGuideSteps : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;
  QString model_;

  pipeline::SessionSettings settings() const {
    pipeline::SessionSettings s;
    s.model_path = model_.toStdString();
    s.working_height_px = 128;
    s.device = cf::DeviceChoice::Cpu;
    s.lambda = 2.0;
    s.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    return s;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("cut.mkv"));
    QCOMPARE(test::makeCutClip(clip_), QString());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model_), QString());
  }

  void analysisGoesOnWhileAShotPropagates() {
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    pipeline::Session& s = **session;
    s.setGuidance(hintAt(3, 200));
    Gate gate;
    const CancelToken propagation;
    // The first step starts the propagation and returns at once: nothing is ready yet.
    auto step = s.stepGuidedShot(3, propagation, {}, gate.fn());
    QVERIFY2(step.ok(), step.ok() ? "" : step.message().c_str());
    QCOMPARE(step->state, pipeline::GuideStep::State::Waiting);
    QCOMPARE(step->shot.first, int64_t(0));
    QCOMPARE(step->shot.last, int64_t(kCut - 1));
    gate.waitEntered();  // the propagation is now held in flight, on its own thread

    // Meanwhile the engine thread analyses the other shot, and then this shot's frames.
    QCOMPARE(s.analysedFrameCount(), int64_t(0));
    QVERIFY(s.analyse(kCut, 23, {}, {}).ok());
    QCOMPARE(s.analysedFrameCount(), int64_t(24 - kCut));
    QVERIFY(s.analyse(0, 7, {}, {}).ok());
    QCOMPARE(s.analysedFrameCount(), int64_t(24 - kCut + 8));
    QVERIFY(s.timelineDelta() != nullptr);
    auto still = s.stepGuidedShot(3, propagation, {}, gate.fn());
    QVERIFY(still.ok());
    QCOMPARE(still->state, pipeline::GuideStep::State::Waiting);  // it was in flight all along
    auto pending = s.preview({8, 2.0}, {});
    QVERIFY(pending.ok());
    QCOMPARE((*pending)->guide, pipeline::GuideState::Pending);

    gate.release();
    auto shot = s.prepareGuidedShot(3, {}, gate.fn());  // waits for the rest
    QVERIFY2(shot.ok(), shot.ok() ? "" : shot.message().c_str());
    QCOMPARE(shot->first, int64_t(0));
    QCOMPARE(shot->last, int64_t(kCut - 1));
    auto applied = s.preview({8, 2.0}, {});
    QVERIFY(applied.ok());
    QCOMPARE((*applied)->guide, pipeline::GuideState::Applied);

    // Real progress: frames propagated plus frames coloured, of twice the shot, never back.
    const auto reports = gate.taken();
    QVERIFY(!reports.empty());
    int64_t last = 0;
    std::set<int64_t> between;
    for (const Gate::Report& r : reports) {
      QCOMPARE(r.total, int64_t(2 * kCut));
      QCOMPARE(r.stage, std::string("keyframes"));
      QVERIFY(r.done >= last);
      last = r.done;
      if (r.done > 0 && r.done < r.total)
        between.insert(r.done);
    }
    QCOMPARE(last, int64_t(2 * kCut));
    QVERIFY2(between.size() >= 4, qPrintable(QString::number(between.size())));
  }

  void theUserStopsThePropagation() {
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    pipeline::Session& s = **session;
    s.setGuidance(hintAt(4, 150));  // another cache folder than the test before
    Gate gate;
    const CancelToken propagation;
    auto step = s.stepGuidedShot(4, propagation, {}, gate.fn());
    QVERIFY(step.ok());
    QCOMPARE(step->state, pipeline::GuideStep::State::Waiting);
    gate.waitEntered();
    propagation.cancel();  // the Cancel button sets the token directly
    gate.release();
    auto stopped = s.stepGuidedShot(4, propagation, {}, gate.fn());
    QVERIFY(!stopped.ok());
    // Not started again for this guidance, even with a fresh token.
    auto idle = s.stepGuidedShot(4, CancelToken(), {}, gate.fn());
    QVERIFY(idle.ok());
    QCOMPARE(idle->state, pipeline::GuideStep::State::Idle);
    auto preview = s.preview({8, 2.0}, {});
    QVERIFY(preview.ok());
    QCOMPARE((*preview)->guide, pipeline::GuideState::Stopped);
    // A guidance change starts it again.
    s.setGuidance(hintAt(4, 120));
    Gate again;
    again.hold = false;
    auto restarted = s.stepGuidedShot(4, CancelToken(), {}, again.fn());
    QVERIFY(restarted.ok());
    QVERIFY(restarted->state != pipeline::GuideStep::State::Idle);
    auto done = s.prepareGuidedShot(4, {}, {});
    QVERIFY2(done.ok(), done.ok() ? "" : done.message().c_str());
    QCOMPARE(done->last, int64_t(kCut - 1));
  }

  void exportProgressMovesWhileAShotPropagates() {
    // The keyframe is the shot's last frame: its colour sweeps backward, so frame 0 (the first
    // the encoder writes) is ready only when the sweep is done.
    auto session = pipeline::Session::open(clip_.toStdString(), settings());
    QVERIFY(session.ok());
    (*session)->setGuidance(hintAt(kCut - 1, 180));
    Gate gate;
    gate.hold = false;
    pipeline::ExportRequest r;
    r.output_path = dir_.filePath(QStringLiteral("guided.mkv")).toStdString();
    r.codec = cf::VideoCodec::FFV1;
    r.keep_audio = false;
    const Status status = (*session)->exportVideo(r, {}, gate.fn());
    QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());
    int64_t last = 0;
    int moved_before_encoding = 0;
    bool encoding = false;
    for (const Gate::Report& rep : gate.taken()) {
      if (rep.stage != "export")
        continue;                               // the cut scan
      QCOMPARE(rep.total, int64_t(24 + kCut));  // frames encoded + the shot's propagation
      QVERIFY(rep.done >= last);
      encoding = encoding || !rep.other_thread;  // the encoder reports on the calling thread
      if (!encoding && rep.done > last)
        ++moved_before_encoding;
      last = rep.done;
    }
    QCOMPARE(last, int64_t(24 + kCut));
    QVERIFY2(moved_before_encoding >= 3, qPrintable(QString::number(moved_before_encoding)));

    // File › Cache… sees the guided shot's folder, as the video's (and clears it).
    const auto folders = pipeline::videoCacheFolders(clip_.toStdString(), settings());
    const pipeline::CacheUsage usage =
        pipeline::measureCache(pipeline::cacheRootFor(settings()), folders);
    const auto guided = std::find_if(usage.folders.begin(), usage.folders.end(), [](const auto& f) {
      return f.path.find(std::string(pipeline::kGuidedCacheSuffix) + "/") != std::string::npos;
    });
    QVERIFY(guided != usage.folders.end());
    QVERIFY(guided->bytes > 0);
    int64_t listed = 0;
    for (const pipeline::CacheFolderInfo& f : usage.folders)
      listed += f.bytes;
    QCOMPARE(usage.video_bytes, listed);  // every folder here is this clip's
    for (const std::string& f : folders)
      QVERIFY(pipeline::clearCacheFolder(f).ok());
    QVERIFY(!QFileInfo::exists(QString::fromStdString(guided->path)));
  }
};

QTEST_GUILESS_MAIN(TestGuideSteps)
#include "tst_guide_steps.moc"
