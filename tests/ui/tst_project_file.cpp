// .chromaflow project files: JSON round trip, relative source paths and readable errors.

#include <sys/stat.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "ProjectFile.h"

using cf::ui::ProjectData;

namespace {
ProjectData sampleProject(const QString& source) {
  ProjectData p;
  p.source_path = source;
  p.settings.model_path = "/models/custom.pt";
  p.settings.device = cf::DeviceChoice::Cuda;
  p.settings.working_height_px = 320;
  p.settings.temperature = 0.21;
  p.settings.flow_method = cf::FlowMethod::TvL1;
  p.settings.lambda = 1.75;
  p.settings.input.deinterlace = cf::media::Deinterlace::Off;
  p.settings.input.sequence_fps = cf::media::Rational{24000, 1001};
  p.settings.thresholds.sepia_fraction = 0.45;
  p.settings.thresholds.low_confidence_area = 0.12;
  p.settings.thresholds.flicker_ratio = 4.5;
  p.settings.thresholds.occluded_fraction = 0.33;
  p.settings.thresholds.robust_z = 2.5;
  p.settings.thresholds.min_colorfulness = 9.0;
  cf::pipeline::ShotOverride a;
  a.shot_first_frame = 0;
  a.lambda = 0.25;
  cf::pipeline::ShotOverride b;
  b.shot_first_frame = 120;
  b.temperature = 0.6;
  p.overrides = {a, b};
  p.cache_dir = "/tmp/cache/film";
  p.in_frame = 12;
  p.out_frame = 200;
  p.export_settings.codec = cf::VideoCodec::H265;
  p.export_settings.quality_crf = 24;
  p.export_settings.keep_audio = false;
  p.export_settings.use_in_out = false;
  return p;
}
}  // namespace

