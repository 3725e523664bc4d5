// The walkthrough from the command line, on the real binary: `generate` writes the default tour with
// the model, and every figure in its captions is the model's own (as `info` counts them); `tours
// --json` has CLI.md's shape; `record --tour` records along the tour's stops, frames and a video; an
// unknown tour is refused with its name quoted and writes nothing.
#include "CliRun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

class CliToursTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

private slots:
    void initTestCase() {
        model_ = dir_.filePath(QStringLiteral("tours.db"));
        const Run generated = runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"),
                                       QStringLiteral("2048"), QStringLiteral("-o"), model_});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    }

    void theDefaultTourTellsTheModelsOwnFigures() {
        const Run tours = runTwin({QStringLiteral("tours"), model_, QStringLiteral("--json")});
        QCOMPARE(tours.exitCode, 0);
        const QJsonArray list =
            QJsonDocument::fromJson(tours.out.toUtf8()).object().value(QStringLiteral("tours")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject tour = list.first().toObject();
        QCOMPARE(tour.value(QStringLiteral("name")).toString(), QStringLiteral("Colossus in 19 days"));
        const QJsonArray stops = tour.value(QStringLiteral("stops")).toArray();
        QVERIFY2(stops.size() >= 5, qPrintable(QString::number(stops.size())));
        QStringList captions;
        for (const QJsonValue& stop : stops) {
            const QJsonObject s = stop.toObject();
            QVERIFY(!s.value(QStringLiteral("bookmark")).toString().isEmpty());
            QVERIFY(s.value(QStringLiteral("dwell_s")).toDouble() > 0);
            captions << s.value(QStringLiteral("caption")).toString();
        }
        // The figures as `info` counts them.
        const Run info = runTwin({QStringLiteral("info"), model_, QStringLiteral("--json")});
        const QJsonObject counts =
            QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("counts")).toObject();
        const QLocale english(QLocale::English);
        const auto figure = [&](const char* kind) {
            return english.toString(counts.value(QLatin1String(kind)).toInteger());
        };
        QVERIFY2(captions.front().contains(figure("gpu") + QStringLiteral(" GPUs in ") + figure("rack") +
                                           QStringLiteral(" racks and ") + figure("hall") +
                                           QStringLiteral(" halls")),
                 qPrintable(captions.front()));
        const QString all = captions.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(figure("chiller") + QStringLiteral(" chillers")), qPrintable(all));
        QVERIFY2(all.contains(figure("turbine") + QStringLiteral(" turbines, ") + figure("battery") +
                              QStringLiteral(" Megapacks")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("64 GPUs in 8 servers")), qPrintable(all)); // one rack
        // As text too.
        const Run text = runTwin({QStringLiteral("tours"), model_});
        QVERIFY(text.out.contains(QStringLiteral("Colossus in 19 days (%1 stops)").arg(stops.size())));
    }

    void aTourIsRecordedAlongItsStopsAndAnUnknownOneIsRefused() {
        const QString frames = dir_.filePath(QStringLiteral("frames"));
        const Run recorded =
            runTwin({QStringLiteral("record"), model_, QStringLiteral("--tour"),
                     QStringLiteral("Colossus in 19 days"), QStringLiteral("-o"), frames,
                     QStringLiteral("--size"), QStringLiteral("160x90"), QStringLiteral("--from"),
                     QStringLiteral("2024-07-10"), QStringLiteral("--to"), QStringLiteral("2024-07-12"),
                     QStringLiteral("--frames-per-day"), QStringLiteral("2")});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        QCOMPARE(QDir(frames).entryList({QStringLiteral("day-*.png")}, QDir::Files).size(), 6);
        QVERIFY(QFile::exists(QDir(frames).filePath(QStringLiteral("rollout.ogv"))));
        const QString none = dir_.filePath(QStringLiteral("none"));
        const Run refused = runTwin({QStringLiteral("record"), model_, QStringLiteral("--tour"),
                                     QStringLiteral("NO SUCH TOUR"), QStringLiteral("-o"), none});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("'NO SUCH TOUR'")), qPrintable(refused.err));
        QVERIFY(QDir(none).entryList({QStringLiteral("*.png")}, QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(CliToursTest)
#include "tst_cli_tours.moc"
