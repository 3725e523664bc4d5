// Cooling and power, from the plant outside to every server. Cooling: cooling towers -> chillers ->
// each hall's supply and return loops -> row headers below the floor -> each rack's CDU -> the rack's
// supply and return manifolds -> every server's cold plates. Power: substation (A and B sides), turbines
// and Megapacks (B side) -> hall switchgear -> row busways -> rack power shelves -> PSUs.
#include "ColossusFacts.h"
#include "ColossusPlan.h"

#include <array>
#include <vector>

namespace twin::importers {

using datamodel::PipeSide;
using datamodel::PowerFeedKind;
using namespace facts;

namespace {
using Point = std::array<float, 3>;
Point at(double x, double y, double z) {
    return {float(x), float(y), float(z)};
}
} // namespace

void ColossusGenerator::pipeCooling() {
    auto pipe = [&](Id from, Id to, PipeSide side, double diameter, double flow, std::vector<Point> points) {
        datamodel::PipeRecord record;
        record.fromEntity = from;
        record.toEntity = to;
        record.side = side;
        record.diameterMm = diameter;
        record.designFlowLpm = flow;
        record.points = points;
        w_.addPipe(record);
    };
    double totalFlow = 0;
    for (const HallPlan& hall : halls_)
        for (const RowPlan& row : hall.rows)
            totalFlow += double(row.racks.size()) * kRackFlowLpm;
    const double chillerFlow = totalFlow / kChillers;

    for (std::size_t c = 0; c < plant_.chillers.size(); ++c) {
        const auto& p = plant_.chillerPositions[c];
        for (PipeSide side : {PipeSide::Supply, PipeSide::Return})
            pipe(plant_.towers[c], plant_.chillers[c], side, kLoopPipeMm / 2, chillerFlow,
                 {at(p[0], p[1] + 25, 0.5), at(p[0], p[1], 0.5)});
    }
    for (const HallPlan& hall : halls_) {
        double hallFlow = 0;
        for (const RowPlan& row : hall.rows)
            hallFlow += double(row.racks.size()) * kRackFlowLpm;
        // Every chiller feeds every hall's loops: one chiller down costs capacity, not cooling.
        for (std::size_t c = 0; c < plant_.chillers.size(); ++c) {
            const auto& p = plant_.chillerPositions[c];
            // Along a plant corridor north of the building, then down the hall's west side: pipes run
            // square to the building, as they are laid.
            const double corridor = p[1] - 25.0 - 2.0 * double(c);
            pipe(plant_.chillers[c], hall.supplyLoop, PipeSide::Supply, kLoopPipeMm, hallFlow / kChillers,
                 {at(p[0], p[1], 0.5), at(p[0], corridor, kPipeDepth - 0.3),
                  at(hall.x0 + 1.0, corridor, kPipeDepth - 0.3),
                  at(hall.x0 + 1.0, hall.y0 + 2.0, kPipeDepth - 0.3)});
            pipe(plant_.chillers[c], hall.returnLoop, PipeSide::Return, kLoopPipeMm, hallFlow / kChillers,
                 {at(p[0] + 1, p[1], 0.5), at(p[0] + 1, corridor - 1.0, kPipeDepth - 0.3),
                  at(hall.x0 + 2.0, corridor - 1.0, kPipeDepth - 0.3),
                  at(hall.x0 + 2.0, hall.y0 + 4.0, kPipeDepth - 0.3)});
        }
        for (const RowPlan& row : hall.rows) {
            const double rowFlow = double(row.racks.size()) * kRackFlowLpm;
            const double end = row.x0 + row.length;
            pipe(hall.supplyLoop, row.headerSupply, PipeSide::Supply, kHeaderPipeMm, rowFlow,
                 {at(hall.x0 + 1.0, row.y - 0.3, kPipeDepth - 0.1), at(end, row.y - 0.3, kPipeDepth - 0.1)});
            pipe(hall.returnLoop, row.headerReturn, PipeSide::Return, kHeaderPipeMm, rowFlow,
                 {at(hall.x0 + 1.0, row.y + 0.3, kPipeDepth - 0.1), at(end, row.y + 0.3, kPipeDepth - 0.1)});
            for (const RackPlan& rack : row.racks) {
                pipe(row.headerSupply, rack.cdu, PipeSide::Supply, kRackPipeMm, kRackFlowLpm,
                     {at(rack.x - 0.1, row.y - 0.3, kPipeDepth - 0.1), at(rack.x - 0.1, rack.y, 0.0)});
                pipe(row.headerReturn, rack.cdu, PipeSide::Return, kRackPipeMm, kRackFlowLpm,
                     {at(rack.x + 0.1, row.y + 0.3, kPipeDepth - 0.1), at(rack.x + 0.1, rack.y, 0.0)});
                pipe(rack.cdu, rack.manifoldSupply, PipeSide::Supply, kRackPipeMm, kRackFlowLpm,
                     {at(rack.x - 0.2, rack.y + 0.4, kCduHeight),
                      at(rack.x - 0.2, rack.y + 0.55, kCduHeight + 0.1)});
                pipe(rack.cdu, rack.manifoldReturn, PipeSide::Return, kRackPipeMm, kRackFlowLpm,
                     {at(rack.x + 0.2, rack.y + 0.4, kCduHeight),
                      at(rack.x + 0.2, rack.y + 0.55, kCduHeight + 0.1)});
                for (const ServerPlan& server : rack.servers) {
                    const double z = server.z + kServerHeight / 2;
                    pipe(rack.manifoldSupply, server.id, PipeSide::Supply, kServerPipeMm, kServerFlowLpm,
                         {at(rack.x - 0.2, rack.y + 0.55, z), at(rack.x - 0.1, rack.y + 0.45, z)});
                    pipe(rack.manifoldReturn, server.id, PipeSide::Return, kServerPipeMm, kServerFlowLpm,
                         {at(rack.x + 0.2, rack.y + 0.55, z), at(rack.x + 0.1, rack.y + 0.45, z)});
                }
            }
        }
    }
}

void ColossusGenerator::feedPower() {
    auto feed = [&](Id from, Id to, PowerFeedKind kind, double kw) {
        datamodel::FeedRecord record;
        record.fromEntity = from;
        record.toEntity = to;
        record.feed = kind;
        record.ratingKw = kw;
        w_.addFeed(record);
    };
    for (std::size_t h = 0; h < halls_.size(); ++h) {
        const HallPlan& hall = halls_[h];
        double hallKw = 0;
        for (const RowPlan& row : hall.rows)
            for (const RackPlan& rack : row.racks)
                hallKw += double(rack.servers.size()) * kServerKw;
        // Both sides from the utility substation (the second one feeds the expansion halls); the B side
        // also from the turbines and the Megapacks that buffer the load swings, so that the halls ride
        // through a substation outage on B.
        const Id substation =
            plant_.substations[std::min(std::size_t(hall.phase), plant_.substations.size() - 1)];
        feed(substation, hall.switchgearA, PowerFeedKind::Main, hallKw * 1.25);
        feed(substation, hall.switchgearB, PowerFeedKind::Main, hallKw * 1.25);
        for (std::size_t t = h; t < plant_.turbines.size(); t += halls_.size())
            feed(plant_.turbines[t], hall.switchgearB, PowerFeedKind::Main, kTurbineKw);
        for (std::size_t b = h; b < plant_.batteries.size(); b += halls_.size())
            feed(plant_.batteries[b], hall.switchgearB, PowerFeedKind::Main, kMegapackKw);

        for (const RowPlan& row : hall.rows) {
            double rowKw = 0;
            for (const RackPlan& rack : row.racks)
                rowKw += double(rack.servers.size()) * kServerKw;
            feed(hall.switchgearA, row.buswayA, PowerFeedKind::A, rowKw);
            feed(hall.switchgearB, row.buswayB, PowerFeedKind::B, rowKw);
            for (const RackPlan& rack : row.racks) {
                const double rackKw = double(rack.servers.size()) * kServerKw;
                feed(row.buswayA, rack.shelfA, PowerFeedKind::A, rackKw);
                feed(row.buswayB, rack.shelfB, PowerFeedKind::B, rackKw);
                feed(rack.shelfA, rack.cdu, PowerFeedKind::A, 4.0);
                feed(rack.shelfB, rack.cdu, PowerFeedKind::B, 4.0);
                for (Id leaf : rack.leaves) {
                    feed(rack.shelfA, leaf, PowerFeedKind::A, 1.5);
                    feed(rack.shelfB, leaf, PowerFeedKind::B, 1.5);
                }
                // Two PSUs on each side: the server runs on either.
                for (const ServerPlan& server : rack.servers)
                    for (int p = 0; p < kPsusPerServer; ++p)
                        feed(p < kPsusPerServer / 2 ? rack.shelfA : rack.shelfB, server.psus[size_t(p)],
                             p < kPsusPerServer / 2 ? PowerFeedKind::A : PowerFeedKind::B, kPsuKw);
            }
        }
        for (const auto& shelves : hall.networkRackShelves) {
            feed(hall.switchgearA, shelves[0], PowerFeedKind::A, 30.0);
            feed(hall.switchgearB, shelves[1], PowerFeedKind::B, 30.0);
        }
        auto feedSwitch = [&](const SwitchPlan& device) {
            const auto& shelves = hall.networkRackShelves[size_t(device.networkRack)];
            feed(shelves[0], device.id, PowerFeedKind::A, 1.5);
            feed(shelves[1], device.id, PowerFeedKind::B, 1.5);
        };
        for (const SwitchPlan& spine : hall.spines)
            feedSwitch(spine);
        for (std::size_t c = 0; c < plant_.cores.size(); ++c)
            if (plant_.coreHall[c] == int(h))
                feedSwitch(plant_.cores[c]);
    }
}

} // namespace twin::importers
