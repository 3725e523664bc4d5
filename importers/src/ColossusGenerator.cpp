#include "ColossusFacts.h"
#include "ColossusPlan.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace twin::importers {

using datamodel::EntityKind;
using datamodel::Pose;
using namespace facts;

namespace {

constexpr int kMaxGpus = 400000;

std::string format(const char* pattern, auto... values) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    return buffer;
}

// GPU UUIDs as dcgm-exporter prints them: GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
std::string gpuUuid(DeterministicRandom& random) {
    const std::uint64_t a = random.next(), b = random.next();
    return format("GPU-%08x-%04x-%04x-%04x-%012llx", unsigned(a >> 32), unsigned(a >> 16) & 0xffffu,
                  (unsigned(a) & 0x0fffu) | 0x4000u, (unsigned(b >> 48) & 0x3fffu) | 0x8000u,
                  static_cast<unsigned long long>(b & 0xffffffffffffull));
}

Pose box(double x, double y, double z, double width, double depth, double height, double yaw = 0) {
    return Pose{float(x), float(y), float(z), float(width), float(depth), float(height), float(yaw)};
}

} // namespace

std::string validateGeneratorOptions(const GeneratorOptions& options) {
    if (options.gpus < kGpusPerServer || options.gpus > kMaxGpus)
        return "--gpus " + std::to_string(options.gpus) + ": expected 8 to " + std::to_string(kMaxGpus);
    if (options.gpus % kGpusPerServer != 0)
        return "--gpus " + std::to_string(options.gpus) + ": not a multiple of 8 (servers hold 8 GPUs each)";
    return {};
}

ColossusGenerator::ColossusGenerator(datamodel::ModelWriter& writer, const GeneratorOptions& options)
    : w_(writer), options_(options), random_(options.seed) {}

void ColossusGenerator::progress(double fraction, std::string_view stage) const {
    if (options_.progress)
        options_.progress(fraction, stage);
}

Id ColossusGenerator::entity(EntityKind kind, Id parent, const std::string& name, const Pose& pose,
                             std::string_view subtype, int slot) {
    datamodel::EntityRecord record;
    record.kind = kind;
    record.parentId = parent;
    record.name = name;
    record.pose = pose;
    record.subtype = subtype;
    record.slot = slot;
    ++entitiesWritten_;
    return w_.addEntity(record);
}

void ColossusGenerator::run() {
    progress(0.0, "site and plant");
    placeSiteAndPlant();
    placeHalls();
    progress(0.55, "network cables");
    cableNetwork();
    progress(0.75, "cooling pipes");
    pipeCooling();
    progress(0.82, "power feeds");
    feedPower();
    progress(0.88, "schedule");
    planSchedule();
    addNotesBindingsAndBookmarks();
    w_.setInfo("generator", "colossus");
    w_.setInfo("gpus", std::to_string(options_.gpus));
    w_.setInfo("seed", std::to_string(options_.seed));
    progress(0.95, "indexes");
}

