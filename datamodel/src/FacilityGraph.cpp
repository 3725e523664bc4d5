#include "datamodel/FacilityGraph.h"

#include "CsrBuilder.h"

#include <algorithm>
#include <utility>

namespace twin::datamodel {

namespace {

using Edge = std::pair<EntityIndex, EntityIndex>;

// The parts inside a server that share its fate: cooled through its cold plates, powered by its PSUs,
// connected through its NICs.
void addContainmentEdges(const Facility& facility, std::vector<Edge>& edges, bool psuFeedsServer,
                         bool nicFeedsServer) {
    for (EntityIndex server : facility.ofKind(EntityKind::Server)) {
        for (EntityIndex part : facility.children(server)) {
            const EntityKind kind = facility.kind(part);
            if (kind == EntityKind::Gpu)
                edges.emplace_back(server, part);
            else if (kind == EntityKind::Psu && psuFeedsServer)
                edges.emplace_back(part, server);
            else if (kind == EntityKind::Nic && nicFeedsServer)
                edges.emplace_back(part, server);
        }
    }
}

Csr<EntityIndex> adjacency(std::size_t nodes, const std::vector<Edge>& edges, bool reverse) {
    return groupIntoRows<EntityIndex>(
        nodes, edges.size(), [&](std::size_t i) { return reverse ? edges[i].second : edges[i].first; },
        [&](std::size_t i) { return reverse ? edges[i].first : edges[i].second; });
}

std::vector<bool> reach(const Csr<EntityIndex>& graph, std::span<const EntityIndex> starts,
                        EntityIndex removed) {
    std::vector<bool> seen(graph.rows(), false);
    std::vector<EntityIndex> stack;
    for (EntityIndex start : starts)
        if (start != removed && !seen[size_t(start)]) {
            seen[size_t(start)] = true;
            stack.push_back(start);
        }
    while (!stack.empty()) {
        const EntityIndex current = stack.back();
        stack.pop_back();
        for (EntityIndex next : graph.row(size_t(current)))
            if (next != removed && !seen[size_t(next)]) {
                seen[size_t(next)] = true;
                stack.push_back(next);
            }
    }
    return seen;
}

std::vector<EntityIndex> marked(const std::vector<bool>& flags, EntityIndex except) {
    std::vector<EntityIndex> result;
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (flags[i] && EntityIndex(i) != except)
            result.push_back(EntityIndex(i));
    return result;
}

} // namespace

FacilityGraph::FacilityGraph(const Facility& facility) : entityCount_(facility.entityCount()) {
    // Sources are the plant a domain starts from, not just anything without an incoming edge: an
    // uncabled NIC or an unpiped server must not count as a source of its own supply.
    auto makeLayer = [&](std::vector<Edge> edges, std::initializer_list<EntityKind> sourceKinds) {
        Layer layer;
        layer.out = adjacency(entityCount_, edges, false);
        layer.in = adjacency(entityCount_, edges, true);
        for (EntityKind kind : sourceKinds)
            for (EntityIndex i : facility.ofKind(kind))
                if (layer.in.row(size_t(i)).empty())
                    layer.sources.push_back(i);
        // What the sources reach with nothing failed: the same for every impact, so worked out once.
        layer.supplied = reach(layer.out, layer.sources, kNoEntity);
        return layer;
    };

    std::vector<Edge> network;
    const CableColumns& cables = facility.cables();
    for (std::size_t i = 0; i < cables.size(); ++i)
        network.emplace_back(cables.a[i], cables.b[i]);
    addContainmentEdges(facility, network, false, true);
    network_ = makeLayer(std::move(network), {EntityKind::Switch});

    std::vector<Edge> supply, returns;
    const PipeColumns& pipes = facility.pipes();
    for (std::size_t i = 0; i < pipes.size(); ++i)
        (pipes.side[i] == PipeSide::Supply ? supply : returns).emplace_back(pipes.from[i], pipes.to[i]);
    addContainmentEdges(facility, supply, false, false);
    addContainmentEdges(facility, returns, false, false);
    coolingSupply_ = makeLayer(std::move(supply), {EntityKind::CoolingTower, EntityKind::Chiller});
    coolingReturn_ = makeLayer(std::move(returns), {EntityKind::CoolingTower, EntityKind::Chiller});

    std::vector<Edge> power;
    const FeedColumns& feeds = facility.feeds();
    for (std::size_t i = 0; i < feeds.size(); ++i)
        power.emplace_back(feeds.from[i], feeds.to[i]);
    addContainmentEdges(facility, power, true, false);
    power_ = makeLayer(std::move(power), {EntityKind::Substation, EntityKind::Turbine, EntityKind::Battery});
}

std::vector<const FacilityGraph::Layer*> FacilityGraph::layersOf(GraphDomain domain) const {
    switch (domain) {
    case GraphDomain::Network:
        return {&network_};
    case GraphDomain::Cooling:
        return {&coolingSupply_, &coolingReturn_};
    case GraphDomain::Power:
        return {&power_};
    }
    return {};
}

std::vector<EntityIndex> FacilityGraph::reachable(EntityIndex entity, GraphDomain domain,
                                                  bool forward) const {
    std::vector<bool> any(entityCount_, false);
    const EntityIndex start[] = {entity};
    for (const Layer* layer : layersOf(domain)) {
        const std::vector<bool> seen = reach(forward ? layer->out : layer->in, start, kNoEntity);
        for (std::size_t i = 0; i < entityCount_; ++i)
            any[i] = any[i] || seen[i];
    }
    return marked(any, entity);
}

std::vector<EntityIndex> FacilityGraph::downstream(EntityIndex entity, GraphDomain domain) const {
    return reachable(entity, domain, true);
}

std::vector<EntityIndex> FacilityGraph::upstream(EntityIndex entity, GraphDomain domain) const {
    return reachable(entity, domain, false);
}

std::vector<EntityIndex> FacilityGraph::upstreamNearestFirst(EntityIndex entity, GraphDomain domain) const {
    const EntityIndex one[] = {entity};
    return upstreamNearestFirst(one, domain);
}

std::vector<EntityIndex> FacilityGraph::upstreamNearestFirst(std::span<const EntityIndex> entities,
                                                             GraphDomain domain) const {
    // Breadth first against the edges in each layer, from all the entities at once; an entity in both
    // layers (supply and return) at its nearer distance. The entities themselves are left out.
    constexpr std::uint32_t kUnreached = std::uint32_t(-1);
    std::vector<std::uint32_t> hops(entityCount_, kUnreached);
    for (EntityIndex start : entities)
        hops[size_t(start)] = 0; // never listed as its own (or another start's) supply
    std::vector<EntityIndex> reached;
    for (const Layer* layer : layersOf(domain)) {
        std::vector<std::uint32_t> here(entityCount_, kUnreached);
        std::vector<EntityIndex> frontier(entities.begin(), entities.end());
        for (EntityIndex start : entities)
            here[size_t(start)] = 0;
        for (std::uint32_t distance = 1; !frontier.empty(); ++distance) {
            std::vector<EntityIndex> next;
            for (EntityIndex current : frontier)
                for (EntityIndex up : layer->in.row(size_t(current)))
                    if (here[size_t(up)] == kUnreached && hops[size_t(up)] != 0) {
                        here[size_t(up)] = distance;
                        next.push_back(up);
                        if (hops[size_t(up)] == kUnreached)
                            reached.push_back(up);
                        hops[size_t(up)] = std::min(hops[size_t(up)], distance);
                    }
            frontier = std::move(next);
        }
    }
    std::sort(reached.begin(), reached.end(), [&](EntityIndex a, EntityIndex b) {
        return hops[size_t(a)] != hops[size_t(b)] ? hops[size_t(a)] < hops[size_t(b)] : a < b;
    });
    return reached;
}

bool FacilityGraph::supplied(EntityIndex entity, GraphDomain domain) const {
    for (const Layer* layer : layersOf(domain))
        if (layer->supplied[size_t(entity)])
            return true;
    return false;
}

std::vector<bool> FacilityGraph::reachableFromSources(const Layer& layer, EntityIndex removed) const {
    return reach(layer.out, layer.sources, removed);
}

std::vector<EntityIndex> FacilityGraph::lossOnFailure(EntityIndex failed, GraphDomain domain) const {
    std::vector<bool> lost(entityCount_, false);
    for (const Layer* layer : layersOf(domain)) {
        const std::vector<bool>& before = layer->supplied;
        const std::vector<bool> after = reachableFromSources(*layer, failed);
        for (std::size_t i = 0; i < entityCount_; ++i)
            lost[i] = lost[i] || (before[i] && !after[i]);
    }
    return marked(lost, failed);
}

} // namespace twin::datamodel
