// The Store: what is written comes back, writes are all or nothing, and every kind of bad file is
// refused with one message naming the file and the problem, leaving the file exactly as it was.
#include "SmallModel.h"
#include "datamodel/AlertRule.h"
#include "datamodel/Facility.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace twin::datamodel;
using twin::testing::SmallModelIds;

namespace {

QByteArray hashOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

// Changes a copy of a model behind the Store's back, as another tool (or a bad disk) might.
void tamper(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    QVERIFY2(rc == SQLITE_OK, error);
    sqlite3_close(db);
}

QString errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ModelError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

// Takes a current file back to schema version 2: the note table as it was, no photos, an audit log
// without values.
// Version 4's columns dropped: a file as version 3 wrote it.
#define TWIN_BACK_TO_VERSION_3                                                                               \
    "ALTER TABLE bookmark DROP COLUMN view_state; ALTER TABLE bookmark DROP COLUMN position; "               \
    "ALTER TABLE tour_stop DROP COLUMN span_from; ALTER TABLE tour_stop DROP COLUMN span_to; "               \
    "ALTER TABLE tour_stop DROP COLUMN days_per_second; "
constexpr const char* kBackToVersion3 = TWIN_BACK_TO_VERSION_3 "PRAGMA user_version = 3;";
constexpr const char* kBackToVersion2 = TWIN_BACK_TO_VERSION_3
    "DROP TABLE note_photo; DROP INDEX audit_log_by_task; DROP INDEX audit_log_by_note; "
    "ALTER TABLE audit_log DROP COLUMN before; ALTER TABLE audit_log DROP COLUMN after; "
    "ALTER TABLE audit_log DROP COLUMN edit_id; ALTER TABLE audit_log DROP COLUMN task_id; "
    "ALTER TABLE audit_log DROP COLUMN note_id; "
    "CREATE TABLE note_v2(id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE "
    "CASCADE, text TEXT NOT NULL CHECK(length(text) > 0), author TEXT NOT NULL, created_at TEXT NOT NULL "
    "CHECK(datetime(created_at) IS NOT NULL), closed_at TEXT CHECK(closed_at IS NULL OR datetime(closed_at) "
    "IS "
    "NOT NULL), status TEXT NOT NULL CHECK(status IN ('open', 'closed')), blocking INTEGER NOT NULL DEFAULT "
    "0 "
    "CHECK(blocking IN (0, 1))); "
    "INSERT INTO note_v2 SELECT id, entity_id, text, author, created_at, closed_at, status, blocking FROM "
    "note; "
    "DROP TABLE note; ALTER TABLE note_v2 RENAME TO note; CREATE INDEX note_by_entity ON note(entity_id); "
    "CREATE INDEX note_open ON note(status) WHERE status = 'open'; ";

class StoreTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString modelPath_;
    SmallModelIds m_{};

    QString copyOfModel(const char* name) {
        const QString copy = dir_.filePath(QLatin1String(name));
        QFile::remove(copy);
        QFile::copy(modelPath_, copy);
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        return copy;
    }

    // Opens read-only and loads; returns the error text (empty when it loaded).
    QString loadError(const QString& path) {
        return errorOf([&] { Store::open(path.toStdString(), Access::ReadOnly)->load(); });
    }

private slots:
    void initTestCase() {
        modelPath_ = dir_.filePath(QStringLiteral("model.db"));
        auto store = Store::create(modelPath_.toStdString());
        store->write([this](ModelWriter& writer) { m_ = twin::testing::writeSmallModel(writer); });
    }

    void whatIsWrittenComesBack() {
        auto store = Store::open(modelPath_.toStdString(), Access::ReadOnly);
        QCOMPARE(store->schemaVersion(), 4);
        const Facility facility = store->load();
        const EntityIndex gpu = facility.findById(m_.gpu1b);
        QVERIFY(gpu != kNoEntity);
        const EntityColumns& e = facility.entities();
        QCOMPARE(e.kind[size_t(gpu)], EntityKind::Gpu);
        QCOMPARE(e.name[size_t(gpu)], std::string_view("v1/gpu1"));
        QCOMPARE(e.uuid[size_t(gpu)], std::string_view("GPU-1b"));
        QCOMPARE(e.slot[size_t(gpu)], std::int16_t(1));
        QCOMPARE(e.parent[size_t(gpu)], facility.findById(m_.server1));
        const EntityIndex rack = facility.findById(m_.rack2);
        QCOMPARE(e.pose[size_t(rack)].yaw, 90.0f);
        QCOMPARE(e.pose[size_t(rack)].width, 0.6f);
        QCOMPARE(e.subtype[size_t(facility.findById(m_.buswayB))], std::string_view("B"));
        QCOMPARE(e.hostname[size_t(facility.findById(m_.server2))], std::string_view("v2"));
        QCOMPARE(facility.pipes().size(), std::size_t(18));
        QCOMPARE(facility.feeds().size(), std::size_t(12));
        QCOMPARE(facility.tasks().size(), std::size_t(3));
        QCOMPARE(facility.tasks().actualEnd[2], kNoTime);
        QCOMPARE(facility.tasks().status[2], TaskStatus::InProgress);
        QCOMPARE(facility.tasksOf(rack).size(), std::size_t(1));
        // Burn-in waits for placing (task_dependency), by dense task index.
        const auto burnIn = facility.tasks().predecessors.row(1);
        QCOMPARE(std::vector<std::uint32_t>(burnIn.begin(), burnIn.end()), std::vector<std::uint32_t>{0});
        QCOMPARE(facility.tasks().predecessors.items.size(), std::size_t(1));

        // Loading again gives exactly the same arrays.
        const Facility again = store->load();
        QVERIFY(facility.entities() == again.entities());
        QVERIFY(facility.cables() == again.cables());
        QVERIFY(facility.pipes() == again.pipes());
        QVERIFY(facility.feeds() == again.feeds());
        QVERIFY(facility.tasks() == again.tasks());
    }

