// What the Colossus generator has placed so far, kept in memory so that the network, cooling, power
// and schedule stages can link to it by id. One writer pass, stage by stage (ColossusGenerator.cpp).
#pragma once

#include "DeterministicRandom.h"
#include "datamodel/ModelWriter.h"
#include "importers/ColossusGenerator.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace twin::importers {

using Id = std::int64_t;

struct ServerPlan {
    Id id = 0;
    std::string hostname;
    int slotInArray = 0; // 0..63: the leaf port it uses on every rail
    double z = 0;
    std::array<Id, 9> nics{};
    std::array<Id, 4> psus{};
};

struct RackPlan {
    Id id = 0;
    std::string name;
    double x = 0, y = 0, yaw = 0;
    int arrayIndex = 0; // within the hall
    Id cdu = 0, manifoldSupply = 0, manifoldReturn = 0, shelfA = 0, shelfB = 0;
    std::vector<ServerPlan> servers;
    std::vector<Id> leaves; // the leaf switches mounted at its rear
};

struct RowPlan {
    Id id = 0;
    std::string name;
    double y = 0, x0 = 0, length = 0, yaw = 0;
    Id tray = 0, headerSupply = 0, headerReturn = 0, buswayA = 0, buswayB = 0;
    std::vector<RackPlan> racks;
};

struct ArrayPlan {
    int row = 0;                   // index into HallPlan::rows
    std::vector<int> racks;        // indexes into that row's racks
    std::array<Id, 9> leaves{};    // one leaf per rail
    std::array<int, 9> leafRack{}; // per rail: the index (in the row) of the rack holding the leaf
};

struct SwitchPlan {
    Id id = 0;
    double x = 0, y = 0, z = 0;
    int hall = 0;         // 1-based hall number
    int networkRack = -1; // index into the hall's network racks; -1 for leaves (in compute racks)
};

struct HallPlan {
    Id id = 0;
    int number = 1; // 1-based, as people say "Hall 3"
    int phase = 0;  // 0: the first 100,000 GPUs; 1: the expansion
    std::string gpuModel;
    double x0 = 0, y0 = 0, length = 0, width = 0;
    Id supplyLoop = 0, returnLoop = 0, switchgearA = 0, switchgearB = 0, trunkTray = 0;
    std::vector<RowPlan> rows;
    std::vector<ArrayPlan> arrays;
    std::vector<SwitchPlan> leaves, spines;
    std::vector<Id> networkRacks;
    std::vector<std::array<Id, 2>> networkRackShelves;
    double networkRowY = 0;
};

struct PlantPlan {
    Id site = 0, building = 0, backboneTray = 0;
    std::vector<Id> substations, turbines, batteries, chillers, towers;
    std::vector<std::array<double, 3>> chillerPositions;
    std::vector<SwitchPlan> cores;
    std::vector<int> coreHall;
};

class ColossusGenerator {
public:
    ColossusGenerator(datamodel::ModelWriter& writer, const GeneratorOptions& options);
    void run();

private:
    void progress(double fraction, std::string_view stage) const;
    // ColossusGenerator.cpp: the buildings, halls, racks and what is in them
    void placeSiteAndPlant();
    void placeHalls();
    void placeHall(HallPlan& hall, int servers);
    void placeRack(HallPlan& hall, RowPlan& row, RackPlan& rack, int serversInRack, int& serverInArray);
    void placeNetworkRacks(HallPlan& hall, int spines);
    // A switch in the next free slot of the hall's network racks (created as needed).
    SwitchPlan placeInNetworkRack(HallPlan& hall, int slot, const std::string& name, std::string_view role,
                                  int index);
    // ColossusNetwork.cpp
    void cableNetwork();
    // ColossusUtilities.cpp
    void pipeCooling();
    void feedPower();
    // ColossusSchedule.cpp
    void planSchedule();
    void addNotesBindingsAndBookmarks();

    Id entity(datamodel::EntityKind kind, Id parent, const std::string& name, const datamodel::Pose& pose,
              std::string_view subtype = {}, int slot = -1);

    datamodel::ModelWriter& w_;
    GeneratorOptions options_;
    DeterministicRandom random_;
    PlantPlan plant_;
    std::vector<HallPlan> halls_;
    std::int64_t entitiesWritten_ = 0;
};

} // namespace twin::importers
