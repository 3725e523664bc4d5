// Series onto the model: dcgm-exporter GPU series by host and index or by UUID (both label spellings),
// host, rack and CDU series, unmapped series counted and listed; the sample store's latest values,
// history and staleness.
#include "GeneratedModel.h"
#include "datamodel/Facility.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Ingest.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace twin;
using namespace twin::telemetry;
using datamodel::EntityIndex;
using datamodel::EntityKind;

namespace {

std::string text(std::string_view view) {
    return std::string(view);
}

// A dcgm-exporter scrape of the whole model: each GPU's temperature is 30 + its dense index / 100.
std::string dcgmScrape(const datamodel::Facility& facility, const char* hostnameLabel,
                       const char* uuidLabel) {
    std::string scrape =
        "# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).\n# TYPE DCGM_FI_DEV_GPU_TEMP gauge\n";
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        const EntityIndex server = facility.parent(gpu);
        scrape += "DCGM_FI_DEV_GPU_TEMP{gpu=\"" + std::to_string(facility.entities().slot[size_t(gpu)]) +
                  "\"," + uuidLabel + "=\"" + text(facility.entities().uuid[size_t(gpu)]) +
                  "\",device=\"nvidia0\",modelName=\"NVIDIA H100 80GB HBM3\"," + hostnameLabel + "=\"" +
                  text(facility.entities().hostname[size_t(server)]) + "\"} " +
                  std::to_string(30.0 + double(gpu) / 100.0) + "\n";
    }
    return scrape;
}

} // namespace

class SeriesMappingTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<datamodel::Facility> facility_;

