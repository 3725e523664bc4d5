// The numbers the default model is built from. Reported facts (shared/design/COLOSSUS-FACTS.md) are
// marked "reported"; everything else is a plausible choice, named here so it can be argued with.
#pragma once

#include <cstdint>

namespace twin::importers::facts {

// --- compute (reported: Supermicro 4U liquid-cooled HGX H100, 8 GPUs, 4 PSUs; 8 servers per rack;
//     8 racks per 512-GPU array; about 100,000 GPUs in four halls, then +50,000 H100 and +50,000 H200)
inline constexpr int kGpusPerServer = 8;
inline constexpr int kServersPerRack = 8;
inline constexpr int kRacksPerArray = 8;
inline constexpr int kPsusPerServer = 4;
inline constexpr int kHallsPerPhase = 4;
inline constexpr int kFirstPhaseGpus = 100000;
// reported: one 400G BlueField-3 SuperNIC per GPU plus one 400G NIC per server: 9 links per server
inline constexpr int kNicsPerServer = 9;
inline constexpr int kLinkSpeedGbps = 400;

// --- geometry, metres (chosen: common 600 mm x 1200 mm liquid-cooled racks, 4U = 0.178 m)
inline constexpr double kRackWidth = 0.6;
inline constexpr double kRackDepth = 1.2;
inline constexpr double kRackHeight = 2.3;
inline constexpr double kUnit = 0.0445;
inline constexpr double kServerHeight = 4 * kUnit;
inline constexpr double kCduHeight = 4 * kUnit; // reported: a 4U CDU at the bottom of each rack
inline constexpr double kSwitchHeight = 2 * kUnit;
inline constexpr double kArrayGap = 1.8;   // service gap between 8-rack arrays in a row
inline constexpr int kArraysPerRow = 4;    // 32 racks, about 25 m of row
inline constexpr double kRowPitch = 3.6;   // rack depth plus a 2.4 m aisle
inline constexpr double kHallMargin = 8.0; // walls to racks: CDU service, busway and pipe risers
inline constexpr double kHallHeight = 9.0;
inline constexpr double kTrayHeight = 3.0;  // reported: fibre runs overhead
inline constexpr double kPipeDepth = -0.45; // reported: cooling pipes below (raised floor)
// reported: building about 785,000 sq ft (~73,000 m2); the halls use part of the former plant
inline constexpr double kBuildingLength = 390.0;
inline constexpr double kBuildingWidth = 187.0;
inline constexpr double kBuildingHeight = 12.0;

// --- network (reported: Spectrum-X SN5600, 64 x 800G = 128 x 400G ports, three tiers)
inline constexpr int kLeafDownlinks = 64;   // 400G, one per server of an array, rail-aligned
inline constexpr int kLeafUplinks800 = 32;  // 800G to spines: non-blocking (64 x 400G)
inline constexpr int kSpineUplinks800 = 32; // 800G to cores
inline constexpr int kLeavesPerPod = 32;    // leaves and spines of a pod are fully meshed
inline constexpr int kCorePorts800 = 64;
inline constexpr int kSwitchesPerNetworkRack = 16;

// --- cooling (chosen: warm-water direct-to-chip; flows per the usual ~1.5 l/min per kW)
inline constexpr int kChillers = 8;
inline constexpr int kCoolingTowers = 8;
inline constexpr double kServerFlowLpm = 16.0;
inline constexpr double kRackFlowLpm = kServerFlowLpm * kServersPerRack;
inline constexpr double kServerPipeMm = 19.0;
inline constexpr double kRackPipeMm = 50.0;
inline constexpr double kHeaderPipeMm = 200.0;
inline constexpr double kLoopPipeMm = 600.0;

// --- power (reported: 150 MW substation, 14 x 2.5 MW turbines, 200+ Megapacks of 3.9 MWh)
inline constexpr int kTurbines = 14;
inline constexpr double kTurbineKw = 2500.0;
inline constexpr int kMegapacks = 208;
inline constexpr double kMegapackKw = 1900.0;
inline constexpr double kSubstationKw = 150000.0;
inline constexpr double kServerKw = 10.2; // HGX H100 8-GPU system at full load
inline constexpr double kPsuKw = 3.0;

// --- schedule (reported: 122 days from empty building to running, 19 days from first rack to training,
//     online July 2024; the expansion later)
inline constexpr int kProjectDays = 122;
inline constexpr int kRolloutDays = 19;
inline constexpr int kStartYear = 2024, kStartMonth = 3, kStartDay = 22; // 122 days before 2024-07-22
inline constexpr int kExpansionYear = 2024, kExpansionMonth = 10, kExpansionDay = 1;

} // namespace twin::importers::facts
