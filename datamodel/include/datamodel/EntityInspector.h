// What the workbench asks of one entity: where it sits (the chain of parents), what it holds (counted
// by kind), what it is plugged into (cables, with the far end), what it hangs on (cooling, power and
// network upstream, nearest first), its tasks and notes; and what fails with it (impact: lost, or only
// degraded where a redundant supply still stands). Built once per loaded model; the window's inspector
// and impact docks and the command line's `inspect` and `impact` share it.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/FacilityGraph.h"

#include <array>
#include <cstdint>
#include <vector>

namespace twin::datamodel {

struct CableEnd {
    std::uint32_t cable = 0;      // row of CableColumns
    EntityIndex near = kNoEntity; // the entity (or its part: a server's NIC) at this end
    std::int32_t port = 0;        // this end's port
    EntityIndex farEnd = kNoEntity;
    std::int32_t farPort = 0;
};

struct Inspection {
    EntityIndex entity = kNoEntity;
    std::vector<EntityIndex> path;                          // the site first, the entity last
    std::array<std::uint32_t, kEntityKindSlots> contains{}; // everything below it, by kind code
    std::vector<CableEnd> cables;                           // its own, and its parts' (a server's NICs)
    std::vector<EntityIndex> coolingUpstream, powerUpstream, networkUpstream; // nearest first
    std::vector<std::uint32_t> tasks; // rows of TaskColumns, by planned start
    std::vector<std::uint32_t> notes; // rows of NoteColumns
};

struct Impact {
    EntityIndex failed = kNoEntity;
    GraphDomain domain = GraphDomain::Power;
    std::vector<EntityIndex> lost;     // no supply left; ascending
    std::vector<EntityIndex> degraded; // fed through the failed element, but another supply stands
};

class EntityInspector {
public:
    explicit EntityInspector(const Facility& facility); // keeps a reference: the facility outlives it

    // `now`: the model as edits left it since this was built (the same entities and tasks, their
    // progress and the punch items changed), to read tasks and notes from; null: the one built on.
    Inspection inspect(EntityIndex entity, const Facility* now = nullptr) const;
    Impact impact(EntityIndex failed, GraphDomain domain) const;
    // The domain an element supplies: a CDU or chiller cooling, a busway or substation power, a
    // switch the network; for anything else the first domain in which something depends on it, or
    // nothing (a GPU feeds nobody).
    std::optional<GraphDomain> domainOf(EntityIndex entity) const;
    const FacilityGraph& graph() const { return graph_; }

private:
    const Facility& facility_;
    FacilityGraph graph_;
    Csr<std::uint32_t> cablesOf_; // per entity: the cables with an end there
};

std::string_view graphDomainName(GraphDomain domain); // "cooling", "power", "network"
std::optional<GraphDomain> graphDomainFromName(std::string_view name);

} // namespace twin::datamodel
