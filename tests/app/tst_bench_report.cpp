// The bench output formats: the JSON object of CLI.md and an aligned table with one row per figure.
#include "bench/BenchReport.h"
#include "cli/SizeOption.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using twin::bench::BenchReport;

class BenchReportTest : public QObject {
    Q_OBJECT
private slots:
    void jsonHasTheContractShape() {
        BenchReport report{
            QStringLiteral("view"),
            QStringLiteral("test machine"),
            {{QStringLiteral("demo-hall"), QStringLiteral("fps"), 41.5, QStringLiteral("frames/s")},
             {QStringLiteral("snapshot"), QStringLiteral("render+png"), 120.25, QStringLiteral("ms")}}};
        const QJsonObject root = QJsonDocument::fromJson(report.toJson().toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("bench")).toString(), QStringLiteral("view"));
        QCOMPARE(root.value(QStringLiteral("machine")).toString(), QStringLiteral("test machine"));
        const QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("case")).toString(), QStringLiteral("demo-hall"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("value")).toDouble(), 41.5);
        QCOMPARE(rows[1].toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("ms"));
        QVERIFY(!report.toJson().contains(QLatin1Char('\n')));
    }

    void tableHasOneAlignedRowPerFigure() {
        BenchReport report{QStringLiteral("view"),
                           QStringLiteral("m"),
                           {{QStringLiteral("a"), QStringLiteral("fps"), 1.0, QStringLiteral("frames/s")},
                            {QStringLiteral("a-much-longer-case"), QStringLiteral("fps"), 22.5,
                             QStringLiteral("frames/s")}}};
        const QStringList lines = report.toTable().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5); // bench, machine, header, two rows
        QCOMPARE(lines[3].indexOf(QStringLiteral("fps")), lines[4].indexOf(QStringLiteral("fps")));
        QVERIFY(lines[4].contains(QStringLiteral("22.50")));
    }

    void imageSizes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("usual") << "1280x800" << QSize(1280, 800);
        QTest::newRow("capital X") << "640X400" << QSize(640, 400);
        QTest::newRow("smallest") << "16x16" << QSize(16, 16);
        QTest::newRow("too small") << "15x100" << QSize();
        QTest::newRow("too large") << "9000x100" << QSize();
        QTest::newRow("negative") << "-5x100" << QSize();
        QTest::newRow("words") << "wide" << QSize();
        QTest::newRow("missing height") << "800x" << QSize();
    }

    void imageSizes() {
        QFETCH(QString, text);
        QFETCH(QSize, expected);
        const auto size = twin::app::parseImageSize(text);
        QCOMPARE(size.value_or(QSize()), expected);
    }
};

QTEST_GUILESS_MAIN(BenchReportTest)
#include "tst_bench_report.moc"