void ColossusGenerator::placeSiteAndPlant() {
    // reported: Paul R. Lowry Road, South Memphis; ~217 acres (about 880,000 m2)
    plant_.site = entity(EntityKind::Site, 0, "Colossus, Memphis TN", box(195.0, 93.5, 0, 900, 980, 0));
    plant_.building = entity(
        EntityKind::Building, plant_.site, "Colossus building",
        box(kBuildingLength / 2, kBuildingWidth / 2, 0, kBuildingLength, kBuildingWidth, kBuildingHeight));
    const bool expansion = options_.gpus > kFirstPhaseGpus;

    // Outdoor plant south of the building (y < 0): substation, turbines, Megapacks; chillers and
    // cooling towers to the north (y > building width).
    plant_.substations.push_back(
        entity(EntityKind::Substation, plant_.site, "Substation 1 (150 MW)", box(60, -80, 0, 60, 40, 8)));
    if (expansion) // reported: a second substation to reach 300 MW
        plant_.substations.push_back(entity(EntityKind::Substation, plant_.site, "Substation 2 (150 MW)",
                                            box(140, -80, 0, 60, 40, 8)));
    for (int t = 0; t < kTurbines; ++t)
        plant_.turbines.push_back(entity(EntityKind::Turbine, plant_.site, format("Turbine %02d", t + 1),
                                         box(200 + (t % 7) * 14.0, -70 - (t / 7) * 20.0, 0, 12, 4, 4)));
    for (int b = 0; b < kMegapacks; ++b)
        plant_.batteries.push_back(entity(EntityKind::Battery, plant_.site, format("Megapack %03d", b + 1),
                                          box(310 + (b % 16) * 2.8, -40 - (b / 16) * 4.0, 0, 2.2, 1.7, 2.5)));
    for (int c = 0; c < kChillers; ++c) {
        const double x = 40 + c * 40.0, y = kBuildingWidth + 30;
        plant_.towers.push_back(entity(EntityKind::CoolingTower, plant_.site,
                                       format("Cooling tower %d", c + 1), box(x, y + 25, 0, 12, 12, 10)));
        plant_.chillers.push_back(
            entity(EntityKind::Chiller, plant_.site, format("Chiller %d", c + 1), box(x, y, 0, 10, 4, 3.5)));
        plant_.chillerPositions.push_back({x, y, 0});
    }
}

void ColossusGenerator::placeHalls() {
    // Phase 0 fills halls 1-4; the expansion (above 100,000 GPUs) fills halls 5-8, half H100, half H200.
    const int totalServers = options_.gpus / kGpusPerServer;
    const int firstPhaseServers = std::min(totalServers, kFirstPhaseGpus / kGpusPerServer);
    struct Block {
        int phase, servers;
        const char* model;
    };
    std::vector<Block> blocks{{0, firstPhaseServers, "NVIDIA H100 80GB HBM3"}};
    if (totalServers > firstPhaseServers) {
        const int rest = totalServers - firstPhaseServers;
        blocks.push_back({1, rest - rest / 2, "NVIDIA H100 80GB HBM3"});
        blocks.push_back({1, rest / 2, "NVIDIA H200 141GB HBM3e"});
    }

    int hallNumber = 0, serverNumber = 0;
    for (const Block& block : blocks) {
        if (block.servers == 0)
            continue;
        const int racks = (block.servers + kServersPerRack - 1) / kServersPerRack;
        const int hallsInBlock = block.phase == 0 ? std::min(kHallsPerPhase, racks) : std::min(2, racks);
        const int racksPerHall = (racks + hallsInBlock - 1) / hallsInBlock;
        int serversLeft = block.servers;
        for (int h = 0; h < hallsInBlock && serversLeft > 0; ++h) {
            HallPlan hall;
            hall.number = ++hallNumber;
            hall.phase = block.phase;
            hall.gpuModel = block.model;
            const int hallServers = std::min(serversLeft, racksPerHall * kServersPerRack);
            placeHall(hall, hallServers); // the last rack of a block may be partly empty
            serverNumber += hallServers;
            serversLeft -= hallServers;
            halls_.push_back(std::move(hall));
            progress(0.05 + 0.5 * double(serverNumber) / totalServers, "halls, racks, servers and GPUs");
        }
    }
}

