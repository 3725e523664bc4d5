#include "bench/WorkbenchBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/EntityInspector.h"
#include "datamodel/SearchIndex.h"
#include "datamodel/Store.h"

#include <QElapsedTimer>

namespace twin::bench {

namespace {

// What the search field asks while someone types: the best 20 and a count up to 10,000 ("10,000+").
constexpr std::size_t kFieldLimit = 20, kFieldCountLimit = 10000;

// Every prefix of `typed`, as a search field sees it while someone types: the median and the slowest
// answer over all of them.
void measureTyping(const datamodel::SearchIndex& index, const QString& caseName, std::string_view typed,
                   int repeats, BenchReport& report) {
    std::vector<double> samples;
    std::size_t lastCount = 0;
    QElapsedTimer clock;
    for (int r = 0; r < repeats; ++r)
        for (std::size_t length = 1; length <= typed.size(); ++length) {
            clock.start();
            lastCount =
                index.search(typed.substr(0, length), kFieldLimit, std::nullopt, kFieldCountLimit).count;
            samples.push_back(millisecondsSince(clock));
        }
    report.rows.push_back({caseName, QStringLiteral("keystroke median"), median(samples),
                           QStringLiteral("ms, %1 keystrokes").arg(typed.size())});
    report.rows.push_back({caseName, QStringLiteral("keystroke max"),
                           *std::max_element(samples.begin(), samples.end()),
                           QStringLiteral("ms, %1 match(es) when typed whole").arg(lastCount)});
}

void measureQuery(const datamodel::SearchIndex& index, const QString& caseName, std::string_view query,
                  std::size_t countLimit, int repeats, BenchReport& report) {
    std::vector<double> samples;
    std::size_t count = 0;
    QElapsedTimer clock;
    for (int r = 0; r < repeats; ++r) {
        clock.start();
        count = index.search(query, kFieldLimit, std::nullopt, countLimit).count;
        samples.push_back(millisecondsSince(clock));
    }
    report.rows.push_back({caseName, QStringLiteral("query max"),
                           *std::max_element(samples.begin(), samples.end()),
                           QStringLiteral("ms, %1 matches").arg(count)});
}

// The entity of `kind` with the most downstream in `domain` among the first few: the dearest impact.
void measureImpact(const datamodel::Facility& facility, const datamodel::EntityInspector& inspector,
                   datamodel::EntityKind kind, datamodel::GraphDomain domain, int repeats,
                   BenchReport& report) {
    const auto ofKind = facility.ofKind(kind);
    if (ofKind.empty())
        return;
    const datamodel::EntityIndex element = ofKind.front();
    datamodel::Impact impact;
    const double ms = slowestOf(repeats, [&] { impact = inspector.impact(element, domain); });
    report.rows.push_back(
        {QStringLiteral("impact ") + QString::fromStdString(std::string(datamodel::entityKindName(kind))),
         QStringLiteral("time max"), ms,
         QStringLiteral("ms, %1: %2 lost, %3 degraded")
             .arg(QString::fromStdString(std::string(facility.name(element))))
             .arg(impact.lost.size())
             .arg(impact.degraded.size())});
}

} // namespace

BenchReport runWorkbenchBench(const WorkbenchBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("workbench");
    report.machine = describeMachine();
    const datamodel::Facility facility =
        datamodel::Store::open(options.modelPath.toStdString(), datamodel::Access::ReadOnly)->load();
    const QString gpus = QStringLiteral("%1 GPUs").arg(facility.count(datamodel::EntityKind::Gpu));

    QElapsedTimer clock;
    clock.start();
    const datamodel::SearchIndex index(facility);
    report.rows.push_back({QStringLiteral("index"), QStringLiteral("build"), millisecondsSince(clock),
                           QStringLiteral("ms, %1, %2 keys").arg(gpus).arg(index.keyCount())});
    report.rows.push_back({QStringLiteral("index"), QStringLiteral("memory"),
                           double(index.memoryBytes()) / 1e6, QStringLiteral("MB")});

    // A rack, a GPU's serial and UUID from the middle of the model: what is written on their labels.
    const auto racks = facility.ofKind(datamodel::EntityKind::Rack);
    const auto gpuList = facility.ofKind(datamodel::EntityKind::Gpu);
    if (!racks.empty())
        measureTyping(index, QStringLiteral("type rack name"), facility.name(racks[racks.size() / 2]),
                      options.repeats, report);
    if (!gpuList.empty()) {
        const datamodel::EntityIndex gpu = gpuList[gpuList.size() / 2];
        measureTyping(index, QStringLiteral("type serial"), facility.entities().serial[std::size_t(gpu)],
                      options.repeats, report);
        measureTyping(index, QStringLiteral("type uuid"), facility.entities().uuid[std::size_t(gpu)],
                      options.repeats, report);
    }
    measureQuery(index, QStringLiteral("one letter 'c'"), "c", kFieldCountLimit, options.repeats, report);
    measureQuery(index, QStringLiteral("no match"), "zzzz-no-such-thing", kFieldCountLimit, options.repeats,
                 report);
    // The command line counts every match (find's "count"): the dearest query there.
    measureQuery(index, QStringLiteral("find 'c', every match"), "c", std::size_t(-1), options.repeats,
                 report);

    clock.restart();
    const datamodel::EntityInspector inspector(facility);
    report.rows.push_back({QStringLiteral("inspector"), QStringLiteral("build"), millisecondsSince(clock),
                           QStringLiteral("ms: the three graphs and the cables by entity")});
    if (!racks.empty()) {
        const datamodel::EntityIndex rack = racks[racks.size() / 2];
        report.rows.push_back({QStringLiteral("inspect rack"), QStringLiteral("time max"),
                               slowestOf(options.repeats, [&] { (void)inspector.inspect(rack); }),
                               QStringLiteral("ms: path, contents, cables, three upstream chains, tasks")});
    }
    if (!gpuList.empty()) {
        const datamodel::EntityIndex gpu = gpuList[gpuList.size() / 2];
        report.rows.push_back({QStringLiteral("inspect gpu"), QStringLiteral("time max"),
                               slowestOf(options.repeats, [&] { (void)inspector.inspect(gpu); }),
                               QStringLiteral("ms")});
    }
    measureImpact(facility, inspector, datamodel::EntityKind::Substation, datamodel::GraphDomain::Power,
                  options.repeats, report);
    measureImpact(facility, inspector, datamodel::EntityKind::Chiller, datamodel::GraphDomain::Cooling,
                  options.repeats, report);
    measureImpact(facility, inspector, datamodel::EntityKind::Cdu, datamodel::GraphDomain::Cooling,
                  options.repeats, report);
    return report;
}

} // namespace twin::bench
