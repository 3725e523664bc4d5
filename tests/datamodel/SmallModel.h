// A hand-built facility small enough to know every answer: two racks of one server each, fed by two
// chillers through one supply and one return loop, by an A (substation) and a B (turbine) power side,
// and connected through one leaf to two spines and a core. Used by the store, graph and schedule tests.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ModelWriter.h"

#include <cstdint>

namespace twin::testing {

struct SmallModelIds {
    using Id = std::int64_t;
    Id site, building, hall, row, rack1, rack2;
    Id cdu1, cdu2, supplyManifold1, returnManifold1, supplyManifold2, returnManifold2;
    Id shelfA1, shelfB1, shelfA2, shelfB2;
    Id server1, server2, gpu1a, gpu1b, gpu2a, gpu2b, nic1, nic2, psu1a, psu1b, psu2a, psu2b;
    Id chiller1, chiller2, supplyLoop, returnLoop, supplyHeader, returnHeader;
    Id substation, turbine, switchgearA, switchgearB, buswayA, buswayB;
    Id core, spine1, spine2, leaf, tray;
    Id placeRack1, burnInRack1, placeRack2;
};

// Writes the model through `writer` and returns the ids it got.
SmallModelIds writeSmallModel(datamodel::ModelWriter& writer);

// Creates the model as a file at `path` and loads it; `ids` gets the ids it was written with.
datamodel::Facility createSmallModel(const std::string& path, SmallModelIds& ids);

} // namespace twin::testing
