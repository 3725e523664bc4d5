// End to end with Debian's real `prometheus` on 127.0.0.1: it scrapes the simulator, the client
// reads the values back through /api/v1/query and they are the ones the simulator served; when the
// simulator stops the values turn stale, and when it comes back they are fresh again.
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Alerts.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/LiveMetrics.h"
#include "telemetry/PrometheusApi.h"
#include "telemetry/PrometheusConfig.h"
#include "telemetry/SimulatorServer.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cmath>
#include <thread>

using namespace twin;
using namespace twin::telemetry;

namespace {

// A port nobody listens on now. (Without SO_REUSEADDR: with it, Linux may hand out a port that a
// listening socket with SO_REUSEADDR, such as the simulator's, already holds.)
std::uint16_t freePort() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0}, false);
    return probe.local_endpoint().port();
}

double nowSeconds() {
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// The simulator's HTTP server on its own thread, stoppable and restartable on the same port.
class RunningSimulator {
public:
    RunningSimulator(Simulator& simulator, std::uint16_t port) {
        SimulatorServerOptions options;
        options.port = port;
        options.shards = 1;
        options.stepSeconds = 3600; // values stay as first served: the test compares them exactly
        server_ = std::make_unique<SimulatorServer>(simulator, options);
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningSimulator() {
        server_->stop();
        thread_.join();
    }

private:
    std::unique_ptr<SimulatorServer> server_;
    std::thread thread_;
};

} // namespace

class PrometheusIntegrationTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void scrapedValuesComeBackThenTurnStaleThenRecover() {
        try {
            run();
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
    }

private:
    void run() {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        QVERIFY2(!prometheus.isEmpty(),
                 "the prometheus binary is missing (./twin installs Debian's package)");

        const std::string modelPath = dir_.filePath(QStringLiteral("m.db")).toStdString();
        importers::GeneratorOptions generator;
        generator.gpus = 64;
        importers::generateColossus(modelPath, generator);
        const datamodel::Facility facility =
            datamodel::Store::open(modelPath, datamodel::Access::ReadOnly)->load();

        Simulator simulator(facility);
        simulator.advanceTo(0.0);
        const std::uint16_t simulatorPort = freePort();
        auto running = std::make_unique<RunningSimulator>(simulator, simulatorPort);

        const std::uint16_t prometheusPort = freePort();
        QFile config(dir_.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // The configuration `./twin run` writes: the simulator's shard, its CDUs, a rack label on GPU series.
        PrometheusScrapeConfig scrape;
        scrape.target = "127.0.0.1:" + std::to_string(simulatorPort);
        scrape.shards = 1;
        scrape.scrapeIntervalSeconds = 1;
        scrape.rackRule = inferHostRackRule(facility);
        QVERIFY(scrape.rackRule);
        const std::string yaml = prometheusConfigYaml(scrape);
        config.write(yaml.data(), qint64(yaml.size()));
        config.close();
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(prometheus,
                     {QStringLiteral("--config.file=") + config.fileName(),
                      QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("tsdb")),
                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(prometheusPort)});
        QVERIFY(server.waitForStarted(10000));
        auto stopServer = qScopeGuard([&] {
            server.terminate();
            if (!server.waitForFinished(10000))
                server.kill();
        });

        HttpClientOptions clientOptions;
        clientOptions.maxAttempts = 1;
        clientOptions.requestTimeout = std::chrono::milliseconds(3000);
        HttpClient client(clientOptions);
        const std::string base = "http://127.0.0.1:" + std::to_string(prometheusPort);
        QTRY_VERIFY_WITH_TIMEOUT(client.get(base + "/-/ready").get().status == 200, 30000);

        const SeriesMapper mapper(facility);
        SampleStore store(facility.entityCount());
        const std::string query = base + "/api/v1/query?query=DCGM_FI_DEV_GPU_TEMP";
        auto poll = [&] {
            const HttpResponse answer = client.get(query).get();
            if (answer.ok())
                ingestQueryResponse(answer.body, mapper, store);
        };
        auto freshGpus = [&] {
            const auto metric = store.findMetric("DCGM_FI_DEV_GPU_TEMP");
            if (!metric)
                return std::size_t(0);
            std::vector<float> values;
            store.freshValues(*metric, nowSeconds(), 4.0, values);
            std::size_t fresh = 0;
            for (const auto gpu : facility.ofKind(datamodel::EntityKind::Gpu))
                fresh += std::isnan(values[std::size_t(gpu)]) ? 0 : 1;
            return fresh;
        };

        // Scraped, stored by Prometheus, read back: every GPU, with the value the simulator served.
        QTRY_VERIFY_WITH_TIMEOUT((poll(), freshGpus() == 64), 30000);
        const MetricId temperature = *store.findMetric("DCGM_FI_DEV_GPU_TEMP");
        for (const auto gpu : facility.ofKind(datamodel::EntityKind::Gpu)) {
            const float served = std::round(simulator.gpu(gpu).temperatureC * 100.0f) / 100.0f;
            QCOMPARE(store.latest(std::size_t(gpu), temperature)->value, served);
        }

        // From afar the window asks for one value per rack: Prometheus's max over the rack label it
        // attached by relabelling, equal to the hottest GPU the simulator served in that rack.
        QueryTarget target;
        target.rackLabel = true;
        const std::string rackQuery = planQueries(*findLiveMetric("gpu-temperature"), {}, target).front();
        SampleStore rackStore(facility.entityCount());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const HttpResponse answer = client.get(base + instantQueryPath(rackQuery)).get();
                const IngestReport report =
                    answer.ok() ? ingestQueryResponse(answer.body, mapper, rackStore, "DCGM_FI_DEV_GPU_TEMP")
                                : IngestReport{};
                return report.mapped == facility.count(datamodel::EntityKind::Rack) && report.unmapped == 0;
            }(),
            30000);
        const MetricId rackTemperature = *rackStore.findMetric("DCGM_FI_DEV_GPU_TEMP");
        for (const auto rack : facility.ofKind(datamodel::EntityKind::Rack)) {
            float hottest = -1000.0f;
            for (const auto gpu : facility.ofKind(datamodel::EntityKind::Gpu))
                if (facility.ancestorOfKind(gpu, datamodel::EntityKind::Rack) == rack)
                    hottest =
                        std::max(hottest, std::round(simulator.gpu(gpu).temperatureC * 100.0f) / 100.0f);
            QCOMPARE(rackStore.latest(std::size_t(rack), rackTemperature)->value, hottest);
        }

        // Alert queries as the window asks them: only the racks past the threshold come back.
        auto breaching = [&](double threshold) {
            datamodel::AlertRule rule;
            rule.metric = "DCGM_FI_DEV_GPU_TEMP";
            rule.threshold = threshold;
            const std::vector<datamodel::AlertRule> rules{rule};
            const AlertQuery query = planAlertQueries(rules, target).front();
            const HttpResponse answer = client.get(base + instantQueryPath(query.promql)).get();
            SampleStore alertStore(facility.entityCount());
            return answer.ok() ? ingestQueryResponse(answer.body, mapper, alertStore, query.metric).mapped
                               : std::size_t(9999);
        };
        QCOMPARE(breaching(0.0), facility.count(datamodel::EntityKind::Rack));
        QCOMPARE(breaching(1000.0), std::size_t(0));

        // The exporter goes away: Prometheus marks its series stale, the store's values age and grey out.
        running.reset();
        QTRY_VERIFY_WITH_TIMEOUT((poll(), freshGpus() == 0), 30000);

        // It comes back on the same address: fresh again.
        running = std::make_unique<RunningSimulator>(simulator, simulatorPort);
        QTRY_VERIFY_WITH_TIMEOUT((poll(), freshGpus() == 64), 30000);
    }
};

QTEST_GUILESS_MAIN(PrometheusIntegrationTest)
#include "tst_prometheus_integration.moc"