void ColossusGenerator::placeHall(HallPlan& hall, int servers) {
    const int racks = (servers + kServersPerRack - 1) / kServersPerRack;
    const int racksPerRow = kRacksPerArray * kArraysPerRow;
    const int rows = (racks + racksPerRow - 1) / racksPerRow;
    const double rowLength = racksPerRow * kRackWidth + (kArraysPerRow - 1) * kArrayGap;
    hall.length = rowLength + 2 * kHallMargin;
    const double networkZone = 3 * kRowPitch;
    hall.width = rows * kRowPitch + networkZone + 2 * kHallMargin;
    // Halls of the first phase in the east of the building in a 2 x 2 grid, the expansion's in the west.
    const int slot = (hall.number - 1) % kHallsPerPhase;
    const double column = hall.phase == 0 ? 2 + slot % 2 : slot % 2;
    hall.x0 = 20 + column * 92.0;
    hall.y0 = 12 + (slot / 2) * 86.0;
    hall.id = entity(
        EntityKind::Hall, plant_.building, format("Hall %d", hall.number),
        box(hall.x0 + hall.length / 2, hall.y0 + hall.width / 2, 0, hall.length, hall.width, kHallHeight),
        hall.phase == 0 ? "phase 1" : "expansion", hall.number);

    // Supply and return loops enter at the hall's west wall, below the floor.
    hall.supplyLoop = entity(EntityKind::CoolingLoop, hall.id, format("H%d supply loop", hall.number),
                             box(hall.x0 + 1.0, hall.y0 + 2.0, kPipeDepth - 0.6, 1.2, 1.2, 0.6), "supply");
    hall.returnLoop = entity(EntityKind::CoolingLoop, hall.id, format("H%d return loop", hall.number),
                             box(hall.x0 + 1.0, hall.y0 + 4.0, kPipeDepth - 0.6, 1.2, 1.2, 0.6), "return");
    hall.switchgearA = entity(EntityKind::Switchgear, hall.id, format("H%d switchgear A", hall.number),
                              box(hall.x0 + 3.0, hall.y0 + 1.0, 0, 4.0, 1.2, 2.4), "A");
    hall.switchgearB = entity(EntityKind::Switchgear, hall.id, format("H%d switchgear B", hall.number),
                              box(hall.x0 + 8.0, hall.y0 + 1.0, 0, 4.0, 1.2, 2.4), "B");
    const double firstRowY = hall.y0 + kHallMargin + kRowPitch / 2;
    hall.networkRowY = firstRowY + rows * kRowPitch + kRowPitch;
    // The trunk tray runs north along the west side, from the first row to the network racks.
    hall.trunkTray = entity(EntityKind::Tray, hall.id, format("H%d trunk tray", hall.number),
                            box(hall.x0 + kHallMargin / 2, (firstRowY + hall.networkRowY) / 2,
                                kTrayHeight + 0.3, 0.9, hall.networkRowY - firstRowY + 2.0, 0.15));

    int server = 0, rackNumber = 0, serverInArray = 0;
    const int lastServer = servers;
    for (int r = 0; r < rows; ++r) {
        RowPlan row;
        row.name = format("H%d-R%02d", hall.number, r + 1);
        row.y = firstRowY + r * kRowPitch;
        row.x0 = hall.x0 + kHallMargin;
        row.length = rowLength;
        row.yaw = r % 2 == 0 ? 0.0 : 180.0; // rows face each other across the cold aisle
        const double centreX = row.x0 + rowLength / 2;
        row.id = entity(EntityKind::Row, hall.id, row.name,
                        box(centreX, row.y, 0, rowLength, kRackDepth, kRackHeight), {}, r + 1);
        row.tray = entity(EntityKind::Tray, row.id, row.name + " tray",
                          box(centreX, row.y, kTrayHeight, rowLength, 0.6, 0.1));
        row.headerSupply = entity(EntityKind::Header, row.id, row.name + " supply header",
                                  box(centreX, row.y - 0.3, kPipeDepth - 0.1, rowLength, 0.2, 0.2), "supply");
        row.headerReturn = entity(EntityKind::Header, row.id, row.name + " return header",
                                  box(centreX, row.y + 0.3, kPipeDepth - 0.1, rowLength, 0.2, 0.2), "return");
        row.buswayA = entity(EntityKind::Busway, row.id, row.name + " busway A",
                             box(centreX, row.y - 0.4, kRackHeight + 0.2, rowLength, 0.15, 0.15), "A");
        row.buswayB = entity(EntityKind::Busway, row.id, row.name + " busway B",
                             box(centreX, row.y + 0.4, kRackHeight + 0.2, rowLength, 0.15, 0.15), "B");
        for (int k = 0; k < racksPerRow && server < lastServer; ++k) {
            RackPlan rack;
            rack.arrayIndex = rackNumber / kRacksPerArray;
            if (rackNumber % kRacksPerArray == 0) {
                hall.arrays.push_back(ArrayPlan{r, {}, {}, {}});
                serverInArray = 0;
            }
            rack.name = format("H%d-R%02d-K%02d", hall.number, r + 1, k + 1);
            rack.x = row.x0 + (k / kRacksPerArray) * kArrayGap + (k + 0.5) * kRackWidth;
            rack.y = row.y;
            rack.yaw = row.yaw;
            const int serversInRack = std::min(kServersPerRack, lastServer - server);
            row.racks.push_back(std::move(rack));
            placeRack(hall, row, row.racks.back(), serversInRack, serverInArray);
            hall.arrays.back().racks.push_back(int(row.racks.size()) - 1);
            server += serversInRack;
            ++rackNumber;
        }
        hall.rows.push_back(std::move(row));
    }

    // Rail-aligned leaves: leaf n of an array takes NIC n of every server in the array. They sit at
    // the rear of the array's racks, one per rack and the ninth in the first rack.
    for (ArrayPlan& array : hall.arrays) {
        RowPlan& row = hall.rows[size_t(array.row)];
        for (int rail = 0; rail < kNicsPerServer; ++rail) {
            const int rackInArray = rail % int(array.racks.size());
            RackPlan& rack = row.racks[size_t(array.racks[size_t(rackInArray)])];
            const double z = kRackHeight - (1 + rail / kRacksPerArray) * kSwitchHeight;
            const Id leaf = entity(
                EntityKind::Switch, rack.id, format("%s-LEAF%d", rack.name.c_str(), rail),
                box(rack.x, rack.y + 0.45, z, kRackWidth - 0.1, 0.25, kSwitchHeight, rack.yaw), "leaf", rail);
            rack.leaves.push_back(leaf);
            array.leaves[size_t(rail)] = leaf;
            array.leafRack[size_t(rail)] = array.racks[size_t(rackInArray)];
            hall.leaves.push_back(SwitchPlan{leaf, rack.x, rack.y, z, hall.number, -1});
        }
    }
    const int pods = (int(hall.leaves.size()) + kLeavesPerPod - 1) / kLeavesPerPod;
    placeNetworkRacks(hall, pods * kLeavesPerPod);
}