class TestProjectFile : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void jsonRoundTripKeepsEveryField() {
    const ProjectData in = sampleProject("/films/kid.mp4");
    auto out = cf::ui::projectFromJson(cf::ui::projectToJson(in), "memory");
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    const ProjectData& p = out.value();
    QCOMPARE(p.source_path, in.source_path);
    QCOMPARE(p.settings.model_path, in.settings.model_path);
    QCOMPARE(p.settings.device, in.settings.device);
    QCOMPARE(p.settings.working_height_px, 320);
    QCOMPARE(p.settings.temperature, 0.21);
    QCOMPARE(p.settings.flow_method, cf::FlowMethod::TvL1);
    QCOMPARE(p.settings.lambda, 1.75);
    QCOMPARE(p.settings.input.deinterlace, cf::media::Deinterlace::Off);
    QCOMPARE(p.settings.input.sequence_fps.num, 24000);
    QCOMPARE(p.settings.input.sequence_fps.den, 1001);
    QCOMPARE(p.settings.thresholds.sepia_fraction, 0.45);
    QCOMPARE(p.settings.thresholds.low_confidence_area, 0.12);
    QCOMPARE(p.settings.thresholds.flicker_ratio, 4.5);
    QCOMPARE(p.settings.thresholds.occluded_fraction, 0.33);
    QCOMPARE(p.settings.thresholds.robust_z, 2.5);
    QCOMPARE(p.settings.thresholds.min_colorfulness, 9.0);
    QCOMPARE(p.cache_dir, in.cache_dir);
    QCOMPARE(QString::fromStdString(p.settings.cache_dir), in.cache_dir);
    QCOMPARE(p.in_frame, qint64(12));
    QCOMPARE(p.out_frame, qint64(200));
    QCOMPARE(p.overrides.size(), size_t(2));
    QCOMPARE(p.overrides[0].shot_first_frame, int64_t(0));
    QVERIFY(p.overrides[0].lambda.has_value());
    QCOMPARE(*p.overrides[0].lambda, 0.25);
    QVERIFY(!p.overrides[0].temperature.has_value());
    QCOMPARE(p.overrides[1].shot_first_frame, int64_t(120));
    QVERIFY(!p.overrides[1].lambda.has_value());
    QCOMPARE(*p.overrides[1].temperature, 0.6);
    QVERIFY(p.export_settings == in.export_settings);
  }

  void readsVersionOneFiles() {
    // A file as Chromaflow 0.1 wrote it (format version 1: no export settings).
    const QByteArray v1 = R"({
      "format": "chromaflow-project", "version": 1, "source_path": "/films/kid.mp4",
      "settings": {"model_path": "", "device": "cuda", "working_height_px": 192,
                   "temperature": 0.3, "flow_method": "farneback", "lambda": 2.5,
                   "thresholds": {"sepia_fraction": 0.5}},
      "shot_overrides": [{"shot_first_frame": 48, "lambda": 0.125}],
      "cache_dir": "/tmp/c", "in_frame": 3, "out_frame": 77})";
    auto out = cf::ui::projectFromJson(v1, "old.chromaflow");
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(out->source_path, QStringLiteral("/films/kid.mp4"));
    QCOMPARE(out->settings.device, cf::DeviceChoice::Cuda);
    QCOMPARE(out->settings.working_height_px, 192);
    QCOMPARE(out->settings.flow_method, cf::FlowMethod::Farneback);
    QCOMPARE(out->settings.lambda, 2.5);
    QCOMPARE(out->settings.thresholds.sepia_fraction, 0.5);
    QCOMPARE(out->overrides.size(), size_t(1));
    QCOMPARE(*out->overrides[0].lambda, 0.125);
    QCOMPARE(out->in_frame, qint64(3));
    QCOMPARE(out->out_frame, qint64(77));
    QVERIFY(out->export_settings == cf::ui::ExportSettings{});  // defaults
    // Written back, it is the current version.
    QVERIFY(cf::ui::projectToJson(*out).contains("\"version\": 3"));
  }

  /// Version 2 files (before "guidance", "failure_reviews" and grades were added) still load,
  /// with no keyframes, marks or grades; saved again they are version 3 and keep what was read.
  void readsVersionTwoFiles() {
    const QByteArray v2 = R"({
      "format": "chromaflow-project", "version": 2, "source_path": "/films/kid.mp4",
      "settings": {"device": "cpu", "flow_method": "tvl1", "lambda": 1.5},
      "shot_overrides": [{"shot_first_frame": 10, "temperature": 0.5}],
      "cache_dir": "", "in_frame": -1, "out_frame": 40,
      "export": {"codec": "ffv1", "quality_crf": 12, "keep_audio": false, "use_in_out": false}})";
    auto out = cf::ui::projectFromJson(v2, "v2.chromaflow");
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(out->settings.device, cf::DeviceChoice::Cpu);
    QCOMPARE(out->settings.flow_method, cf::FlowMethod::TvL1);
    QCOMPARE(out->out_frame, qint64(40));
    QCOMPARE(out->export_settings.codec, cf::VideoCodec::FFV1);
    QCOMPARE(out->export_settings.quality_crf, 12);
    QVERIFY(!out->export_settings.keep_audio);
    QVERIFY(out->guidance.empty());
    QVERIFY(out->failure_reviews.empty());
    QCOMPARE(out->overrides.size(), size_t(1));
    QVERIFY(!out->overrides[0].grade.has_value());
    const QByteArray again = cf::ui::projectToJson(*out);
    QVERIFY(again.contains("\"version\": 3"));
    auto back = cf::ui::projectFromJson(again, "v3.chromaflow");
    QVERIFY(back.ok());
    QVERIFY(back->export_settings == out->export_settings);
    QCOMPARE(*back->overrides[0].temperature, 0.5);
  }

  /// A file from a newer Chromaflow is refused, naming both versions and what to do, instead of
  /// opening with the keys this version does not know silently dropped.
  void refusesFilesOfANewerVersion() {
    const QByteArray v4 = R"({
      "format": "chromaflow-project", "version": 4, "source_path": "/films/kid.mp4",
      "settings": {}, "shot_overrides": [], "in_frame": -1, "out_frame": -1,
      "future_key": {"something": "this build does not know"}})";
    auto out = cf::ui::projectFromJson(v4, "new.chromaflow");
    QVERIFY(!out.ok());
    const QString message = QString::fromStdString(out.message());
    QVERIFY2(message.contains("new.chromaflow") && message.contains("newer Chromaflow") &&
                 message.contains("version 4") &&
                 message.contains(QString::number(cf::ui::kProjectFormatVersion)) &&
                 message.contains("Update Chromaflow"),
             qPrintable(message));
    // Through the file, as File > Open Project reads it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath("new.chromaflow"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(v4);
    f.close();
    auto loaded = cf::ui::loadProject(f.fileName());
    QVERIFY(!loaded.ok());
    QVERIFY(QString::fromStdString(loaded.message()).contains("newer Chromaflow"));
  }

  /// Every export codec, the image sequences too, survives the project file (the one name table).
  void exportCodecsRoundTrip() {
    for (cf::VideoCodec codec :
         {cf::VideoCodec::H264, cf::VideoCodec::H265, cf::VideoCodec::FFV1, cf::VideoCodec::ProRes,
          cf::VideoCodec::DpxSequence, cf::VideoCodec::TiffSequence, cf::VideoCodec::PngSequence}) {
      cf::ui::ExportSettings e;
      e.codec = codec;
      QCOMPARE(cf::ui::exportSettingsFromJson(cf::ui::exportSettingsToJson(e)).codec, codec);
    }
  }

  void saveAndLoadStoresSourceRelativeToProject() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString video = dir.filePath("media/clip.mp4");
    const QString project_path = dir.filePath("film.chromaflow");
    QVERIFY(cf::ui::saveProject(project_path, sampleProject(video)).ok());
    QFile raw(project_path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY(text.contains("\"media/clip.mp4\""));
    auto loaded = cf::ui::loadProject(project_path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->source_path, video);
    QCOMPARE(loaded->settings.lambda, 1.75);
  }

  // Issue #20: a relative cache_dir was resolved from the program's current folder.
  void relativeCacheFolderBelongsToTheProject() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("projects")));
    const QString file = dir.filePath(QStringLiteral("projects/film.chromaflow"));
    ProjectData in = sampleProject(dir.filePath(QStringLiteral("projects/film.mp4")));
    in.cache_dir = QStringLiteral("cache/film");
    in.settings.cache_dir = "cache/film";
    QVERIFY(cf::ui::saveProject(file, in).ok());
    const QString elsewhere = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));  // not the project's folder
    auto out = cf::ui::loadProject(file);
    QDir::setCurrent(elsewhere);
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    const QString expected = QDir::cleanPath(dir.filePath(QStringLiteral("projects/cache/film")));
    QCOMPARE(out->cache_dir, expected);
    QCOMPARE(QString::fromStdString(out->settings.cache_dir), expected);
  }

  void namedPipeIsRefusedNotBlocking() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.chromaflow"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto out = cf::ui::loadProject(fifo);  // before the fix: blocked here for ever
    QVERIFY(!out.ok());
    QVERIFY2(out.message().find("not a regular file") != std::string::npos, out.message().c_str());
  }

  /// Issue #15: a shot's grade goes through the project file and back, on disk too; a grade out
  /// of range is refused with the shot named.
  void gradeRoundTripsThroughTheFile() {
    ProjectData in;
    in.source_path = QStringLiteral("/films/a.mp4");
    cf::pipeline::ShotOverride o;
    o.shot_first_frame = 48;
    o.grade = cf::color::Grade{};
    o.grade->saturation = 1.35;
    o.grade->temperature = -7.5;
    o.grade->tint = 3.25;
    o.grade->hue_remap = cf::color::HueRemap{340.0, 25.0, 250.0, 12.5};
    in.overrides.push_back(o);
    cf::pipeline::ShotOverride plain;
    plain.shot_first_frame = 96;
    plain.lambda = 2.0;
    in.overrides.push_back(plain);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("graded.chromaflow"));
    QVERIFY(cf::ui::saveProject(path, in).ok());
    auto out = cf::ui::loadProject(path);
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(out->overrides.size(), size_t(2));
    QVERIFY(out->overrides[0].grade.has_value());
    QCOMPARE(*out->overrides[0].grade, *o.grade);
    QVERIFY(!out->overrides[1].grade.has_value());
    QCOMPARE(out->overrides[1].lambda, plain.lambda);
    // Written as readable JSON numbers (what a hand-edited file or the CLI gives).
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\"saturation\": 1.35"));
    QVERIFY(text.contains("\"hue_remap\""));
    QByteArray bad = text;
    bad.replace("\"saturation\": 1.35", "\"saturation\": 9");
    auto refused = cf::ui::projectFromJson(bad, QStringLiteral("bad.chromaflow"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.message().find("frame 48") != std::string::npos &&
                 refused.message().find("saturation 9") != std::string::npos,
             refused.message().c_str());
  }

  void rejectsBrokenAndForeignFiles() {
    auto broken = cf::ui::projectFromJson("{ not json", "broken.chromaflow");
    QVERIFY(!broken.ok());
    QVERIFY(QString::fromStdString(broken.message()).contains("broken.chromaflow"));
    auto foreign = cf::ui::projectFromJson(R"({"format":"other","version":1})", "x.json");
    QVERIFY(!foreign.ok());
    auto future = cf::ui::projectFromJson(R"({"format":"chromaflow-project","version":99})", "f");
    QVERIFY(!future.ok());
    QVERIFY(QString::fromStdString(future.message()).contains("99"));
    QVERIFY(!cf::ui::loadProject("/nonexistent/dir/p.chromaflow").ok());
  }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"
