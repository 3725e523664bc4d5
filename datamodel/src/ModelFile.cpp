#include "datamodel/ModelFile.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <sqlite3.h>

namespace twin::datamodel {

namespace {

ModelFileProbe failure(const QString& path, const QString& problem) {
    return {false, path + ": " + problem};
}

// Every SQLite database starts with a 100-byte header.
constexpr qint64 kHeaderBytes = 100;

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

} // namespace

ModelFileProbe probeModelFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists())
        return failure(path, QStringLiteral("no such file"));
    if (info.isDir())
        return failure(path, QStringLiteral("is a directory, not a model file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, QStringLiteral("cannot be read: ") + file.errorString());

    // The 16-byte magic string tells a database from any other file without asking SQLite,
    // which would happily treat an empty file as a new, empty database.
    static constexpr std::array<char, 16> magic{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                                'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
    const QByteArray header = file.read(kHeaderBytes);
    if (header.isEmpty())
        return failure(path, QStringLiteral("is empty, not a SQLite database"));
    const size_t compared = std::min(magic.size(), size_t(header.size()));
    if (std::memcmp(header.constData(), magic.data(), compared) != 0)
        return failure(path, QStringLiteral("not a SQLite database"));
    if (header.size() < kHeaderBytes)
        return failure(path, QStringLiteral("is truncated: shorter than a SQLite header"));
    file.close();

    sqlite3* raw = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    const int openRc = sqlite3_open_v2(nativePath.constData(), &raw, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, SqliteCloser> db(raw);
    if (openRc != SQLITE_OK)
        return failure(path, QString::fromUtf8(db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(openRc)));
    sqlite3_busy_timeout(db.get(), 10000); // another process may be writing it: wait, as the Store does

    // Reading the schema makes SQLite parse the header and the first page: catches corrupt files.
    sqlite3_stmt* rawStmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT count(*) FROM sqlite_schema", -1, &rawStmt, nullptr) !=
        SQLITE_OK)
        return failure(path, QString::fromUtf8(sqlite3_errmsg(db.get())));
    const int stepRc = sqlite3_step(rawStmt);
    sqlite3_finalize(rawStmt);
    if (stepRc != SQLITE_ROW)
        return failure(path, QString::fromUtf8(sqlite3_errmsg(db.get())));
    return {true, {}};
}

} // namespace twin::datamodel
