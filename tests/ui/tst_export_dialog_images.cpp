// The export dialog offers image sequences (DPX, TIFF, PNG) with a bit depth: the output path gets
// a frame number pattern and the sequence's extension, the request carries the depth, and going
// back to a video format drops the pattern again.

#include <QComboBox>
#include <QtTest>

#include "ExportDialog.h"

using cf::pipeline::ExportCodec;
using cf::ui::ExportDialog;

class TestExportDialogImages : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void imageSequenceChoice() {
    ExportDialog dialog;
    dialog.setSource(QStringLiteral("/films/reel1.mkv"), 100, true, -1, -1);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour.mp4"));
    dialog.setCodec(ExportCodec::DpxSequence);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour_%06d.dpx"));
    auto* depth = dialog.findChildren<QComboBox*>().last();
    QCOMPARE(depth->count(), 5);  // as the source, 8, 10, 12, 16
    depth->setCurrentIndex(depth->findData(10));
    cf::pipeline::ExportRequest r = dialog.request();
    QCOMPARE(r.codec, ExportCodec::DpxSequence);
    QCOMPARE(r.bit_depth, 10);
    QCOMPARE(r.output_path, std::string("/films/reel1_colour_%06d.dpx"));
    dialog.setCodec(ExportCodec::TiffSequence);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour_%06d.tif"));
    dialog.setCodec(ExportCodec::ProResMov);
    QCOMPARE(dialog.outputPath(), QStringLiteral("/films/reel1_colour.mov"));
    QVERIFY(!depth->isEnabled());  // ProRes is always 10-bit
    dialog.setCodec(ExportCodec::Ffv1Mkv);
    QVERIFY(depth->isEnabled());
  }
};

QTEST_MAIN(TestExportDialogImages)
#include "tst_export_dialog_images.moc"
