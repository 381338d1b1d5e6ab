// The export dialog offers image sequences (DPX, TIFF, PNG) with a bit depth: the output path gets
// a frame number pattern and the sequence's extension, the request carries the depth, and going
// back to a video format drops the pattern again.

#include <QComboBox>
#include <QtTest>

#include "ExportDialog.h"

using cf::VideoCodec;
using cf::ui::ExportDialog;

class TestExportDialogImages : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void imageSequenceChoice() {
    ExportDialog dialog;
    dialog.setOutputFolder(QStringLiteral("/films"));
    dialog.setSource(QStringLiteral("/films/reel1.mkv"), 100, true, -1, -1);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour.mp4"));
    dialog.setCodec(VideoCodec::DpxSequence);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour_%06d.dpx"));
    auto* depth = dialog.findChildren<QComboBox*>().last();
    QCOMPARE(depth->count(), 5);  // as the source, 8, 10, 12, 16
    depth->setCurrentIndex(depth->findData(10));
    cf::pipeline::ExportRequest r = dialog.request();
    QCOMPARE(r.codec, VideoCodec::DpxSequence);
    QCOMPARE(r.bit_depth, 10);
    QCOMPARE(r.output_path, std::string("/films/reel1_colour_%06d.dpx"));
    dialog.setCodec(VideoCodec::TiffSequence);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour_%06d.tif"));
    dialog.setCodec(VideoCodec::ProRes);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour.mov"));
    QVERIFY(!depth->isEnabled());  // ProRes is always 10-bit
    dialog.setCodec(VideoCodec::FFV1);
    QVERIFY(depth->isEnabled());
  }
};

QTEST_MAIN(TestExportDialogImages)
#include "tst_export_dialog_images.moc"
