#include "datamodel/Store.h"

#include "FacilityLoader.h"
#include "PageCheck.h"
#include "Schema.h"
#include "Sqlite.h"
#include "TourBookReader.h"
#include "datamodel/AlertRule.h"
#include "datamodel/ModelError.h"
#include "datamodel/ModelFile.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Tours.h"
#include "datamodel/edits/Edit.h"

#include <QString>
#include <algorithm>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace twin::datamodel {

struct Store::Private {
    std::unique_ptr<sqlite::Connection> connection;
    Access access = Access::ReadOnly;
    int version = 0;
    bool walActive = false; // switched on by the first write, so that opening alone changes nothing
};

namespace {

void fillEntityKinds(sqlite::Connection& connection) {
    sqlite::Statement insert(connection, "INSERT INTO entity_kind(code, name) VALUES(?, ?)");
    for (const EntityKindInfo& info : kEntityKinds)
        insert.bind(1, int(info.kind)).bind(2, info.name).run();
}

// The model_info key of a file that is still being written (Completion::Pending).
constexpr const char* kUnfinishedKey = "unfinished";

// Takes the file from `from` to the current schema, one migration per step, all in one transaction.
void migrate(sqlite::Connection& connection, int from, Completion completion = Completion::Complete) {
    sqlite::Transaction transaction(connection);
    // Another process may have migrated the file while this one waited for the write lock.
    if (from > 0)
        from = std::max(from, int(connection.queryInteger("PRAGMA user_version")));
    if (from >= schema::kCurrentVersion)
        return;
    for (int version = from + 1; version <= schema::kCurrentVersion; ++version) {
        connection.execute(schema::migrationTo(version));
        if (version == 1)
            fillEntityKinds(connection);
    }
    // Rows written through ModelWriter go in once every table is as it now is: it prepares statements
    // on all of them.
    if (from < 2)
        ModelWriter(connection).setAlertRules(defaultAlertRules());
    connection.execute("PRAGMA application_id = " + std::to_string(schema::kApplicationId));
    connection.execute("PRAGMA user_version = " + std::to_string(schema::kCurrentVersion));
    if (completion == Completion::Pending)
        ModelWriter(connection)
            .setInfo(kUnfinishedKey, "being written by process " + std::to_string(::getpid()));
    transaction.commit();
}

// A file whose writer stopped before markComplete() (killed, crashed, out of disk).
void refuseUnfinished(sqlite::Connection& connection) {
    sqlite::Statement query(connection, "SELECT value FROM model_info WHERE key = ?");
    query.bind(1, std::string_view(kUnfinishedKey));
    if (query.step())
        throw ModelError(connection.path() + ": an unfinished model (" + std::string(query.text(0)) +
                         ", which stopped before the end); not opening it: generate it again");
}

void applyConnectionSettings(sqlite::Connection& connection) {
    connection.execute("PRAGMA foreign_keys = ON");
}

// Everything about the file that can be told before reading a single model row.
void checkIdentity(sqlite::Connection& connection, int& version) {
    const std::string& path = connection.path();
    const std::int64_t applicationId = connection.queryInteger("PRAGMA application_id");
    version = int(connection.queryInteger("PRAGMA user_version"));
    if (applicationId != schema::kApplicationId) {
        const bool empty = connection.queryInteger("SELECT count(*) FROM sqlite_schema") == 0;
        throw ModelError(path +
                         (empty ? ": an empty SQLite database, not a Colossus Twin model"
                                : ": a SQLite database of another application, not a Colossus Twin model"));
    }
    if (version > schema::kCurrentVersion)
        throw ModelError(path + ": written by a newer Colossus Twin (schema version " +
                         std::to_string(version) + "; this build reads up to " +
                         std::to_string(schema::kCurrentVersion) + ")");
    if (version < 1)
        throw ModelError(path + ": a Colossus Twin model without a schema version (PRAGMA user_version = " +
                         std::to_string(version) + ")");
}

// Root may write anything, so access(2) alone would let root "open for writing" a file its owner
// marked read-only; the permission bits say what the owner meant.
bool isWritable(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        return false;
    return (status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 && ::access(path.c_str(), W_OK) == 0;
}

void switchToWal(sqlite::Connection& connection) {
    constexpr int kWaitMs = 10000;
    for (int waited = 0;; waited += 5) {
        const int rc =
            sqlite3_exec(connection.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            break;
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            connection.fail("switching to WAL");
        if (waited >= kWaitMs)
            connection.fail("switching to WAL (another writer held the file for 10 s)");
        ::usleep(5000);
    }
    connection.execute("PRAGMA synchronous = NORMAL");
}

} // namespace

Store::Store(std::unique_ptr<Private> data) : d(std::move(data)) {}
Store::~Store() {
    // Back to a single self-contained file: a WAL-mode model would make every later read-only open
    // leave -wal and -shm files beside it. Fails harmlessly while another connection is open.
    if (d && d->connection && d->walActive)
        sqlite3_exec(d->connection->handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
}

std::unique_ptr<Store> Store::create(const std::string& path, Completion completion) {
    if (std::filesystem::exists(path))
        throw ModelError(path + ": already exists; not overwriting it");
    auto d = std::make_unique<Private>();
    d->connection = std::make_unique<sqlite::Connection>(path, sqlite::OpenMode::Create);
    d->access = Access::ReadWrite;
    applyConnectionSettings(*d->connection);
    migrate(*d->connection, 0, completion);
    d->version = schema::kCurrentVersion;
    return std::unique_ptr<Store>(new Store(std::move(d)));
}

namespace {
// A writer killed mid-transaction (kill -9, a crash, power) leaves a hot journal or a write-ahead log
// to recover, and a read-only connection cannot ("attempt to write a readonly database"): every reader
// would be refused until some writer came along. A connection that may write recovers it on its first
// read, restoring the last committed state, which changes no committed row. A file its owner marked
// read-only is left as it is.
void recoverInterruptedWrite(const std::string& path) {
    std::error_code ignored;
    if (!std::filesystem::exists(path + "-journal", ignored) &&
        !std::filesystem::exists(path + "-wal", ignored))
        return;
    if (!isWritable(path))
        return;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 10000);
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(db);
}
} // namespace

std::unique_ptr<Store> Store::openOnce(const std::string& path, Access access, OpenChecks checks) {
    const bool full = checks == OpenChecks::Full;
    if (full && access == Access::ReadOnly)
        recoverInterruptedWrite(path);
    // The header check refuses text files, empty files and truncated headers before SQLite sees them
    // (SQLite would treat an empty file as a new database, and writing would change it).
    if (full)
        if (const ModelFileProbe probe = probeModelFile(QString::fromStdString(path)); !probe.ok)
            throw ModelError(probe.error.toStdString());
    if (access == Access::ReadWrite && !isWritable(path))
        throw ModelError(path + ": the file is read-only; it cannot be opened for writing");

    auto d = std::make_unique<Private>();
    d->access = access;
    d->connection = std::make_unique<sqlite::Connection>(
        path, access == Access::ReadOnly ? sqlite::OpenMode::ReadOnly : sqlite::OpenMode::ReadWrite);
    checkIdentity(*d->connection, d->version);
    refuseUnfinished(*d->connection);
    if (full)
        checkPagesOnce(*d->connection);
    applyConnectionSettings(*d->connection);
    if (d->version < schema::kCurrentVersion) {
        if (access == Access::ReadOnly && d->version >= schema::kOldestReadableVersion)
            return std::unique_ptr<Store>(
                new Store(std::move(d))); // read as it is; see kOldestReadableVersion
        if (access == Access::ReadOnly)
            throw ModelError(path + ": schema version " + std::to_string(d->version) +
                             " needs migrating to " + std::to_string(schema::kCurrentVersion) +
                             "; open it for writing to migrate");
        migrate(*d->connection, d->version);
        d->version = schema::kCurrentVersion;
    }
    return std::unique_ptr<Store>(new Store(std::move(d)));
}

int Store::schemaVersion() const {
    return d->version;
}

const std::string& Store::path() const {
    return d->connection->path();
}

namespace {
// Tries `work` again while SQLite answers busy where its busy handler does not wait: a reader or a
// writer opening the file in the moment another process switches it into or out of WAL mode.
template <typename Work> auto retryingBusy(Work&& work) {
    constexpr int kAttempts = 200;
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const sqlite::Busy&) {
            if (attempt == kAttempts)
                throw;
            ::usleep(useconds_t(1000 * std::min(attempt, 50)));
        }
    }
}
} // namespace

