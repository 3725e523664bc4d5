#include "bench/TelemetryBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/Store.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/SimulatorServer.h"

#include <QElapsedTimer>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <thread>

namespace twin::bench {

namespace {
constexpr std::size_t kShards = 16;

} // namespace

BenchReport runTelemetryBench(const TelemetryBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("telemetry");
    report.machine = describeMachine(QString());
    const datamodel::Facility facility =
        datamodel::Store::open(options.modelPath.toStdString(), datamodel::Access::ReadOnly)->load();
    telemetry::Simulator simulator(facility);
    simulator.advanceTo(0.0);
    telemetry::SimulatorServerOptions serverOptions;
    serverOptions.shards = kShards;
    serverOptions.stepSeconds = 3600;
    telemetry::SimulatorServer server(simulator, serverOptions);
    std::thread serving([&] { server.run(); });
    telemetry::HttpClient client;
    const telemetry::SeriesMapper mapper(facility);
    telemetry::SampleStore store(facility.entityCount(), 8);

    double bestScrape = std::numeric_limits<double>::infinity(), bestIngest = bestScrape,
           bestTotal = bestScrape;
    std::size_t bytes = 0, mapped = 0;
    for (int run = 0; run < options.repeats; ++run) {
        QElapsedTimer total;
        total.start();
        std::vector<std::future<telemetry::HttpResponse>> answers;
        for (std::size_t shard = 0; shard < kShards; ++shard)
            answers.push_back(client.get("http://127.0.0.1:" + std::to_string(server.port()) +
                                         "/metrics/shard/" + std::to_string(shard)));
        std::vector<std::string> bodies;
        bytes = 0;
        for (auto& answer : answers) {
            bodies.push_back(answer.get().body);
            bytes += bodies.back().size();
        }
        const double scrape = millisecondsSince(total);
        QElapsedTimer ingestClock;
        ingestClock.start();
        mapped = 0;
        for (const std::string& body : bodies)
            mapped += telemetry::ingestExposition(body, mapper, store, double(run)).mapped;
        const double ingest = millisecondsSince(ingestClock);
        bestScrape = std::min(bestScrape, scrape);
        bestIngest = std::min(bestIngest, ingest);
        bestTotal = std::min(bestTotal, millisecondsSince(total));
    }
    server.stop();
    serving.join();

    const QString gpus = QLocale::c().toString(qulonglong(facility.count(datamodel::EntityKind::Gpu)));
    report.rows.push_back({QStringLiteral("scrape %1 shards").arg(kShards), QStringLiteral("time"),
                           bestScrape,
                           QStringLiteral("ms for %1 MB over HTTP (simulator and client on this machine)")
                               .arg(double(bytes) / 1e6, 0, 'f', 1)});
    report.rows.push_back({QStringLiteral("parse, map, store"), QStringLiteral("time"), bestIngest,
                           QStringLiteral("ms for %1 samples, one worker thread").arg(mapped)});
    report.rows.push_back({QStringLiteral("refresh"), QStringLiteral("time"), bestTotal,
                           QStringLiteral("ms, one whole refresh of %1 GPUs x 5 metrics").arg(gpus)});
    return report;
}

} // namespace twin::bench
