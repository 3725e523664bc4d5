// The kinds of thing the facility model holds. The numeric codes are stored in model files: never
// renumber one, only add. Names are the singular lower-case keys of `info --json` (CLI.md).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace twin::datamodel {

enum class EntityKind : std::uint8_t {
    // spatial hierarchy
    Site = 1,
    Building = 2,
    Hall = 3,
    Row = 4,
    Rack = 5,
    Server = 6,
    Gpu = 7,
    Nic = 8,
    Psu = 9,
    // network
    Switch = 10, // subtype: leaf, spine or core
    NetworkRack = 11,
    Tray = 12,
    // cooling
    Chiller = 20,
    CoolingTower = 21,
    CoolingLoop = 22, // subtype: supply or return
    Header = 23,      // a row's supply or return header below the floor
    Cdu = 24,
    Manifold = 25, // rack-height coolant manifold, subtype: supply or return
    // power
    Substation = 30,
    Turbine = 31,
    Battery = 32, // Megapack
    Switchgear = 33,
    Busway = 34,
    PowerShelf = 35,
};

struct EntityKindInfo {
    EntityKind kind;
    std::string_view name;
};

inline constexpr std::array kEntityKinds{
    EntityKindInfo{EntityKind::Site, "site"},
    EntityKindInfo{EntityKind::Building, "building"},
    EntityKindInfo{EntityKind::Hall, "hall"},
    EntityKindInfo{EntityKind::Row, "row"},
    EntityKindInfo{EntityKind::Rack, "rack"},
    EntityKindInfo{EntityKind::Server, "server"},
    EntityKindInfo{EntityKind::Gpu, "gpu"},
    EntityKindInfo{EntityKind::Nic, "nic"},
    EntityKindInfo{EntityKind::Psu, "psu"},
    EntityKindInfo{EntityKind::Switch, "switch"},
    EntityKindInfo{EntityKind::NetworkRack, "network_rack"},
    EntityKindInfo{EntityKind::Tray, "tray"},
    EntityKindInfo{EntityKind::Chiller, "chiller"},
    EntityKindInfo{EntityKind::CoolingTower, "cooling_tower"},
    EntityKindInfo{EntityKind::CoolingLoop, "cooling_loop"},
    EntityKindInfo{EntityKind::Header, "header"},
    EntityKindInfo{EntityKind::Cdu, "cdu"},
    EntityKindInfo{EntityKind::Manifold, "manifold"},
    EntityKindInfo{EntityKind::Substation, "substation"},
    EntityKindInfo{EntityKind::Turbine, "turbine"},
    EntityKindInfo{EntityKind::Battery, "battery"},
    EntityKindInfo{EntityKind::Switchgear, "switchgear"},
    EntityKindInfo{EntityKind::Busway, "busway"},
    EntityKindInfo{EntityKind::PowerShelf, "power_shelf"},
};

// Largest code + 1: per-kind arrays are indexed by the code directly.
inline constexpr std::size_t kEntityKindSlots = 36;

std::string_view entityKindName(EntityKind kind);
std::optional<EntityKind> entityKindFromCode(int code);
std::optional<EntityKind> entityKindFromName(std::string_view name);

} // namespace twin::datamodel
