// The three-tier fabric: every NIC to its rail's leaf, leaves to the spines of their pod, spines to
// the cores of their plane; cables follow the row trays, the hall trunk and the building backbone.
#include "ColossusFacts.h"
#include "ColossusPlan.h"

#include <cmath>
#include <cstdio>

namespace twin::importers {

using datamodel::CableType;
using datamodel::EntityKind;
using namespace facts;

namespace {

constexpr double kSlackM = 1.5;     // service loops at both ends
constexpr double kDacReachM = 3.0;  // passive copper reach at 400G
constexpr double kBackboneY = 98.0; // the building backbone tray runs east-west between the halls
constexpr double kBackboneHeight = 4.5;

double manhattan(double x1, double y1, double x2, double y2) {
    return std::abs(x1 - x2) + std::abs(y1 - y2);
}

} // namespace

void ColossusGenerator::cableNetwork() {
    // Cores: 32 planes (one per spine position in a pod), each of ceil(pods / 2) cores so that every
    // core's 64 ports take one 800G uplink from each spine of its plane, twice over.
    int pods = 0;
    for (const HallPlan& hall : halls_)
        pods += int(hall.spines.size()) / kLeavesPerPod;
    const int coresPerPlane = (pods + 1) / 2;
    plant_.backboneTray =
        entity(EntityKind::Tray, plant_.building, "Backbone tray",
               datamodel::Pose{float(kBuildingLength / 2), float(kBackboneY), float(kBackboneHeight),
                               float(kBuildingLength - 20), 1.2f, 0.2f, 0.0f});
    std::vector<int> coresPlacedInHall(halls_.size(), 0);
    for (int plane = 0; plane < kLeavesPerPod; ++plane)
        for (int q = 0; q < coresPerPlane; ++q) {
            const int coreNumber = plane * coresPerPlane + q;
            const std::size_t h = std::size_t(coreNumber) % halls_.size();
            HallPlan& hall = halls_[h];
            char name[48];
            std::snprintf(name, sizeof name, "CORE-P%02d-%02d", plane + 1, q + 1);
            const int slot = int(hall.spines.size()) + coresPlacedInHall[h]++;
            plant_.cores.push_back(placeInNetworkRack(hall, slot, name, "core", coreNumber));
            plant_.coreHall.push_back(int(h));
        }

    std::vector<std::int64_t> route;
    auto cable = [&](Id a, int aPort, Id b, int bPort, CableType type, int speed, double length) {
        datamodel::CableRecord record;
        record.aEntity = a;
        record.aPort = aPort;
        record.bEntity = b;
        record.bPort = bPort;
        record.type = type;
        record.speedGbps = speed;
        record.lengthM = std::round(length * 10.0) / 10.0;
        record.routeTrays = route;
        w_.addCable(record);
    };

    std::vector<int> corePortsUsed(plant_.cores.size(), 0);
    int podBase = 0;
    for (HallPlan& hall : halls_) {
        // NIC n of every server in an array -> that array's leaf for rail n, port = server's place in the
        // array.
        for (const ArrayPlan& array : hall.arrays) {
            const RowPlan& row = hall.rows[size_t(array.row)];
            for (int rackInRow : array.racks) {
                const RackPlan& rack = row.racks[size_t(rackInRow)];
                for (const ServerPlan& server : rack.servers)
                    for (int rail = 0; rail < kNicsPerServer; ++rail) {
                        const RackPlan& leafRack = row.racks[size_t(array.leafRack[size_t(rail)])];
                        const bool sameRack = leafRack.id == rack.id;
                        const double length =
                            sameRack ? 1.0 + kSlackM
                                     : std::abs(rack.x - leafRack.x) + 2 * (kTrayHeight - server.z) + kSlackM;
                        route.clear();
                        if (!sameRack)
                            route.push_back(row.tray);
                        cable(array.leaves[size_t(rail)], server.slotInArray, server.nics[size_t(rail)], 0,
                              sameRack && length <= kDacReachM ? CableType::Dac : CableType::Aoc,
                              kLinkSpeedGbps, length);
                    }
            }
        }
        // Leaf j of the hall (pod j / 32, position j % 32): uplink u -> spine u of its pod.
        for (std::size_t j = 0; j < hall.leaves.size(); ++j) {
            const SwitchPlan& leaf = hall.leaves[j];
            const ArrayPlan& array = hall.arrays[j / kNicsPerServer];
            const int pod = int(j) / kLeavesPerPod;
            for (int u = 0; u < kLeafUplinks800; ++u) {
                const SwitchPlan& spine = hall.spines[size_t(pod * kLeavesPerPod + u)];
                route.assign({hall.rows[size_t(array.row)].tray, hall.trunkTray});
                const double length = manhattan(leaf.x, leaf.y, spine.x, spine.y) + 2 * kTrayHeight + kSlackM;
                cable(spine.id, int(j) % kLeavesPerPod, leaf.id, kLeafDownlinks + u, CableType::Fibre, 800,
                      length);
            }
        }
        // Spine at position p of global pod g: uplink u -> a core of plane p.
        const int hallPods = int(hall.spines.size()) / kLeavesPerPod;
        for (int podInHall = 0; podInHall < hallPods; ++podInHall)
            for (int p = 0; p < kLeavesPerPod; ++p) {
                const SwitchPlan& spine = hall.spines[size_t(podInHall * kLeavesPerPod + p)];
                const int g = podBase + podInHall;
                for (int u = 0; u < kSpineUplinks800; ++u) {
                    const int q = (g * kSpineUplinks800 + u) % coresPerPlane;
                    const std::size_t c = std::size_t(p * coresPerPlane + q);
                    const SwitchPlan& core = plant_.cores[c];
                    const HallPlan& coreHall = halls_[size_t(plant_.coreHall[c])];
                    if (coreHall.id == hall.id)
                        route.assign({hall.trunkTray});
                    else
                        route.assign({hall.trunkTray, plant_.backboneTray, coreHall.trunkTray});
                    const double length = manhattan(spine.x, spine.y, core.x, core.y) +
                                          2 * (coreHall.id == hall.id ? kTrayHeight : kBackboneHeight) +
                                          kSlackM;
                    cable(core.id, corePortsUsed[c]++, spine.id, kLeafUplinks800 + u, CableType::Fibre, 800,
                          length);
                }
            }
        podBase += hallPods;
        progress(0.55 + 0.2 * double(&hall - halls_.data() + 1) / double(halls_.size()), "network cables");
    }
}

} // namespace twin::importers
