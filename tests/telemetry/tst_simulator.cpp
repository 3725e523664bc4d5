// The telemetry simulator: what it serves parses and maps onto every GPU and CDU of the model, its
// dynamics behave (temperature lags power, a failed CDU heats its rack and only its rack) and its
// faults show (a node down vanishes, a flapping link comes and goes).
#include "GeneratedModel.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Ingest.h"
#include "telemetry/Simulator.h"

#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace twin;
using namespace twin::telemetry;
using datamodel::EntityIndex;
using datamodel::EntityKind;

class SimulatorTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<datamodel::Facility> facility_;

    std::string hostOf(EntityIndex gpu) const {
        return std::string(facility_->entities().hostname[std::size_t(facility_->parent(gpu))]);
    }
    EntityIndex rackOf(EntityIndex gpu) const { return facility_->parent(facility_->parent(gpu)); }

private slots:
    void initTestCase() {
        facility_ = twin::testing::generateAndLoad(dir_.filePath(QStringLiteral("m.db")).toStdString(), 1024);
    }

    void shardsTogetherCoverEveryGpuOnce() {
        Simulator simulator(*facility_);
        simulator.advanceTo(0.0);
        SampleStore store(facility_->entityCount());
        const SeriesMapper mapper(*facility_);
        std::size_t samples = 0;
        for (std::size_t shard = 0; shard < 4; ++shard) {
            const IngestReport report = ingestExposition(simulator.dcgmShard(shard, 4), mapper, store, 0.0);
            QVERIFY(!report.error);
            QCOMPARE(report.unmapped, std::size_t(0));
            samples += report.samples;
        }
        QCOMPARE(samples, std::size_t(1024 * 5));
        for (const char* metric : {"DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_GPU_UTIL",
                                   "DCGM_FI_DEV_MEMORY_TEMP", "DCGM_FI_DEV_SM_CLOCK"}) {
            const MetricId id = *store.findMetric(metric);
            for (const EntityIndex gpu : facility_->ofKind(EntityKind::Gpu))
                QVERIFY2(store.history(std::size_t(gpu), id).size() == 1, metric); // once, not twice
        }
        // And the CDU metrics land on every rack's CDU.
        const IngestReport cdus = ingestExposition(simulator.cduMetrics(), mapper, store, 0.0);
        QCOMPARE(cdus.unmapped, std::size_t(0));
        QCOMPARE(cdus.mapped, facility_->count(EntityKind::Cdu) * 3);
    }

    void temperatureFollowsPowerWithALag() {
        Simulator simulator(*facility_);
        simulator.advanceTo(0.0);
        const EntityIndex gpu = facility_->ofKind(EntityKind::Gpu)[10];
        // Steady state at the start: temperature is the coolant plus a share of the power.
        const auto start = simulator.gpu(gpu);
        QVERIFY(start.powerW >= 90.0f && start.powerW <= 700.0f);
        QVERIFY(start.temperatureC > 25.0f && start.temperatureC < 70.0f);
        // The load wave moves power within a minute; temperature moves less in the first seconds.
        float lowestPower = 1e9f, highestPower = 0, lowestTemperature = 1e9f, highestTemperature = 0;
        for (int second = 1; second <= 300; ++second) {
            simulator.advanceTo(second);
            const auto state = simulator.gpu(gpu);
            lowestPower = std::min(lowestPower, state.powerW);
            highestPower = std::max(highestPower, state.powerW);
            lowestTemperature = std::min(lowestTemperature, state.temperatureC);
            highestTemperature = std::max(highestTemperature, state.temperatureC);
        }
        QVERIFY2(highestPower - lowestPower > 200.0f,
                 qPrintable(QString::number(highestPower - lowestPower)));
        // 0.06 K per watt would swing it by the full amount without a lag; the lag narrows the swing.
        const float unlagged = 0.06f * (highestPower - lowestPower);
        QVERIFY2(
            highestTemperature - lowestTemperature < unlagged,
            qPrintable(QStringLiteral("%1 vs %2").arg(highestTemperature - lowestTemperature).arg(unlagged)));
        QVERIFY(highestTemperature - lowestTemperature > 0.2f * unlagged);
    }

    void aFailedCduHeatsItsRackOnly() {
        Simulator simulator(*facility_);
        simulator.advanceTo(0.0);
        const EntityIndex victim = facility_->ofKind(EntityKind::Gpu)[100];
        const EntityIndex rack = rackOf(victim);
        QVERIFY(simulator.failCdu(facility_->name(rack)));
        QVERIFY(!simulator.failCdu("H9-R99-K99"));
        simulator.advanceTo(1.0);
        const float afterOneSecond = simulator.gpu(victim).temperatureC;
        for (int second = 10; second <= 600; second += 10)
            simulator.advanceTo(second);
        QVERIFY2(simulator.gpu(victim).temperatureC > 75.0f,
                 qPrintable(QString::number(simulator.gpu(victim).temperatureC)));
        QVERIFY(simulator.gpu(victim).temperatureC > afterOneSecond + 10.0f); // it took time
        QVERIFY(simulator.coolantSupplyC(rack) > 35.0f);
        for (const EntityIndex gpu : facility_->ofKind(EntityKind::Gpu))
            if (rackOf(gpu) != rack)
                QVERIFY(simulator.gpu(gpu).temperatureC < 70.0f);
        simulator.clearFaults();
        for (int second = 610; second <= 1800; second += 10)
            simulator.advanceTo(second);
        QVERIFY(simulator.gpu(victim).temperatureC < 70.0f); // recovered
    }

    void aDownNodeVanishesAndAFlappingLinkComesAndGoes() {
        Simulator simulator(*facility_);
        simulator.advanceTo(0.0);
        const EntityIndex gpu = facility_->ofKind(EntityKind::Gpu)[200];
        const std::string host = hostOf(gpu);
        QVERIFY(!simulator.dcgmHost(host).empty());
        QVERIFY(simulator.setNodeDown(host, true));
        QVERIFY(simulator.dcgmHost(host).empty());
        std::string all;
        for (std::size_t shard = 0; shard < 3; ++shard)
            all += simulator.dcgmShard(shard, 3);
        QVERIFY(all.find("Hostname=\"" + host + "\"") == std::string::npos);
        QVERIFY(simulator.setNodeDown(host, false));
        QVERIFY(simulator.setLinkFlapping(host, true));
        std::set<bool> seen;
        for (int step = 1; step <= 4; ++step) {
            simulator.advanceTo(step);
            seen.insert(simulator.dcgmHost(host).empty());
        }
        QCOMPARE(seen.size(), std::size_t(2)); // both present and absent
    }

    void sameSeedSameTelemetry() {
        Simulator a(*facility_, 7), b(*facility_, 7), c(*facility_, 8);
        for (double t : {0.0, 15.0, 30.0}) {
            a.advanceTo(t);
            b.advanceTo(t);
            c.advanceTo(t);
        }
        QCOMPARE(a.dcgmShard(0, 2), b.dcgmShard(0, 2));
        QVERIFY(a.dcgmShard(0, 2) != c.dcgmShard(0, 2));
    }
};

QTEST_GUILESS_MAIN(SimulatorTest)
#include "tst_simulator.moc"
