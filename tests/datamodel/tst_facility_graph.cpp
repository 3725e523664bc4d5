// Graph queries and schedule states on the hand-built model, where every answer is known.
#include "SmallModel.h"
#include "datamodel/FacilityGraph.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <set>

using namespace twin::datamodel;
using twin::testing::SmallModelIds;

class FacilityGraphTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    SmallModelIds m_{};
    Facility facility_;
    std::unique_ptr<FacilityGraph> graph_;

    // The answer as a set of ids, so that a failure prints something a person can read.
    std::set<std::int64_t> ids(const std::vector<EntityIndex>& indexes) const {
        std::set<std::int64_t> result;
        for (EntityIndex i : indexes)
            result.insert(facility_.entities().id[size_t(i)]);
        return result;
    }
    EntityIndex at(std::int64_t id) const { return facility_.findById(id); }

private slots:
    void initTestCase() {
        const std::string path = dir_.filePath(QStringLiteral("small.db")).toStdString();
        facility_ = twin::testing::createSmallModel(path, m_);
        graph_ = std::make_unique<FacilityGraph>(facility_);
    }

    void hierarchyAndLookups() {
        QCOMPARE(facility_.count(EntityKind::Gpu), std::size_t(4));
        QCOMPARE(facility_.parent(at(m_.gpu1a)), at(m_.server1));
        QCOMPARE(facility_.ancestorOfKind(at(m_.gpu2b), EntityKind::Rack), at(m_.rack2));
        QCOMPARE(facility_.findByName("H1-R01-K02"), at(m_.rack2));
        QCOMPARE(facility_.findByHostname("v2"), at(m_.server2));
        QCOMPARE(facility_.findByUuid("GPU-2b"), at(m_.gpu2b));
        QCOMPARE(facility_.findGpu("v1", 1), at(m_.gpu1b));
        QCOMPARE(facility_.findGpu("v1", 7), kNoEntity);
        QCOMPARE(facility_.findByName("no such thing"), kNoEntity);
        const auto rackChildren = facility_.children(at(m_.rack1));
        QVERIFY(std::find(rackChildren.begin(), rackChildren.end(), at(m_.server1)) != rackChildren.end());
        QCOMPARE(facility_.subtree(at(m_.server1)).size(), std::size_t(1 + 2 + 1 + 2)); // GPUs, NIC, PSUs
        // Parents come before children in the top-down order.
        std::vector<int> position(facility_.entityCount());
        for (std::size_t i = 0; i < facility_.topDownOrder().size(); ++i)
            position[size_t(facility_.topDownOrder()[i])] = int(i);
        for (std::size_t e = 0; e < facility_.entityCount(); ++e)
            if (facility_.parent(EntityIndex(e)) != kNoEntity)
                QVERIFY(position[size_t(facility_.parent(EntityIndex(e)))] < position[e]);
    }

    void subtreeBoundsCoverTheChildren() {
        // Rack 2 is turned 90 degrees: its 0.6 x 1.2 footprint becomes 1.2 x 0.6.
        const Bounds rack2 = facility_.pose(at(m_.rack2)).bounds();
        QCOMPARE(rack2.min[0], 0.3f - 0.6f);
        QCOMPARE(rack2.max[1], 0.3f);
        // Its subtree also holds the (unturned) server, 1.0 m deep.
        const Bounds subtree = facility_.subtreeBounds(at(m_.rack2));
        QCOMPARE(subtree.max[1], 0.5f);
        QCOMPARE(subtree.min[0], 0.3f - 0.6f);
        const Bounds row = facility_.subtreeBounds(at(m_.row));
        QVERIFY(row.min[0] <= -0.6f && row.max[0] >= 0.9f);
        QCOMPARE(facility_.bounds().min[0], -50.0f); // the site's 100 m plot
        QCOMPARE(facility_.bounds().max[2], 10.0f);  // the building's roof
    }

    void whatLosesCoolingWhenTheSupplyLoopFails() {
        const std::set<std::int64_t> expected{m_.supplyHeader,    m_.cdu1,    m_.cdu2,    m_.supplyManifold1,
                                              m_.supplyManifold2, m_.server1, m_.server2, m_.gpu1a,
                                              m_.gpu1b,           m_.gpu2a,   m_.gpu2b};
        QCOMPARE(ids(graph_->lossOnFailure(at(m_.supplyLoop), GraphDomain::Cooling)), expected);
        // The return side matters as much: without it the same servers lose cooling.
        const auto returnLoss = ids(graph_->lossOnFailure(at(m_.returnLoop), GraphDomain::Cooling));
        QVERIFY(returnLoss.count(m_.server1) && returnLoss.count(m_.gpu2b) &&
                returnLoss.count(m_.returnManifold2));
    }

    void redundancyIsRespected() {
        QVERIFY(graph_->lossOnFailure(at(m_.chiller1), GraphDomain::Cooling).empty()); // chiller 2 carries on
        QVERIFY(graph_->lossOnFailure(at(m_.spine1), GraphDomain::Network).empty());   // spine 2 carries on
        // Busway A down: the A shelves and A PSUs lose power, the servers run on B.
        QCOMPARE(ids(graph_->lossOnFailure(at(m_.buswayA), GraphDomain::Power)),
                 (std::set<std::int64_t>{m_.shelfA1, m_.shelfA2, m_.psu1a, m_.psu2a}));
        QCOMPARE(
            ids(graph_->lossOnFailure(at(m_.substation), GraphDomain::Power)),
            (std::set<std::int64_t>{m_.switchgearA, m_.buswayA, m_.shelfA1, m_.shelfA2, m_.psu1a, m_.psu2a}));
    }

    void singlePointsOfFailure() {
        QCOMPARE(ids(graph_->lossOnFailure(at(m_.leaf), GraphDomain::Network)),
                 (std::set<std::int64_t>{m_.nic1, m_.nic2, m_.server1, m_.server2, m_.gpu1a, m_.gpu1b,
                                         m_.gpu2a, m_.gpu2b}));
        QCOMPARE(
            ids(graph_->lossOnFailure(at(m_.cdu1), GraphDomain::Cooling)),
            (std::set<std::int64_t>{m_.supplyManifold1, m_.returnManifold1, m_.server1, m_.gpu1a, m_.gpu1b}));
    }

    void downstreamAndUpstream() {
        QCOMPARE(
            ids(graph_->downstream(at(m_.cdu1), GraphDomain::Cooling)),
            (std::set<std::int64_t>{m_.supplyManifold1, m_.returnManifold1, m_.server1, m_.gpu1a, m_.gpu1b}));
        QCOMPARE(
            ids(graph_->upstream(at(m_.gpu1a), GraphDomain::Power)),
            (std::set<std::int64_t>{m_.server1, m_.psu1a, m_.psu1b, m_.shelfA1, m_.shelfB1, m_.buswayA,
                                    m_.buswayB, m_.switchgearA, m_.switchgearB, m_.substation, m_.turbine}));
        QCOMPARE(ids(graph_->upstream(at(m_.nic1), GraphDomain::Network)),
                 (std::set<std::int64_t>{m_.leaf, m_.spine1, m_.spine2, m_.core}));
        QVERIFY(graph_->downstream(at(m_.gpu1a), GraphDomain::Power).empty());
    }

    void scheduleStatesByPlannedAndActualDates() {
        const Schedule schedule(facility_);
        QCOMPARE(schedule.owner(at(m_.gpu1a)), at(m_.rack1));
        QCOMPARE(schedule.owner(at(m_.hall)), kNoEntity);
        auto state = [&](const char* when, ScheduleBasis basis, std::int64_t entity) {
            return schedule.stateAt(*parseTime(when), basis)[size_t(at(entity))];
        };
        using S = InstallState;
        // Planned: rack 1 places on 1 July and burns in until 4 July; rack 2 places on 3 July.
        QCOMPARE(state("2024-06-30 12:00", ScheduleBasis::Planned, m_.gpu1a), S::NotStarted);
        QCOMPARE(state("2024-07-01 12:00", ScheduleBasis::Planned, m_.gpu1a), S::InProgress);
        QCOMPARE(state("2024-07-01 12:00", ScheduleBasis::Planned, m_.gpu2a), S::NotStarted);
        QCOMPARE(state("2024-07-04 00:00", ScheduleBasis::Planned, m_.gpu1a), S::Installed);
        QCOMPARE(state("2024-07-04 00:00", ScheduleBasis::Planned, m_.gpu2a), S::Installed);
        // Actual: rack 1 started a day early but burn-in ran late; rack 2 never finished.
        QCOMPARE(state("2024-06-30 12:00", ScheduleBasis::Actual, m_.gpu1a), S::InProgress);
        QCOMPARE(state("2024-07-01 12:00", ScheduleBasis::Actual, m_.rack1), S::InProgress);
        QCOMPARE(state("2024-07-05 00:00", ScheduleBasis::Actual, m_.gpu1b), S::InProgress);
        QCOMPARE(state("2024-07-06 00:00", ScheduleBasis::Actual, m_.gpu1b), S::Installed);
        QCOMPARE(state("2030-01-01 00:00", ScheduleBasis::Actual, m_.gpu2a), S::InProgress);
        // Entities without tasks above or on them stood before the schedule.
        QCOMPARE(state("2000-01-01", ScheduleBasis::Actual, m_.chiller1), S::Installed);
        QCOMPARE(schedule.installedCount(EntityKind::Gpu, *parseTime("2024-07-06"), ScheduleBasis::Actual),
                 std::size_t(2));
        QCOMPARE(schedule.installedCount(EntityKind::Gpu, *parseTime("2024-07-06"), ScheduleBasis::Planned),
                 std::size_t(4));
        QCOMPARE(formatDate(facility_.scheduleStart()), std::string("2024-06-30"));
        QCOMPARE(formatDate(facility_.scheduleEnd()), std::string("2024-07-05"));
    }

    void routesAndCableEnds() {
        const CableColumns& cables = facility_.cables();
        QCOMPARE(cables.size(), std::size_t(6));
        QCOMPARE(cables.route.row(5).size(), std::size_t(1));
        QCOMPARE(cables.route.row(5)[0], at(m_.tray));
        QCOMPARE(cables.b[5], at(m_.nic2));
        QCOMPARE(cables.type[4], CableType::Dac);
    }
};

QTEST_GUILESS_MAIN(FacilityGraphTest)
#include "tst_facility_graph.moc"
