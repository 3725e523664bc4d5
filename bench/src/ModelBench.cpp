#include "bench/ModelBench.h"

#include "bench/MachineDescription.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <sqlite3.h>

namespace twin::bench {

namespace {

double residentMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0.0;
}

double seconds(const QElapsedTimer& clock) {
    return double(clock.nsecsElapsed()) / 1e9;
}

// Steps through every row of every model table without converting anything: what SQLite alone costs.
double bareScanSeconds(const QString& path, std::int64_t& rows) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    QElapsedTimer clock;
    clock.start();
    rows = 0;
    for (const char* sql : {"SELECT * FROM entity", "SELECT * FROM cable", "SELECT * FROM pipe_segment",
                            "SELECT * FROM power_feed", "SELECT * FROM task", "SELECT * FROM task_entity"}) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
        while (sqlite3_step(statement) == SQLITE_ROW)
            ++rows;
        sqlite3_finalize(statement);
    }
    const double elapsed = seconds(clock);
    sqlite3_close(db);
    return elapsed;
}

} // namespace

BenchReport runModelBench(const ModelBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("model");
    report.machine = describeMachine();
    QTemporaryDir dir;
    for (int gpus : options.gpuCounts) {
        const QString name =
            gpus % 1000 == 0 ? QStringLiteral("%1k").arg(gpus / 1000) : QString::number(gpus);
        const QString path = dir.filePath(QStringLiteral("colossus-%1.db").arg(name));
        importers::GeneratorOptions generator;
        generator.gpus = gpus;
        generator.seed = 7;
        QElapsedTimer clock;
        clock.start();
        importers::generateColossus(path.toStdString(), generator);
        report.rows.push_back({name, QStringLiteral("generate"), seconds(clock), QStringLiteral("s")});
        report.rows.push_back({name, QStringLiteral("file size"), double(QFileInfo(path).size()) / 1048576.0,
                               QStringLiteral("MiB")});

        std::int64_t rows = 0;
        double scan = 1e9;
        for (int i = 0; i < options.loadRepeats; ++i)
            scan = std::min(scan, bareScanSeconds(path, rows));
        report.rows.push_back({name, QStringLiteral("rows"), double(rows), QStringLiteral("rows")});
        report.rows.push_back({name, QStringLiteral("bare sqlite scan"), scan, QStringLiteral("s")});

        double load = 1e9;
        double memory = 0, growth = 0;
        for (int i = 0; i < options.loadRepeats; ++i) {
            const double before = residentMiB();
            clock.restart();
            const auto store = datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly);
            const datamodel::Facility facility = store->load();
            load = std::min(load, seconds(clock));
            memory = double(facility.memoryBytes()) / 1048576.0;
            growth = std::max(growth, residentMiB() - before);
        }
        report.rows.push_back({name, QStringLiteral("load into Facility"), load, QStringLiteral("s")});
        report.rows.push_back({name, QStringLiteral("Facility memory"), memory, QStringLiteral("MiB")});
        report.rows.push_back({name, QStringLiteral("resident growth"), growth, QStringLiteral("MiB")});
    }
    return report;
}

} // namespace twin::bench