    void theFileSaysWhatItIs() {
        sqlite3* db = nullptr;
        sqlite3_open_v2(QFile::encodeName(modelPath_).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        auto pragma = [&](const char* sql) {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
            sqlite3_step(st);
            const QString value =
                QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
            sqlite3_finalize(st);
            return value;
        };
        QCOMPARE(pragma("PRAGMA application_id"), QString::number(0x4354776e));
        QCOMPARE(pragma("PRAGMA user_version"), QStringLiteral("4"));
        QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("delete")); // closed: one self-contained file
        QCOMPARE(pragma("PRAGMA integrity_check"), QStringLiteral("ok"));
        QCOMPARE(pragma("SELECT count(*) FROM pragma_foreign_key_check"), QStringLiteral("0"));
        sqlite3_close(db);
    }

    // Alert rules (schema version 2): a new model has the defaults; a version-1 file is read as it is
    // with the defaults and left untouched, and opening it for writing migrates it.
    void alertRulesStartAsTheDefaults() {
        auto store = Store::open(modelPath_.toStdString(), Access::ReadOnly);
        const Facility facility = store->load();
        QCOMPARE(facility.alertRules().size(), twin::datamodel::defaultAlertRules().size());
        QVERIFY(std::equal(facility.alertRules().begin(), facility.alertRules().end(),
                           twin::datamodel::defaultAlertRules().begin()));
        const auto& flow = facility.alertRules().back();
        QCOMPARE(QString::fromStdString(flow.metric), QStringLiteral("cdu_flow_lpm"));
        QVERIFY(flow.breachedBy(40.0) && !flow.breachedBy(80.0)); // "below 60"
    }

    void aVersionOneFileIsReadAsItIsAndMigratedForWriting() {
        const QString copy = copyOfModel("v1.db");
        tamper(copy,
               (std::string(kBackToVersion2) + "DROP TABLE alert_rule; PRAGMA user_version = 1;").c_str());
        const QByteArray before = hashOf(copy);
        {
            auto store = Store::open(copy.toStdString(), Access::ReadOnly);
            QCOMPARE(store->schemaVersion(), 1);
            QCOMPARE(store->load().alertRules().size(), twin::datamodel::defaultAlertRules().size());
        }
        QCOMPARE(hashOf(copy), before);
        {
            auto store = Store::open(copy.toStdString(), Access::ReadWrite);
            QCOMPARE(store->schemaVersion(), 4);
        }
        tamper(copy, "UPDATE alert_rule SET threshold = 80 WHERE name = 'GPU hot'");
        const Facility migrated = Store::open(copy.toStdString(), Access::ReadOnly)->load();
        QCOMPARE(migrated.alertRules().front().threshold, 80.0);
    }

    // Version 2 had notes without titles, priorities or a review status, and an audit log without
    // values: read as it is, then migrated for writing with every note kept.
    void aVersionTwoFileIsReadAsItIsAndMigratedWithItsNotes() {
        const QString copy = copyOfModel("v2.db");
        tamper(copy, "INSERT INTO note(entity_id, text, author, created_at, status, blocking, title) "
                     "SELECT id, 'Leak', 'crew', '2024-07-01', 'open', 1, 'Leak' FROM entity LIMIT 1");
        tamper(copy, (std::string(kBackToVersion2) + "PRAGMA user_version = 2;").c_str());
        const QByteArray before = hashOf(copy);
        std::size_t notes = 0;
        {
            auto store = Store::open(copy.toStdString(), Access::ReadOnly);
            QCOMPARE(store->schemaVersion(), 2);
            const Facility facility = store->load();
            notes = facility.notes().size();
            QVERIFY(notes >= 1);
            QCOMPARE(facility.notes().title[facility.notes().size() - 1], std::string_view());
            QCOMPARE(facility.notes().status.back(), twin::datamodel::NoteStatus::Open);
            QVERIFY(store->auditLog().empty() || store->auditLog().front().before.empty());
        }
        QCOMPARE(hashOf(copy), before);
        {
            auto store = Store::open(copy.toStdString(), Access::ReadWrite);
            QCOMPARE(store->schemaVersion(), 4);
            const Facility facility = store->load();
            QCOMPARE(facility.notes().size(), notes);
            QCOMPARE(facility.notes().text[facility.notes().size() - 1], std::string_view("Leak"));
            QVERIFY(facility.notes().blocking.back());
        }
    }

