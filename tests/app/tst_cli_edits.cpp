// Recording progress from the command line, on the real binary: kill -9 at random moments loses no
// edit that was reported done and leaves nothing half-applied; processes editing at once lose nothing;
// a read-only file is never modified; bad input is refused with its reason and changes nothing.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>
#include <sqlite3.h>

namespace {

// Rows of a query, each as "a|b|c".
QStringList rowsOf(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    QStringList rows;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK)
        while (sqlite3_step(statement) == SQLITE_ROW) {
            QStringList cells;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
                cells << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
            }
            rows << cells.join(QLatin1Char('|'));
        }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

QJsonObject jsonOf(const Run& run) {
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class CliEditsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString original_;
    QStringList racks_; // names of the model's racks

    QString copy(const QString& name) {
        const QString path = dir_.filePath(name);
        QFile::remove(path);
        QFile::copy(original_, path);
        QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

private slots:
    void initTestCase() {
        original_ = dir_.filePath(QStringLiteral("model.db"));
        const Run generated = runTwin({QStringLiteral("generate"), QStringLiteral("--gpus"),
                                       QStringLiteral("4096"), QStringLiteral("-o"), original_});
        QCOMPARE(generated.exitCode, 0);
        racks_ = rowsOf(original_, "SELECT e.name FROM entity e JOIN entity_kind k ON k.code = e.kind "
                                   "WHERE k.name = 'rack' ORDER BY e.id");
        QVERIFY(racks_.size() >= 8);
    }

    // 20 runs, each killed at a random moment: every edit reported done is in the file, whole.
    void killNineLosesNoReportedEdit() {
        const QString model = copy(QStringLiteral("kill.db"));
        QRandomGenerator random(7);
        std::set<qint64> reported;
        int finished = 0, killed = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess process;
            process.start(QStringLiteral(TWIN_BINARY),
                          {QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[round % 3],
                           round % 2 == 0 ? QStringLiteral("--reopen") : QStringLiteral("--done"),
                           QStringLiteral("--by"), QStringLiteral("kill%1").arg(round),
                           QStringLiteral("--json")});
            QVERIFY(process.waitForStarted());
            QTest::qWait(int(random.bounded(5, 250)));
            if (process.state() != QProcess::NotRunning) {
                process.kill(); // SIGKILL
                ++killed;
            }
            process.waitForFinished();
            if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
                ++finished;
                const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
                for (const QJsonValue id : result.value(QStringLiteral("audit_ids")).toArray())
                    reported.insert(id.toInteger());
            }
        }
        qInfo("%d runs finished, %d killed, %zu edits reported", finished, killed, reported.size());
        // A reader after the last kill opens it (recovering what the killed writer left, if anything).
        const Run info = runTwin({QStringLiteral("info"), model});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QCOMPARE(rowsOf(model, "PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
        std::set<qint64> logged;
        for (const QString& id : rowsOf(model, "SELECT id FROM audit_log"))
            logged.insert(id.toLongLong());
        for (const qint64 id : reported)
            QVERIFY2(logged.contains(id),
                     qPrintable(QStringLiteral("audit %1 was reported and is gone").arg(id)));
        // Nothing half-applied: every edit changed all six tasks of its rack, and each task holds what
        // its last audit line says it was changed to.
        for (const QString& row : rowsOf(model, "SELECT edit_id, count(*) FROM audit_log GROUP BY edit_id"))
            QCOMPARE(row.section(QLatin1Char('|'), 1).toInt(), 6);
        const QStringList mismatched = rowsOf(
            model,
            "SELECT t.id FROM task t JOIN audit_log a ON a.task_id = t.id WHERE a.id = (SELECT max(id) FROM "
            "audit_log WHERE task_id = t.id) AND (coalesce(t.actual_end, '') <> "
            "coalesce(json_extract(a.after, '$.actual_end'), '') OR t.status <> json_extract(a.after, "
            "'$.status'))");
        QVERIFY2(mismatched.isEmpty(), qPrintable(mismatched.join(QLatin1Char(','))));
    }

    // Six processes at once, each on its own rack: all succeed, and all their changes are in.
    void processesEditingAtOnceLoseNothing() {
        const QString model = copy(QStringLiteral("together.db"));
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < 6; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start(QStringLiteral(TWIN_BINARY),
                           {QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[i],
                            QStringLiteral("--reopen"), QStringLiteral("--by"),
                            QStringLiteral("crew%1").arg(i), QStringLiteral("--json")});
            processes.push_back(std::move(process));
        }
        for (auto& process : processes) {
            QVERIFY(process->waitForFinished(60000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        QCOMPARE(rowsOf(model, "SELECT count(*) FROM audit_log"), QStringList{QStringLiteral("36")});
        QCOMPARE(rowsOf(model, "SELECT count(DISTINCT author) FROM audit_log"),
                 QStringList{QStringLiteral("6")});
        for (int i = 0; i < 6; ++i) {
            const std::string sql =
                "SELECT count(*) FROM task t JOIN task_entity te ON te.task_id = t.id JOIN entity "
                "e ON e.id = te.entity_id WHERE e.name = '" +
                racks_[i].toStdString() + "' AND t.actual_end IS NULL";
            QCOMPARE(rowsOf(model, sql.c_str()), QStringList{QStringLiteral("6")});
        }
    }

    // `log --json` copies what the file holds; bytes that are not UTF-8 (written by another tool)
    // still make a JSON document.
    void theLogIsJsonWhateverTheFileHolds() {
        const QString model = copy(QStringLiteral("bytes.db"));
        QCOMPARE(runTwin({QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[4],
                          QStringLiteral("--reopen")})
                     .exitCode,
                 0);
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(model).constData(), &db), SQLITE_OK);
        sqlite3_stmt* rename = nullptr;
        sqlite3_prepare_v2(db, "UPDATE audit_log SET author = CAST(X'41FF42' AS TEXT)", -1, &rename, nullptr);
        QCOMPARE(sqlite3_step(rename), SQLITE_DONE);
        sqlite3_finalize(rename);
        sqlite3_close(db);
        const Run log = runTwin({QStringLiteral("log"), model, QStringLiteral("--json")});
        QCOMPARE(log.exitCode, 0);
        QJsonParseError error{};
        const QJsonObject root = QJsonDocument::fromJson(log.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(root.value(QStringLiteral("count")).toInt(), 6);
        const QJsonObject first = root.value(QStringLiteral("entries")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("author")).toString(), QStringLiteral("A\uFFFDB"));
        QCOMPARE(first.value(QStringLiteral("entity")).toString(), racks_[4]);
        QCOMPARE(first.value(QStringLiteral("before")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("done"));
        // As text, a line per change that a person reads: the task and its status before and after.
        const Run text = runTwin({QStringLiteral("log"), model, QStringLiteral("--entity"), racks_[4]});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(lines(text.out).size(), 6);
        QVERIFY2(lines(text.out).front().contains(QStringLiteral("progress reopen  %1  '%1 deliver': done -> "
                                                                 "in_progress")
                                                      .arg(racks_[4])),
                 qPrintable(text.out));
    }

    void aReadOnlyFileIsNeverModified() {
        const QString model = copy(QStringLiteral("readonly.db"));
        QVERIFY(QFile(model).setPermissions(QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = hashOf(model);
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[0],
                          QStringLiteral("--reopen")},
              QStringList{QStringLiteral("punch"), model, QStringLiteral("add"), racks_[0],
                          QStringLiteral("--title"), QStringLiteral("Leak")},
              QStringList{QStringLiteral("revert"), model, QStringLiteral("1")}}) {
            const Run run = runTwin(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("read-only")) ||
                         run.err.contains(QStringLiteral("not in the log")),
                     qPrintable(run.err));
        }
        QCOMPARE(hashOf(model), before);
        QVERIFY(!QFile::exists(model + QStringLiteral("-wal")));
    }

    void badInputIsRefusedAndChangesNothing() {
        const QString model = copy(QStringLiteral("bad.db"));
        const Run reopened = runTwin({QStringLiteral("progress"), model, QStringLiteral("--entity"),
                                      racks_[1], QStringLiteral("--reopen"), QStringLiteral("--json")});
        QCOMPARE(reopened.exitCode, 0);
        QCOMPARE(jsonOf(reopened).value(QStringLiteral("changed_tasks")).toInt(), 6);
        QCOMPARE(
            runTwin({QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[1],
                     QStringLiteral("--start"), QStringLiteral("--at"), QStringLiteral("2024-07-20 08:00")})
                .exitCode,
            0);
        const QByteArray before = hashOf(model);
        const QString text = dir_.filePath(QStringLiteral("photo.txt"));
        {
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a photo");
        }
        struct Case {
            QStringList arguments;
            QString message;
        };
        const Case cases[] = {
            {{QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[1],
              QStringLiteral("--done"), QStringLiteral("--at"), QStringLiteral("2024-07-20 07:00")},
             QStringLiteral("before it started")},
            {{QStringLiteral("progress"), model, QStringLiteral("--task"), QStringLiteral("no such task"),
              QStringLiteral("--done")},
             QStringLiteral("no task 'no such task'")},
            {{QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[1],
              QStringLiteral("--done"), QStringLiteral("--at"), QStringLiteral("2150-01-01 00:00")},
             QStringLiteral("is in the future")},
            {{QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[1],
              QStringLiteral("--done"), QStringLiteral("--by"), QStringLiteral("crew\u0007")},
             QStringLiteral("control character")},
            {{QStringLiteral("punch"), model, QStringLiteral("add"), racks_[1], QStringLiteral("--title"),
              QStringLiteral("Leak"), QStringLiteral("--photo"), text},
             QStringLiteral("not an image")},
            {{QStringLiteral("punch"), model, QStringLiteral("add"), racks_[1], QStringLiteral("--title"),
              QStringLiteral("Leak"), QStringLiteral("--priority"), QStringLiteral("urgent")},
             QStringLiteral("--priority 'urgent'")},
            {{QStringLiteral("punch"), model, QStringLiteral("close"), QStringLiteral("999999")},
             QStringLiteral("punch item 999999 is not in the model")},
            {{QStringLiteral("revert"), model, QStringLiteral("999999")},
             QStringLiteral("audit 999999 is not in the log")},
            // Dates the model cannot hold: written, they would leave a file that never opens again.
            {{QStringLiteral("progress"), model, QStringLiteral("--entity"), racks_[1],
              QStringLiteral("--done"), QStringLiteral("--at"), QStringLiteral("1969-12-31 23:00")},
             QStringLiteral("is outside the dates a model holds")},
            {{QStringLiteral("punch"), model, QStringLiteral("add"), racks_[1], QStringLiteral("--title"),
              QStringLiteral("Leak"), QStringLiteral("--due"), QStringLiteral("2300-01-01")},
             QStringLiteral("is outside the dates a model holds")},
        };
        for (const Case& bad : cases) {
            const Run run = runTwin(bad.arguments);
            QVERIFY2(run.exitCode == 1,
                     qPrintable(bad.arguments.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
            QVERIFY2(run.err.contains(bad.message), qPrintable(run.err));
            QCOMPARE(lines(run.err).size(), 1);
        }
        QCOMPARE(hashOf(model), before);
    }
};

QTEST_GUILESS_MAIN(CliEditsTest)
#include "tst_cli_edits.moc"
