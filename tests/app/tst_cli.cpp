// The command-line contract of shared/design/CLI.md, checked on the real binary: exit codes, one-line
// errors naming the thing, results on stdout, a snapshot PNG of the requested size with a real picture.
#include "CliRun.h"
#include "TheoraStream.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y) & 0xffffff);
    return int(colours.size());
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private slots:
    void versionNamesTheLibraries() {
        const Run run = runTwin({QStringLiteral("--version")});
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("colossus-twin ")));
        for (const char* library : {"Qt 6.", "VTK 9.", "SQLite 3."})
            QVERIFY2(run.out.contains(QLatin1String(library)), qPrintable(run.out));
    }

    void helpListsSubcommands() {
        const Run run = runTwin({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* name : {"gui", "snapshot", "bench"})
            QVERIFY2(run.out.contains(QLatin1String(name)), qPrintable(run.out));
        const Run snapshotHelp = runTwin({QStringLiteral("snapshot"), QStringLiteral("--help")});
        QCOMPARE(snapshotHelp.exitCode, 0);
        QVERIFY(snapshotHelp.out.contains(QStringLiteral("--size")));
    }

    void unknownSubcommandIsAUsageError() {
        const Run run = runTwin({QStringLiteral("frobnicate")});
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(lines(run.err).first(), QStringLiteral("colossus-twin: unknown subcommand 'frobnicate'"));
        QVERIFY(run.err.contains(QStringLiteral("Usage:")));
        QVERIFY(run.out.isEmpty());
    }

    void unknownTopLevelOptionIsAUsageError() {
        const Run run = runTwin({QStringLiteral("--bogus")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(lines(run.err).first().contains(QStringLiteral("bogus")), qPrintable(run.err));
    }

    void snapshotUsageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("no output") << QStringList{QStringLiteral("snapshot")} << "-o FILE";
        QTest::newRow("size too small")
            << QStringList{"snapshot", "-o", "a.png", "--size", "8x8"} << "--size '8x8'";
        QTest::newRow("size not a size")
            << QStringList{"snapshot", "-o", "a.png", "--size", "big"} << "--size 'big'";
        QTest::newRow("not png") << QStringList{"snapshot", "-o", "a.jpg"} << "a.jpg";
        QTest::newRow("unknown option")
            << QStringList{"snapshot", "-o", "a.png", "--colour", "red"} << "colour";
        QTest::newRow("two models") << QStringList{"snapshot", "a.db", "b.db", "-o", "a.png"}
                                    << "at most one";
    }

    void snapshotUsageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mention);
        const Run run = runTwin(arguments);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(lines(run.err).size(), 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("colossus-twin: snapshot: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(mention), qPrintable(run.err));
    }

    void missingModelIsNamed() {
        const QString model = dir_.filePath(QStringLiteral("nonexistent-model.db"));
        const QString png = dir_.filePath(QStringLiteral("never.png"));
        const Run run = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"), png});
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("colossus-twin: %1: no such file").arg(model));
        QVERIFY(!QFile::exists(png));
        QVERIFY(!QFile::exists(model));
    }

    // metrics-check: a sample count, or FILE:LINE: message on stderr and exit 1 (CLI.md).
    void metricsCheckCountsOrNamesTheLine() {
        auto write = [this](const QString& name, const QByteArray& text) {
            const QString path = dir_.filePath(name);
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(text);
            return path;
        };
        const QString good =
            write(QStringLiteral("good.prom"), "# TYPE t gauge\nt{gpu=\"0\"} 41\nt{gpu=\"1\"} 42\nother 1");
        Run run = runTwin({QStringLiteral("metrics-check"), good});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("3 samples, 2 families"));
        // The same file in strict mode: its last line has no newline.
        run = runTwin({QStringLiteral("metrics-check"), QStringLiteral("--strict"), good});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), good + QStringLiteral(":4: unexpected end of input stream"));
        const QString bad = write(QStringLiteral("bad.prom"), "t 1\nt 2\nt{gpu=\"0\"} warm\n");
        run = runTwin({QStringLiteral("metrics-check"), bad});
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err.trimmed(), bad + QStringLiteral(":3: expected float as value, got \"warm\""));
        const QString empty = write(QStringLiteral("empty.prom"), "");
        run = runTwin({QStringLiteral("metrics-check"), empty});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("0 samples, 0 families"));
        run = runTwin({QStringLiteral("metrics-check"), dir_.filePath(QStringLiteral("missing.prom"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("missing.prom")));
        QCOMPARE(runTwin({QStringLiteral("metrics-check")}).exitCode, 2);

        // The lean executable ./twin uses for metrics-check answers exactly the same.
        const QString lean =
            QFileInfo(QStringLiteral(TWIN_BINARY)).dir().filePath(QStringLiteral("colossus-twin-metrics"));
        for (const QStringList& arguments : {QStringList{good}, QStringList{QStringLiteral("--strict"), good},
                                             QStringList{bad}, QStringList{empty}, QStringList{}}) {
            QProcess process;
            process.start(lean, QStringList{QStringLiteral("metrics-check")} + arguments);
            QVERIFY(process.waitForFinished(30000));
            const Run full = runTwin(QStringList{QStringLiteral("metrics-check")} + arguments);
            QCOMPARE(process.exitCode(), full.exitCode);
            QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), full.out);
            QCOMPARE(QString::fromUtf8(process.readAllStandardError()), full.err);
        }
    }

    void telemetrySimRefusesBadArguments() {
        QCOMPARE(runTwin({QStringLiteral("telemetry-sim")}).exitCode, 2);
        const QString missing = dir_.filePath(QStringLiteral("no-model.db"));
        QCOMPARE(runTwin({QStringLiteral("telemetry-sim"), missing, QStringLiteral("--listen"),
                          QStringLiteral("localhost")})
                     .exitCode,
                 2);
        QCOMPARE(runTwin({QStringLiteral("telemetry-sim"), missing, QStringLiteral("--shards"),
                          QStringLiteral("0")})
                     .exitCode,
                 2);
        const Run run = runTwin({QStringLiteral("telemetry-sim"), missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }

    // Options are checked before the model is opened: with a model that does not exist, a bad value is
    // a usage error (2) naming the option, and a good one gets as far as the missing model (1). NaN fails
    // every comparison, so it once slipped past the range check and the simulator spun on it forever.
    void telemetrySimChecksStepAndListenAddress_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("step nan") << "--step"
                                  << "nan" << 2;
        QTest::newRow("step NaN") << "--step"
                                  << "NaN" << 2;
        QTest::newRow("step -nan") << "--step"
                                   << "-nan" << 2;
        QTest::newRow("step inf") << "--step"
                                  << "inf" << 2;
        QTest::newRow("step 0") << "--step"
                                << "0" << 2;
        QTest::newRow("step -1") << "--step"
                                 << "-1" << 2;
        QTest::newRow("step 0.5") << "--step"
                                  << "0.5" << 1;
        QTest::newRow("five numbers") << "--listen"
                                      << "1.2.3.4.5:1" << 2;
        QTest::newRow("octet over 255") << "--listen"
                                        << "1.2.3.256:1" << 2;
        QTest::newRow("underscore") << "--listen"
                                    << "my_host:9400" << 2;
        QTest::newRow("leading hyphen") << "--listen"
                                        << "-host:9400" << 2;
        QTest::newRow("empty label") << "--listen"
                                     << "a..b:9400" << 2;
        QTest::newRow("host in brackets") << "--listen"
                                          << "[localhost]:9400" << 2;
        QTest::newRow("port too big") << "--listen"
                                      << "127.0.0.1:65536" << 2;
        QTest::newRow("no port") << "--listen"
                                 << "127.0.0.1:" << 2;
        QTest::newRow("ipv4") << "--listen"
                              << "127.0.0.1:0" << 1;
        QTest::newRow("host name") << "--listen"
                                   << "localhost:0" << 1;
        QTest::newRow("dotted host name") << "--listen"
                                          << "gpu-sim.example.com:9400" << 1;
        QTest::newRow("ipv6 bracketed") << "--listen"
                                        << "[::1]:0" << 1;
        QTest::newRow("ipv6 bare") << "--listen"
                                   << "::1:0" << 1;
    }

    void telemetrySimChecksStepAndListenAddress() {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        const QString missing = dir_.filePath(QStringLiteral("no-model.db"));
        const Run run = runTwin({QStringLiteral("telemetry-sim"), missing, option, value});
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(lines(run.err).size(), 1);
        if (exitCode == 2) {
            QVERIFY2(run.err.startsWith(QStringLiteral("colossus-twin: telemetry-sim: ") + option + " '" +
                                        value + "' "),
                     qPrintable(run.err));
        } else {
            QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        }
    }

    void foreignFileIsRefusedAndUntouched() {
        const QString model = dir_.filePath(QStringLiteral("notes.db"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("rack,status\nA-01-01,installed\n").repeated(10));
        file.close();
        const QByteArray before = hashOf(model);
        const Run run = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                                 dir_.filePath(QStringLiteral("n.png"))});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("colossus-twin: %1: not a SQLite database").arg(model));
        QCOMPARE(hashOf(model), before);
    }

    void guiRefusesABadModelBeforeOpeningAWindow() {
        const QString model = dir_.filePath(QStringLiteral("missing.db"));
        const Run run = runTwin({QStringLiteral("gui"), model});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("colossus-twin: %1: no such file").arg(model));
    }

    void snapshotWritesAPictureOfTheRequestedSize() {
        const QString png = dir_.filePath(QStringLiteral("snap.png"));
        const Run run = runTwin({QStringLiteral("snapshot"), QStringLiteral("-o"), png,
                                 QStringLiteral("--size"), QStringLiteral("640x400")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), png); // the result, on stdout
        QImage image(png);
        QCOMPARE(image.size(), QSize(640, 400));
        QVERIFY2(distinctColours(image) > 20, qPrintable(QString::number(distinctColours(image))));
    }

    void snapshotDefaultsTo1280x800() {
        const QString png = dir_.filePath(QStringLiteral("default.png"));
        const Run run = runTwin({QStringLiteral("snapshot"), QStringLiteral("-o"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QImage(png).size(), QSize(1280, 800));
    }

    void unwritableOutputIsNamedAndNothingIsLeft() {
        const QString png = dir_.filePath(QStringLiteral("no-such-dir/snap.png"));
        const Run run = runTwin({QStringLiteral("snapshot"), QStringLiteral("-o"), png,
                                 QStringLiteral("--size"), QStringLiteral("64x64")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.startsWith(
                QStringLiteral("colossus-twin: %1: cannot be written: No such file or directory").arg(png)),
            qPrintable(run.err));
        QVERIFY(!QFile::exists(png));
    }

    void noDisplayIsAnEnvironmentError() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const Run snapshot = runTwin(
            {QStringLiteral("snapshot"), QStringLiteral("-o"), dir_.filePath(QStringLiteral("x.png"))},
            environment);
        QCOMPARE(snapshot.status, QProcess::NormalExit);
        QCOMPARE(snapshot.exitCode, 3);
        QVERIFY(snapshot.err.contains(QStringLiteral("xvfb-run")));
        const Run gui = runTwin({}, environment);
        QCOMPARE(gui.status, QProcess::NormalExit);
        QCOMPARE(gui.exitCode, 3);
        QVERIFY(gui.err.contains(QStringLiteral("no display")));
        // --version needs no display at all.
        QCOMPARE(runTwin({QStringLiteral("--version")}, environment).exitCode, 0);
    }

    void generateThenInfoAgree() {
        const QString model = dir_.filePath(QStringLiteral("gen.db"));
        const Run generated =
            runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("4096"),
                     QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("-o"), model});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QCOMPARE(generated.out.trimmed(), model);
        QVERIFY(generated.err.contains(QStringLiteral("100% done"))); // progress goes to stderr

        const Run info = runTwin({QStringLiteral("info"), model, QStringLiteral("--json")});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(info.out));
        QCOMPARE(root.value(QStringLiteral("file")).toString(), model);
        QCOMPARE(root.value(QStringLiteral("schema_version")).toInt(), 4);
        const QJsonObject counts = root.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("gpu")).toInt(), 4096);
        QCOMPARE(counts.value(QStringLiteral("server")).toInt(), 512);
        QCOMPARE(counts.value(QStringLiteral("rack")).toInt(), 64);
        QCOMPARE(counts.value(QStringLiteral("cdu")).toInt(), 64);
        QCOMPARE(counts.value(QStringLiteral("hall")).toInt(), 4);
        QCOMPARE(counts.value(QStringLiteral("cable")).toInt() > 512 * 9, true);
        for (const char* key : {"row", "switch", "pipe_segment", "task"})
            QVERIFY2(counts.value(QLatin1String(key)).toInt() > 0, key);
        const QJsonObject schedule = root.value(QStringLiteral("schedule")).toObject();
        QCOMPARE(schedule.value(QStringLiteral("start")).toString(), QStringLiteral("2024-03-22"));
        QCOMPARE(schedule.value(QStringLiteral("end")).toString(), QStringLiteral("2024-07-22"));
        QCOMPARE(
            root.value(QStringLiteral("bounds")).toObject().value(QStringLiteral("min")).toArray().size(), 3);

        // Plain text too, and a second generate into the same file is refused unless forced.
        const Run text = runTwin({QStringLiteral("info"), model});
        QVERIFY(text.out.contains(QStringLiteral("gpu")) && text.out.contains(QStringLiteral("4096")));
        const Run again = runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("64"),
                                   QStringLiteral("-o"), model});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(model + QStringLiteral(": already exists")), qPrintable(again.err));
        QCOMPARE(runTwin({QStringLiteral("info"), model, QStringLiteral("--json")}).out, info.out);
    }

    void snapshotDrawsAModelFromEachPreset() {
        const QString model = dir_.filePath(QStringLiteral("snap-model.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("2048"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        QSet<QByteArray> pictures;
        for (const char* camera : {"overview", "hall:1", "hall:4"}) {
            const QString png = dir_.filePath(
                QStringLiteral("cam-%1.png").arg(QString::fromLatin1(camera).replace(':', '-')));
            const Run run = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"), png,
                                     QStringLiteral("--size"), QStringLiteral("640x400"),
                                     QStringLiteral("--camera"), QLatin1String(camera)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QImage image(png);
            QCOMPARE(image.size(), QSize(640, 400));
            QVERIFY2(distinctColours(image) > 15, camera); // a flat fill or an empty view has 1 to 3
            pictures.insert(hashOf(png));
        }
        QCOMPARE(pictures.size(), 3); // three different pictures
        const Run noHall = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                                    dir_.filePath(QStringLiteral("h9.png")), QStringLiteral("--camera"),
                                    QStringLiteral("hall:9")});
        QCOMPARE(noHall.exitCode, 1);
        QVERIFY2(noHall.err.contains(QStringLiteral("hall:9")) && noHall.err.contains(model),
                 qPrintable(noHall.err));
        const Run layered = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                                     dir_.filePath(QStringLiteral("xray.png")), QStringLiteral("--size"),
                                     QStringLiteral("320x200"), QStringLiteral("--layers"),
                                     QStringLiteral("structure,cooling"), QStringLiteral("--xray"),
                                     QStringLiteral("cooling")});
        QVERIFY2(layered.exitCode == 0, qPrintable(layered.err));
        QVERIFY(hashOf(dir_.filePath(QStringLiteral("xray.png"))) !=
                hashOf(dir_.filePath(QStringLiteral("cam-overview.png"))));
        // Installation status in the middle of the roll-out differs from the picture by kind.
        const QString byStatus = dir_.filePath(QStringLiteral("status.png"));
        const QString byKind = dir_.filePath(QStringLiteral("kind.png"));
        for (const auto& [png, colour] :
             {std::pair{byStatus, QStringLiteral("status")}, std::pair{byKind, QStringLiteral("kind")}}) {
            const Run run =
                runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"), png,
                         QStringLiteral("--size"), QStringLiteral("320x200"), QStringLiteral("--camera"),
                         QStringLiteral("hall:1"), QStringLiteral("--color-by"), colour,
                         QStringLiteral("--date"), QStringLiteral("2024-07-04 12:00")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        QVERIFY(hashOf(byStatus) != hashOf(byKind));
        const Run badDate =
            runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                     dir_.filePath(QStringLiteral("d.png")), QStringLiteral("--color-by"),
                     QStringLiteral("status"), QStringLiteral("--date"), QStringLiteral("2024-13-45")});
        QCOMPARE(badDate.exitCode, 1);
        QVERIFY(badDate.err.contains(QStringLiteral("2024-13-45")));
        const Run badLayer = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                                      dir_.filePath(QStringLiteral("l.png")), QStringLiteral("--layers"),
                                      QStringLiteral("structure,plumbing")});
        QCOMPARE(badLayer.exitCode, 2);
        QVERIFY(badLayer.err.contains(QStringLiteral("plumbing")));
        const Run badCamera = runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"),
                                       dir_.filePath(QStringLiteral("b.png")), QStringLiteral("--camera"),
                                       QStringLiteral("sideways")});
        QCOMPARE(badCamera.exitCode, 2);
    }

    void generateUsageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("no output") << QStringList{"generate"} << "-o FILE";
        QTest::newRow("not a multiple of 8")
            << QStringList{"generate", "--gpus", "1001", "-o", "x.db"} << "multiple of 8";
        QTest::newRow("not a number") << QStringList{"generate", "--gpus", "lots", "-o", "x.db"} << "'lots'";
        QTest::newRow("too many") << QStringList{"generate", "--gpus", "800000", "-o", "x.db"} << "800000";
        QTest::newRow("bad seed") << QStringList{"generate", "--seed", "-1x", "-o", "x.db"} << "--seed";
    }

    void generateUsageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mention);
        const Run run = runTwin(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(lines(run.err).size(), 1);
        QVERIFY2(run.err.contains(mention), qPrintable(run.err));
    }

    // `report MODEL --date D --json` (CLI.md): the keys of the contract, installed counts that grow
    // day by day to the total; a bad date refused with exit 1, quoted; no --date a usage error.
    void reportFollowsTheContract() {
        const QString model = dir_.filePath(QStringLiteral("report.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("4096"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        const QJsonObject info =
            QJsonDocument::fromJson(
                runTwin({QStringLiteral("info"), model, QStringLiteral("--json")}).out.toUtf8())
                .object()
                .value(QStringLiteral("schedule"))
                .toObject();
        const QDate start = QDate::fromString(info.value(QStringLiteral("start")).toString(), Qt::ISODate);
        const QDate end = QDate::fromString(info.value(QStringLiteral("end")).toString(), Qt::ISODate);
        QVERIFY(start.isValid() && end.isValid() && start < end);
        qint64 previous = -1;
        for (const QDate& day : {start.addDays(-1), start.addDays(start.daysTo(end) * 9 / 10), end}) {
            const Run run = runTwin({QStringLiteral("report"), model, QStringLiteral("--date"),
                                     day.toString(Qt::ISODate), QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QJsonParseError error;
            const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
            QCOMPARE(root.value(QStringLiteral("date")).toString(), day.toString(Qt::ISODate));
            const QJsonObject gpus = root.value(QStringLiteral("gpus")).toObject();
            QCOMPARE(gpus.value(QStringLiteral("total")).toInteger(), 4096);
            const qint64 installed = gpus.value(QStringLiteral("installed_actual")).toInteger();
            QVERIFY(installed >= previous);
            previous = installed;
            const QJsonArray halls = root.value(QStringLiteral("halls")).toArray();
            QCOMPARE(halls.size(), 4);
            qint64 sum = 0;
            for (const QJsonValue& hall : halls)
                sum += hall.toObject().value(QStringLiteral("installed_actual")).toInteger();
            QCOMPARE(sum, installed);
            QVERIFY(root.contains(QStringLiteral("late_tasks")));
        }
        QCOMPARE(previous, 4096); // all in by the end of the schedule

        const Run bad = runTwin(
            {QStringLiteral("report"), model, QStringLiteral("--date"), QStringLiteral("2024-02-30")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.contains(QStringLiteral("'2024-02-30'")), qPrintable(bad.err));
        QCOMPARE(runTwin({QStringLiteral("report"), model}).exitCode, 2);
    }

    // `record`: a PNG per day of the requested size, the pictures changing as racks go in; a bad date
    // and a directory that already holds frames refused (exit 1), the frames there untouched.
    void recordWritesAFramePerDay() {
        const QString model = dir_.filePath(QStringLiteral("record.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("4096"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        const QString frames = dir_.filePath(QStringLiteral("frames"));
        const Run run =
            runTwin({QStringLiteral("record"), model, QStringLiteral("-o"), frames, QStringLiteral("--from"),
                     QStringLiteral("2024-07-02"), QStringLiteral("--to"), QStringLiteral("2024-07-22"),
                     QStringLiteral("--size"), QStringLiteral("320x200"), QStringLiteral("--camera"),
                     QStringLiteral("hall:1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), frames);
        const QStringList written =
            QDir(frames).entryList({QStringLiteral("day-*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(written.size(), 21);
        QCOMPARE(written.front(), QStringLiteral("day-001.png"));
        const QImage firstDay(QDir(frames).filePath(written.front())),
            lastDay(QDir(frames).filePath(written.back()));
        QCOMPARE(firstDay.size(), QSize(320, 200));
        QVERIFY(firstDay != lastDay); // racks went in (and the camera turned)

        // The video beside them: Ogg Theora of the frames' size, at --fps 4 (the default), a frame a day.
        const TheoraStream video = readTheora(QDir(frames).filePath(QStringLiteral("rollout.ogv")));
        QCOMPARE(video.size, QSize(320, 200));
        QCOMPARE(video.framesPerSecond, 4.0);
        QCOMPARE(video.frames, 21);

        // Along a camera path (the overview into hall 1), two frames a day: the second half of each day
        // is a frame of its own, the video twice as long, and the camera ends in the hall.
        const QString travel = dir_.filePath(QStringLiteral("travel"));
        const Run along =
            runTwin({QStringLiteral("record"), model, QStringLiteral("-o"), travel, QStringLiteral("--from"),
                     QStringLiteral("2024-07-20"), QStringLiteral("--to"), QStringLiteral("2024-07-22"),
                     QStringLiteral("--size"), QStringLiteral("320x200"), QStringLiteral("--camera"),
                     QStringLiteral("overview,hall:1"), QStringLiteral("--frames-per-day"),
                     QStringLiteral("2"), QStringLiteral("--orbit"), QStringLiteral("0")});
        QVERIFY2(along.exitCode == 0, qPrintable(along.err));
        const QStringList halves =
            QDir(travel).entryList({QStringLiteral("day-*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(halves, (QStringList{QStringLiteral("day-001-01.png"), QStringLiteral("day-001-02.png"),
                                      QStringLiteral("day-002-01.png"), QStringLiteral("day-002-02.png"),
                                      QStringLiteral("day-003-01.png"), QStringLiteral("day-003-02.png")}));
        QCOMPARE(readTheora(QDir(travel).filePath(QStringLiteral("rollout.ogv"))).frames, 6);
        // The last frame is hall 1 as its own snapshot preset shows it (same size, same day's colours).
        const QString hallShot = dir_.filePath(QStringLiteral("hall1.png"));
        QCOMPARE(runTwin({QStringLiteral("snapshot"), model, QStringLiteral("-o"), hallShot,
                          QStringLiteral("--size"), QStringLiteral("320x200"), QStringLiteral("--camera"),
                          QStringLiteral("hall:1")})
                     .exitCode,
                 0);
        const QImage arrived(QDir(travel).filePath(halves.back())),
            started(QDir(travel).filePath(halves.front()));
        QVERIFY(arrived != started);
        const QImage hall(hallShot);
        int sameOutline = 0, pixels = 0;
        for (int y = 0; y < 200; y += 4) // right of the legends (the stamp does not fit this small a view)
            for (int x = 212; x < 320; x += 4, ++pixels)
                sameOutline += (qGray(arrived.pixel(x, y)) > 40) == (qGray(hall.pixel(x, y)) > 40) ? 1 : 0;
        QVERIFY2(sameOutline > pixels * 8 / 10,
                 qPrintable(QStringLiteral("%1 of %2").arg(sameOutline).arg(pixels)));
        QCOMPARE(runTwin({QStringLiteral("record"), model, QStringLiteral("-o"),
                          dir_.filePath(QStringLiteral("x")), QStringLiteral("--frames-per-day"),
                          QStringLiteral("25")})
                     .exitCode,
                 2);
        QCOMPARE(runTwin({QStringLiteral("record"), model, QStringLiteral("-o"),
                          dir_.filePath(QStringLiteral("y")), QStringLiteral("--camera"),
                          QStringLiteral("overview,hall:9")})
                     .exitCode,
                 1);

        const QByteArray before = hashOf(QDir(frames).filePath(written.front()));
        const Run again = runTwin({QStringLiteral("record"), model, QStringLiteral("-o"), frames});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already holds frames")), qPrintable(again.err));
        QCOMPARE(hashOf(QDir(frames).filePath(written.front())), before);
        const Run badDate = runTwin({QStringLiteral("record"), model, QStringLiteral("-o"),
                                     dir_.filePath(QStringLiteral("other")), QStringLiteral("--to"),
                                     QStringLiteral("2024-07-32")});
        QCOMPARE(badDate.exitCode, 1);
        QVERIFY2(badDate.err.contains(QStringLiteral("'2024-07-32'")), qPrintable(badDate.err));
    }

    // `export` then `import`: the schedule goes out and back in; a file naming an unknown rack is refused
    // with its line (exit 1), the model's bytes untouched in what it holds (info reports the same tasks).
    void importAndExportFollowTheContract() {
        const QString model = dir_.filePath(QStringLiteral("exchange.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("4096"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        const QString csv = dir_.filePath(QStringLiteral("exchange.csv"));
        const Run exported = runTwin({QStringLiteral("export"), model, csv});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.startsWith(QStringLiteral("exported ")), qPrintable(exported.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        const qsizetype tasks = text.count('\n') - 1;
        QVERIFY(exported.out.contains(QStringLiteral(" %1 tasks").arg(tasks)));

        const Run imported = runTwin({QStringLiteral("import"), model, csv});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QStringLiteral("imported %1 tasks").arg(tasks)),
                 qPrintable(imported.out));

        // The first rack's first task now names a rack that does not exist.
        QList<QByteArray> rows = text.split('\n');
        qsizetype line = 0;
        while (line < rows.size() && !rows[line].contains(",\"H1-R01-K01\","))
            ++line;
        QVERIFY(line < rows.size());
        rows[line].replace(",\"H1-R01-K01\",", ",\"H1-R01-K01X\",");
        const QString bad = dir_.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(rows.join('\n'));
        badFile.close();
        const QString infoBefore = runTwin({QStringLiteral("info"), model, QStringLiteral("--json")}).out;
        const Run refused = runTwin({QStringLiteral("import"), model, bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(
            refused.err.startsWith(QStringLiteral("colossus-twin: %1:%2: task '").arg(bad).arg(line + 1)),
            qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("which is not an entity of the model")),
                 qPrintable(refused.err));
        QCOMPARE(runTwin({QStringLiteral("info"), model, QStringLiteral("--json")}).out, infoBefore);
        QCOMPARE(runTwin({QStringLiteral("import"), model}).exitCode, 2);
        QCOMPARE(runTwin({QStringLiteral("export"), model, dir_.filePath(QStringLiteral("x.txt"))}).exitCode,
                 1);
    }

    void infoRefusesBadFiles() {
        const QString text = dir_.filePath(QStringLiteral("text.db"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model\n");
        file.close();
        for (const QString& path : {text, dir_.filePath(QStringLiteral("missing.db"))}) {
            const QByteArray before = hashOf(path);
            const Run run = runTwin({QStringLiteral("info"), path, QStringLiteral("--json")});
            QCOMPARE(run.status, QProcess::NormalExit);
            QCOMPARE(run.exitCode, 1);
            QVERIFY(run.out.isEmpty());
            QCOMPARE(lines(run.err).size(), 1);
            QVERIFY2(run.err.startsWith(QStringLiteral("colossus-twin: ") + path + QStringLiteral(": ")),
                     qPrintable(run.err));
            QCOMPARE(hashOf(path), before);
        }
        QCOMPARE(runTwin({QStringLiteral("info")}).exitCode, 2);
    }

    void benchPrintsOneJsonObject() {
        const Run run = runTwin({QStringLiteral("bench"), QStringLiteral("view"), QStringLiteral("--seconds"),
                                 QStringLiteral("0.3"), QStringLiteral("--size"), QStringLiteral("320x200"),
                                 QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
        const QJsonObject root = document.object();
        QCOMPARE(root.value(QStringLiteral("bench")).toString(), QStringLiteral("view"));
        QVERIFY(!root.value(QStringLiteral("machine")).toString().isEmpty());
        const QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 4);
        for (const QJsonValue& row : rows) {
            const QJsonObject object = row.toObject();
            for (const char* key : {"case", "metric", "value", "unit"})
                QVERIFY(object.contains(QLatin1String(key)));
            QVERIFY2(object.value(QStringLiteral("value")).toDouble() > 0.0, qPrintable(run.out));
        }
        QCOMPARE(runTwin({QStringLiteral("bench"), QStringLiteral("nope")}).exitCode, 2);
    }

    // bench telemetry: one live refresh of a model, measured end to end, without a display.
    void telemetryBenchRefreshesTheWholeModel() {
        const QString model = dir_.filePath(QStringLiteral("bench-telemetry.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("512"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        const Run run =
            runTwin({QStringLiteral("bench"), QStringLiteral("telemetry"), model, QStringLiteral("--json")},
                    environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray rows =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue& row : rows)
            QVERIFY(row[QStringLiteral("value")].toDouble() > 0.0);
        // Every sample of the 512 GPUs x 5 metrics was mapped and stored.
        QVERIFY2(rows[1][QStringLiteral("unit")].toString().startsWith(QStringLiteral("ms for 2560 samples")),
                 qPrintable(rows[1][QStringLiteral("unit")].toString()));
        QCOMPARE(runTwin({QStringLiteral("bench"), QStringLiteral("telemetry")}, environment).exitCode, 2);
    }

    void timelineBenchChangesDatesAndPlays() {
        const QString model = dir_.filePath(QStringLiteral("bench-timeline.db"));
        QCOMPARE(runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("512"),
                          QStringLiteral("-o"), model})
                     .exitCode,
                 0);
        const Run run = runTwin({QStringLiteral("bench"), QStringLiteral("timeline"), model,
                                 QStringLiteral("--seconds"), QStringLiteral("0.3"), QStringLiteral("--size"),
                                 QStringLiteral("320x200"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray rows =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
        QStringList cases;
        for (const QJsonValue& row : rows)
            cases << row[QStringLiteral("case")].toString() + QLatin1Char('/') +
                         row[QStringLiteral("metric")].toString();
        QCOMPARE(cases, (QStringList{
                            QStringLiteral("schedule-index/time"), QStringLiteral("critical-path/time"),
                            QStringLiteral("states-actual/median"), QStringLiteral("date-change/median"),
                            QStringLiteral("date-change/longest"), QStringLiteral("playback-overview/fps"),
                            QStringLiteral("playback-frame/recolour"), QStringLiteral("playback-frame/draw"),
                            QStringLiteral("still-frame/draw"), QStringLiteral("export-csv/time"),
                            QStringLiteral("import-csv/time"), QStringLiteral("export-msproject/time"),
                            QStringLiteral("import-msproject/time")}));
        QVERIFY(rows[5][QStringLiteral("value")].toDouble() > 0.0); // frames were drawn
        QVERIFY2(rows[4][QStringLiteral("unit")].toString().endsWith(QStringLiteral("of 31 days")),
                 qPrintable(rows[4][QStringLiteral("unit")].toString()));
        // The 512-GPU roll-out: 8 racks of six steps, the plant and halls, training; the path through a rack.
        const QString criticalPath = rows[1][QStringLiteral("unit")].toString();
        QVERIFY2(criticalPath.endsWith(QStringLiteral(" 6 on the path")), qPrintable(criticalPath));
    }

    void modelBenchNeedsNoDisplay() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        const Run run = runTwin({QStringLiteral("bench"), QStringLiteral("model"), QStringLiteral("--gpus"),
                                 QStringLiteral("64,512"), QStringLiteral("--json")},
                                environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("bench")).toString(), QStringLiteral("model"));
        QMap<QString, double> values;
        for (const QJsonValue& row : root.value(QStringLiteral("rows")).toArray())
            values.insert(row[QStringLiteral("case")].toString() + QLatin1Char('/') +
                              row[QStringLiteral("metric")].toString(),
                          row[QStringLiteral("value")].toDouble());
        for (const char* key : {"64/generate", "64/load into Facility", "512/Facility memory", "512/rows"})
            QVERIFY2(values.value(QLatin1String(key)) > 0.0, key);
        // A bigger model has more rows: the bench measured what it says.
        QVERIFY(values.value(QStringLiteral("512/rows")) > values.value(QStringLiteral("64/rows")));
        QCOMPARE(runTwin({QStringLiteral("bench"), QStringLiteral("model"), QStringLiteral("--gpus"),
                          QStringLiteral("12")},
                         environment)
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
