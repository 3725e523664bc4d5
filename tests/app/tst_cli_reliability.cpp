// What a reliability probe found (issue 12), each case as it was found, on the real binary: a model
// overwritten or changed by a refused command, a false "ok", a signal instead of an error, files left
// behind, a message that names the wrong thing. Every case failed before its fix.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <limits>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {

QString model_;

// Byte-identical and untouched: the content, and the modification time a backup tool would see.
struct FileState {
    QByteArray hash;
    qint64 modifiedNs = 0;
    bool operator==(const FileState&) const = default;
};

FileState stateOf(const QString& path) {
    struct stat status {};
    ::stat(QFile::encodeName(path).constData(), &status);
    return {hashOf(path), qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
}

bool copyFile(const QString& from, const QString& to) {
    QFile::remove(to);
    return QFile::copy(from, to) && QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

// Runs SQL on a model copy behind the twin's back, as a site's own script or a bad tool would.
bool runSql(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK &&
              sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return ok;
}

qint64 rootPageOf(const QString& path, const char* name) {
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;
    qint64 page = 0;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE name = ?", -1, &statement,
                           nullptr) == SQLITE_OK) {
        sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
        if (sqlite3_step(statement) == SQLITE_ROW)
            page = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return page;
}

// Overwrites one 4 KB page with garbage, as a bad disk sector or a stray write would.
bool overwritePage(const QString& path, qint64 page) {
    QFile file(path);
    return page > 0 && file.open(QIODevice::ReadWrite) && file.seek((page - 1) * 4096) &&
           file.write(QByteArray(4096, '\x55')) == 4096;
}

bool writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QByteArray readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes to regular files fail with EFBIG past `bytes` in the child: a full disk that any test machine
// has, without mounting anything.
auto fileSizeLimit(rlim_t bytes) {
    return [bytes](QProcess& process) {
        process.setChildProcessModifier([bytes] {
            ::signal(SIGXFSZ, SIG_IGN); // the write fails with EFBIG instead of killing the process
            const rlimit limit{bytes, bytes};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    };
}

QStringList filesIn(const QString& directory) {
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

template <std::size_t N> QByteArray withNul(const char (&text)[N]) {
    return QByteArray(text, qsizetype(N - 1)); // the literal's length, not up to its first NUL
}

QString firstLine(const QString& text) {
    return text.section(QLatin1Char('\n'), 0, 0);
}

} // namespace

class CliReliabilityTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString schedule_; // the model's own schedule as CSV

    QString path(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The versions of model files found sound, kept here rather than in the user's ~/.cache.
        qputenv("TWIN_CHECKED_MODELS", QFile::encodeName(path("checked-models")));
        model_ = path("model.db");
        const Run generated = runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"),
                                       QStringLiteral("4096"), QStringLiteral("-o"), model_});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        schedule_ = path("schedule.csv");
        QCOMPARE(runTwin({QStringLiteral("export"), model_, schedule_}).exitCode, 0);
    }

    // 1. A model file named .csv exported onto itself was overwritten with CSV, exit 0.
    void exportOntoTheModelIsRefused() {
        const QString model = path("model.csv");
        QVERIFY(copyFile(model_, model));
        QVERIFY(QFile::link(model, path("link.csv")));
        QVERIFY(QFile::exists(model));
        const FileState before = stateOf(model);
        for (const QString& output :
             {model, QStringLiteral("%1/./model.csv").arg(dir_.path()), path("link.csv")}) {
            const Run run = runTwin({QStringLiteral("export"), model, output});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed(),
                     QStringLiteral("colossus-twin: %1: is the model itself (%2); choose another file")
                         .arg(output, model));
            QVERIFY(stateOf(model) == before);
        }
        QCOMPARE(runTwin({QStringLiteral("info"), model}).exitCode, 0);
        // Nor a snapshot or a screenshot onto it.
        const Run snapshot =
            runTwin({QStringLiteral("snapshot"), path("model.png"), QStringLiteral("-o"), path("model.png")});
        QVERIFY(!QFile::exists(path("model.png"))); // no such model: refused before anything is written
        QCOMPARE(snapshot.exitCode, 1);
        const QString pngModel = path("model-as.png");
        QVERIFY(copyFile(model_, pngModel));
        const FileState pngBefore = stateOf(pngModel);
        for (const QStringList& command :
             {QStringList{QStringLiteral("snapshot"), pngModel, QStringLiteral("-o"), pngModel},
              QStringList{QStringLiteral("gui"), pngModel, QStringLiteral("--screenshot"), pngModel}}) {
            const Run run = runTwin(command);
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed(),
                     QStringLiteral("colossus-twin: %1: is the model itself (%1); choose another file")
                         .arg(pngModel));
            QVERIFY(stateOf(pngModel) == pngBefore);
        }
    }

    // 2. import wrote into models that info refuses: corrupt pages, a dangling reference, an unknown
    // kind, a parent loop. 3. and the refusal changed the file's bytes.
    void commandsThatWriteCheckTheModelFirst_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("entity page overwritten") << QStringLiteral("page");
        QTest::newRow("dangling parent")
            << QStringLiteral("PRAGMA foreign_keys=OFF; UPDATE entity SET parent_id = 99999999 WHERE id = "
                              "(SELECT max(id) FROM entity)");
        QTest::newRow("unknown kind") << QStringLiteral(
            "PRAGMA foreign_keys=OFF; UPDATE entity SET kind = 99 WHERE id = (SELECT max(id) FROM entity)");
        QTest::newRow("parent loop") << QStringLiteral(
            "UPDATE entity SET parent_id = (SELECT min(c.id) FROM entity c WHERE c.parent_id = entity.id) "
            "WHERE id = (SELECT min(h.id) FROM entity h WHERE h.kind = (SELECT code FROM entity_kind WHERE "
            "name = 'hall'))");
    }
    void commandsThatWriteCheckTheModelFirst() {
        QFETCH(QString, damage);
        const QString model = path("damaged.db");
        QVERIFY(copyFile(model_, model));
        if (damage == QLatin1String("page"))
            QVERIFY(overwritePage(model, rootPageOf(model, "entity")));
        else
            QVERIFY(runSql(model, damage.toUtf8().constData()));
        const FileState before = stateOf(model);
        const Run info = runTwin({QStringLiteral("info"), model});
        QCOMPARE(info.exitCode, 1);
        QCOMPARE(lines(info.err).size(), 1);
        QVERIFY2(info.err.startsWith(QStringLiteral("colossus-twin: %1: ").arg(model)), qPrintable(info.err));
        const Run import = runTwin({QStringLiteral("import"), model, schedule_});
        QCOMPARE(import.exitCode, 1);
        QCOMPARE(import.err, info.err); // refused with the same message
        QVERIFY(import.out.isEmpty());
        QVERIFY(stateOf(model) == before);
        QVERIFY(!QFile::exists(model + QStringLiteral("-wal")));
    }

    // 3. An import refused for an unknown entity left .dump the same but changed the header (the
    // change counter) and the modification time.
    void refusedImportLeavesTheFileByteIdentical() {
        const QString model = path("refused.db");
        QVERIFY(copyFile(model_, model));
        QByteArray text = readText(schedule_);
        QVERIFY(text.contains(",\"H1-R01-K01\","));
        text.replace(",\"H1-R01-K01\",", ",\"H1-R01-K01X\",");
        const QString bad = path("unknown-entity.csv");
        QVERIFY(writeText(bad, text));
        const FileState before = stateOf(model);
        QTest::qSleep(20); // a change would show in the nanosecond mtime
        const Run run = runTwin({QStringLiteral("import"), model, bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("which is not an entity of the model")),
                 qPrintable(run.err));
        QVERIFY(stateOf(model) == before);
        // The accepted import still lands.
        QCOMPARE(runTwin({QStringLiteral("import"), model, schedule_}).exitCode, 0);
        QVERIFY(stateOf(model).hash != before.hash);
    }

    // 4. An overwritten entity_by_name page went unnoticed by every reader (load never uses it).
    void damagedIndexIsRefusedByEveryReader() {
        const QString model = path("bad-index.db");
        QVERIFY(copyFile(model_, model));
        QVERIFY(overwritePage(model, rootPageOf(model, "entity_by_name")));
        const QString damaged =
            QStringLiteral("colossus-twin: %1: the file is damaged (SQLite's quick_check: ").arg(model);
        const QList<QStringList> commands{
            {QStringLiteral("info"), model, QStringLiteral("--json")},
            {QStringLiteral("report"), model, QStringLiteral("--date"), QStringLiteral("2024-07-01")},
            {QStringLiteral("export"), model, path("from-bad-index.csv")},
            {QStringLiteral("snapshot"), model, QStringLiteral("-o"), path("bad-index.png"),
             QStringLiteral("--size"), QStringLiteral("64x64")},
            {QStringLiteral("gui"), model, QStringLiteral("--screenshot"), path("bad-index-gui.png")},
        };
        for (const QStringList& command : commands) {
            const Run run = runTwin(command);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.startsWith(damaged), qPrintable(command.join(' ') + ": " + run.err));
            QCOMPARE(lines(run.err).size(), 1);
            QVERIFY(run.out.isEmpty());
        }
        QVERIFY(!QFile::exists(path("from-bad-index.csv")));
        QVERIFY(!QFile::exists(path("bad-index.png")));
        QVERIFY(!QFile::exists(path("bad-index-gui.png")));
        QCOMPARE(runTwin({QStringLiteral("info"), model}).exitCode,
                 1); // and again: a damaged file is never remembered
    }

    // 4. The check reads the whole file, so each version of a file is checked once: remembered once it
    // has settled (2 s after its last change), and a change of the file, even of the same size, is a
    // new version.
    void eachVersionOfAFileIsCheckedOnce() {
        const QString model = path("versions.db");
        QVERIFY(copyFile(model_, model));
        const QString remembered = path("checked-models");
        auto versions = [&] {
            return readText(remembered).count('\n');
        };
        const qsizetype before = versions();
        QCOMPARE(runTwin({QStringLiteral("info"), model}).exitCode, 0);
        QCOMPARE(versions(), before); // just written: checked, not remembered
        QTest::qSleep(2100);
        QCOMPARE(runTwin({QStringLiteral("info"), model}).exitCode, 0);
        QCOMPARE(versions(), before + 1);
        QCOMPARE(runTwin({QStringLiteral("info"), model}).exitCode, 0);
        QCOMPARE(versions(), before + 1); // the same version: not checked again
        QVERIFY(overwritePage(model, rootPageOf(model, "entity_by_name"))); // same size, new content
        const Run damaged = runTwin({QStringLiteral("info"), model});
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains(QStringLiteral("the file is damaged")), qPrintable(damaged.err));
    }

    // 5. SIGKILL during generate left NAME.partial-PID forever, and info accepted it as a model.
    void killedGenerateLeavesNothingThatOpens() {
        const QString target = path("killed.db");
        QProcess generate;
        generate.start(QStringLiteral(TWIN_BINARY), {QStringLiteral("generate"), QStringLiteral("--gpus"),
                                                     QStringLiteral("100000"), QStringLiteral("-o"), target});
        QVERIFY(generate.waitForStarted());
        const qint64 pid = generate.processId();
        const QString partial = QStringLiteral("%1.partial-%2").arg(target).arg(pid);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > (4 << 20), 60000);
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(generate.waitForFinished());
        QVERIFY(QFile::exists(partial));
        QVERIFY(!QFile::exists(target));
        const Run info = runTwin({QStringLiteral("info"), partial});
        QCOMPARE(info.exitCode, 1);
        QVERIFY2(
            info.err.contains(QStringLiteral(": an unfinished model (being written by process %1").arg(pid)),
            qPrintable(info.err));
        // A later generate of the same file removes what the dead one left.
        const Run again = runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"), QStringLiteral("64"),
                                   QStringLiteral("-o"), target});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!QFile::exists(partial));
        QVERIFY(!QFile::exists(partial + QStringLiteral("-journal")));
        QCOMPARE(runTwin({QStringLiteral("info"), target}).exitCode, 0);
    }

    // 6. metrics-check on a pipe said "0 samples, 0 families", exit 0, where the same file by path
    // names line 2.
    void metricsCheckReadsStreams() {
        const QString badFile = path("bad.prom");
        QVERIFY(writeText(badFile, "a 1\nb x\n"));
        // Piped, as `cat bad.prom | colossus-twin metrics-check /dev/stdin` and `... -` are.
        for (const QString& name : {QStringLiteral("/dev/stdin"), QStringLiteral("-")}) {
            QProcess cat, check;
            cat.setStandardOutputProcess(&check);
            cat.start(QStringLiteral("cat"), {badFile});
            check.start(QStringLiteral(TWIN_BINARY), {QStringLiteral("metrics-check"), name});
            QVERIFY(check.waitForFinished(30000));
            cat.waitForFinished();
            QCOMPARE(check.exitCode(), 1);
            QCOMPARE(QString::fromUtf8(check.readAllStandardError()).trimmed(),
                     QStringLiteral("%1:2: expected float as value, got \"x\"").arg(name));
        }
        // Redirected from a file, standard input is read from where it stands.
        const Run redirected = runTwinWith({QStringLiteral("metrics-check"), QStringLiteral("-")},
                                           [&](QProcess& process) { process.setStandardInputFile(badFile); });
        QCOMPARE(redirected.exitCode, 1);
        QCOMPARE(redirected.err.trimmed(), QStringLiteral("-:2: expected float as value, got \"x\""));
        // A real pipe, as `cat bad.prom | colossus-twin metrics-check -` gives one.
        QProcess cat, check;
        cat.setStandardOutputProcess(&check);
        const QString input = path("piped.prom");
        QVERIFY(writeText(input, "# TYPE g gauge\ng 1\ng{a=\"b\"} 2\n"));
        cat.start(QStringLiteral("cat"), {input});
        check.start(QStringLiteral(TWIN_BINARY), {QStringLiteral("metrics-check"), QStringLiteral("-")});
        QVERIFY(check.waitForFinished(30000));
        cat.waitForFinished();
        QCOMPARE(check.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(check.readAllStandardOutput()).trimmed(),
                 QStringLiteral("2 samples, 1 families"));
        // An endless stream is refused, not read until memory runs out.
        const Run zero = runTwin({QStringLiteral("metrics-check"), QStringLiteral("/dev/zero")});
        QCOMPARE(zero.exitCode, 1);
        QVERIFY2(zero.err.contains(QStringLiteral("/dev/zero: more than 512 MB without an end")),
                 qPrintable(zero.err));
        // A /proc file says its size is 0 and still has content.
        const Run proc = runTwin({QStringLiteral("metrics-check"), QStringLiteral("/proc/self/status")});
        QCOMPARE(proc.exitCode, 1);
        QVERIFY2(proc.err.startsWith(QStringLiteral("/proc/self/status:1: ")), qPrintable(proc.err));
    }

    // 7. A full disk: results lost with exit 0, or a partial PNG left, or "Unknown error".
    void fullStandardOutputIsAnError() {
        for (const QStringList& command :
             {QStringList{QStringLiteral("info"), model_, QStringLiteral("--json")},
              QStringList{QStringLiteral("report"), model_, QStringLiteral("--date"),
                          QStringLiteral("2024-07-01"), QStringLiteral("--json")},
              QStringList{QStringLiteral("--version")}}) {
            const Run run = runTwinWith(command, [](QProcess& process) {
                process.setStandardOutputFile(QStringLiteral("/dev/full"));
            });
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(
                run.err.trimmed(),
                QStringLiteral("colossus-twin: standard output: cannot be written: No space left on device"));
        }
        // "> file" on a disk that fills: the write fails the same way (EFBIG under a file size limit).
        const QString json = path("full-report.json");
        const Run report = runTwinWith({QStringLiteral("report"), model_, QStringLiteral("--date"),
                                        QStringLiteral("2024-07-01"), QStringLiteral("--json")},
                                       [&](QProcess& process) {
                                           fileSizeLimit(64)(process);
                                           process.setStandardOutputFile(json);
                                       });
        QCOMPARE(report.exitCode, 1);
        QCOMPARE(report.err.trimmed(),
                 QStringLiteral("colossus-twin: standard output: cannot be written: File too large"));
    }

    void fullDiskLeavesNoPartialFile() {
        const QString out = path("full");
        QVERIFY(QDir().mkpath(out));
        struct Case {
            QStringList command;
            QString output;
        };
        const QList<Case> cases{
            {{QStringLiteral("export"), model_, out + QStringLiteral("/s.csv")},
             out + QStringLiteral("/s.csv")},
            {{QStringLiteral("export"), model_, out + QStringLiteral("/s.xml")},
             out + QStringLiteral("/s.xml")},
            {{QStringLiteral("snapshot"), model_, QStringLiteral("-o"), out + QStringLiteral("/s.png"),
              QStringLiteral("--size"), QStringLiteral("320x200")},
             out + QStringLiteral("/s.png")},
            {{QStringLiteral("gui"), model_, QStringLiteral("--screenshot"), out + QStringLiteral("/g.png")},
             out + QStringLiteral("/g.png")},
            {{QStringLiteral("record"), model_, QStringLiteral("-o"), out + QStringLiteral("/rec"),
              QStringLiteral("--size"), QStringLiteral("320x200")},
             out + QStringLiteral("/rec/day-001.png")},
        };
        for (const Case& c : cases) {
            const Run run = runTwinWith(c.command, fileSizeLimit(4096));
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(firstLine(run.err.trimmed()),
                     QStringLiteral("colossus-twin: %1: cannot be written: File too large").arg(c.output));
            QCOMPARE(lines(run.err).size(), 1);
            QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(' ')));
        }
        QVERIFY(filesIn(out + QStringLiteral("/rec")).isEmpty()); // no frames, no video
    }

    // 7. The video: VTK's writer does not check its writes, so a cut-short stream ended "fine".
    void recordRefusesACutShortVideo() {
        // A limit that every frame fits under and the video does not: found from a recording without one.
        const QStringList size{QStringLiteral("--size"), QStringLiteral("320x200")};
        const Run whole = runTwin(
            QStringList{QStringLiteral("record"), model_, QStringLiteral("-o"), path("whole")} + size);
        QCOMPARE(whole.exitCode, 0);
        qint64 largestFrame = 0, smallestFrame = std::numeric_limits<qint64>::max();
        for (const QFileInfo& frame :
             QDir(path("whole")).entryInfoList({QStringLiteral("*.png")}, QDir::Files)) {
            largestFrame = std::max(largestFrame, frame.size());
            smallestFrame = std::min(smallestFrame, frame.size());
        }
        QVERIFY(smallestFrame > 4096); // what fullDiskLeavesNoPartialFile's limit relies on
        const qint64 video = QFileInfo(path("whole/rollout.ogv")).size();
        QVERIFY2(video > largestFrame + 2048,
                 qPrintable(QStringLiteral("%1 %2").arg(video).arg(largestFrame)));
        const QString out = path("cut-video");
        const Run run =
            runTwinWith(QStringList{QStringLiteral("record"), model_, QStringLiteral("-o"), out} + size,
                        fileSizeLimit(rlim_t(largestFrame + (video - largestFrame) / 2)));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(lines(run.err).last(),
                 QStringLiteral(
                     "colossus-twin: %1/rollout.ogv: cannot be written: the video was cut short (a full "
                     "disk or a file size limit?)")
                     .arg(out));
        QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(' ')));
    }

    // 8. gui --screenshot of a model it cannot open showed the demo hall, exit 0.
    void screenshotOfAModelThatCannotOpenIsAnError() {
        const QString foreign = path("foreign.db");
        QVERIFY(runSql(foreign, "CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)"));
        const QString newer = path("newer.db");
        QVERIFY(copyFile(model_, newer));
        QVERIFY(runSql(newer, "PRAGMA user_version = 99"));
        const QString broken = path("broken.db");
        QVERIFY(copyFile(model_, broken));
        QVERIFY(runSql(broken, "PRAGMA foreign_keys=OFF; UPDATE entity SET parent_id = 99999999 WHERE id = "
                               "(SELECT max(id) FROM entity)"));
        for (const QString& model : {foreign, newer, broken}) {
            const QString png = path("cannot-open.png");
            const Run info = runTwin({QStringLiteral("info"), model});
            const Run run = runTwin({QStringLiteral("gui"), model, QStringLiteral("--screenshot"), png});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed(), info.err.trimmed());
            QVERIFY(!QFile::exists(png));
        }
    }

    // 10. metrics-check died of SIGBUS when the mapped file was truncated while it was read.
    void shrinkingFileIsAnErrorNotASignal() {
        const QString file = path("shrinking.prom");
        QByteArray text;
        for (int i = 0; i < 200000; ++i)
            text += "DCGM_FI_DEV_GPU_TEMP{gpu=\"" + QByteArray::number(i % 8) + "\",Hostname=\"h" +
                    QByteArray::number(i) + "\"} 41\n";
        QVERIFY(writeText(file, text));
        auto checkShrunkTo = [&](qint64 bytes) {
            QProcess check;
            check.start(QStringLiteral(METRICS_CHECK_UNDER_TEST),
                        {QStringLiteral("--shrink-to"), QString::number(bytes), file});
            check.waitForFinished(60000);
            Run run;
            run.status = check.exitStatus();
            run.exitCode = check.exitCode();
            run.err = QString::fromUtf8(check.readAllStandardError());
            return run;
        };
        const Run run = checkShrunkTo(4096);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, // once, however many of the parser's threads found their pages gone
                 QStringLiteral(
                     "colossus-twin: %1: the file shrank while it was read (another process truncated it)\n")
                     .arg(file));
        // Shrunk within its last page: no signal, but the size it was read at is gone.
        QVERIFY(writeText(file, text));
        const Run tail = checkShrunkTo(text.size() - 10);
        QCOMPARE(tail.status, QProcess::NormalExit);
        QCOMPARE(tail.exitCode, 1);
        QVERIFY2(tail.err.contains(QStringLiteral("the file changed size while it was read")),
                 qPrintable(tail.err));
    }

    // 11. NaN passed every range check ("< 0.01" is false for NaN).
    void numericOptionsRefuseNaN() {
        for (const QString& value : {QStringLiteral("nan"), QStringLiteral("inf"), QStringLiteral("-nan")}) {
            const Run record = runTwin({QStringLiteral("record"), model_, QStringLiteral("-o"),
                                        path("nan-rec"), QStringLiteral("--orbit"), value});
            QCOMPARE(record.exitCode, 2);
            QVERIFY(record.err.contains(QStringLiteral("--orbit")));
            const Run bench = runTwin(
                {QStringLiteral("bench"), QStringLiteral("view"), QStringLiteral("--seconds"), value});
            QCOMPARE(bench.exitCode, 2);
            QVERIFY(bench.err.contains(QStringLiteral("--seconds")));
        }
        QVERIFY(!QFile::exists(path("nan-rec")));
    }

    // 15. A task from 0000-01-01 to 9999-12-31 was imported, and the window then took 5.9 s and 1.4 GB.
    void datesOutsideTheModelSpanAreRefused() {
        const QString model = path("span.db");
        QVERIFY(copyFile(model_, model));
        const QString csv = path("span.csv");
        QVERIFY(writeText(csv, "id,name,planned_start,planned_end,entities\n"
                               "1,H1-R01-K01 deliver,2024-05-01,2024-05-02,H1-R01-K01\n"
                               "2,H1-R01-K02 deliver,0000-01-01,9999-12-31,H1-R01-K02\n"));
        const FileState before = stateOf(model);
        const Run run = runTwin({QStringLiteral("import"), model, csv});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(lines(run.err),
                 (QStringList{
                     QStringLiteral("colossus-twin: %1:3: planned_start: '0000-01-01' is outside the dates a "
                                    "model holds (1970-01-01 to 2199-12-31)")
                         .arg(csv),
                     QStringLiteral("colossus-twin: %1:3: planned_end: '9999-12-31' is outside the dates a "
                                    "model holds (1970-01-01 to 2199-12-31)")
                         .arg(csv)}));
        QVERIFY(stateOf(model) == before);
        // Written behind the twin's back, such a date is refused on open, naming the task.
        QVERIFY(runSql(
            model,
            "UPDATE task SET planned_end = '9999-12-31 00:00:00' WHERE id = (SELECT min(id) FROM task)"));
        const Run info = runTwin({QStringLiteral("info"), model});
        QCOMPARE(info.exitCode, 1);
        QVERIFY2(info.err.contains(QStringLiteral(
                     ": planned_end '9999-12-31 00:00:00' is outside the dates a model holds")),
                 qPrintable(info.err));
        QVERIFY(info.err.contains(QStringLiteral("task ")));
    }

    // 16. Repeated predecessors failed on the model's UNIQUE constraint; broken bytes were imported;
    // an empty file deleted the whole schedule without a word.
    void scheduleFilesSayWhatIsWrongOnWhichLine() {
        const QString model = path("messages.db");
        QVERIFY(copyFile(model_, model));
        const FileState before = stateOf(model);
        struct Case {
            const char* name;
            QByteArray text;
            QString message;
        };
        const QByteArray header("id,name,planned_start,planned_end,entities,predecessors\n");
        const QList<Case> cases{
            {"repeated.csv",
             header + "1,H1-R01-K01 deliver,2024-05-01,2024-05-02,H1-R01-K01,\n"
                      "2,H1-R01-K01 place,2024-05-02,2024-05-03,H1-R01-K01,1;1;1\n",
             QStringLiteral("%1:3: task 'H1-R01-K01 place' names predecessor 1 more than once")},
            {"latin1.csv", header + "1,H1-R01-K01 caf\xe9,2024-05-01,2024-05-02,H1-R01-K01,\n",
             QStringLiteral("%1:2: field 2 is not valid UTF-8 (save the file as UTF-8)")},
            {"nul.csv", header + withNul("1,H1-R01-K01\0 deliver,2024-05-01,2024-05-02,H1-R01-K01,\n"),
             QStringLiteral("%1:2: field 2 holds a NUL byte; a schedule is text")},
            {"empty.csv", header,
             QStringLiteral(
                 "%1: holds no tasks; importing it would delete the model's whole schedule (allow an "
                 "empty schedule to do that on purpose)")},
            {"empty.xml",
             "<?xml version=\"1.0\"?>\n<Project "
             "xmlns=\"http://schemas.microsoft.com/project\"><Tasks/></Project>\n",
             QStringLiteral(
                 "%1: holds no tasks; importing it would delete the model's whole schedule (allow an "
                 "empty schedule to do that on purpose)")},
        };
        for (const Case& c : cases) {
            const QString file = path(c.name);
            QVERIFY(writeText(file, c.text));
            const Run run = runTwin({QStringLiteral("import"), model, file});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed(), QStringLiteral("colossus-twin: ") + c.message.arg(file));
            QVERIFY(stateOf(model) == before);
        }
        // On purpose, an empty schedule is an empty schedule.
        const Run allowed =
            runTwin({QStringLiteral("import"), model, path("empty.csv"), QStringLiteral("--allow-empty")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
        QVERIFY(allowed.out.startsWith(QStringLiteral("imported 0 tasks")));
        QVERIFY(runTwin({QStringLiteral("info"), model, QStringLiteral("--json")})
                    .out.contains(QStringLiteral("\"task\":0")));
    }

    // 17. Messages carried raw CR, NUL and broken bytes to the terminal.
    void metricsCheckEscapesWhatItQuotes() {
        const QString file = path("raw.prom");
        QVERIFY(writeText(file, QByteArray("# TYPE a gauge\r\na 1\n")));
        const Run run = runTwin({QStringLiteral("metrics-check"), file});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, QStringLiteral("%1:1: unknown metric type \"gauge\\r\"\n").arg(file));
        QVERIFY(writeText(file, QByteArray("a{b=\"\xff\"} 1\n")));
        QCOMPARE(runTwin({QStringLiteral("metrics-check"), file}).err,
                 QStringLiteral("%1:1: invalid label value \"\\xff\"\n").arg(file));
    }
};

QTEST_GUILESS_MAIN(CliReliabilityTest)
#include "tst_cli_reliability.moc"