void ColossusGenerator::placeRack(HallPlan& hall, RowPlan& row, RackPlan& rack, int serversInRack,
                                  int& serverInArray) {
    rack.id = entity(EntityKind::Rack, row.id, rack.name,
                     box(rack.x, rack.y, 0, kRackWidth, kRackDepth, kRackHeight, rack.yaw), {},
                     int(row.racks.size()));
    rack.cdu = entity(EntityKind::Cdu, rack.id, rack.name + "-CDU",
                      box(rack.x, rack.y, 0, kRackWidth, kRackDepth, kCduHeight, rack.yaw));
    rack.manifoldSupply =
        entity(EntityKind::Manifold, rack.id, rack.name + "-MS",
               box(rack.x - 0.2, rack.y + 0.55, kCduHeight, 0.08, 0.08, 1.9, rack.yaw), "supply");
    rack.manifoldReturn =
        entity(EntityKind::Manifold, rack.id, rack.name + "-MR",
               box(rack.x + 0.2, rack.y + 0.55, kCduHeight, 0.08, 0.08, 1.9, rack.yaw), "return");
    rack.shelfA = entity(EntityKind::PowerShelf, rack.id, rack.name + "-PS-A",
                         box(rack.x - 0.25, rack.y + 0.5, kCduHeight, 0.05, 0.1, 1.8, rack.yaw), "A");
    rack.shelfB = entity(EntityKind::PowerShelf, rack.id, rack.name + "-PS-B",
                         box(rack.x + 0.25, rack.y + 0.5, kCduHeight, 0.05, 0.1, 1.8, rack.yaw), "B");

    const std::string& gpuModel = hall.gpuModel;
    for (int s = 0; s < serversInRack; ++s) {
        ServerPlan server;
        server.slotInArray = serverInArray++;
        server.z = kCduHeight + 0.02 + s * (kServerHeight + 0.01);
        // Hostnames follow the rack name: hall, row, rack in the row, server slot.
        server.hostname = format("colossus-h%d-", hall.number) + rack.name.substr(rack.name.find('-') + 1) +
                          format("-s%d", s + 1);
        for (char& c : server.hostname)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        datamodel::EntityRecord record;
        record.kind = EntityKind::Server;
        record.parentId = rack.id;
        record.name = server.hostname;
        record.hostname = server.hostname;
        record.slot = s;
        record.model = "Supermicro SYS-421GE-TNHR2-LCC";
        const std::string serial =
            format("S4U%09llu", static_cast<unsigned long long>(random_.next() % 1000000000ull));
        record.serial = serial;
        record.pose =
            box(rack.x, rack.y, server.z, kRackWidth - 0.04, kRackDepth - 0.1, kServerHeight, rack.yaw);
        server.id = w_.addEntity(record);
        ++entitiesWritten_;

        for (int g = 0; g < kGpusPerServer; ++g) {
            datamodel::EntityRecord gpu;
            gpu.kind = EntityKind::Gpu;
            gpu.parentId = server.id;
            const std::string name = server.hostname + format("/gpu%d", g);
            const std::string uuid = gpuUuid(random_);
            const std::string gpuSerial =
                format("1652%09llu", static_cast<unsigned long long>(random_.next() % 1000000000ull));
            gpu.name = name;
            gpu.slot = g;
            gpu.uuid = uuid;
            gpu.serial = gpuSerial;
            gpu.model = gpuModel;
            // Two rows of four GPUs across the server's depth, seen from above.
            const double along = -0.21 + (g % 4) * 0.14, across = g < 4 ? -0.2 : 0.2;
            gpu.pose = box(rack.x + along, rack.y + across, server.z + 0.02, 0.11, 0.3, 0.06, rack.yaw);
            w_.addEntity(gpu);
            ++entitiesWritten_;
        }
        for (int n = 0; n < kNicsPerServer; ++n) {
            const bool superNic = n < kGpusPerServer;
            server.nics[size_t(n)] = entity(
                EntityKind::Nic, server.id, server.hostname + format("/nic%d", n),
                box(rack.x - 0.24 + n * 0.06, rack.y + 0.52, server.z + 0.03, 0.05, 0.08, 0.02, rack.yaw),
                superNic ? "BlueField-3 SuperNIC" : "ConnectX-7 frontend", n);
        }
        for (int p = 0; p < kPsusPerServer; ++p)
            server.psus[size_t(p)] = entity(
                EntityKind::Psu, server.id, server.hostname + format("/psu%d", p),
                box(rack.x - 0.22 + p * 0.145, rack.y + 0.5, server.z + 0.1, 0.12, 0.15, 0.07, rack.yaw), {},
                p);
        rack.servers.push_back(std::move(server));
    }
}

