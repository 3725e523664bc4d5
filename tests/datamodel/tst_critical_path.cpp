// The critical path: a hand-made schedule whose answer is known, a loop, a milestone that fixes the
// finish on its own, and the generated 100k model against an independent pass over its SQL tables.
// Tasks that depend on others start as soon as they may (MS Project's default); others at their plan.
#include "datamodel/CriticalPath.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <sqlite3.h>

using namespace twin::datamodel;

namespace {

constexpr TimePoint kHour = 3600;
const TimePoint kT0 = timeFromCivil(2024, 7, 1);

// Builds TaskColumns by hand: tasks in the order given, predecessors by name.
class Tasks {
public:
    void add(const char* name, double startHours, double endHours, std::vector<const char*> after = {}) {
        const std::size_t index = t_.size();
        index_[name] = std::uint32_t(index);
        t_.id.push_back(std::int64_t(100 + index));
        t_.name.push_back(name);
        t_.kind.push_back("work");
        t_.crew.push_back("");
        t_.plannedStart.push_back(kT0 + TimePoint(startHours * double(kHour)));
        t_.plannedEnd.push_back(kT0 + TimePoint(endHours * double(kHour)));
        t_.actualStart.push_back(kNoTime);
        t_.actualEnd.push_back(kNoTime);
        t_.status.push_back(TaskStatus::NotStarted);
        t_.entities.start.push_back(0);
        after_.push_back(std::move(after));
    }
    // Resolves the names once every task is in.
    TaskColumns build() {
        TaskColumns t = t_;
        for (const auto& names : after_) {
            std::vector<std::uint32_t> row;
            for (const char* name : names)
                row.push_back(index_.at(name));
            std::sort(row.begin(), row.end());
            t.predecessors.items.insert(t.predecessors.items.end(), row.begin(), row.end());
            t.predecessors.start.push_back(std::uint32_t(t.predecessors.items.size()));
        }
        return t;
    }
    std::uint32_t operator[](const char* name) const { return index_.at(name); }

private:
    TaskColumns t_;
    std::map<std::string, std::uint32_t> index_;
    std::vector<std::vector<const char*>> after_;
};

// Runs `sql` on the file and hands every row to `row`.
template <typename Row> void query(const QString& path, const char* sql, const Row& row) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW)
        row(st);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

} // namespace

class CriticalPathTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    // The generated model's CPM against the file itself: earliest starts and finishes, slack by
    // relaxing every dependency until nothing moves (no topological order, no Facility), and the path
    // a chain of rows of task_dependency that ends the project.
    void checkAgainstSql(const QString& path, std::size_t* pathLength) {
        const Facility f = Store::open(path.toStdString(), Access::ReadOnly)->load();
        const TaskColumns& tasks = f.tasks();
        const CriticalPath cpm = computeCriticalPath(tasks);
        QVERIFY2(cpm.ok(), cpm.error.c_str());
        QCOMPARE(cpm.slack.size(), tasks.size());

        struct Row {
            TimePoint start, end, es = 0, ef = 0, lf = 0;
        };
        std::map<std::int64_t, Row> byId;
        query(path,
              "SELECT id, CAST(strftime('%s', planned_start) AS INTEGER), "
              "CAST(strftime('%s', planned_end) AS INTEGER) FROM task",
              [&](sqlite3_stmt* st) {
                  const TimePoint start = sqlite3_column_int64(st, 1), end = sqlite3_column_int64(st, 2);
                  byId[sqlite3_column_int64(st, 0)] = Row{start, end, start, end};
              });
        std::vector<std::pair<std::int64_t, std::int64_t>> edges; // (task, depends on)
        query(path, "SELECT task_id, depends_on FROM task_dependency", [&](sqlite3_stmt* st) {
            edges.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
        });
        QCOMPARE(byId.size(), tasks.size());
        // A task that depends on others starts when they are done (as soon as possible), whatever its
        // planned start: from far back, then pushed forward by relaxing.
        constexpr TimePoint kLongAgo = -(TimePoint(1) << 40);
        for (const auto& [task, before] : edges) {
            Row& r = byId.at(task);
            r.es = kLongAgo;
            r.ef = kLongAgo + (r.end - r.start);
        }
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& [task, before] : edges) {
                Row& r = byId.at(task);
                if (byId.at(before).ef > r.es) {
                    r.es = byId.at(before).ef;
                    r.ef = r.es + (r.end - r.start);
                    moved = true;
                }
            }
        }
        TimePoint finish = 0;
        for (const auto& [id, r] : byId)
            finish = std::max(finish, r.ef);
        QCOMPARE(cpm.finish, finish);
        for (auto& [id, r] : byId)
            r.lf = finish;
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& [task, before] : edges) {
                const Row& after = byId.at(task);
                Row& b = byId.at(before);
                if (after.lf - (after.end - after.start) < b.lf) {
                    b.lf = after.lf - (after.end - after.start);
                    moved = true;
                }
            }
        }
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            const Row& r = byId.at(tasks.id[t]);
            QCOMPARE(cpm.earliestStart[t], r.es);
            QCOMPARE(cpm.earliestFinish[t], r.ef);
            const TimePoint slack = r.lf - r.ef;
            QCOMPARE(cpm.slack[t], slack);
            QVERIFY(cpm.slack[t] >= 0);
            QCOMPARE(bool(cpm.critical[t]), slack <= kCriticalSlackTolerance);
        }

        // The path: critical tasks, each depending on the one before by a real row, ending the project.
        QVERIFY(!cpm.path.empty());
        std::map<std::pair<std::int64_t, std::int64_t>, bool> isEdge;
        for (const auto& edge : edges)
            isEdge[edge] = true;
        for (std::size_t i = 0; i < cpm.path.size(); ++i) {
            const std::uint32_t t = cpm.path[i];
            QVERIFY(cpm.critical[t]);
            QVERIFY(cpm.slack[t] <= kCriticalSlackTolerance);
            if (i > 0) {
                const std::uint32_t before = cpm.path[i - 1];
                QVERIFY2(isEdge.count({tasks.id[t], tasks.id[before]}),
                         qPrintable(QStringLiteral("%1 does not depend on %2").arg(t).arg(before)));
                QCOMPARE(cpm.earliestStart[t], cpm.earliestFinish[before]);
            }
        }
        QCOMPARE(cpm.earliestFinish[cpm.path.back()], finish);
        QCOMPARE(cpm.earliestStart[cpm.path.front()], tasks.plannedStart[cpm.path.front()]);
        *pathLength = cpm.path.size();
        for (std::uint32_t t : cpm.path)
            qInfo("  critical: %s (slack %llds)", std::string(tasks.name[t]).c_str(),
                  static_cast<long long>(cpm.slack[t]));
    }

