// The bad-input corpus (tests/data/make_bad_inputs.sh) through `chromaflow-cli info --check`,
// `chromaflow-cli colorize` and the GUI's open path (MainWindow::openVideo, offscreen). Every run
// has a time limit. Each input has an expected outcome per path ("ok" or "error"), so a regression
// either way fails: "ok" is exit 0 and a probe-able output with the source's frame count, "error"
// is a non-zero exit with one line that names the file, and nothing at the output path. No input
// may crash or hang anything, and every input is byte-identical afterwards. The test prints the
// outcome table that docs/bad-input.md holds.

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <memory>
#include <vector>

extern "C" {
#include <libavutil/log.h>
}

#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"

using namespace cf::ui;

namespace {

constexpr int kCorpusTimeoutMs = 60000;
constexpr int kInfoTimeoutMs = 30000;
constexpr int kColorizeTimeoutMs = 90000;
constexpr int kGuiTimeoutMs = 60000;

/// Offer: refused, but the GUI offers to open the readable part (a truncated file; issue #16).
/// Retime: refused, but the GUI offers fresh timestamps for a file whose timestamps jump back,
/// and opens the copy (issue #20).
enum class Outcome { Ok, Error, Offer, Retime };

/// What each input of the corpus must give. `says` must appear in the error line (or, for "ok", in
/// info's output); `note` in colorize's notes.
struct Expected {
  const char* file;
  Outcome info;
  Outcome colorize;
  Outcome gui;
  const char* says;
  const char* note;
};

constexpr Outcome Ok = Outcome::Ok;
constexpr Outcome Error = Outcome::Error;
constexpr Outcome Offer = Outcome::Offer;
constexpr Outcome Retime = Outcome::Retime;

// clang-format off
const Expected kCorpus[] = {
    {"zero_bytes.mp4",          Error, Error, Error, "empty (0 bytes)", ""},
    {"random_bytes.mp4",        Error, Error, Error, "not a video format", ""},
    {"text_named.mp4",          Error, Error, Error, "not a video format", ""},
    {"truncated.mp4",           Error, Error, Offer, "truncated",       ""},
    {"header_only.mp4",         Error, Error, Error, "moov",            ""},
    {"missing_moov.mp4",        Error, Error, Error, "moov",            ""},
    {"damaged_moov.mp4",        Error, Error, Error, "moov",            ""},
    {"zeroed_samples.mp4",      Error, Error, Error, "damaged",         ""},
    {"truncated.mkv",           Ok,    Ok,    Ok,    "",                ""},
    {"corrupt_middle.avi",      Ok,    Ok,    Ok,    "damaged",         "damaged"},
    {"corrupt_middle.mkv",      Ok,    Ok,    Ok,    "damaged",         "damaged"},
    {"mkv_named.mp4",           Ok,    Ok,    Ok,    "",                ""},
    {"mp4_named.avi",           Ok,    Ok,    Ok,    "",                ""},
    {"path with spaces.mp4",    Ok,    Ok,    Ok,    "",                ""},
    {"Ünïcödé 電影.mp4",          Ok,    Ok,    Ok,    "",                ""},
    {"size_1x1.mkv",            Ok,    Ok,    Ok,    "1x1 px",          "odd"},
    {"size_7x5.mkv",            Ok,    Ok,    Ok,    "7x5 px",          "odd"},
    {"size_8k.mp4",             Ok,    Ok,    Ok,    "",                ""},
    {"yuv422p10_prores.mov",    Ok,    Ok,    Ok,    "4:2:2",           ""},
    {"yuvj420p_full_range.avi", Ok,    Ok,    Ok,    "full range",      ""},
    {"rgb24_qtrle.mov",         Ok,    Ok,    Ok,    "RGB",             ""},
    {"pal8.gif",                Ok,    Ok,    Ok,    "RGB",             ""},
    {"rotated_90.mp4",          Ok,    Ok,    Ok,    "270 deg",         ""},
    {"vfr.mkv",                 Ok,    Ok,    Ok,    "variable",        ""},
    {"interlaced.mp4",          Ok,    Ok,    Ok,    "tff",             ""},
    {"no_frames.mp4",           Error, Error, Error, "no frames",       ""},
    {"audio_only.m4a",          Error, Error, Error, "audio-only",      ""},
    {"three_audio.mkv",         Ok,    Ok,    Ok,    "#3 aac",          ""},
    {"subtitle.mkv",            Ok,    Ok,    Ok,    "subtitle",        "subtitle"},
    {"still.png",               Ok,    Ok,    Ok,    "single photo",    ""},
    // issue #20
    {"wrapped_pts.ts",          Ok,    Ok,    Ok,    "",                ""},
    {"far_frame.mkv",           Ok,    Ok,    Ok,    "variable",        ""},
    {"joined_cat.ts",           Error, Error, Retime, "timestamps jump back", ""},
    {"size_change.ts",          Ok,    Ok,    Ok,    "resolution changes", "resolution changes"},
    {"two_video.mkv",           Ok,    Ok,    Ok,    "",                "2 video streams"},
    {"aspect_16384x16.mkv",     Ok,    Error, Error, "16384x16",        ""},
    {"aspect_16x16384.mkv",     Ok,    Error, Error, "16x16384",        ""},
};
// clang-format on

QByteArray sha256(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&file);
  return hash.result();
}