private slots:
    void initTestCase() {
        facility_ = twin::testing::generateAndLoad(dir_.filePath(QStringLiteral("m.db")).toStdString(), 512);
        QCOMPARE(facility_->count(EntityKind::Gpu), std::size_t(512));
    }

    void everyGpuSeriesLandsOnItsGpu_data() {
        QTest::addColumn<QString>("hostnameLabel");
        QTest::addColumn<QString>("uuidLabel");
        QTest::newRow("current dcgm-exporter") << "Hostname"
                                               << "UUID";
        QTest::newRow("newest spelling") << "hostname"
                                         << "uuid";
    }
    void everyGpuSeriesLandsOnItsGpu() {
        QFETCH(QString, hostnameLabel);
        QFETCH(QString, uuidLabel);
        const std::string scrape =
            dcgmScrape(*facility_, hostnameLabel.toLatin1().constData(), uuidLabel.toLatin1().constData());
        SampleStore store(facility_->entityCount());
        const IngestReport report = ingestExposition(scrape, SeriesMapper(*facility_), store, 1000.0);
        QVERIFY(!report.error);
        QCOMPARE(report.samples, std::size_t(512));
        QCOMPARE(report.mapped, std::size_t(512));
        QCOMPARE(report.unmapped, std::size_t(0));
        const MetricId temperature = *store.findMetric("DCGM_FI_DEV_GPU_TEMP");
        for (const EntityIndex gpu : facility_->ofKind(EntityKind::Gpu)) {
            const auto reading = store.latest(size_t(gpu), temperature);
            QVERIFY(reading);
            QCOMPARE(reading->value, float(30.0 + double(gpu) / 100.0));
            QCOMPARE(reading->time, 1000.0);
        }
        // Nothing but GPUs got a temperature.
        std::size_t withValue = 0;
        for (const float value : store.latestValues(temperature))
            withValue += std::isnan(value) ? 0 : 1;
        QCOMPARE(withValue, std::size_t(512));
    }

    void uuidWinsAndHostIndexIsTheFallback() {
        const EntityIndex gpu = facility_->ofKind(EntityKind::Gpu)[77];
        const EntityIndex server = facility_->parent(gpu);
        const std::string uuid = text(facility_->entities().uuid[size_t(gpu)]);
        const std::string host = text(facility_->entities().hostname[size_t(server)]);
        const int index = facility_->entities().slot[size_t(gpu)];
        const SeriesMapper mapper(*facility_);
        SampleStore store(facility_->entityCount());
        // The UUID alone; the UUID with another host's name (the UUID decides); the host and index alone.
        const std::string scrape = "t{UUID=\"" + uuid + "\"} 1\nt{UUID=\"" + uuid +
                                   "\",Hostname=\"elsewhere\",gpu=\"3\"} 2\nt{Hostname=\"" + host +
                                   "\",gpu=\"" + std::to_string(index) + "\"} 3\n";
        const IngestReport report = ingestExposition(scrape, mapper, store, 5.0);
        QCOMPARE(report.mapped, std::size_t(3));
        const MetricId t = *store.findMetric("t");
        QCOMPARE(store.history(size_t(gpu), t).size(), std::size_t(3));
        QCOMPARE(store.latest(size_t(gpu), t)->value, 3.0f);
    }

    void hostRackAndCduSeries() {
        const EntityIndex rack = facility_->ofKind(EntityKind::Rack).front();
        EntityIndex cdu = datamodel::kNoEntity, server = datamodel::kNoEntity;
        for (const EntityIndex child : facility_->children(rack)) {
            if (facility_->kind(child) == EntityKind::Cdu)
                cdu = child;
            if (facility_->kind(child) == EntityKind::Server)
                server = child;
        }
        QVERIFY(cdu != datamodel::kNoEntity && server != datamodel::kNoEntity);
        const std::string rackName = text(facility_->name(rack));
        const std::string host = text(facility_->entities().hostname[size_t(server)]);
        const std::string scrape = "cdu_supply_temperature_celsius{rack=\"" + rackName + "\"} 18.5\n" +
                                   "rack_power_watts{rack=\"" + rackName + "\"} 41000\n" +
                                   "node_load1{hostname=\"" + host + "\"} 3.25\n";
        SampleStore store(facility_->entityCount());
        const IngestReport report = ingestExposition(scrape, SeriesMapper(*facility_), store, 1.0);
        QCOMPARE(report.mapped, std::size_t(3));
        QCOMPARE(store.latest(size_t(cdu), *store.findMetric("cdu_supply_temperature_celsius"))->value,
                 18.5f);
        QCOMPARE(store.latest(size_t(rack), *store.findMetric("rack_power_watts"))->value, 41000.0f);
        QCOMPARE(store.latest(size_t(server), *store.findMetric("node_load1"))->value, 3.25f);
    }

    void unmappedSeriesAreCountedAndListed() {
        const std::string scrape =
            dcgmScrape(*facility_, "Hostname", "UUID") +
            "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",Hostname=\"not-in-the-model\"} 50\n"
            "DCGM_FI_DEV_GPU_TEMP{gpu=\"9\",Hostname=\"" +
            text(facility_->entities()
                     .hostname[size_t(facility_->parent(facility_->ofKind(EntityKind::Gpu).front()))]) +
            "\"} 51\n"
            "up 1\n"
            "cdu_flow_lpm{rack=\"H9-R99-K99\"} 10\n";
        SampleStore store(facility_->entityCount());
        const IngestReport report = ingestExposition(scrape, SeriesMapper(*facility_), store, 1.0, {}, 2);
        QCOMPARE(report.samples, std::size_t(516));
        QCOMPARE(report.mapped, std::size_t(512));
        QCOMPARE(report.unmapped, std::size_t(4));
        QCOMPARE(report.unmappedByMetric.at("DCGM_FI_DEV_GPU_TEMP"), std::size_t(2));
        QCOMPARE(report.unmappedByMetric.at("up"), std::size_t(1));
        QCOMPARE(report.unmappedByMetric.at("cdu_flow_lpm"), std::size_t(1));
        QCOMPARE(report.unmappedExamples.size(), std::size_t(2)); // capped as asked
        QCOMPARE(report.unmappedExamples.front(),
                 std::string("DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",Hostname=\"not-in-the-model\"}"));
    }

    void aBadScrapeRecordsNothing() {
        const std::string scrape =
            dcgmScrape(*facility_, "Hostname", "UUID") + "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\" 1\n";
        SampleStore store(facility_->entityCount());
        const IngestReport report = ingestExposition(scrape, SeriesMapper(*facility_), store, 1.0);
        QVERIFY(report.error);
        QCOMPARE(report.error->line, std::size_t(512 + 3));
        QCOMPARE(report.mapped, std::size_t(0));
        QCOMPARE(store.metricCount(), std::size_t(0));
    }

    void staleValuesTurnGrey() {
        SampleStore store(10);
        const MetricId power = store.metric("power");
        store.record(2, power, 700.0f, 100.0);
        store.record(5, power, 650.0f, 125.0);
        std::vector<float> values;
        QCOMPARE(store.freshValues(power, 130.0, 30.0, values), std::size_t(0));
        QCOMPARE(values[2], 700.0f);
        QVERIFY(std::isnan(values[3])); // never seen: no data, not stale
        QCOMPARE(store.freshValues(power, 140.0, 30.0, values), std::size_t(1)); // entity 2 is 40 s old
        QVERIFY(std::isnan(values[2]));
        QCOMPARE(values[5], 650.0f);
        QVERIFY(store.isStale(2, power, 140.0, 30.0));
        QVERIFY(!store.isStale(5, power, 140.0, 30.0));
        QVERIFY(store.isStale(3, power, 140.0, 30.0)); // never seen counts as stale for a flag
    }

    void historyKeepsTheLastReadingsInOrder() {
        SampleStore store(3, 16);
        const MetricId temperature = store.metric("temperature");
        for (int i = 0; i < 20; ++i)
            store.record(1, temperature, float(i), double(i));
        const auto history = store.history(1, temperature);
        QCOMPARE(history.size(), std::size_t(16));
        QCOMPARE(history.front().value, 4.0f);
        QCOMPARE(history.back().value, 19.0f);
        for (std::size_t k = 1; k < history.size(); ++k)
            QVERIFY(history[k].time > history[k - 1].time);
        QVERIFY(store.history(0, temperature).empty());
        QVERIFY(!store.latest(0, temperature));
    }

    // The real dcgm-exporter capture (DataDog's fixture, Tesla T4 hosts) onto a model that holds its
    // two hosts and their GPUs: every labelled GPU series lands on its GPU, by UUID and by host and
    // index alike; the fixture's dummy series (a made-up host, no labels) are counted and listed.
    void theRealDcgmCaptureMapsOntoItsHosts() {
        const std::string path = dir_.filePath(QStringLiteral("t4.db")).toStdString();
        auto store = datamodel::Store::create(path);
        store->write([](datamodel::ModelWriter& writer) {
            datamodel::EntityRecord site;
            site.kind = EntityKind::Site;
            site.name = "lab";
            const auto siteId = writer.addEntity(site);
            const std::pair<const char*, const char*> hosts[] = {
                {"424773df46e0", "GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"},
                {"551bdf382151", "GPU-9ef1b6d0-3643-5dd7-b823-c0ec20dcf2d5"}};
            for (const auto& [host, uuid] : hosts) {
                datamodel::EntityRecord server;
                server.kind = EntityKind::Server;
                server.parentId = siteId;
                server.name = host;
                server.hostname = host;
                const auto serverId = writer.addEntity(server);
                datamodel::EntityRecord gpu;
                gpu.kind = EntityKind::Gpu;
                gpu.parentId = serverId;
                gpu.name = uuid;
                gpu.slot = 0;
                gpu.uuid = uuid;
                writer.addEntity(gpu);
            }
        });
        const datamodel::Facility lab = store->load();
        QFile file(
            QStringLiteral(TWIN_SHARED_DATA "/dcgm/datadog_integrations-core_dcgm_fixtures_metrics.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string capture = file.readAll().toStdString();
        const std::size_t labelled =
            std::size_t(QString::fromStdString(capture).count(QStringLiteral("Hostname=\"424773df46e0\"")) +
                        QString::fromStdString(capture).count(QStringLiteral("Hostname=\"551bdf382151\"")));
        QCOMPARE(labelled, std::size_t(23));
        for (const char* hostnameLabel : {"Hostname", "nothing"}) {
            // By host and index; then, with the host label renamed away, by UUID alone.
            MappingRules rules;
            rules.hostnameLabels = {hostnameLabel};
            SampleStore samples(lab.entityCount());
            const IngestReport report = ingestExposition(capture, SeriesMapper(lab, rules), samples, 1.0);
            QVERIFY(!report.error);
            QCOMPARE(report.mapped, labelled);
            QCOMPARE(report.unmapped, report.samples - labelled);
            QVERIFY(report.unmapped > 0 && !report.unmappedExamples.empty());
            const auto temperature = samples.findMetric("DCGM_FI_DEV_GPU_TEMP");
            QVERIFY(temperature);
            const EntityIndex gpu = lab.findByUuid("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e");
            QCOMPARE(samples.latest(std::size_t(gpu), *temperature)->value, 25.0f);
        }
    }

    // Node exporter through Prometheus: the host is in `instance` as host:port. With that label named
    // as the source's host label, host series land on their server.
    void nodeExporterInstancesMapToServers() {
        const EntityIndex server = facility_->ofKind(EntityKind::Server)[3];
        const std::string host(facility_->entities().hostname[std::size_t(server)]);
        const std::string text =
            "# TYPE node_load1 gauge\nnode_load1{instance=\"" + host +
            ":9100\",job=\"node\"} 3.5\nnode_load1{instance=\"" + host +
            ":x\",job=\"node\"} 1\nnode_load1{instance=\"elsewhere:9100\",job=\"node\"} 1\n";
        MappingRules rules;
        rules.hostnameLabels = {"instance"};
        SampleStore store(facility_->entityCount());
        const IngestReport report = ingestExposition(text, SeriesMapper(*facility_, rules), store, 1.0);
        QVERIFY(!report.error);
        QCOMPARE(report.mapped, std::size_t(1));
        QCOMPARE(report.unmapped, std::size_t(2)); // not a port, and a host the model lacks
        QCOMPARE(store.latest(std::size_t(server), *store.findMetric("node_load1"))->value, 3.5f);
    }
};

QTEST_GUILESS_MAIN(SeriesMappingTest)
#include "tst_series_mapping.moc"