private slots:
    void twoBranchesTheLongerIsCritical() {
        // A, then B (long) in parallel with C -> D (short), then E after both, then F. Each task that
        // depends on others starts as soon as they are done, not at its planned start. Listed out of
        // order so that dense order is not a topological one.
        Tasks s;
        s.add("F", 40, 42, {"E"});
        s.add("E", 30, 40, {"B", "D"});
        s.add("D", 15, 20, {"C"});
        s.add("C", 12, 17, {"A"});
        s.add("B", 8, 28, {"A"}); // planned before A ends: pushed to 10-30
        s.add("A", 0, 10);
        const TaskColumns tasks = s.build();
        const CriticalPath cpm = computeCriticalPath(tasks);
        QVERIFY2(cpm.ok(), cpm.error.c_str());
        QCOMPARE(cpm.finish, kT0 + 42 * kHour);
        QCOMPARE(cpm.earliestStart[s["B"]], kT0 + 10 * kHour);
        QCOMPARE(cpm.earliestFinish[s["B"]], kT0 + 30 * kHour);
        QCOMPARE(cpm.earliestStart[s["C"]], kT0 + 10 * kHour); // as soon as A ends, not at its planned 12
        QCOMPARE(cpm.earliestStart[s["D"]], kT0 + 15 * kHour); // as soon as C ends
        const std::map<const char*, TimePoint> slack{{"A", 0},          {"B", 0}, {"C", 10 * kHour},
                                                     {"D", 10 * kHour}, {"E", 0}, {"F", 0}};
        for (const auto& [name, expected] : slack) {
            QCOMPARE(cpm.slack[s[name]], expected);
            QCOMPARE(bool(cpm.critical[s[name]]), expected == 0);
        }
        QCOMPARE(cpm.criticalCount(), std::size_t(4));
        QCOMPARE(cpm.path, (std::vector<std::uint32_t>{s["A"], s["B"], s["E"], s["F"]}));
    }

    void aLoopIsNamed() {
        // W waits on the loop X -> Y -> Z -> X without being on it; the message names the loop only.
        Tasks s;
        s.add("W", 0, 1, {"X"});
        s.add("X", 0, 1, {"Z"});
        s.add("Y", 0, 1, {"X"});
        s.add("Z", 0, 1, {"Y"});
        s.add("free", 0, 1);
        const CriticalPath cpm = computeCriticalPath(s.build());
        QVERIFY(!cpm.ok());
        const QString error = QString::fromStdString(cpm.error);
        QVERIFY2(error.startsWith(QStringLiteral("the schedule's dependencies loop: task ")),
                 qPrintable(error));
        for (const char* name : {"'X'", "'Y'", "'Z'"})
            QVERIFY2(error.contains(QLatin1String(name)), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("'W'")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("'free'")), qPrintable(error));
        QVERIFY(cpm.path.empty());
    }

    void aMilestoneWithoutDependenciesCanFixTheFinish() {
        // The chain ends at 42 h, but a milestone planned for 100 h ends the project on its own date.
        Tasks s;
        s.add("A", 0, 10);
        s.add("B", 10, 42, {"A"});
        s.add("milestone", 100, 100);
        const CriticalPath cpm = computeCriticalPath(s.build());
        QVERIFY2(cpm.ok(), cpm.error.c_str());
        QCOMPARE(cpm.finish, kT0 + 100 * kHour);
        QCOMPARE(cpm.path, std::vector<std::uint32_t>{s["milestone"]});
        QCOMPARE(cpm.criticalCount(), std::size_t(1));
        QCOMPARE(cpm.slack[s["B"]], 58 * kHour);
        QCOMPARE(cpm.slack[s["A"]], 58 * kHour);
        QCOMPARE(cpm.slack[s["milestone"]], TimePoint(0));
        // No tasks at all: nothing to say, and no error.
        const CriticalPath none = computeCriticalPath(TaskColumns{});
        QVERIFY(none.ok());
        QCOMPARE(none.finish, kNoTime);
    }

    // Training waits for every burn-in of the first phase: the path runs from the delivery of the rack
    // that finishes last, through its steps, into the milestone.
    void theGeneratedRollOutAgreesWithItsTables() {
        const QString path = dir_.filePath(QStringLiteral("m100k.db"));
        twin::importers::GeneratorOptions options;
        options.gpus = 100000;
        twin::importers::generateColossus(path.toStdString(), options);
        std::size_t length = 0;
        checkAgainstSql(path, &length);
        if (QTest::currentTestFailed())
            return;
        const Facility f = Store::open(path.toStdString(), Access::ReadOnly)->load();
        const CriticalPath cpm = computeCriticalPath(f.tasks());
        QVERIFY2(length >= 6, qPrintable(QString::number(length)));
        QCOMPARE(f.tasks().kind[cpm.path.front()], std::string_view("deliver"));
        QCOMPARE(f.tasks().kind[cpm.path.back()], std::string_view("milestone"));
        const EntityIndex rack = f.tasks().entities.row(cpm.path.front()).front();
        for (std::size_t i = 0; i + 1 < cpm.path.size(); ++i)
            QCOMPARE(f.tasks().entities.row(cpm.path[i]).front(), rack); // one rack's chain
        // The plan holds the milestone's reported date; the chain alone would be done earlier.
        QVERIFY(cpm.finish < f.tasks().plannedEnd[cpm.path.back()]);
    }
};

QTEST_GUILESS_MAIN(CriticalPathTest)
#include "tst_critical_path.moc"
