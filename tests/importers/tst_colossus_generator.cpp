// The generated Colossus against the reported facts: exactly the GPUs asked for, 8 per server, 64 per
// rack, a CDU per rack, every server cabled to leaves, every CDU reachable from a chiller, every PSU
// from a substation, every rack scheduled with real deviations; deterministic for a seed.
#include "datamodel/FacilityExport.h"
#include "datamodel/FacilityGraph.h"
#include "datamodel/ModelError.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>
#include <sqlite3.h>

using namespace twin::datamodel;
using twin::importers::generateColossus;
using twin::importers::GeneratorOptions;

namespace {

Facility generateAndLoad(const QString& path, int gpus, std::uint64_t seed = 7) {
    GeneratorOptions options;
    options.gpus = gpus;
    options.seed = seed;
    generateColossus(path.toStdString(), options);
    return Store::open(path.toStdString(), Access::ReadOnly)->load();
}

std::int64_t sqlCount(const QString& path, const char* sql, const std::string& bound = {}) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    if (!bound.empty())
        sqlite3_bind_text(st, 1, bound.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    const std::int64_t value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

// The same with a date (?1) and an integer (?2) bound.
std::int64_t sqlCount(const QString& path, const char* sql, const std::string& date, std::int64_t number) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, number);
    sqlite3_step(st);
    const std::int64_t value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

// GPUs installed by actual dates at ?1 (a GPU follows its rack's tasks).
const char* actualSql() {
    return "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id WHERE gpu.kind = "
           "7 AND "
           "NOT EXISTS (SELECT 1 FROM task_entity te JOIN task t ON t.id = te.task_id WHERE te.entity_id = "
           "server.parent_id AND (t.actual_end IS NULL OR t.actual_end > ?1))";
}

} // namespace

class ColossusGeneratorTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString path100k_;
    Facility facility_;

