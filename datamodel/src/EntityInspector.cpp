#include "datamodel/EntityInspector.h"

#include "CsrBuilder.h"

#include <algorithm>

namespace twin::datamodel {

EntityInspector::EntityInspector(const Facility& facility) : facility_(facility), graph_(facility) {
    // Each cable twice: once under each end.
    const CableColumns& cables = facility.cables();
    cablesOf_ = groupIntoRows<std::uint32_t>(
        facility.entityCount(), cables.size() * 2,
        [&](std::size_t i) { return i % 2 == 0 ? cables.a[i / 2] : cables.b[i / 2]; },
        [](std::size_t i) { return std::uint32_t(i / 2); });
}

Inspection EntityInspector::inspect(EntityIndex entity, const Facility* now) const {
    Inspection result;
    result.entity = entity;
    for (EntityIndex at = entity; at != kNoEntity; at = facility_.parent(at))
        result.path.push_back(at);
    std::reverse(result.path.begin(), result.path.end());
    for (EntityIndex below : facility_.subtree(entity))
        if (below != entity)
            ++result.contains[std::size_t(facility_.kind(below))];

    // Its cables, and those of the parts that are its ports (a server's NICs).
    const CableColumns& cables = facility_.cables();
    auto addCablesOf = [&](EntityIndex near) {
        for (std::uint32_t c : cablesOf_.row(std::size_t(near))) {
            const bool atA = cables.a[c] == near;
            result.cables.push_back(CableEnd{c, near, atA ? cables.aPort[c] : cables.bPort[c],
                                             atA ? cables.b[c] : cables.a[c],
                                             atA ? cables.bPort[c] : cables.aPort[c]});
        }
    };
    addCablesOf(entity);
    if (facility_.kind(entity) == EntityKind::Server)
        for (EntityIndex part : facility_.children(entity))
            if (facility_.kind(part) == EntityKind::Nic)
                addCablesOf(part);

    // A rack, row or hall is in no graph itself: what cools, powers and connects it is what its
    // servers hang on (a rack's: its manifolds and CDU, the row header, the loop...), or for a row or
    // hall what its own plant hangs on; the parts inside its servers (NICs, PSUs) left out.
    std::vector<EntityIndex> consumers;
    for (EntityIndex child : facility_.children(entity))
        if (facility_.kind(child) == EntityKind::Server)
            consumers.push_back(child);
    if (consumers.empty())
        consumers.assign(facility_.children(entity).begin(), facility_.children(entity).end());
    auto upstreamOf = [&](GraphDomain domain) {
        std::vector<EntityIndex> chain = graph_.upstreamNearestFirst(entity, domain);
        if (!chain.empty() || consumers.empty())
            return chain;
        chain = graph_.upstreamNearestFirst(consumers, domain);
        std::erase_if(chain, [&](EntityIndex e) {
            const EntityKind kind = facility_.kind(e);
            return (kind == EntityKind::Nic || kind == EntityKind::Psu) &&
                   facility_.ancestorOfKind(e, facility_.kind(entity)) == entity;
        });
        return chain;
    };
    result.coolingUpstream = upstreamOf(GraphDomain::Cooling);
    result.powerUpstream = upstreamOf(GraphDomain::Power);
    result.networkUpstream = upstreamOf(GraphDomain::Network);

    const auto own = facility_.tasksOf(entity);
    result.tasks.assign(own.begin(), own.end());
    const Facility& current = now ? *now : facility_;
    const auto& plannedStart = current.tasks().plannedStart;
    std::stable_sort(result.tasks.begin(), result.tasks.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return plannedStart[a] < plannedStart[b]; });
    const NoteColumns& notes = current.notes();
    for (std::uint32_t n = 0; n < notes.size(); ++n)
        if (notes.entity[n] == entity)
            result.notes.push_back(n);
    return result;
}

Impact EntityInspector::impact(EntityIndex failed, GraphDomain domain) const {
    Impact result;
    result.failed = failed;
    result.domain = domain;
    result.lost = graph_.lossOnFailure(failed, domain);
    // Everything it fed that had a supply and keeps one: degraded (lost is a subset of downstream, both
    // sorted). What no source reached before the failure (an unconnected part of an imported model)
    // is neither.
    const std::vector<EntityIndex> fed = graph_.downstream(failed, domain);
    std::set_difference(fed.begin(), fed.end(), result.lost.begin(), result.lost.end(),
                        std::back_inserter(result.degraded));
    std::erase_if(result.degraded, [&](EntityIndex e) { return !graph_.supplied(e, domain); });
    return result;
}

std::optional<GraphDomain> EntityInspector::domainOf(EntityIndex entity) const {
    switch (facility_.kind(entity)) {
    case EntityKind::Chiller:
    case EntityKind::CoolingTower:
    case EntityKind::CoolingLoop:
    case EntityKind::Header:
    case EntityKind::Cdu:
    case EntityKind::Manifold:
        return GraphDomain::Cooling;
    case EntityKind::Substation:
    case EntityKind::Turbine:
    case EntityKind::Battery:
    case EntityKind::Switchgear:
    case EntityKind::Busway:
    case EntityKind::PowerShelf:
    case EntityKind::Psu:
        return GraphDomain::Power;
    case EntityKind::Switch:
    case EntityKind::Nic:
        return GraphDomain::Network;
    default:
        break;
    }
    for (GraphDomain domain : {GraphDomain::Cooling, GraphDomain::Power, GraphDomain::Network})
        if (!graph_.downstream(entity, domain).empty())
            return domain;
    return std::nullopt;
}

std::string_view graphDomainName(GraphDomain domain) {
    switch (domain) {
    case GraphDomain::Cooling:
        return "cooling";
    case GraphDomain::Power:
        return "power";
    case GraphDomain::Network:
        return "network";
    }
    return "power";
}

std::optional<GraphDomain> graphDomainFromName(std::string_view name) {
    for (GraphDomain domain : {GraphDomain::Cooling, GraphDomain::Power, GraphDomain::Network})
        if (graphDomainName(domain) == name)
            return domain;
    return std::nullopt;
}

} // namespace twin::datamodel
