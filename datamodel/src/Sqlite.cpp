#include "Sqlite.h"

#include <utility>

namespace twin::datamodel::sqlite {

Statement::Statement(Connection& connection, std::string_view sql) : connection_(&connection) {
    if (sqlite3_prepare_v3(connection.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement_, nullptr) != SQLITE_OK)
        connection.fail();
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), statement_(std::exchange(other.statement_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK)
        connection_->fail();
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK)
        connection_->fail();
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        connection_->fail();
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::byte> bytes) {
    if (sqlite3_bind_blob(statement_, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        connection_->fail();
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK)
        connection_->fail();
    return *this;
}

Statement& Statement::bindOptional(int index, std::string_view text) {
    return text.empty() ? bindNull(index) : bind(index, text);
}

bool Statement::step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    connection_->fail();
}

void Statement::run() {
    const int rc = sqlite3_step(statement_);
    sqlite3_reset(statement_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        connection_->fail();
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(statement_, column);
}

std::string_view Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return data ? std::string_view(data, size_t(sqlite3_column_bytes(statement_, column)))
                : std::string_view();
}

std::span<const std::byte> Statement::blob(int column) const {
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(statement_, column));
    return data ? std::span<const std::byte>(data, size_t(sqlite3_column_bytes(statement_, column)))
                : std::span<const std::byte>();
}

Connection::Connection(std::string path, OpenMode mode) : path_(std::move(path)) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw ModelError(path_ + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process may be writing the same file (the window and a command): every statement waits
    // out its transaction (milliseconds) rather than failing with "database is locked", the checks
    // made on opening included.
    sqlite3_busy_timeout(db_, 10000);
}

Connection::~Connection() {
    sqlite3_close_v2(db_);
}

void Connection::execute(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    if (const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            throw Busy(path_ + ": " + message);
        throw ModelError(path_ + ": " + message);
    }
}

std::int64_t Connection::queryInteger(std::string_view sql) {
    Statement statement(*this, sql);
    return statement.step() ? statement.integer(0) : 0;
}

void Connection::fail(std::string_view context) const {
    std::string message = path_ + ": ";
    if (!context.empty())
        message.append(context).append(": ");
    message += sqlite3_errmsg(db_);
    if (const int code = sqlite3_errcode(db_) & 0xff; code == SQLITE_BUSY || code == SQLITE_LOCKED)
        throw Busy(message);
    throw ModelError(message);
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (open_)
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    connection_.execute("COMMIT");
    open_ = false;
}

} // namespace twin::datamodel::sqlite