void ColossusGenerator::placeNetworkRacks(HallPlan& hall, int spines) {
    // Spines of this hall's pods in network racks along the north wall; cores join them later.
    for (int s = 0; s < spines; ++s)
        hall.spines.push_back(placeInNetworkRack(hall, int(hall.spines.size()),
                                                 format("H%d-SPINE%03d", hall.number, s + 1), "spine", s));
}

SwitchPlan ColossusGenerator::placeInNetworkRack(HallPlan& hall, int slot, const std::string& name,
                                                 std::string_view role, int index) {
    constexpr int kRacksPerNetworkRow = 40;
    const int rackIndex = slot / kSwitchesPerNetworkRack;
    auto rackPosition = [&](int n, double& x, double& y) {
        x = hall.x0 + kHallMargin + (n % kRacksPerNetworkRow + 0.5) * kRackWidth +
            (n % kRacksPerNetworkRow) / 8 * kArrayGap;
        y = hall.networkRowY + (n / kRacksPerNetworkRow) * kRowPitch;
    };
    while (int(hall.networkRacks.size()) <= rackIndex) {
        const int n = int(hall.networkRacks.size());
        double x = 0, y = 0;
        rackPosition(n, x, y);
        const std::string rackName = format("H%d-NET%02d", hall.number, n + 1);
        const Id rackId = entity(EntityKind::NetworkRack, hall.id, rackName,
                                 box(x, y, 0, kRackWidth, kRackDepth, kRackHeight), {}, n);
        hall.networkRacks.push_back(rackId);
        const Id shelfA = entity(EntityKind::PowerShelf, rackId, rackName + "-PS-A",
                                 box(x - 0.25, y + 0.5, 0.1, 0.05, 0.1, 1.8), "A");
        const Id shelfB = entity(EntityKind::PowerShelf, rackId, rackName + "-PS-B",
                                 box(x + 0.25, y + 0.5, 0.1, 0.05, 0.1, 1.8), "B");
        hall.networkRackShelves.push_back({shelfA, shelfB});
    }
    double x = 0, y = 0;
    rackPosition(rackIndex, x, y);
    const double z = 0.1 + (slot % kSwitchesPerNetworkRack) * (kSwitchHeight + 0.04);
    const Id id = entity(EntityKind::Switch, hall.networkRacks[size_t(rackIndex)], name,
                         box(x, y, z, kRackWidth - 0.1, kRackDepth - 0.2, kSwitchHeight), role, index);
    return SwitchPlan{id, x, y, z, hall.number, rackIndex};
}

