// The model-file probe: a real SQLite file passes; everything else is refused with a message that
// names the file, and the file is left exactly as it was.
#include "datamodel/ModelFile.h"
#include "datamodel/SqliteInfo.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using twin::datamodel::probeModelFile;

namespace {

QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void makeDatabase(const QString& path) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(
                 db, "CREATE TABLE hall(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO hall VALUES(1,'A')",
                 nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

class ModelFileTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private slots:
    void validDatabasePasses() {
        const QString db = path("valid.db");
        makeDatabase(db);
        const QByteArray before = fileHash(db);
        const auto probe = probeModelFile(db);
        QVERIFY2(probe.ok, qPrintable(probe.error));
        QVERIFY(probe.error.isEmpty());
        QCOMPARE(fileHash(db), before);
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("text file") << QByteArray("hall,row,rack\nA,1,1\n").repeated(20)
                                   << "not a SQLite database";
        QTest::newRow("empty file") << QByteArray() << "is empty";
        QTest::newRow("truncated header") << QByteArray("SQLite format 3") << "truncated";
        QTest::newRow("short text") << QByteArray("hello") << "not a SQLite database";
        // A valid header followed by garbage pages: SQLite itself must reject it.
        QTest::newRow("corrupt body") << QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\x7f') << "";
    }

    void refusals() {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const QString file = path("bad.db");
        writeBytes(file, content);
        const QByteArray before = fileHash(file);
        const auto probe = probeModelFile(file);
        QVERIFY(!probe.ok);
        QVERIFY2(probe.error.startsWith(file + QLatin1String(": ")), qPrintable(probe.error));
        QVERIFY2(probe.error.contains(problem), qPrintable(probe.error));
        QVERIFY(!probe.error.contains(QLatin1Char('\n')));
        QCOMPARE(fileHash(file), before);
        QVERIFY(!QFile::exists(file + QLatin1String("-wal")));
        QVERIFY(!QFile::exists(file + QLatin1String("-journal")));
    }

    void missingFileIsNotCreated() {
        const QString file = path("does-not-exist.db");
        const auto probe = probeModelFile(file);
        QVERIFY(!probe.ok);
        QCOMPARE(probe.error, file + QLatin1String(": no such file"));
        QVERIFY(!QFile::exists(file));
    }

    void directoryIsRefused() {
        const auto probe = probeModelFile(dir_.path());
        QVERIFY(!probe.ok);
        QVERIFY(probe.error.contains(QLatin1String("directory")));
    }

    void sqliteVersionIsTheLinkedLibrary() {
        QCOMPARE(twin::datamodel::sqliteVersion(), QString::fromLatin1(SQLITE_VERSION));
    }
};

QTEST_GUILESS_MAIN(ModelFileTest)
#include "tst_model_file.moc"
