// The walkthrough from the command line, on the real binary: `generate` writes the default tour with
// the model, and every figure in its captions is the model's own (as `info` counts them); `tours
// --json` has CLI.md's shape; `record --tour` writes a frame per stop step with its caption, and a video of
// as many; an unknown tour is refused with its name quoted and writes nothing, and so is a tour another tool
// broke.
#include "CliRun.h"
#include "SqliteRows.h"
#include "TheoraStream.h"

#include <QDate>
#include <QDir>
#include <QImage>
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
        // The hall's figures as `report` counts them, on the last day its stop plays.
        const QJsonObject hallStop = stops.at(1).toObject();
        const QString lastDay =
            hallStop.value(QStringLiteral("span")).toObject().value(QStringLiteral("to")).toString();
        QVERIFY(!lastDay.isEmpty());
        const Run report = runTwin(
            {QStringLiteral("report"), model_, QStringLiteral("--date"), lastDay, QStringLiteral("--json")});
        QCOMPARE(report.exitCode, 0);
        const QJsonObject hall = QJsonDocument::fromJson(report.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("halls"))
                                     .toArray()
                                     .first()
                                     .toObject();
        const QString hallCaption = hallStop.value(QStringLiteral("caption")).toString();
        QVERIFY2(hallCaption.startsWith(
                     hall.value(QStringLiteral("name")).toString() + QStringLiteral(" fills up: ") +
                     english.toString(hall.value(QStringLiteral("gpus_total")).toInteger()) +
                     QStringLiteral(" GPUs")),
                 qPrintable(hallCaption));
        // By its last day the hall has filled up, as its stop shows.
        QVERIFY(hall.value(QStringLiteral("installed_actual")).toInteger() > 0);
        // As text too.
        const Run text = runTwin({QStringLiteral("tours"), model_});
        QVERIFY(text.out.contains(QStringLiteral("Colossus in 19 days (%1 stops)").arg(stops.size())));
    }

    // One frame per stop step: a stop is one, a stop that plays a timeline span one per day of it; the
    // video has as many frames. Each frame carries its stop's caption (the dark panel at the bottom
    // centre), and the hall's frames fill up day by day.
    void aTourIsRecordedAFramePerStopStepWithItsCaptions() {
        const Run listed = runTwin({QStringLiteral("tours"), model_, QStringLiteral("--json")});
        const QJsonArray stops = QJsonDocument::fromJson(listed.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("tours"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("stops"))
                                     .toArray();
        QList<int> steps;
        for (const QJsonValue& stop : stops) {
            const QJsonObject span = stop.toObject().value(QStringLiteral("span")).toObject();
            steps << (span.isEmpty()
                          ? 1
                          : int(QDate::fromString(span.value(QStringLiteral("from")).toString(), Qt::ISODate)
                                    .daysTo(QDate::fromString(span.value(QStringLiteral("to")).toString(),
                                                              Qt::ISODate))) +
                                1);
        }
        QCOMPARE(steps.count(1), stops.size() - 1); // the hall's stop plays the roll-out, the rest stand
        int expected = 0;
        for (int n : steps)
            expected += n;

        const QString frames = dir_.filePath(QStringLiteral("frames"));
        const Run recorded = runTwin({QStringLiteral("record"), model_, QStringLiteral("--tour"),
                                      QStringLiteral("Colossus in 19 days"), QStringLiteral("-o"), frames,
                                      QStringLiteral("--size"), QStringLiteral("480x270")});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        const QStringList pngs =
            QDir(frames).entryList({QStringLiteral("stop-*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(pngs.size(), expected);
        QCOMPARE(pngs.first(), QStringLiteral("stop-01-001.png"));
        int hallFrames = 0;
        for (const QString& png : pngs)
            hallFrames += png.startsWith(QStringLiteral("stop-02-")) ? 1 : 0;
        QCOMPARE(hallFrames, steps[1]);
        const TheoraStream video = readTheora(QDir(frames).filePath(QStringLiteral("tour.ogv")));
        QCOMPARE(video.size, QSize(480, 270));
        QCOMPARE(video.frames, expected);

        // The caption's panel: its dark colour across the bottom centre, light type on it.
        const QImage first(QDir(frames).filePath(pngs.first()));
        int panel = 0, type = 0;
        for (int x = 140; x < 340; ++x)
            for (int y = 230; y < 262; ++y) {
                const QColor c = first.pixelColor(x, y);
                panel += (c.red() < 40 && c.green() < 40 && c.blue() < 45) ? 1 : 0;
                type += c.lightness() > 200 ? 1 : 0;
            }
        QVERIFY2(panel > 2000 && type > 100, qPrintable(QStringLiteral("%1 %2").arg(panel).arg(type)));
        // The hall fills up: its last day shows more installed (green) than its first.
        const auto green = [](const QImage& image) {
            int count = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2) {
                    const QColor c = image.pixelColor(x, y);
                    count += c.green() > c.red() + 40 && c.green() > c.blue() + 40 ? 1 : 0;
                }
            return count;
        };
        const QImage hallFirst(QDir(frames).filePath(QStringLiteral("stop-02-001.png")));
        const QImage hallLast(
            QDir(frames).filePath(QStringLiteral("stop-02-%1.png").arg(steps[1], 3, 10, QLatin1Char('0'))));
        QVERIFY2(green(hallLast) > green(hallFirst) + 100,
                 qPrintable(QStringLiteral("%1 -> %2").arg(green(hallFirst)).arg(green(hallLast))));
    }

    void badToursAreRefusedNamingWhatIsWrong() {
        // An unknown tour: exit 1, quoted, nothing written.
        const QString none = dir_.filePath(QStringLiteral("none"));
        const Run refused = runTwin({QStringLiteral("record"), model_, QStringLiteral("--tour"),
                                     QStringLiteral("NO SUCH TOUR"), QStringLiteral("-o"), none});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("'NO SUCH TOUR'")), qPrintable(refused.err));
        QVERIFY(QDir(none).entryList({QStringLiteral("*.png")}, QDir::Files).isEmpty());
        // The roll-out's options do not go with a tour.
        const Run mixed = runTwin({QStringLiteral("record"), model_, QStringLiteral("--tour"),
                                   QStringLiteral("Colossus in 19 days"), QStringLiteral("--camera"),
                                   QStringLiteral("overview"), QStringLiteral("-o"), none});
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY2(mixed.err.contains(QStringLiteral("--camera does not go with --tour")),
                 qPrintable(mixed.err));

        // Another tool deleted a bookmark the tour stops at, and wrote a dwell of -1 s past the check.
        const QString broken = dir_.filePath(QStringLiteral("broken.db"));
        QVERIFY(QFile::copy(model_, broken));
        QCOMPARE(twin::testing::tamperWith(broken, "DELETE FROM bookmark WHERE id = (SELECT bookmark_id FROM "
                                                   "tour_stop WHERE position = 2)"),
                 QString());
        const Run missing = runTwin({QStringLiteral("record"), broken, QStringLiteral("--tour"),
                                     QStringLiteral("Colossus in 19 days"), QStringLiteral("-o"), none});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("stop 3 stops at bookmark")) &&
                     missing.err.contains(QStringLiteral("which is not in the model")),
                 qPrintable(missing.err));
        const Run listed = runTwin({QStringLiteral("tours"), broken});
        QVERIFY2(listed.out.contains(QStringLiteral("cannot be played: tour 'Colossus in 19 days': stop 3")),
                 qPrintable(listed.out));
        QCOMPARE(twin::testing::tamperWith(
                     broken, "INSERT INTO bookmark(id, name, position_x, position_y, position_z, "
                             "focal_x, focal_y, focal_z) SELECT bookmark_id, 'Back', 0, -50, "
                             "50, 0, 0, 0 FROM tour_stop WHERE position = 2; "
                             "PRAGMA ignore_check_constraints = ON; "
                             "UPDATE tour_stop SET dwell_s = -1 WHERE position = 0"),
                 QString());
        const Run dwell = runTwin({QStringLiteral("record"), broken, QStringLiteral("--tour"),
                                   QStringLiteral("Colossus in 19 days"), QStringLiteral("-o"), none});
        QCOMPARE(dwell.exitCode, 1);
        QVERIFY2(dwell.err.contains(QStringLiteral("stop 1 dwells -1 s (0 to 600 s)")),
                 qPrintable(dwell.err));
        QVERIFY(QDir(none).entryList({QStringLiteral("*.png")}, QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(CliToursTest)
#include "tst_cli_tours.moc"
