// The inspector and impact on the hand-built model, where every answer is known: the path and what a
// rack holds, the cables with their far ends, upstream chains nearest first (also for a rack, through
// its server), and impact with redundancy: feed A lost is degraded servers, a CDU lost is its server.
#include "SmallModel.h"
#include "datamodel/EntityInspector.h"
#include "datamodel/Store.h"

#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace twin::datamodel;
using twin::testing::SmallModelIds;

class EntityInspectorTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    SmallModelIds m_{};
    Facility facility_;
    std::unique_ptr<EntityInspector> inspector_;

    EntityIndex at(std::int64_t id) const { return facility_.findById(id); }
    std::set<std::int64_t> ids(const std::vector<EntityIndex>& indexes) const {
        std::set<std::int64_t> result;
        for (EntityIndex i : indexes)
            result.insert(facility_.entities().id[size_t(i)]);
        return result;
    }
    // Where `id` stands in `chain` (-1: absent).
    int position(const std::vector<EntityIndex>& chain, std::int64_t id) const {
        const auto found = std::find(chain.begin(), chain.end(), at(id));
        return found == chain.end() ? -1 : int(found - chain.begin());
    }

private slots:
    void initTestCase() {
        const std::string path = dir_.filePath(QStringLiteral("small.db")).toStdString();
        facility_ = twin::testing::createSmallModel(path, m_);
        inspector_ = std::make_unique<EntityInspector>(facility_);
    }

    void pathHoldingsAndTasks() {
        const Inspection rack = inspector_->inspect(at(m_.rack1));
        QCOMPARE(rack.path.size(), std::size_t(5));
        QCOMPARE(rack.path.front(), at(m_.site));
        QCOMPARE(rack.path.back(), at(m_.rack1));
        QCOMPARE(rack.contains[std::size_t(EntityKind::Server)], 1u);
        QCOMPARE(rack.contains[std::size_t(EntityKind::Gpu)], 2u);
        QCOMPARE(rack.contains[std::size_t(EntityKind::Psu)], 2u);
        QCOMPARE(rack.contains[std::size_t(EntityKind::Cdu)], 1u);
        QCOMPARE(rack.contains[std::size_t(EntityKind::Rack)], 0u); // not itself
        QCOMPARE(rack.tasks.size(), std::size_t(2));
        QCOMPARE(facility_.tasks().id[rack.tasks.front()], m_.placeRack1); // by planned start
    }

    void cablesNameTheFarEnd() {
        // The server's NIC is cabled to the leaf, port 0 there.
        const Inspection server = inspector_->inspect(at(m_.server1));
        QCOMPARE(server.cables.size(), std::size_t(1));
        QCOMPARE(server.cables.front().near, at(m_.nic1));
        QCOMPARE(server.cables.front().farEnd, at(m_.leaf));
        QCOMPARE(server.cables.front().farPort, 0);
        // The leaf: two spines above, two NICs below.
        const Inspection leaf = inspector_->inspect(at(m_.leaf));
        std::vector<EntityIndex> far;
        for (const CableEnd& end : leaf.cables)
            far.push_back(end.farEnd);
        QCOMPARE(ids(far), (std::set<std::int64_t>{m_.spine1, m_.spine2, m_.nic1, m_.nic2}));
    }

    void upstreamNearestFirst() {
        const Inspection gpu = inspector_->inspect(at(m_.gpu1a));
        const auto& cooling = gpu.coolingUpstream;
        QVERIFY(position(cooling, m_.server1) == 0);
        QVERIFY(position(cooling, m_.supplyManifold1) < position(cooling, m_.cdu1));
        QVERIFY(position(cooling, m_.cdu1) < position(cooling, m_.supplyHeader));
        QVERIFY(position(cooling, m_.supplyLoop) < position(cooling, m_.chiller1));
        QCOMPARE(position(cooling, m_.cdu2), -1); // the other rack's
        const auto& power = gpu.powerUpstream;
        QVERIFY(position(power, m_.psu1a) < position(power, m_.shelfA1));
        QVERIFY(position(power, m_.buswayA) < position(power, m_.switchgearA));
        QVERIFY(position(power, m_.switchgearA) < position(power, m_.substation));
        QVERIFY(position(power, m_.turbine) >= 0); // the B side
        QVERIFY(position(gpu.networkUpstream, m_.leaf) < position(gpu.networkUpstream, m_.spine1));
        QVERIFY(position(gpu.networkUpstream, m_.spine1) < position(gpu.networkUpstream, m_.core));
        // A rack is in no graph: what feeds its server, less the server's own parts.
        const Inspection rack = inspector_->inspect(at(m_.rack1));
        QVERIFY(position(rack.coolingUpstream, m_.cdu1) >= 0);
        QVERIFY(position(rack.powerUpstream, m_.buswayB) >= 0);
        QCOMPARE(position(rack.powerUpstream, m_.psu1a), -1);
        QCOMPARE(position(rack.networkUpstream, m_.nic1), -1);
        QVERIFY(position(rack.networkUpstream, m_.leaf) >= 0);
    }

    void impactKnowsRedundancy() {
        // Feed A: its shelves and PSUs lose power; the servers (and GPUs) keep feed B: degraded.
        const Impact a = inspector_->impact(at(m_.buswayA), GraphDomain::Power);
        QCOMPARE(ids(a.lost), (std::set<std::int64_t>{m_.shelfA1, m_.shelfA2, m_.psu1a, m_.psu2a}));
        const std::set<std::int64_t> degraded = ids(a.degraded);
        QVERIFY(degraded.count(m_.server1) && degraded.count(m_.server2) && degraded.count(m_.gpu2b));
        for (std::int64_t lost : ids(a.lost))
            QVERIFY(!degraded.count(lost));
        // A CDU: its rack's server and GPUs, and its manifolds, lost; nothing degraded.
        const Impact cdu = inspector_->impact(at(m_.cdu1), GraphDomain::Cooling);
        QCOMPARE(ids(cdu.lost), (std::set<std::int64_t>{m_.supplyManifold1, m_.returnManifold1, m_.server1,
                                                        m_.gpu1a, m_.gpu1b}));
        QVERIFY(cdu.degraded.empty());
        // One chiller of two: nothing lost, everything it fed degraded.
        const Impact chiller = inspector_->impact(at(m_.chiller1), GraphDomain::Cooling);
        QVERIFY(chiller.lost.empty());
        QVERIFY(ids(chiller.degraded).count(m_.gpu2a));
        // The domain an element supplies.
        QCOMPARE(inspector_->domainOf(at(m_.cdu1)), std::optional(GraphDomain::Cooling));
        QCOMPARE(inspector_->domainOf(at(m_.buswayA)), std::optional(GraphDomain::Power));
        QCOMPARE(inspector_->domainOf(at(m_.leaf)), std::optional(GraphDomain::Network));
        QCOMPARE(inspector_->domainOf(at(m_.gpu1a)), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(EntityInspectorTest)
#include "tst_entity_inspector.moc"