std::unique_ptr<Store> Store::open(const std::string& path, Access access, OpenChecks checks) {
    return retryingBusy([&] { return openOnce(path, access, checks); });
}

Facility Store::load() {
    return retryingBusy([&] {
        // One read transaction: a consistent snapshot even while another process writes.
        d->connection->execute("BEGIN");
        try {
            Facility facility = loadFacility(*d->connection);
            d->connection->execute("COMMIT");
            return facility;
        } catch (...) {
            sqlite3_exec(d->connection->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    });
}

void Store::write(const std::function<void(ModelWriter&)>& edit) {
    if (d->access != Access::ReadWrite)
        throw ModelError(path() + ": opened read-only; cannot write");
    if (!d->walActive) {
        // WAL lets readers (the GUI, a report) go on while an edit commits. Switching needs the file to
        // itself for a moment, and SQLite does not wait for that by its busy handler: another writer's
        // transaction in flight is waited out here.
        switchToWal(*d->connection);
        d->walActive = true;
    }
    // Busy despite the busy timeout: SQLite refuses to wait where two writers would deadlock (one
    // holding a read lock while asking to write). The transaction is rolled back and tried again.
    retryingBusy([&] {
        sqlite::Transaction transaction(*d->connection);
        ModelWriter writer(*d->connection);
        // Foreign keys are on and immediate: a statement that breaks a reference throws, and the
        // transaction rolls back as the exception leaves this scope.
        edit(writer);
        transaction.commit();
    });
}

std::int64_t Store::dataVersion() const {
    return retryingBusy([&] { return d->connection->queryInteger("PRAGMA data_version"); });
}

namespace {

// The audit lines `where` picks (a condition on audit_log a, with `?` parameters bound by `bind`), in
// `order`, with the names of their entity and task as they are now. One reader for every view of the log.
template <typename Bind>
std::vector<AuditRecord> readAuditLines(sqlite::Connection& connection, const std::string& where,
                                        const std::string& order, Bind&& bind) {
    sqlite::Statement columns(connection,
                              "SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'before'");
    const bool values = columns.step() && columns.integer(0) > 0;
    const std::string select =
        values
            ? "SELECT a.id, coalesce(a.entity_id, 0), coalesce(a.task_id, 0), coalesce(a.note_id, 0), "
              "coalesce(a.edit_id, a.id), a.at, a.author, a.action, a.detail, a.before, a.after, e.name, "
              "t.name FROM audit_log a LEFT JOIN entity e ON e.id = a.entity_id LEFT JOIN task t ON t.id = "
              "a.task_id"
            : "SELECT a.id, coalesce(a.entity_id, 0), 0, 0, a.id, a.at, a.author, a.action, a.detail, "
              "NULL, NULL, e.name, NULL FROM audit_log a LEFT JOIN entity e ON e.id = a.entity_id";
    sqlite::Statement row(connection, select + " WHERE " + where + " ORDER BY " + order);
    bind(row);
    std::vector<AuditRecord> lines;
    auto text = [&row](int column) {
        return row.isNull(column) ? std::string() : std::string(row.text(column));
    };
    while (row.step()) {
        AuditRecord& line = lines.emplace_back();
        line.id = row.integer(0);
        line.entity = row.integer(1);
        line.task = row.integer(2);
        line.note = row.integer(3);
        line.edit = row.integer(4);
        line.at = parseTime(row.text(5)).value_or(kNoTime);
        line.author = text(6);
        line.action = text(7);
        line.detail = text(8);
        line.before = text(9);
        line.after = text(10);
        line.entityName = text(11);
        line.taskName = text(12);
    }
    return lines;
}

} // namespace

std::vector<AuditRecord> Store::auditLog(TimePoint since) const {
    return retryingBusy([&] {
        return readAuditLines(*d->connection, "a.at >= ?", "a.id", [&](sqlite::Statement& row) {
            row.bind(1, since == kNoTime ? std::string("0000-01-01") : formatTime(since));
        });
    });
}

std::vector<Tour> Store::tours() const {
    return retryingBusy([&] { return readTourBook(*d->connection).tours; });
}

std::vector<NotePhoto> Store::notePhotos(std::int64_t note) const {
    return retryingBusy([&] {
        std::vector<NotePhoto> photos;
        if (d->version < 3)
            return photos; // a version-2 file read as it is has no photos
        sqlite::Statement row(*d->connection,
                              "SELECT name, format, data FROM note_photo WHERE note_id = ? ORDER BY id");
        row.bind(1, note);
        while (row.step()) {
            NotePhoto& photo = photos.emplace_back();
            photo.name = std::string(row.text(0));
            photo.format = std::string(row.text(1));
            const std::span<const std::byte> bytes = row.blob(2);
            photo.bytes.assign(bytes.begin(), bytes.end());
        }
        return photos;
    });
}

std::vector<AuditRecord> Store::auditLogOf(std::int64_t entity, std::size_t limit) const {
    return retryingBusy([&] {
        return readAuditLines(
            *d->connection, "a.entity_id = ?", "a.id DESC LIMIT ?",
            [&](sqlite::Statement& row) { row.bind(1, entity).bind(2, std::int64_t(limit)); });
    });
}

void Store::beginBulkLoad() {
    d->connection->execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
    d->walActive = true; // keep write() from switching the journal back on mid-load
}

void Store::markComplete() {
    sqlite::Statement clear(*d->connection, "DELETE FROM model_info WHERE key = ?");
    clear.bind(1, std::string_view(kUnfinishedKey)).run();
}

void Store::endBulkLoad() {
    d->connection->execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL; ANALYZE");
    d->walActive = false;
}

} // namespace twin::datamodel
