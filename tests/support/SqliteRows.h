// Reading and changing a model file behind the Store's back, for tests: what "the rows that were
// there" means (every row of a table as text), one number from a query, and a change another tool
// (or a bad disk) might make. Header-only; the SQLite C API.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdint>
#include <sqlite3.h>
#include <string>

namespace twin::testing {

// Every row of `table` ordered by its first two columns, one line each, columns split by '|'.
inline QByteArray rowsOf(const QString& path, const char* table, const char* columns = "*") {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    const std::string sql = std::string("SELECT ") + columns + " FROM " + table + " ORDER BY 1, 2";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    QByteArray rows;
    while (statement && sqlite3_step(statement) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            rows += text ? QByteArray(text) : QByteArray("NULL");
            rows += '|';
        }
        rows += '\n';
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

// The first column of the first row of `sql` as a number, -1 when there is none.
inline std::int64_t countOf(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    const std::int64_t value =
        statement && sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

// Runs `sql` on the file with SQLite's defaults (no foreign keys): empty, or SQLite's error.
inline QString tamperWith(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return QStringLiteral("cannot open ") + path;
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(error ? error : "error");
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

} // namespace twin::testing