struct Run {
  bool finished = false;  ///< false: it ran past its time limit (a hang) and was killed
  bool crashed = false;   ///< ended by a signal
  int exit_code = -1;
  QString out;
  QString err;
};

Run runProcess(const QString& program, const QStringList& args, int timeout_ms) {
  QProcess process;
  process.start(program, args);
  Run run;
  run.finished = process.waitForFinished(timeout_ms);
  if (!run.finished) {
    process.kill();
    process.waitForFinished();
  }
  run.crashed = run.finished && process.exitStatus() == QProcess::CrashExit;
  run.exit_code = process.exitCode();
  run.out = QString::fromUtf8(process.readAllStandardOutput());
  run.err = QString::fromUtf8(process.readAllStandardError());
  return run;
}

struct Job {
  QStringList args;
  int timeout_ms = 0;
  Run run;
};

/// Runs chromaflow-cli once per job, `parallel` at a time (most of a tiny run is process start-up),
/// each with its own time limit.
void runCliJobs(std::vector<Job>& jobs, size_t parallel) {
  struct Active {
    Job* job = nullptr;
    std::unique_ptr<QProcess> process;
    QElapsedTimer timer;
  };
  std::vector<Active> active;
  size_t next = 0;
  while (next < jobs.size() || !active.empty()) {
    while (active.size() < parallel && next < jobs.size()) {
      Active a;
      a.job = &jobs[next++];
      a.process = std::make_unique<QProcess>();
      a.process->start(cf::test::cliPath(), a.job->args);
      a.timer.start();
      active.push_back(std::move(a));
    }
    for (auto it = active.begin(); it != active.end();) {
      QProcess& p = *it->process;
      const bool done = p.state() == QProcess::NotRunning || p.waitForFinished(20);
      const bool hung = !done && it->timer.elapsed() > it->job->timeout_ms;
      if (!done && !hung) {
        ++it;
        continue;
      }
      Run& run = it->job->run;
      if (hung) {
        p.kill();
        p.waitForFinished();
      }
      run.finished = !hung;
      run.crashed = done && p.exitStatus() == QProcess::CrashExit;
      run.exit_code = p.exitCode();
      run.out = QString::fromUtf8(p.readAllStandardOutput());
      run.err = QString::fromUtf8(p.readAllStandardError());
      qDebug("%s %s: %lld ms", qPrintable(it->job->args.first()), qPrintable(it->job->args.last()),
             it->timer.elapsed());
      it = active.erase(it);
    }
  }
}

