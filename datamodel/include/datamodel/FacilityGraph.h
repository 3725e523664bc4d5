// Graph queries over the facility's network, cooling and power: what an element feeds (downstream),
// what an entity depends on (upstream), and what loses supply when one element fails, with redundancy
// (A/B feeds, several spines, supply and return pipes) taken into account.
#pragma once

#include "datamodel/Facility.h"

#include <vector>

namespace twin::datamodel {

enum class GraphDomain { Network, Cooling, Power };

class FacilityGraph {
public:
    // Builds the adjacency of all three domains: O(entities + edges), done once per loaded model.
    explicit FacilityGraph(const Facility& facility);

    // Everything `entity` feeds, directly or through others; the parts a server contains (its GPUs
    // and NICs) count as fed by the server. Sorted by dense index; `entity` itself is not included.
    std::vector<EntityIndex> downstream(EntityIndex entity, GraphDomain domain) const;
    // Everything `entity` depends on, up to the sources (chillers, substation, core switches).
    std::vector<EntityIndex> upstream(EntityIndex entity, GraphDomain domain) const;
    // The same, nearest first (by hops; ties by dense index): cold plate, manifold, CDU, header, loop,
    // chiller, as an inspector lists them.
    std::vector<EntityIndex> upstreamNearestFirst(EntityIndex entity, GraphDomain domain) const;
    // What any of `entities` depends on, nearest to any of them first (one search from all of them).
    std::vector<EntityIndex> upstreamNearestFirst(std::span<const EntityIndex> entities,
                                                  GraphDomain domain) const;
    // What loses cooling, power or connectivity when `failed` fails: whatever no source can reach
    // any more. An entity with a second path (the B feed, another spine) is not lost.
    // "If this loop fails, what loses cooling?" is lossOnFailure(loop, GraphDomain::Cooling).
    std::vector<EntityIndex> lossOnFailure(EntityIndex failed, GraphDomain domain) const;
    // Whether any source reaches `entity` with nothing failed (in either cooling layer).
    bool supplied(EntityIndex entity, GraphDomain domain) const;

private:
    struct Layer {
        Csr<EntityIndex> out, in;
        std::vector<EntityIndex> sources; // no incoming edge, at least one outgoing
        std::vector<bool> supplied;       // reached from the sources with nothing failed
    };
    // Cooling needs supply and return both, so each is a layer of its own; a loss in either is a loss.
    std::vector<const Layer*> layersOf(GraphDomain domain) const;
    std::vector<bool> reachableFromSources(const Layer& layer, EntityIndex removed) const;
    // Everything reached from `entity` along the edges (forward) or against them, in every layer.
    std::vector<EntityIndex> reachable(EntityIndex entity, GraphDomain domain, bool forward) const;

    std::size_t entityCount_;
    Layer network_, coolingSupply_, coolingReturn_, power_;
};

} // namespace twin::datamodel