    void readingNeverChangesTheFile() {
        const QString copy = copyOfModel("read.db");
        const QByteArray before = hashOf(copy);
        QVERIFY(loadError(copy).isEmpty());
        QCOMPARE(hashOf(copy), before);
        QVERIFY(!QFile::exists(copy + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(copy + QStringLiteral("-shm")));
    }

    void aWriteIsAllOrNothing() {
        const QString copy = copyOfModel("write.db");
        auto store = Store::open(copy.toStdString(), Access::ReadWrite);
        const std::size_t before = store->load().entityCount();
        const QString error = errorOf([&] {
            store->write([&](ModelWriter& writer) {
                EntityRecord good;
                good.kind = EntityKind::Rack;
                good.parentId = m_.row;
                good.name = "H1-R01-K03";
                writer.addEntity(good);
                EntityRecord dangling = good;
                dangling.name = "orphan";
                dangling.parentId = 987654; // no such entity: the foreign key refuses it
                writer.addEntity(dangling);
            });
        });
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
        QVERIFY(error.startsWith(copy));
        QCOMPARE(store->load().entityCount(), before); // the good rack did not land either
        store->write([&](ModelWriter& writer) {
            EntityRecord rack;
            rack.kind = EntityKind::Rack;
            rack.parentId = m_.row;
            rack.name = "H1-R01-K03";
            const std::int64_t id = writer.addEntity(rack);
            writer.audit(*parseTime("2024-07-04 09:30"), "j.doe", "add rack", id, "placed by crew-rack-3");
        });
        const Facility after = store->load();
        sqlite3* db = nullptr;
        sqlite3_open_v2(QFile::encodeName(copy).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(
            db, "SELECT at, author, action, e.name FROM audit_log a JOIN entity e ON e.id = a.entity_id", -1,
            &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))),
                 QStringLiteral("2024-07-04 09:30:00"));
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))),
                 QStringLiteral("j.doe"));
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 3))),
                 QStringLiteral("H1-R01-K03"));
        QCOMPARE(sqlite3_step(st), SQLITE_DONE); // the failed write left no audit line
        sqlite3_finalize(st);
        sqlite3_close(db);
        QCOMPARE(after.entityCount(), before + 1);
        QVERIFY(after.findByName("H1-R01-K03") != kNoEntity);
    }

    void readOnlyStoreRefusesToWrite() {
        auto store = Store::open(modelPath_.toStdString(), Access::ReadOnly);
        const QString error = errorOf([&] { store->write([](ModelWriter&) {}); });
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
    }

    void createNeverOverwrites() {
        const QByteArray before = hashOf(modelPath_);
        const QString error = errorOf([&] { Store::create(modelPath_.toStdString()); });
        QCOMPARE(error, modelPath_ + QStringLiteral(": already exists; not overwriting it"));
        QCOMPARE(hashOf(modelPath_), before);
    }

    void badFilesAreRefusedAndUntouched_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("sql");      // run on a copy of the model (empty: see `bytes`)
        QTest::addColumn<QByteArray>("bytes"); // or the whole file content
        QTest::addColumn<QString>("problem");
        QTest::newRow("text file") << "notes.db"
                                   << "" << QByteArray("rack,status\n").repeated(40)
                                   << "not a SQLite database";
        QTest::newRow("empty file") << "empty.db"
                                    << "" << QByteArray() << "is empty";
        QTest::newRow("newer schema")
            << "newer.db"
            << "PRAGMA user_version = 99" << QByteArray()
            << "written by a newer Colossus Twin (schema version 99; this build reads up to 4)";
        QTest::newRow("another application")
            << "other.db"
            << "PRAGMA application_id = 12345" << QByteArray() << "a SQLite database of another application";
        QTest::newRow("dangling parent")
            << "parent.db"
            << "PRAGMA foreign_keys = OFF; UPDATE entity SET parent_id = 999999 WHERE name = 'v1/gpu0'"
            << QByteArray() << "('v1/gpu0'): parent_id 999999 does not exist (foreign key violation)";
        QTest::newRow("dangling cable end")
            << "cable.db"
            << "PRAGMA foreign_keys = OFF; UPDATE cable SET b_entity = 424242 WHERE id = 3" << QByteArray()
            << "cable 3: b_entity 424242 does not exist (foreign key violation)";
        QTest::newRow("dangling task dependency")
            << "dependency.db"
            << "PRAGMA foreign_keys = OFF; UPDATE task_dependency SET depends_on = 31337" << QByteArray()
            << "depends_on 31337 does not exist (foreign key violation)";
        QTest::newRow("unknown kind")
            << "kind.db"
            << "PRAGMA foreign_keys = OFF; UPDATE entity SET kind = 77 WHERE name = 'Hall 1'" << QByteArray()
            << "unknown kind code 77";
        QTest::newRow("parent loop") << "loop.db"
                                     << "PRAGMA foreign_keys = OFF; UPDATE entity SET parent_id = (SELECT id "
                                        "FROM entity WHERE name = 'H1-R01') "
                                        "WHERE name = 'Hall 1'"
                                     << QByteArray() << "loops back on itself";
        QTest::newRow("bad date")
            << "date.db"
            << "PRAGMA ignore_check_constraints = ON; UPDATE task SET actual_end = '2024-13-45' "
               "WHERE id = 1"
            << QByteArray() << "task 1: actual_end '2024-13-45' is not a date";
    }

    void badFilesAreRefusedAndUntouched() {
        QFETCH(QString, fileName);
        QFETCH(QString, sql);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        QString path;
        if (sql.isEmpty()) {
            path = dir_.filePath(fileName);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        } else {
            path = copyOfModel(qPrintable(fileName));
            tamper(path, qPrintable(sql));
        }
        const QByteArray before = hashOf(path);
        const QString error = loadError(path);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QCOMPARE(hashOf(path), before);
        // Opening for writing refuses the same files, and still changes nothing.
        errorOf([&] { Store::open(path.toStdString(), Access::ReadWrite)->load(); });
        QCOMPARE(hashOf(path), before);
    }

    void truncatedAndCorruptFilesAreRefused() {
        // A model big enough to span many pages, then cut short or scribbled over.
        const QString big = dir_.filePath(QStringLiteral("big.db"));
        {
            auto store = Store::create(big.toStdString());
            store->write([](ModelWriter& writer) {
                for (int i = 0; i < 3000; ++i) {
                    EntityRecord record;
                    record.kind = EntityKind::Rack;
                    const std::string name = "rack-" + std::to_string(i) + std::string(40, 'x');
                    record.name = name;
                    writer.addEntity(record);
                }
            });
        }
        QFile file(big);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        QVERIFY(whole.size() > 100000);

        const QString truncated = dir_.filePath(QStringLiteral("truncated.db"));
        QFile cut(truncated);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(whole.left(whole.size() / 3));
        cut.close();
        const QByteArray truncatedHash = hashOf(truncated);
        const QString truncatedError = loadError(truncated);
        QVERIFY2(truncatedError.startsWith(truncated + QStringLiteral(": ")), qPrintable(truncatedError));
        QVERIFY2(truncatedError.contains(QStringLiteral("malformed")), qPrintable(truncatedError));
        QCOMPARE(hashOf(truncated), truncatedHash);

        QByteArray scribbled = whole;
        for (qsizetype at = whole.size() / 2; at < whole.size() / 2 + 8192; ++at)
            scribbled[at] = char(0x5a);
        const QString corrupt = dir_.filePath(QStringLiteral("corrupt.db"));
        QFile bad(corrupt);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(scribbled);
        bad.close();
        const QByteArray corruptHash = hashOf(corrupt);
        const QString corruptError = loadError(corrupt);
        QVERIFY2(corruptError.startsWith(corrupt + QStringLiteral(": ")), qPrintable(corruptError));
        QVERIFY2(corruptError.contains(QStringLiteral("malformed")) ||
                     corruptError.contains(QStringLiteral("damaged")),
                 qPrintable(corruptError));
        QCOMPARE(hashOf(corrupt), corruptHash);
    }

    void readOnlyFileIsNotOpenedForWriting() {
        const QString copy = copyOfModel("locked.db");
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        const QByteArray before = hashOf(copy);
        const QString error = errorOf([&] { Store::open(copy.toStdString(), Access::ReadWrite); });
        QCOMPARE(error, copy + QStringLiteral(": the file is read-only; it cannot be opened for writing"));
        QVERIFY(loadError(copy).isEmpty()); // reading it is fine
        QCOMPARE(hashOf(copy), before);
    }
};

QTEST_GUILESS_MAIN(StoreTest)
#include "tst_store.moc"
