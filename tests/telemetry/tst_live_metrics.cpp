// What the window asks Prometheus for (one value per rack from afar, the GPUs of the racks in detail
// up close), the values it colours each entity with (aggregates, staleness, CDUs onto racks), and the
// Prometheus configuration that attaches a rack label to dcgm-exporter series (checked by promtool).
#include "GeneratedModel.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Alerts.h"
#include "telemetry/LiveMetrics.h"
#include "telemetry/PrometheusConfig.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <sqlite3.h>

using namespace twin;
using namespace twin::telemetry;
using datamodel::EntityIndex;
using datamodel::EntityKind;

namespace {

std::unique_ptr<datamodel::Facility> load(const std::string& path) {
    return std::make_unique<datamodel::Facility>(
        datamodel::Store::open(path, datamodel::Access::ReadOnly)->load());
}

// Each GPU's value: 30 + (dense index mod 50), so that the servers' and racks' aggregates are known.
float gpuValue(EntityIndex gpu) {
    return 30.0f + float(gpu % 50);
}

} // namespace

class LiveMetricsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<datamodel::Facility> facility_;

private slots:
    void initTestCase() {
        path_ = dir_.filePath(QStringLiteral("m.db")).toStdString();
        facility_ = twin::testing::generateAndLoad(path_, 512);
    }

    void everyMetricIsFoundByItsKey() {
        QCOMPARE(liveMetrics().size(), std::size_t(7));
        for (const LiveMetric& metric : liveMetrics()) {
            QCOMPARE(findLiveMetric(metric.key), &metric);
            QVERIFY(metric.low < metric.high);
        }
        QVERIFY(findLiveMetric("no-such-metric") == nullptr);
    }

    void fromAfarOneAggregatePerRack() {
        const LiveMetric& temperature = *findLiveMetric("gpu-temperature");
        QueryTarget target;
        target.rackLabel = true;
        const auto queries = planQueries(temperature, {}, target);
        QCOMPARE(queries.size(), std::size_t(1));
        QCOMPARE(queries[0], std::string("max by (rack) (DCGM_FI_DEV_GPU_TEMP)"));
        const auto utilisation = planQueries(*findLiveMetric("gpu-utilisation"), {}, target);
        QCOMPARE(utilisation[0], std::string("avg by (rack) (DCGM_FI_DEV_GPU_UTIL)"));
    }

    void upCloseTheGpusOfTheVisibleHostsToo() {
        QueryTarget target;
        target.rackLabel = true;
        target.hostnameLabel = "hostname";
        const std::vector<std::string> hosts{"node-1", "node.2"};
        const auto queries = planQueries(*findLiveMetric("gpu-power"), hosts, target);
        QCOMPARE(queries.size(), std::size_t(2));
        // The dot is escaped for RE2, and the backslash again for the PromQL string.
        QCOMPARE(queries[1], std::string("DCGM_FI_DEV_POWER_USAGE{hostname=~\"node-1|node\\\\.2\"}"));
    }

    void withoutARackLabelEveryGpuAndCdusWhole() {
        const std::vector<std::string> hosts{"a"};
        const auto everyGpu = planQueries(*findLiveMetric("gpu-temperature"), hosts, QueryTarget{});
        QCOMPARE(everyGpu, std::vector<std::string>{"DCGM_FI_DEV_GPU_TEMP"});
        QueryTarget target;
        target.rackLabel = true;
        QCOMPARE(planQueries(*findLiveMetric("cdu-flow"), hosts, target),
                 std::vector<std::string>{"cdu_flow_lpm"});
    }

    void historyQueriesNameOneSeriesPerEntity() {
        const datamodel::Facility& f = *facility_;
        QueryTarget target;
        target.rackLabel = true;
        const LiveMetric& temperature = *findLiveMetric("gpu-temperature");
        const EntityIndex gpu = f.ofKind(EntityKind::Gpu)[11];
        const EntityIndex server = f.parent(gpu);
        const EntityIndex rack = f.parent(server);
        const std::string host(f.entities().hostname[std::size_t(server)]);
        const std::string rackName(f.name(rack));
        QCOMPARE(*historyQuery(f, gpu, temperature, target),
                 "DCGM_FI_DEV_GPU_TEMP{Hostname=\"" + host + "\",gpu=\"" +
                     std::to_string(f.entities().slot[std::size_t(gpu)]) + "\"}");
        QCOMPARE(*historyQuery(f, server, temperature, target),
                 "max(DCGM_FI_DEV_GPU_TEMP{Hostname=\"" + host + "\"})");
        QCOMPARE(*historyQuery(f, rack, temperature, target),
                 "max(DCGM_FI_DEV_GPU_TEMP{rack=\"" + rackName + "\"})");
        QCOMPARE(*historyQuery(f, rack, *findLiveMetric("gpu-utilisation"), target),
                 "avg(DCGM_FI_DEV_GPU_UTIL{rack=\"" + rackName + "\"})");
        QCOMPARE(*historyQuery(f, rack, *findLiveMetric("cdu-flow"), target),
                 "cdu_flow_lpm{rack=\"" + rackName + "\"}");
        QVERIFY(!historyQuery(f, rack, temperature, QueryTarget{})); // no rack label: no rack history
        QVERIFY(!historyQuery(f, f.ofKind(EntityKind::Hall).front(), temperature, target));
        QVERIFY(!historyQuery(f, gpu, *findLiveMetric("cdu-flow"), target));
        QVERIFY(!historyQuery(f, -1, temperature, target));
    }

    void serversAndRacksWearTheirGpusAggregate() {
        const datamodel::Facility& f = *facility_;
        SampleStore store(f.entityCount());
        const MetricId temperature = store.metric("DCGM_FI_DEV_GPU_TEMP");
        const MetricId utilisation = store.metric("DCGM_FI_DEV_GPU_UTIL");
        for (const EntityIndex gpu : f.ofKind(EntityKind::Gpu)) {
            store.record(std::size_t(gpu), temperature, gpuValue(gpu), 100.0);
            store.record(std::size_t(gpu), utilisation, gpuValue(gpu), 100.0);
        }
        std::vector<float> values;
        const OverlayCounts counts =
            overlayValues(f, store, *findLiveMetric("gpu-temperature"), 101.0, 15.0, values);
        QCOMPARE(counts.fresh, std::size_t(512));
        QCOMPARE(counts.stale, std::size_t(0));
        std::vector<float> averages;
        overlayValues(f, store, *findLiveMetric("gpu-utilisation"), 101.0, 15.0, averages);
        for (const EntityIndex server : f.ofKind(EntityKind::Server)) {
            float hottest = -1.0f;
            double sum = 0.0;
            int gpus = 0;
            for (const EntityIndex child : f.children(server))
                if (f.kind(child) == EntityKind::Gpu) {
                    hottest = std::max(hottest, gpuValue(child));
                    sum += gpuValue(child);
                    ++gpus;
                    QCOMPARE(values[std::size_t(child)], gpuValue(child));
                }
            QCOMPARE(values[std::size_t(server)], hottest);
            QCOMPARE(averages[std::size_t(server)], float(sum / gpus));
            const EntityIndex rack = f.parent(server);
            QVERIFY(values[std::size_t(rack)] >= hottest);
        }
        QVERIFY(std::isnan(values[std::size_t(f.ofKind(EntityKind::Hall).front())]));
    }

    void aRackAggregateFromPrometheusWinsAndStaleTurnsGrey() {
        const datamodel::Facility& f = *facility_;
        SampleStore store(f.entityCount());
        const MetricId temperature = store.metric("DCGM_FI_DEV_GPU_TEMP");
        const auto racks = f.ofKind(EntityKind::Rack);
        QVERIFY(racks.size() >= 2);
        // From afar: only rack aggregates. The first is fresh, the second was last seen long ago.
        store.record(std::size_t(racks[0]), temperature, 77.0f, 100.0);
        store.record(std::size_t(racks[1]), temperature, 66.0f, 10.0);
        std::vector<float> values;
        const OverlayCounts counts =
            overlayValues(f, store, *findLiveMetric("gpu-temperature"), 101.0, 15.0, values);
        QCOMPARE(values[std::size_t(racks[0])], 77.0f);
        QVERIFY(std::isnan(values[std::size_t(racks[1])]));
        std::size_t gpusInFirst = 0, gpusInSecond = 0;
        for (const EntityIndex gpu : f.ofKind(EntityKind::Gpu)) {
            const EntityIndex rack = f.ancestorOfKind(gpu, EntityKind::Rack);
            gpusInFirst += rack == racks[0] ? 1 : 0;
            gpusInSecond += rack == racks[1] ? 1 : 0;
            // No per-GPU series are asked for from afar: a GPU (drawn in detail before its own
            // series came) wears its rack's value, as it is counted live by it; none when that is stale.
            if (rack == racks[0]) {
                QCOMPARE(values[std::size_t(gpu)], 77.0f);
                QCOMPARE(values[std::size_t(f.parent(gpu))], 77.0f); // and its server
            } else {
                QVERIFY(std::isnan(values[std::size_t(gpu)]));
            }
        }
        QCOMPARE(counts.fresh, gpusInFirst);
        QCOMPARE(counts.stale, gpusInSecond);

        // Up close the rack's GPUs' own series come in: each GPU its own, its server their hottest.
        EntityIndex server = datamodel::kNoEntity;
        for (const EntityIndex child : f.children(racks[0]))
            if (f.kind(child) == EntityKind::Server && server == datamodel::kNoEntity)
                server = child;
        std::vector<EntityIndex> gpus;
        for (const EntityIndex part : f.children(server))
            if (f.kind(part) == EntityKind::Gpu)
                gpus.push_back(part);
        QVERIFY(gpus.size() >= 2);
        float value = 40.0f;
        for (const EntityIndex gpu : gpus)
            store.record(std::size_t(gpu), temperature, value += 1.0f, 100.5);
        overlayValues(f, store, *findLiveMetric("gpu-temperature"), 101.0, 15.0, values);
        value = 40.0f;
        for (const EntityIndex gpu : gpus)
            QCOMPARE(values[std::size_t(gpu)], value += 1.0f);
        QCOMPARE(values[std::size_t(server)], value);
        QCOMPARE(values[std::size_t(racks[0])], 77.0f); // the rack's own aggregate still wins
    }

    void cduValuesColourTheCduAndItsRack() {
        const datamodel::Facility& f = *facility_;
        SampleStore store(f.entityCount());
        const MetricId flow = store.metric("cdu_flow_lpm");
        const EntityIndex cdu = f.ofKind(EntityKind::Cdu).front();
        store.record(std::size_t(cdu), flow, 12.5f, 100.0);
        std::vector<float> values;
        const OverlayCounts counts =
            overlayValues(f, store, *findLiveMetric("cdu-flow"), 100.0, 15.0, values);
        QCOMPARE(counts.fresh, std::size_t(1));
        QCOMPARE(values[std::size_t(cdu)], 12.5f);
        QCOMPARE(values[std::size_t(f.ancestorOfKind(cdu, EntityKind::Rack))], 12.5f);
    }

    // The model's default rules over live values: the worst rule an entity breaches, critical first.
    void alertsFromTheModelsRules() {
        const datamodel::Facility& f = *facility_;
        SampleStore store(f.entityCount());
        const MetricId temperature = store.metric("DCGM_FI_DEV_GPU_TEMP");
        const MetricId flow = store.metric("cdu_flow_lpm");
        const auto gpus = f.ofKind(EntityKind::Gpu);
        store.record(std::size_t(gpus[0]), temperature, 93.0f, 100.0); // past both rules: critical only
        store.record(std::size_t(gpus[1]), temperature, 87.0f, 100.0); // warning
        store.record(std::size_t(gpus[2]), temperature, 80.0f, 100.0); // fine
        store.record(std::size_t(gpus[3]), temperature, 99.0f, 10.0);  // stale: no alert on old news
        const EntityIndex cdu = f.ofKind(EntityKind::Cdu).front();
        store.record(std::size_t(cdu), flow, 40.0f, 100.0); // below 60: critical, 20 past
        const AlertList list = evaluateAlerts(f, store, 101.0, 15.0);
        QCOMPARE(list.total, std::size_t(3));
        QCOMPARE(list.alerts.size(), std::size_t(3));
        const auto& rules = f.alertRules();
        QCOMPARE(list.alerts[0].entity, cdu);
        QCOMPARE(QString::fromStdString(rules[list.alerts[0].rule].name), QStringLiteral("CDU flow low"));
        QCOMPARE(list.alerts[1].entity, gpus[0]);
        QCOMPARE(QString::fromStdString(rules[list.alerts[1].rule].name), QStringLiteral("GPU at throttle"));
        QCOMPARE(list.alerts[2].entity, gpus[1]);
        QCOMPARE(QString::fromStdString(rules[list.alerts[2].rule].name), QStringLiteral("GPU hot"));
        QCOMPARE(list.alerts[2].value, 87.0f);

        const AlertList worst = evaluateAlerts(f, store, 101.0, 15.0, 1);
        QCOMPARE(worst.total, std::size_t(3));
        QCOMPARE(worst.alerts.size(), std::size_t(1));
        QCOMPARE(worst.alerts[0].entity, cdu);
    }

    void alertQueriesAskOnlyForWhatBreaches() {
        QueryTarget target;
        target.rackLabel = true;
        std::vector<std::string> promql;
        for (const AlertQuery& query : planAlertQueries(facility_->alertRules(), target))
            promql.push_back(query.promql);
        // Two GPU temperature rules (85, 92) share one query at the loosest threshold.
        const std::vector<std::string> expected{"max by (rack) (DCGM_FI_DEV_GPU_TEMP) > 85",
                                                "max by (rack) (DCGM_FI_DEV_MEMORY_TEMP) > 90",
                                                "cdu_flow_lpm < 60", "cdu_supply_temperature_celsius > 32"};
        QCOMPARE(promql, expected);
        const auto plain = planAlertQueries(facility_->alertRules(), QueryTarget{});
        QCOMPARE(plain.front().promql, std::string("DCGM_FI_DEV_GPU_TEMP > 85"));
        // Per direction: a rule below on the same metric neither loosens nor tightens the one above.
        std::vector<twin::datamodel::AlertRule> rules = facility_->alertRules();
        twin::datamodel::AlertRule cold = rules.front();
        cold.metric = "DCGM_FI_DEV_GPU_TEMP";
        cold.comparison = twin::datamodel::AlertComparison::Below;
        cold.threshold = 10;
        rules.push_back(cold);
        QCOMPARE(loosestThreshold(rules, "DCGM_FI_DEV_GPU_TEMP", twin::datamodel::AlertComparison::Above),
                 std::optional<double>(85));
        QCOMPARE(loosestThreshold(rules, "DCGM_FI_DEV_GPU_TEMP", twin::datamodel::AlertComparison::Below),
                 std::optional<double>(10));
        QCOMPARE(loosestThreshold(rules, "no_such_metric", twin::datamodel::AlertComparison::Above),
                 std::optional<double>());
    }

    void theHostRackRuleHoldsForEveryServerOfTheGeneratedModel() {
        const auto rule = inferHostRackRule(*facility_);
        QVERIFY(rule);
        QCOMPARE(rule->hostPrefix, std::string("colossus-"));
        // The regex Prometheus anchors; the real Prometheus applies it in tst_prometheus_integration.
        QCOMPARE(rule->regex, std::string("colossus-([a-z0-9_-]+)-s[0-9]+"));
        // What it captures, upper-cased, is each server's rack: host = prefix + rack in lower case + -sN.
        for (const EntityIndex server : facility_->ofKind(EntityKind::Server)) {
            const std::string host(facility_->entities().hostname[std::size_t(server)]);
            const std::string rackName(facility_->name(facility_->parent(server)));
            std::string lower = rackName;
            for (char& c : lower)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            QVERIFY2(host.rfind(rule->hostPrefix + lower + "-s", 0) == 0, host.c_str());
            const std::string index = host.substr(rule->hostPrefix.size() + lower.size() + 2);
            QVERIFY(!index.empty() && index.find_first_not_of("0123456789") == std::string::npos);
        }
    }

    void oneHostOffTheRuleMeansNoRule() {
        const std::string copy = dir_.filePath(QStringLiteral("odd.db")).toStdString();
        QVERIFY(QFile::copy(QString::fromStdString(path_), QString::fromStdString(copy)));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(copy.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "UPDATE entity SET hostname = 'gpu-node-17' WHERE id = (SELECT MIN(id) FROM "
                              "entity WHERE hostname LIKE 'colossus-%')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_changes(db), 1);
        sqlite3_close(db);
        QVERIFY(!inferHostRackRule(*load(copy)));
    }

    void theConfigurationPassesPromtool() {
        PrometheusScrapeConfig config;
        config.target = "127.0.0.1:9999";
        config.shards = 4;
        config.rackRule = inferHostRackRule(*facility_);
        config.keepMetrics = {"DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE"};
        const std::string yaml = prometheusConfigYaml(config);
        QCOMPARE(QString::fromStdString(yaml).count(QStringLiteral("job_name:")), 5);
        QCOMPARE(QString::fromStdString(yaml).count(QStringLiteral(
                     "regex: 'DCGM_FI_DEV_GPU_TEMP|DCGM_FI_DEV_POWER_USAGE'\n        action: keep")),
                 4);
        QCOMPARE(QString::fromStdString(yaml).count(QStringLiteral("action: uppercase")), 4);
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (./twin installs Debian's prometheus package)");
        QFile file(dir_.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml.data(), qint64(yaml.size()));
        file.close();
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("config"), file.fileName()});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAll().constData());
    }
};

QTEST_GUILESS_MAIN(LiveMetricsTest)
#include "tst_live_metrics.moc"