/// The lines of `text` that start with `prefix` ("chromaflow-cli info: "); the rest of stderr is
/// log lines ("chromaflow.media: ..."), notes and progress.
QStringList linesStartingWith(const QString& text, const QString& prefix) {
  QStringList lines;
  for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
    if (line.startsWith(prefix))
      lines << line;
  return lines;
}

QString oneLine(QString text) {
  return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('|'), '/').trimmed();
}

}  // namespace

class TestBadInputs : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString corpus_;
  QString model_;
  std::unique_ptr<MainWindow> window_;
  // file -> column -> "ok" / "error: message", for the table printed at the end
  std::map<QString, std::map<QString, QString>> table_;
  std::vector<QByteArray> hashes_;  // of each input before any run
  std::vector<Job> info_jobs_;
  std::vector<Job> colorize_jobs_;

  QString outputOf(int row) const {
    return dir_.filePath(QStringLiteral("out-%1/coloured %1.mp4").arg(row));
  }

  QString input(const char* file) const { return QDir(corpus_).filePath(QString::fromUtf8(file)); }

  static void addRows() {
    QTest::addColumn<int>("row");
    for (int i = 0; i < static_cast<int>(std::size(kCorpus)); ++i)
      QTest::newRow(kCorpus[i].file) << i;
  }

  /// One error line, starting with `prefix`, that names `path` and says `says`.
  static void checkErrorLine(const QString& text, const QString& prefix, const QString& path,
                             const char* says) {
    const QStringList lines = linesStartingWith(text, prefix);
    QVERIFY2(lines.size() == 1, qPrintable(QStringLiteral("not one error line: ") + text));
    QVERIFY2(lines[0].contains(path),
             qPrintable(QStringLiteral("does not name the file: ") + lines[0]));
    QVERIFY2(lines[0].contains(QString::fromUtf8(says)),
             qPrintable(QStringLiteral("expected '") + says + "' in: " + lines[0]));
  }

 private Q_SLOTS:
  void initTestCase() {
    av_log_set_level(AV_LOG_FATAL);  // as the GUI and the CLI do: our messages replace FFmpeg's
    QVERIFY(dir_.isValid());
    corpus_ = dir_.filePath(QStringLiteral("corpus"));
    const Run made = runProcess(QStringLiteral("bash"),
                                {QStringLiteral(CF_MAKE_BAD_INPUTS), corpus_}, kCorpusTimeoutMs);
    QVERIFY2(made.finished && !made.crashed && made.exit_code == 0, qPrintable(made.err));
    // Every file the script makes has an expectation here, and the other way round.
    QStringList made_files = QDir(corpus_).entryList(QDir::Files);
    QStringList expected_files;
    for (const Expected& e : kCorpus)
      expected_files << QString::fromUtf8(e.file);
    made_files.sort();
    expected_files.sort();
    QCOMPARE(made_files, expected_files);
    QVERIFY(made_files.size() >= 20);

    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    const QString error = cf::test::makeTinyModel(model_);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // All CLI runs up front, two at a time; the test functions below check their results.
    for (int row = 0; row < static_cast<int>(std::size(kCorpus)); ++row) {
      const QString path = input(kCorpus[row].file);
      hashes_.push_back(sha256(path));
      info_jobs_.push_back(
          {{QStringLiteral("info"), QStringLiteral("--check"), path}, kInfoTimeoutMs, {}});
      QVERIFY(QDir().mkpath(QFileInfo(outputOf(row)).path()));
      colorize_jobs_.push_back(
          {{QStringLiteral("colorize"), QStringLiteral("--model"), model_,
            QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--working-height"),
            QStringLiteral("128"), QStringLiteral("--cache"),
            dir_.filePath(QStringLiteral("cache-%1").arg(row)), path, outputOf(row)},
           kColorizeTimeoutMs,
           {}});
    }
    runCliJobs(info_jobs_, 2);
    runCliJobs(colorize_jobs_, 2);
  }

  void info_data() { addRows(); }
  void info() {
    QFETCH(int, row);
    const Expected& e = kCorpus[row];
    const QString path = input(e.file);
    const Run& run = info_jobs_.at(row).run;
    QVERIFY2(run.finished, "info hung");
    QVERIFY2(!run.crashed, qPrintable(QStringLiteral("info crashed: ") + run.err));
    QCOMPARE(sha256(path), hashes_.at(row));
    if (e.info == Outcome::Ok) {
      QVERIFY2(run.exit_code == 0, qPrintable(run.err));
      QVERIFY2(run.out.contains(QStringLiteral("Frames:")), qPrintable(run.out));
      const QString facts = run.out.section('\n', 1);  // without the "File:" line
      QVERIFY2(facts.contains(QString::fromUtf8(e.says), Qt::CaseInsensitive), qPrintable(run.out));
      const QString damaged =
          run.out.section(QStringLiteral("Damaged:"), 1).section('\n', 0, 0).trimmed();
      // Only the inputs with damage in them report damage.
      QCOMPARE(damaged == QStringLiteral("none"), qstrcmp(e.says, "damaged") != 0);
      table_[e.file][QStringLiteral("info")] = damaged == QStringLiteral("none")
                                                   ? QStringLiteral("ok")
                                                   : QStringLiteral("ok, damaged: ") + damaged;
    } else {
      QCOMPARE(run.exit_code, 1);
      checkErrorLine(run.err, QStringLiteral("chromaflow-cli info: "), path, e.says);
      table_[e.file][QStringLiteral("info")] = QStringLiteral("error");
      table_[e.file][QStringLiteral("message")] =
          oneLine(linesStartingWith(run.err, QStringLiteral("chromaflow-cli info: ")).join(' '));
    }
  }

  void colorize_data() { addRows(); }
  void colorize() {
    QFETCH(int, row);
    const Expected& e = kCorpus[row];
    const QString path = input(e.file);
    const QString out = outputOf(row);
    const QDir out_dir = QFileInfo(out).dir();
    const Run& run = colorize_jobs_.at(row).run;
    QVERIFY2(run.finished, "colorize hung");
    QVERIFY2(!run.crashed, qPrintable(QStringLiteral("colorize crashed: ") + run.err));
    QCOMPARE(sha256(path), hashes_.at(row));
    QStringList notes;
    for (const QString& line : run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
      if (line.startsWith(QStringLiteral("note: ")))
        notes << line.mid(6);
    if (e.colorize == Outcome::Ok) {
      QVERIFY2(run.exit_code == 0, qPrintable(run.err));
      QVERIFY2(QFile::exists(out), qPrintable(out));
      auto source = cf::media::VideoReader::open(path.toStdString());
      QVERIFY(source.ok());
      auto written = cf::media::VideoReader::open(out.toStdString());
      QVERIFY2(written.ok(), written.ok() ? "" : written.message().c_str());
      QCOMPARE(written.value()->info().frame_count, source.value()->info().frame_count);
      QCOMPARE(written.value()->info().width_px, source.value()->info().width_px);
      QCOMPARE(written.value()->info().height_px, source.value()->info().height_px);
      QVERIFY2(notes.join(' ').contains(QString::fromUtf8(e.note)), qPrintable(run.err));
      table_[e.file][QStringLiteral("colorize")] =
          notes.isEmpty()
              ? QStringLiteral("ok")
              : QStringLiteral("ok, note: ") + oneLine(notes.join(QStringLiteral("; ")));
    } else {
      QCOMPARE(run.exit_code, 1);
      checkErrorLine(run.err, QStringLiteral("chromaflow-cli colorize: "), path, e.says);
      QVERIFY2(out_dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty(),
               "a failed colorize left files next to its output");
      table_[e.file][QStringLiteral("colorize")] = QStringLiteral("error");
      if (table_[e.file][QStringLiteral("message")].isEmpty())  // info opened it (geometry)
        table_[e.file][QStringLiteral("message")] = oneLine(
            linesStartingWith(run.err, QStringLiteral("chromaflow-cli colorize: ")).join(' '));
    }
  }

  void readerGoesOnPastDamage_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("mkv") << QStringLiteral("corrupt_middle.mkv");
    QTest::newRow("avi") << QStringLiteral("corrupt_middle.avi");
  }
  void readerGoesOnPastDamage() {
    QFETCH(QString, file);
    auto opened = cf::media::VideoReader::open(QDir(corpus_).filePath(file).toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
    cf::media::VideoReader& reader = *opened.value();
    const int64_t frames = reader.info().frame_count;
    int64_t decoded = 0;
    while (true) {
      auto frame = reader.next();
      QVERIFY2(frame.ok(), frame.ok() ? "" : frame.message().c_str());
      if (!frame.value())
        break;
      QCOMPARE(frame.value()->index, decoded);
      ++decoded;
    }
    QCOMPARE(decoded, frames);  // every frame, damaged or not
    const std::vector<int64_t> damaged = reader.damagedFrames();
    QVERIFY(!damaged.empty());
    QVERIFY(damaged.back() < frames);
    const std::string summary = reader.damageSummary();
    QVERIFY2(summary.find(std::to_string(damaged.front())) != std::string::npos, summary.c_str());
    // `info --check --json` lists the same frames.
    const Run json = runProcess(cf::test::cliPath(),
                                {QStringLiteral("info"), QStringLiteral("--check"),
                                 QStringLiteral("--json"), QDir(corpus_).filePath(file)},
                                kInfoTimeoutMs);
    QVERIFY2(json.finished && !json.crashed && json.exit_code == 0, qPrintable(json.err));
    const QJsonArray listed = QJsonDocument::fromJson(json.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("damaged_frames"))
                                  .toArray();
    QCOMPARE(listed.size(), static_cast<qsizetype>(damaged.size()));
    for (qsizetype i = 0; i < listed.size(); ++i)
      QCOMPARE(listed.at(i).toInteger(), damaged[static_cast<size_t>(i)]);
    // Seeking onto and past the damage gives the frames asked for.
    for (const int64_t index : {damaged.front(), frames - 1, int64_t(0), damaged.back()}) {
      auto frame = reader.frameAt(index);
      QVERIFY2(frame.ok(), frame.ok() ? "" : frame.message().c_str());
      QCOMPARE(frame.value()->index, index);
    }
  }

  void guiOpen_data() { addRows(); }
  void guiOpen() {
    QFETCH(int, row);
    const Expected& e = kCorpus[row];
    const QString path = input(e.file);
    if (!window_) {
      window_ = std::make_unique<MainWindow>(dir_.filePath(QStringLiteral("settings.ini")));
      cf::pipeline::SessionSettings s;
      s.model_path = model_.toStdString();
      s.device = cf::pipeline::DeviceChoice::Cpu;
      s.working_height_px = 128;
      s.cache_dir = dir_.filePath(QStringLiteral("gui-cache")).toStdString();
      cf::ui::ProjectData project;
      project.settings = s;
      window_->project()->reset(project, QString());
      window_->resize(900, 600);
      window_->show();
      QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    window_->engine()->setBackgroundAnalysis(false);
    const QByteArray before = sha256(path);
    QSignalSpy opened(window_.get(), &MainWindow::videoOpened);
    QSignalSpy failed(window_->engine(), &SessionController::openFailed);
    QSignalSpy truncated(window_->engine(), &SessionController::openTruncated);
    QSignalSpy jumps(window_->engine(), &SessionController::openTimestampsJump);
    window_->openVideo(path);
    QTRY_VERIFY_WITH_TIMEOUT(
        opened.count() + failed.count() + truncated.count() + jumps.count() > 0, kGuiTimeoutMs);
    if (e.gui == Outcome::Retime) {
      // Issue #20: timestamps that jump back are offered fresh ones, through a copy.
      QVERIFY2(jumps.count() == 1 && failed.isEmpty(), "no offer of fresh timestamps");
      QVERIFY(jumps.at(0).at(2).toString().contains(QString::fromUtf8(e.says)));
      QMessageBox* box = nullptr;
      QTRY_VERIFY((box = window_->findChild<QMessageBox*>(QStringLiteral("timestampsBox"))));
      auto* regenerate = box->findChild<QPushButton*>(QStringLiteral("regenerateTimestamps"));
      QVERIFY(regenerate);
      regenerate->click();
      QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, kGuiTimeoutMs);
      QCOMPARE(window_->engine()->info().frame_count, qint64(12));  // both parts, 6 + 6
      QVERIFY(QString::fromStdString(window_->engine()->info().path)
                  .endsWith(QLatin1String(".retimed.mkv")));
      QTRY_VERIFY_WITH_TIMEOUT(
          window_->preview()->frame() && window_->preview()->frame()->frame_index == 0,
          kGuiTimeoutMs);
      table_[e.file][QStringLiteral("gui")] = QStringLiteral("offers fresh timestamps");
    } else if (e.gui == Outcome::Offer) {
      // Issue #16: a truncated file is not just refused; the window offers its readable part.
      QVERIFY2(truncated.count() == 1 && failed.isEmpty(), "no offer to open the readable part");
      const qint64 readable = truncated.at(0).at(1).toLongLong();
      QVERIFY(readable > 0 && readable < truncated.at(0).at(2).toLongLong());
      QVERIFY(truncated.at(0).at(3).toString().contains(QString::fromUtf8(e.says)));
      QMessageBox* box = nullptr;
      QTRY_VERIFY((box = window_->findChild<QMessageBox*>(QStringLiteral("truncatedBox"))));
      QVERIFY2(box->informativeText().contains(QString::number(readable)),
               qPrintable(box->informativeText()));
      auto* open_part = box->findChild<QPushButton*>(QStringLiteral("openReadablePart"));
      QVERIFY(open_part);
      open_part->click();
      QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, kGuiTimeoutMs);
      QCOMPARE(window_->engine()->info().frame_count, readable);
      QVERIFY(window_->engine()->info().truncated);
      QTRY_VERIFY_WITH_TIMEOUT(
          window_->preview()->frame() && window_->preview()->frame()->frame_index == 0,
          kGuiTimeoutMs);
      table_[e.file][QStringLiteral("gui")] = QStringLiteral("offers the readable part");
    } else if (e.gui == Outcome::Ok) {
      QVERIFY2(opened.count() == 1,
               failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
      // The first preview (source and colourised frame 0) arrives.
      QTRY_VERIFY_WITH_TIMEOUT(
          window_->preview()->frame() && window_->preview()->frame()->frame_index == 0,
          kGuiTimeoutMs);
      table_[e.file][QStringLiteral("gui")] = QStringLiteral("ok");
    } else {
      QVERIFY2(failed.count() == 1, "the GUI opened a file it should refuse");
      const QString message = failed.at(0).at(0).toString();
      QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
      QVERIFY2(message.contains(path), qPrintable(message));
      QVERIFY2(message.contains(QString::fromUtf8(e.says)), qPrintable(message));
      auto* box = window_->findChild<QMessageBox*>(QStringLiteral("errorBox"));
      QVERIFY2(box && (box->text() == message || box->informativeText() == message),
               "no error box with the message");
      box->close();
      table_[e.file][QStringLiteral("gui")] = QStringLiteral("error (message box)");
    }
    QCOMPARE(sha256(path), before);
  }

  void cleanupTestCase() {
    window_.reset();
    // The table for docs/bad-input.md.
    QString text = QStringLiteral(
        "\n| input | info --check | colorize | GUI open | message |\n|---|---|---|---|---|\n");
    for (const Expected& e : kCorpus) {
      auto& r = table_[e.file];
      text += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                  .arg(QString::fromUtf8(e.file), r[QStringLiteral("info")],
                       r[QStringLiteral("colorize")], r[QStringLiteral("gui")],
                       r[QStringLiteral("message")])
                  .replace(corpus_ + '/', QString());
    }
    qInfo().noquote() << text;
  }
};

QTEST_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
