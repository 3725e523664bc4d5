// A thin RAII layer over the SQLite C API for this room: connections and prepared statements that
// throw ModelError (naming the file) instead of returning codes. Only prepared statements exist here.
#pragma once

#include "datamodel/ModelError.h"

#include <cstdint>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace twin::datamodel::sqlite {

class Connection;

class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    // Bind by 1-based position. Text and blobs are copied by SQLite (SQLITE_TRANSIENT) unless `Static`.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bindBlob(int index, std::span<const std::byte> bytes);
    Statement& bindNull(int index);
    // Binds NULL for an empty string: optional text columns stay NULL rather than ''.
    Statement& bindOptional(int index, std::string_view text);

    // True while a row is available; false when done. Throws on error.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const; // valid until the next step/reset
    std::span<const std::byte> blob(int column) const;

private:
    Connection* connection_;
    sqlite3_stmt* statement_ = nullptr;
};

// Another connection held the lock for longer than the busy timeout, or SQLite refused to wait (a
// deadlock between two writers it saw coming): the transaction can be tried again.
class Busy : public ModelError {
public:
    using ModelError::ModelError;
};

enum class OpenMode { ReadOnly, ReadWrite, Create };

class Connection {
public:
    Connection(std::string path, OpenMode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Runs one or more statements without parameters (schema text, pragmas).
    void execute(std::string_view sql);
    std::int64_t queryInteger(std::string_view sql);
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

    // "path: message" for the last error on this connection.
    [[noreturn]] void fail(std::string_view context = {}) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed without commit() (an exception passed by).
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

} // namespace twin::datamodel::sqlite