namespace {

// "NAME.partial-PID" (and its journal) left beside `path` by a generate that was killed: removed when
// no process PID is alive here and no process anywhere holds the file's lock (a generate locks its
// partial file while it writes it: one on another host sharing the directory has a PID of its own).
void removeStalePartials(const std::string& path) {
    const std::filesystem::path target(path);
    const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
    const std::string prefix = target.filename().string() + ".partial-";
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix))
            continue;
        const std::string_view rest = std::string_view(name).substr(prefix.size());
        long pid = 0;
        const auto [end, parsed] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
        const std::string_view suffix(end, std::size_t(rest.data() + rest.size() - end));
        if (parsed != std::errc() || pid <= 0 ||
            (suffix != "" && suffix != "-journal" && suffix != "-wal" && suffix != "-shm"))
            continue;
        if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue; // alive (or not ours to ask about)
        const std::string partial = (directory / (prefix + std::to_string(pid))).string();
        const int fd = ::open(partial.c_str(), O_RDONLY | O_CLOEXEC);
        const bool unlocked = fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) == 0;
        if (fd >= 0)
            ::close(fd);
        if (unlocked)
            std::filesystem::remove(entry.path(), error);
    }
}

// Holds the lock on a partial file while this process writes it (see removeStalePartials).
class PartialFileLock {
public:
    explicit PartialFileLock(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (fd_ >= 0)
            ::flock(fd_, LOCK_EX);
    }
    ~PartialFileLock() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    PartialFileLock(const PartialFileLock&) = delete;
    PartialFileLock& operator=(const PartialFileLock&) = delete;

private:
    int fd_;
};

} // namespace

void generateColossus(const std::string& path, const GeneratorOptions& options) {
    if (const std::string problem = validateGeneratorOptions(options); !problem.empty())
        throw datamodel::ModelError(problem);
    if (!options.overwrite && std::filesystem::exists(path))
        throw datamodel::ModelError(path + ": already exists; not overwriting it (--force replaces it)");
    // Build beside the target and rename at the end: readers never see a half-written model.
    removeStalePartials(path);
    const std::string partial = path + ".partial-" + std::to_string(::getpid());
    std::filesystem::remove(partial);
    try {
        {
            // Marked unfinished until the last row is in: a killed generate leaves no file that opens.
            std::unique_ptr<datamodel::Store> store =
                datamodel::Store::create(partial, datamodel::Completion::Pending);
            const PartialFileLock lock(partial);
            store->beginBulkLoad();
            store->write([&](datamodel::ModelWriter& writer) { ColossusGenerator(writer, options).run(); });
            store->markComplete();
            store->endBulkLoad();
        }
        std::filesystem::rename(partial, path);
        for (const char* suffix : {"-wal", "-shm"})
            std::filesystem::remove(partial + suffix);
    } catch (...) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(partial + suffix);
        throw;
    }
    if (options.progress)
        options.progress(1.0, "done");
}

} // namespace twin::importers