private slots:
    void initTestCase() {
        path100k_ = dir_.filePath(QStringLiteral("m100k.db"));
        facility_ = generateAndLoad(path100k_, 100000);
    }

    void computeMatchesTheFacts() {
        QCOMPARE(facility_.count(EntityKind::Gpu), std::size_t(100000));
        QCOMPARE(facility_.count(EntityKind::Server), std::size_t(12500));
        QCOMPARE(facility_.count(EntityKind::Hall), std::size_t(4));
        QCOMPARE(facility_.count(EntityKind::Rack), std::size_t(1563)); // 1,562 full racks and one half rack
        QCOMPARE(facility_.count(EntityKind::Nic), std::size_t(12500 * 9));
        QCOMPARE(facility_.count(EntityKind::Psu), std::size_t(12500 * 4));
        for (EntityIndex server : facility_.ofKind(EntityKind::Server)) {
            int gpus = 0;
            std::set<int> gpuSlots;
            for (EntityIndex child : facility_.children(server))
                if (facility_.kind(child) == EntityKind::Gpu) {
                    ++gpus;
                    gpuSlots.insert(facility_.entities().slot[size_t(child)]);
                }
            QCOMPARE(gpus, 8);
            QCOMPARE(gpuSlots, (std::set<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        }
        int partialRacks = 0;
        std::map<EntityIndex, int> racksPerHall;
        for (EntityIndex rack : facility_.ofKind(EntityKind::Rack)) {
            int servers = 0, cdus = 0;
            for (EntityIndex child : facility_.children(rack)) {
                servers += facility_.kind(child) == EntityKind::Server ? 1 : 0;
                cdus += facility_.kind(child) == EntityKind::Cdu ? 1 : 0;
            }
            QCOMPARE(cdus, 1);
            partialRacks += servers < 8 ? 1 : 0;
            QVERIFY(servers >= 1 && servers <= 8);
            ++racksPerHall[facility_.ancestorOfKind(rack, EntityKind::Hall)];
        }
        QCOMPARE(partialRacks, 1);
        QCOMPARE(facility_.count(EntityKind::Cdu), facility_.count(EntityKind::Rack));
        for (const auto& [hall, racks] : racksPerHall)
            QVERIFY2(racks >= 390 && racks <= 391,
                     qPrintable(QString::number(racks))); // about 25,000 GPUs each
    }

    void everyGpuCanBeFoundTheWayDcgmNamesIt() {
        std::set<std::string_view> uuids;
        for (EntityIndex gpu : facility_.ofKind(EntityKind::Gpu)) {
            const std::string_view uuid = facility_.entities().uuid[size_t(gpu)];
            QVERIFY(uuid.starts_with("GPU-") && uuid.size() == 40);
            uuids.insert(uuid);
        }
        QCOMPARE(uuids.size(), std::size_t(100000));
        const EntityIndex someGpu = facility_.ofKind(EntityKind::Gpu)[54321];
        const EntityIndex server = facility_.parent(someGpu);
        const std::string hostname(facility_.entities().hostname[size_t(server)]);
        QCOMPARE(facility_.findGpu(hostname, facility_.entities().slot[size_t(someGpu)]), someGpu);
        QCOMPARE(facility_.findByUuid(facility_.entities().uuid[size_t(someGpu)]), someGpu);
    }

    void everyServerIsCabledToLeaves() {
        const CableColumns& cables = facility_.cables();
        std::vector<int> linksPerServer(facility_.entityCount(), 0);
        for (std::size_t c = 0; c < cables.size(); ++c) {
            const EntityIndex b = cables.b[c];
            if (facility_.kind(b) != EntityKind::Nic)
                continue;
            QCOMPARE(facility_.kind(cables.a[c]), EntityKind::Switch);
            QCOMPARE(facility_.entities().subtype[size_t(cables.a[c])], std::string_view("leaf"));
            QCOMPARE(cables.speedGbps[c], 400);
            ++linksPerServer[size_t(facility_.parent(b))];
        }
        for (EntityIndex server : facility_.ofKind(EntityKind::Server))
            QCOMPARE(linksPerServer[size_t(server)], 9); // 8 SuperNICs + 1 frontend NIC: 3.6 Tb/s
        // Three tiers: leaves, spines and cores, each uplinked.
        std::map<std::string_view, int> roles;
        for (EntityIndex s : facility_.ofKind(EntityKind::Switch))
            ++roles[facility_.entities().subtype[size_t(s)]];
        QCOMPARE(roles.size(), std::size_t(3));
        QVERIFY(roles["leaf"] > 0 && roles["spine"] > 0 && roles["core"] > 0);
        // Cables leaving a row run along trays.
        std::size_t routed = 0;
        for (std::size_t c = 0; c < cables.size(); ++c)
            routed += cables.route.row(c).empty() ? 0 : 1;
        QVERIFY(routed > cables.size() / 2);
    }

    void coolingAndPowerReachEverything() {
        const FacilityGraph graph(facility_);
        const EntityIndex chiller = facility_.ofKind(EntityKind::Chiller).front();
        const std::vector<EntityIndex> cooled = graph.downstream(chiller, GraphDomain::Cooling);
        for (EntityIndex cdu : facility_.ofKind(EntityKind::Cdu))
            QVERIFY(std::binary_search(cooled.begin(), cooled.end(), cdu));
        for (EntityIndex gpu : facility_.ofKind(EntityKind::Gpu))
            QVERIFY(std::binary_search(cooled.begin(), cooled.end(), gpu));
        const EntityIndex substation = facility_.ofKind(EntityKind::Substation).front();
        const std::vector<EntityIndex> powered = graph.downstream(substation, GraphDomain::Power);
        for (EntityIndex psu : facility_.ofKind(EntityKind::Psu))
            QVERIFY(std::binary_search(powered.begin(), powered.end(), psu));
        // Without the substation only the A side goes dark: the B PSUs (slots 2, 3) run on turbines.
        std::size_t psusLost = 0;
        for (EntityIndex lost : graph.lossOnFailure(substation, GraphDomain::Power))
            if (facility_.kind(lost) == EntityKind::Psu) {
                QVERIFY(facility_.entities().slot[size_t(lost)] < 2);
                ++psusLost;
            }
        QCOMPARE(psusLost, std::size_t(25000));
        // One chiller down costs nothing; a hall's supply loop down costs the whole hall.
        QVERIFY(graph.lossOnFailure(chiller, GraphDomain::Cooling).empty());
        const EntityIndex loop = facility_.ofKind(EntityKind::CoolingLoop).front();
        const EntityIndex hall = facility_.parent(loop);
        std::size_t gpusLost = 0;
        for (EntityIndex lost : graph.lossOnFailure(loop, GraphDomain::Cooling))
            if (facility_.kind(lost) == EntityKind::Gpu) {
                QCOMPARE(facility_.ancestorOfKind(lost, EntityKind::Hall), hall);
                ++gpusLost;
            }
        QVERIFY(gpusLost >= 24960 && gpusLost <= 25024);
        // The substation alone takes no server down: the B side carries it.
        for (EntityIndex lost : graph.lossOnFailure(substation, GraphDomain::Power))
            QVERIFY(facility_.kind(lost) != EntityKind::Server && facility_.kind(lost) != EntityKind::Gpu);
    }

    void scheduleTellsTheStoryOfThe122Days() {
        QCOMPARE(QString::fromStdString(formatDate(facility_.scheduleStart())).left(7),
                 QStringLiteral("2024-03"));
        QCOMPARE(QString::fromStdString(formatDate(facility_.scheduleEnd())), QStringLiteral("2024-07-22"));
        const TaskColumns& tasks = facility_.tasks();
        int early = 0, late = 0;
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            QVERIFY(tasks.plannedEnd[t] >= tasks.plannedStart[t]);
            if (tasks.actualEnd[t] == kNoTime)
                continue;
            early += tasks.actualEnd[t] < tasks.plannedEnd[t] - 3600 ? 1 : 0;
            late += tasks.actualEnd[t] > tasks.plannedEnd[t] + 3600 ? 1 : 0;
        }
        QVERIFY2(early > 100 && late > 100,
                 qPrintable(QStringLiteral("%1 early, %2 late").arg(early).arg(late)));
        for (EntityIndex rack : facility_.ofKind(EntityKind::Rack))
            QCOMPARE(facility_.tasksOf(rack).size(), std::size_t(6)); // deliver .. burn-in
        // Racks roll onto the floor over the last 19 days.
        TimePoint firstPlacement = std::numeric_limits<TimePoint>::max();
        for (std::size_t t = 0; t < tasks.size(); ++t)
            if (tasks.kind[t] == "place")
                firstPlacement = std::min(firstPlacement, tasks.plannedStart[t]);
        QCOMPARE(QString::fromStdString(formatDate(firstPlacement)), QStringLiteral("2024-07-03"));
    }

    void installedCountsEqualAnIndependentSqlCount() {
        const Schedule schedule(facility_);
        // A GPU is installed when every task of its rack has ended, by that basis's dates.
        const char* actualSql =
            "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id WHERE gpu.kind "
            "= 7 AND "
            "NOT EXISTS (SELECT 1 FROM task_entity te JOIN task t ON t.id = te.task_id WHERE te.entity_id = "
            "server.parent_id AND (t.actual_end IS NULL OR t.actual_end > ?1))";
        const char* plannedSql =
            "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id WHERE gpu.kind "
            "= 7 AND "
            "NOT EXISTS (SELECT 1 FROM task_entity te JOIN task t ON t.id = te.task_id WHERE te.entity_id = "
            "server.parent_id AND t.planned_end > ?1)";
        std::size_t previous = 0;
        for (const char* date : {"2024-07-01 00:00:00", "2024-07-06 12:00:00", "2024-07-09 00:00:00",
                                 "2024-07-12 06:00:00", "2024-07-16 00:00:00", "2024-07-22 00:00:00"}) {
            const TimePoint time = *parseTime(date);
            const std::size_t actual = schedule.installedCount(EntityKind::Gpu, time, ScheduleBasis::Actual);
            QCOMPARE(std::int64_t(actual), sqlCount(path100k_, actualSql, date));
            QCOMPARE(std::int64_t(schedule.installedCount(EntityKind::Gpu, time, ScheduleBasis::Planned)),
                     sqlCount(path100k_, plannedSql, date));
            QVERIFY(actual >= previous);
            previous = actual;
        }
        QCOMPARE(previous, std::size_t(100000)); // everything is in by the day training starts
    }

    // What `report --date` prints: per hall, installed by planned and by actual dates at the end of
    // the day, and the late tasks, each equal to SQL on the same file.
    void theProgressReportMatchesSql() {
        const Schedule schedule(facility_);
        // GPU -> server -> rack (whose tasks decide) -> row -> hall.
        const char* hallActual =
            "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id "
            "JOIN entity rack ON server.parent_id = rack.id JOIN entity row ON rack.parent_id = row.id "
            "WHERE gpu.kind = 7 AND row.parent_id = ?2 AND NOT EXISTS (SELECT 1 FROM task_entity te JOIN "
            "task t "
            "ON t.id = te.task_id WHERE te.entity_id = rack.id AND (t.actual_end IS NULL OR t.actual_end > "
            "?1))";
        const char* hallPlanned =
            "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id "
            "JOIN entity rack ON server.parent_id = rack.id JOIN entity row ON rack.parent_id = row.id "
            "WHERE gpu.kind = 7 AND row.parent_id = ?2 AND NOT EXISTS (SELECT 1 FROM task_entity te JOIN "
            "task t "
            "ON t.id = te.task_id WHERE te.entity_id = rack.id AND t.planned_end > ?1)";
        const char* late = "SELECT count(*) FROM task WHERE planned_end <= ?1 AND "
                           "(actual_end IS NULL OR actual_end > ?1)";
        bool sawLate = false, sawPartial = false;
        for (const char* day : {"2024-07-04", "2024-07-08", "2024-07-12", "2024-07-20"}) {
            const ProgressReport report = progressAt(facility_, schedule, *parseTime(day));
            const std::string endOfDay = std::string(day) + " 23:59:59";
            QCOMPARE(QString::fromStdString(formatTime(report.at)), QString::fromStdString(endOfDay));
            QCOMPARE(report.halls.size(), std::size_t(4));
            std::size_t planned = 0, actual = 0;
            for (const HallProgress& hall : report.halls) {
                const std::int64_t hallId = facility_.entities().id[std::size_t(hall.hall)];
                QCOMPARE(std::int64_t(hall.installedActual),
                         sqlCount(path100k_, hallActual, endOfDay, hallId));
                QCOMPARE(std::int64_t(hall.installedPlanned),
                         sqlCount(path100k_, hallPlanned, endOfDay, hallId));
                QCOMPARE(hall.percentComplete, 100.0 * double(hall.installedActual) / double(hall.gpus));
                planned += hall.installedPlanned;
                actual += hall.installedActual;
                sawPartial = sawPartial || (hall.installedActual > 0 && hall.installedActual < hall.gpus);
            }
            QCOMPARE(report.installedPlanned, planned);
            QCOMPARE(report.installedActual, actual);
            QCOMPARE(report.gpus, std::size_t(100000));
            QCOMPARE(std::int64_t(report.lateTasks.size()), sqlCount(path100k_, late, endOfDay));
            // Rows: a few of them against SQL, and all of them adding up to the total.
            const char* rowActual =
                "SELECT count(*) FROM entity gpu JOIN entity server ON gpu.parent_id = server.id "
                "JOIN entity rack ON server.parent_id = rack.id WHERE gpu.kind = 7 AND rack.parent_id = ?2 "
                "AND "
                "NOT EXISTS (SELECT 1 FROM task_entity te JOIN task t ON t.id = te.task_id WHERE "
                "te.entity_id = "
                "rack.id AND (t.actual_end IS NULL OR t.actual_end > ?1))";
            std::size_t rowSum = 0;
            for (std::size_t r = 0; r < report.rows.size(); ++r) {
                rowSum += report.rows[r].installedActual;
                if (r % 13 == 0)
                    QCOMPARE(std::int64_t(report.rows[r].installedActual),
                             sqlCount(path100k_, rowActual, endOfDay,
                                      facility_.entities().id[std::size_t(report.rows[r].hall)]));
            }
            QCOMPARE(rowSum, actual);
            // Installed that day: the actual count at its end less that at the end of the day before.
            const std::string dayBefore = formatTime(report.at - kSecondsPerDay);
            QCOMPARE(std::int64_t(report.installedThatDay), sqlCount(path100k_, actualSql(), endOfDay) -
                                                                sqlCount(path100k_, actualSql(), dayBefore));
            sawLate = sawLate || !report.lateTasks.empty();
            const char* blocking = "SELECT count(*) FROM note WHERE blocking = 1 AND created_at <= ?1 AND "
                                   "(closed_at IS NULL OR closed_at > ?1)";
            QCOMPARE(std::int64_t(report.openBlockingNotes.size()), sqlCount(path100k_, blocking, endOfDay));
            // Per hall: the items on it or anything in it, by walking up the parents in SQL.
            const char* blockingInHall =
                "WITH RECURSIVE chain(note, entity) AS (SELECT id, entity_id FROM note WHERE blocking = 1 "
                "AND "
                "created_at <= ?1 AND (closed_at IS NULL OR closed_at > ?1) UNION ALL SELECT c.note, "
                "e.parent_id FROM chain c JOIN entity e ON e.id = c.entity WHERE e.parent_id IS NOT NULL) "
                "SELECT count(*) FROM chain WHERE entity = ?2";
            for (const HallProgress& hall : report.halls)
                QCOMPARE(std::int64_t(hall.openBlockingPunchItems),
                         sqlCount(path100k_, blockingInHall, endOfDay,
                                  facility_.entities().id[std::size_t(hall.hall)]));
        }
        QVERIFY(sawLate && sawPartial); // the dates chosen do test something
    }

    // The S-curve of GPUs installed per day: never down, ending at the total, and at every day equal to
    // the schedule's state count (worked out another way: every entity's state at that day's end). Its
    // points are where the line bends, not one a day: a day's counts are those of the last point on or
    // before it.
    void theSCurveRisesToTheTotal() {
        const Schedule schedule(facility_);
        const TimePoint first = *parseTime(formatDate(facility_.scheduleStart()));
        const TimePoint last = *parseTime(formatDate(facility_.scheduleEnd())) + kSecondsPerDay;
        const std::vector<CurvePoint> curve =
            installedCurve(facility_, schedule, EntityKind::Gpu, first, last);
        QCOMPARE(curve.front().day, first);
        QCOMPARE(curve.back().day, last);
        const std::size_t days = std::size_t((last - first) / kSecondsPerDay + 1);
        QVERIFY2(curve.size() < days, qPrintable(QString::number(curve.size()))); // 122 days, 19 of roll-out
        for (std::size_t p = 1; p < curve.size(); ++p) {
            QVERIFY(curve[p].day > curve[p - 1].day);
            QCOMPARE((curve[p].day - first) % kSecondsPerDay, TimePoint(0));
            QVERIFY(curve[p].planned >= curve[p - 1].planned && curve[p].actual >= curve[p - 1].actual);
            // Two points a day apart, or a flat stretch between them.
            if (curve[p].day - curve[p - 1].day > kSecondsPerDay)
                QVERIFY(curve[p].planned == curve[p - 1].planned && curve[p].actual == curve[p - 1].actual);
        }
        std::size_t point = 0;
        for (std::size_t d = 0; d < days; ++d) {
            const TimePoint day = first + TimePoint(d) * kSecondsPerDay;
            while (point + 1 < curve.size() && curve[point + 1].day <= day)
                ++point;
            if (d % 3 == 0 || d + 1 == days) { // a state count per day costs a pass over everything
                const TimePoint endOfDay = day + kSecondsPerDay - 1;
                QCOMPARE(curve[point].actual,
                         schedule.installedCount(EntityKind::Gpu, endOfDay, ScheduleBasis::Actual));
                QCOMPARE(curve[point].planned,
                         schedule.installedCount(EntityKind::Gpu, endOfDay, ScheduleBasis::Planned));
            }
        }
        QCOMPARE(curve.front().actual, std::size_t(0));
        QCOMPARE(curve.back().planned, std::size_t(100000));
        QCOMPARE(curve.back().actual, std::size_t(100000));
        // Over two centuries the curve is no bigger: its size follows the days things finish on.
        const std::vector<CurvePoint> wide =
            installedCurve(facility_, schedule, EntityKind::Gpu, first - 100 * 365 * kSecondsPerDay,
                           last + 100 * 365 * kSecondsPerDay);
        QVERIFY2(wide.size() <= curve.size() + 2, qPrintable(QString::number(wide.size())));
        QCOMPARE(wide.back().planned, std::size_t(100000));
    }

    void sameSeedSameModelOtherSeedOtherSerials() {
        const Facility a = generateAndLoad(dir_.filePath(QStringLiteral("a.db")), 4096, 11);
        const Facility b = generateAndLoad(dir_.filePath(QStringLiteral("b.db")), 4096, 11);
        const Facility c = generateAndLoad(dir_.filePath(QStringLiteral("c.db")), 4096, 12);
        QVERIFY(a.entities() == b.entities());
        QVERIFY(a.cables() == b.cables());
        QVERIFY(a.tasks() == b.tasks());
        QVERIFY(!(a.entities().uuid == c.entities().uuid));
        QCOMPARE(c.count(EntityKind::Gpu), std::size_t(4096)); // the structure does not depend on the seed
    }

    void saveAndLoadRoundTripsExactly() {
        // Generated -> loaded -> written into a new file -> loaded again: every array is identical.
        const QString original = dir_.filePath(QStringLiteral("round-a.db"));
        const Facility first = generateAndLoad(original, 4096, 5);
        const QString copy = dir_.filePath(QStringLiteral("round-b.db"));
        {
            auto store = Store::create(copy.toStdString());
            store->write([&](ModelWriter& writer) { writeFacility(first, writer); });
        }
        const Facility second = Store::open(copy.toStdString(), Access::ReadOnly)->load();
        QCOMPARE(second.entityCount(), first.entityCount());
        QVERIFY(first.entities() == second.entities());
        QVERIFY(first.cables() == second.cables());
        QVERIFY(first.pipes() == second.pipes());
        QVERIFY(first.feeds() == second.feeds());
        QVERIFY(first.tasks() == second.tasks());
        QVERIFY(first.bounds() == second.bounds());
        QCOMPARE(second.scheduleStart(), first.scheduleStart());
        QCOMPARE(second.scheduleEnd(), first.scheduleEnd());
    }

    void expansionAddsH200HallsWithLaterDates() {
        const Facility big = generateAndLoad(dir_.filePath(QStringLiteral("m200k.db")), 200000);
        QCOMPARE(big.count(EntityKind::Gpu), std::size_t(200000));
        QCOMPARE(big.count(EntityKind::Hall), std::size_t(8));
        QCOMPARE(big.count(EntityKind::Substation), std::size_t(2));
        std::map<std::string_view, int> models;
        for (EntityIndex gpu : big.ofKind(EntityKind::Gpu))
            ++models[big.entities().model[size_t(gpu)]];
        QCOMPARE(models["NVIDIA H100 80GB HBM3"], 150000);
        QCOMPARE(models["NVIDIA H200 141GB HBM3e"], 50000);
        QVERIFY(big.scheduleEnd() > *parseTime("2024-12-01"));
        const Schedule schedule(big);
        QCOMPARE(schedule.installedCount(EntityKind::Gpu, *parseTime("2024-07-22"), ScheduleBasis::Actual),
                 std::size_t(100000));
        QCOMPARE(schedule.installedCount(EntityKind::Gpu, big.scheduleEnd(), ScheduleBasis::Actual),
                 std::size_t(200000));
    }

    void badOptionsAndExistingFilesAreRefused() {
        GeneratorOptions options;
        options.gpus = 100001;
        QVERIFY(QString::fromStdString(twin::importers::validateGeneratorOptions(options))
                    .contains("multiple of 8"));
        options.gpus = 0;
        QVERIFY(!twin::importers::validateGeneratorOptions(options).empty());
        options.gpus = 64;
        QVERIFY_THROWS_EXCEPTION(ModelError, generateColossus(path100k_.toStdString(), options));
        const QString small = dir_.filePath(QStringLiteral("one-rack.db"));
        generateColossus(small.toStdString(), options);
        const Facility oneRack = Store::open(small.toStdString(), Access::ReadOnly)->load();
        QCOMPARE(oneRack.count(EntityKind::Rack), std::size_t(1));
        QCOMPARE(oneRack.count(EntityKind::Gpu), std::size_t(64));
        // Nothing is left beside the model: no partial files, no journal.
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral("*partial*"), QStringLiteral("*-wal")}).size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(ColossusGeneratorTest)
#include "tst_colossus_generator.moc"
