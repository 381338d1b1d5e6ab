// The hints file of `colorize --hints` (core/guide/HintsJson.h): a valid file round-trips, and
// every kind of bad entry is refused with an error naming the entry, the field, the value and why.

#include <QtTest>

#include "guide/HintsJson.h"

using namespace cf;

class TestHintsJson : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void validFileParses() {
    const QByteArray doc = R"({"hints": [
      {"frame": 12, "x": 0.41, "y": 0.63, "color": "#2f5d2a"},
      {"frame": 0, "x": 0, "y": 1, "color": "#ABC", "radius": 0.1}]})";
    auto hints = guide::parseHintsJson(doc, "h.json", 100);
    QVERIFY2(hints.ok(), hints.ok() ? "" : hints.message().c_str());
    QCOMPARE(hints->size(), size_t(2));
    const guide::HintPoint& h = hints->at(0);
    QCOMPARE(h.frame, int64_t(12));
    QCOMPARE(h.x, 0.41);
    QCOMPARE(h.y, 0.63);
    QCOMPARE(int(h.r), 0x2f);
    QCOMPARE(int(h.g), 0x5d);
    QCOMPARE(int(h.b), 0x2a);
    QCOMPARE(h.radius, guide::HintPoint::kDefaultRadius);
    QCOMPARE(int(hints->at(1).r), 0xaa);
    QCOMPARE(int(hints->at(1).b), 0xcc);
    QCOMPARE(hints->at(1).radius, 0.1);
    // Round trip through the writer.
    auto again = guide::parseHintsJson(guide::hintsDocument(*hints), "again", 100);
    QVERIFY(again.ok());
    QVERIFY(*again == *hints);
  }

  void badEntriesNameTheirError_data() {
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QStringList>("expected");  // every piece must appear in the message
    const QString ok = QStringLiteral(R"("x": 0.5, "y": 0.5, "color": "#ff0000")");
    auto entry = [&](const QString& body) {
      return (QStringLiteral(R"({"hints": [{"frame": 1, )") + ok + QStringLiteral("}, {") + body +
              QStringLiteral("}]}"))
          .toUtf8();
    };
    QTest::newRow("not json") << QByteArray(R"({"hints": [)")
                              << QStringList{"h.json", "not valid JSON", "line 1"};
    QTest::newRow("top-level array") << QByteArray("[1]") << QStringList{"expected an object"};
    QTest::newRow("no hints key") << QByteArray(R"({"points": []})")
                                  << QStringList{"\"hints\" is missing"};
    QTest::newRow("hints not array")
        << QByteArray(R"({"hints": 3})") << QStringList{"\"hints\" is 3", "not an array"};
    QTest::newRow("entry not object") << QByteArray(R"({"hints": [5]})")
                                      << QStringList{"hint 0 (hints[0])", "is 5", "not an object"};
    QTest::newRow("x out of range")
        << entry(QStringLiteral(R"("frame": 2, "x": 1.5, "y": 0.5, "color": "#ff0000")"))
        << QStringList{"hint 1 (hints[1])", "'x' is 1.5", "0..1", "width"};
    QTest::newRow("y negative") << entry(QStringLiteral(
                                       R"("frame": 2, "x": 0.5, "y": -0.1, "color": "#ff0000")"))
                                << QStringList{"hint 1", "'y' is -0.1", "0..1", "height"};
    QTest::newRow("x a string") << entry(QStringLiteral(
                                       R"("frame": 2, "x": "left", "y": 0.5, "color": "#ff0000")"))
                                << QStringList{"hint 1", "'x' is \"left\"", "not a number"};
    QTest::newRow("frame missing")
        << entry(QStringLiteral(R"("x": 0.5, "y": 0.5, "color": "#ff0000")"))
        << QStringList{"hint 1", "'frame' is missing"};
    QTest::newRow("frame past the end")
        << entry(QStringLiteral(R"("frame": 100, "x": 0.5, "y": 0.5, "color": "#ff0000")"))
        << QStringList{"hint 1", "'frame' is 100", "past the end", "100 frames (0..99)"};
    QTest::newRow("frame fractional")
        << entry(QStringLiteral(R"("frame": 2.5, "x": 0.5, "y": 0.5, "color": "#ff0000")"))
        << QStringList{"hint 1", "'frame' is 2.5", "whole number"};
    QTest::newRow("frame negative")
        << entry(QStringLiteral(R"("frame": -1, "x": 0.5, "y": 0.5, "color": "#ff0000")"))
        << QStringList{"hint 1", "'frame' is -1", "whole number >= 0"};
    QTest::newRow("bad colour") << entry(QStringLiteral(
                                       R"("frame": 2, "x": 0.5, "y": 0.5, "color": "red")"))
                                << QStringList{"hint 1", "'color' is \"red\"", "sRGB hex"};
    QTest::newRow("colour missing") << entry(QStringLiteral(R"("frame": 2, "x": 0.5, "y": 0.5)"))
                                    << QStringList{"hint 1", "'color' is missing"};
    QTest::newRow("radius zero")
        << entry(QStringLiteral(R"("frame": 2, "x": 0.5, "y": 0.5, "color": "#fff", "radius": 0)"))
        << QStringList{"hint 1", "'radius' is 0", "above 0"};
    QTest::newRow("unknown field")
        << entry(QStringLiteral(R"("frame": 2, "x": 0.5, "y": 0.5, "color": "#fff", "size": 3)"))
        << QStringList{"hint 1", "unknown field \"size\""};
    // Found by fuzz_hints: a control character in a value or key broke the one-line message,
    // and a frame of 1e300 was cast to int64 (undefined behaviour).
    QTest::newRow("newline in colour")
        << entry(QStringLiteral(R"("frame": 2, "x": 0.5, "y": 0.5, "color": "a\nb")"))
        << QStringList{"hint 1", "'color' is \"a\\u000ab\""};
    QTest::newRow("newline in key")
        << entry(QStringLiteral(R"("frame": 2, "x": 0.5, "y": 0.5, "color": "#fff", "a\nb": 1)"))
        << QStringList{"hint 1", "unknown field \"a\\u000ab\""};
    QTest::newRow("huge frame") << entry(QStringLiteral(
                                       R"("frame": 1e300, "x": 0.5, "y": 0.5, "color": "#fff")"))
                                << QStringList{"hint 1", "too large for a frame number"};
  }
  void badEntriesNameTheirError() {
    QFETCH(QByteArray, doc);
    QFETCH(QStringList, expected);
    auto hints = guide::parseHintsJson(doc, "h.json", 100);
    QVERIFY(!hints.ok());
    const QString message = QString::fromStdString(hints.message());
    QVERIFY2(message.startsWith(QLatin1String("h.json")), qPrintable(message));
    for (const QString& piece : expected)
      QVERIFY2(message.contains(piece),
               qPrintable(message + QStringLiteral("  [missing: ") + piece + QLatin1Char(']')));
  }

  void missingFileIsNamed() {
    auto hints = guide::loadHintsFile("/nonexistent/hints.json", 10);
    QVERIFY(!hints.ok());
    QVERIFY(
        QString::fromStdString(hints.message()).contains(QLatin1String("/nonexistent/hints.json")));
  }

  void guidanceIsCheckedAgainstTheVideo() {
    guide::Guidance g;
    g.references.push_back({3, "a.png"});
    QVERIFY(guide::validateGuidance(g, 10).ok());
    g.references.push_back({3, "b.png"});
    QVERIFY(QString::fromStdString(guide::validateGuidance(g, 10).message())
                .contains(QLatin1String("two references")));
    g.references = {{12, "c.png"}};
    QVERIFY(QString::fromStdString(guide::validateGuidance(g, 10).message())
                .contains(QLatin1String("'c.png'")));
    g.references.clear();
    g.strength = 1.5;
    QVERIFY(!guide::validateGuidance(g, 10).ok());
    g.strength = 0.5;
    g.hints.push_back(guide::HintPoint{});
    g.hints.back().frame = 10;
    QVERIFY(!guide::validateGuidance(g, 10).ok());
    g.hints.back().frame = 9;
    QVERIFY(guide::validateGuidance(g, 10).ok());
    QCOMPARE(g.keyframes(), std::vector<int64_t>{9});
  }

  void colourHex() {
    uint8_t r = 0, g = 0, b = 0;
    QVERIFY(guide::parseColorHex("#2F5d2a", &r, &g, &b));
    QCOMPARE(guide::colorHex(r, g, b), std::string("#2f5d2a"));
    QVERIFY(!guide::parseColorHex("2f5d2a", &r, &g, &b));
    QVERIFY(!guide::parseColorHex("#2f5d2g", &r, &g, &b));
    QVERIFY(!guide::parseColorHex("#2f5d2a0", &r, &g, &b));
  }
};

QTEST_APPLESS_MAIN(TestHintsJson)
#include "tst_hints_json.moc"
