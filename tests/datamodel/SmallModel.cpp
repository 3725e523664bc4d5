#include "SmallModel.h"

#include "datamodel/Store.h"
#include "datamodel/Time.h"

#include <string>

namespace twin::testing {

using namespace datamodel;

namespace {

struct Builder {
    ModelWriter& w;
    std::int64_t add(EntityKind kind, std::int64_t parent, const char* name, Pose pose = {},
                     const char* subtype = "", int slot = -1, const char* hostname = "",
                     const char* uuid = "") {
        EntityRecord record;
        record.kind = kind;
        record.parentId = parent;
        record.name = name;
        record.pose = pose;
        record.subtype = subtype;
        record.slot = slot;
        record.hostname = hostname;
        record.uuid = uuid;
        return w.addEntity(record);
    }
    void pipe(std::int64_t from, std::int64_t to, PipeSide side) {
        PipeRecord record;
        record.fromEntity = from;
        record.toEntity = to;
        record.side = side;
        record.diameterMm = 50;
        record.designFlowLpm = 10;
        w.addPipe(record);
    }
    void feed(std::int64_t from, std::int64_t to, PowerFeedKind kind) {
        FeedRecord record;
        record.fromEntity = from;
        record.toEntity = to;
        record.feed = kind;
        record.ratingKw = 10;
        w.addFeed(record);
    }
    void cable(std::int64_t a, std::int64_t b, int port) {
        CableRecord record;
        record.aEntity = a;
        record.aPort = port;
        record.bEntity = b;
        record.bPort = 0;
        record.type = CableType::Aoc;
        record.lengthM = 5;
        w.addCable(record);
    }
    std::int64_t task(const char* name, const char* plannedStart, const char* plannedEnd,
                      const char* actualStart, const char* actualEnd) {
        TaskRecord record;
        record.name = name;
        record.kind = "place";
        record.plannedStart = *parseTime(plannedStart);
        record.plannedEnd = *parseTime(plannedEnd);
        record.actualStart = *actualStart ? *parseTime(actualStart) : kNoTime;
        record.actualEnd = *actualEnd ? *parseTime(actualEnd) : kNoTime;
        record.status = taskStatusFromActualDates(record.actualStart, record.actualEnd);
        return w.addTask(record);
    }
};

} // namespace

SmallModelIds writeSmallModel(ModelWriter& writer) {
    Builder b{writer};
    SmallModelIds m{};
    m.site = b.add(EntityKind::Site, 0, "Site", Pose{0, 0, 0, 100, 100, 0, 0});
    m.building = b.add(EntityKind::Building, m.site, "Building", Pose{0, 0, 0, 40, 30, 10, 0});
    m.hall = b.add(EntityKind::Hall, m.building, "Hall 1", Pose{0, 0, 0, 20, 10, 8, 0});
    m.row = b.add(EntityKind::Row, m.hall, "H1-R01", Pose{0, 0, 0, 1.2f, 1.2f, 2.3f, 0});
    m.rack1 = b.add(EntityKind::Rack, m.row, "H1-R01-K01", Pose{-0.3f, 0, 0, 0.6f, 1.2f, 2.3f, 0});
    m.rack2 = b.add(EntityKind::Rack, m.row, "H1-R01-K02", Pose{0.3f, 0, 0, 0.6f, 1.2f, 2.3f, 90});
    m.cdu1 = b.add(EntityKind::Cdu, m.rack1, "K01-CDU");
    m.cdu2 = b.add(EntityKind::Cdu, m.rack2, "K02-CDU");
    m.supplyManifold1 = b.add(EntityKind::Manifold, m.rack1, "K01-MS", {}, "supply");
    m.returnManifold1 = b.add(EntityKind::Manifold, m.rack1, "K01-MR", {}, "return");
    m.supplyManifold2 = b.add(EntityKind::Manifold, m.rack2, "K02-MS", {}, "supply");
    m.returnManifold2 = b.add(EntityKind::Manifold, m.rack2, "K02-MR", {}, "return");
    m.shelfA1 = b.add(EntityKind::PowerShelf, m.rack1, "K01-PS-A", {}, "A");
    m.shelfB1 = b.add(EntityKind::PowerShelf, m.rack1, "K01-PS-B", {}, "B");
    m.shelfA2 = b.add(EntityKind::PowerShelf, m.rack2, "K02-PS-A", {}, "A");
    m.shelfB2 = b.add(EntityKind::PowerShelf, m.rack2, "K02-PS-B", {}, "B");
    m.server1 =
        b.add(EntityKind::Server, m.rack1, "v1", Pose{-0.3f, 0, 0.2f, 0.5f, 1.0f, 0.18f, 0}, "", 0, "v1");
    m.server2 =
        b.add(EntityKind::Server, m.rack2, "v2", Pose{0.3f, 0, 0.2f, 0.5f, 1.0f, 0.18f, 0}, "", 0, "v2");
    m.gpu1a = b.add(EntityKind::Gpu, m.server1, "v1/gpu0", {}, "", 0, "", "GPU-1a");
    m.gpu1b = b.add(EntityKind::Gpu, m.server1, "v1/gpu1", {}, "", 1, "", "GPU-1b");
    m.gpu2a = b.add(EntityKind::Gpu, m.server2, "v2/gpu0", {}, "", 0, "", "GPU-2a");
    m.gpu2b = b.add(EntityKind::Gpu, m.server2, "v2/gpu1", {}, "", 1, "", "GPU-2b");
    m.nic1 = b.add(EntityKind::Nic, m.server1, "v1/nic0", {}, "", 0);
    m.nic2 = b.add(EntityKind::Nic, m.server2, "v2/nic0", {}, "", 0);
    m.psu1a = b.add(EntityKind::Psu, m.server1, "v1/psu0", {}, "", 0);
    m.psu1b = b.add(EntityKind::Psu, m.server1, "v1/psu1", {}, "", 1);
    m.psu2a = b.add(EntityKind::Psu, m.server2, "v2/psu0", {}, "", 0);
    m.psu2b = b.add(EntityKind::Psu, m.server2, "v2/psu1", {}, "", 1);
    m.chiller1 = b.add(EntityKind::Chiller, m.site, "Chiller 1", Pose{30, 30, 0, 4, 2, 3, 0});
    m.chiller2 = b.add(EntityKind::Chiller, m.site, "Chiller 2", Pose{36, 30, 0, 4, 2, 3, 0});
    m.supplyLoop = b.add(EntityKind::CoolingLoop, m.hall, "Supply loop", {}, "supply");
    m.returnLoop = b.add(EntityKind::CoolingLoop, m.hall, "Return loop", {}, "return");
    m.supplyHeader = b.add(EntityKind::Header, m.row, "Supply header", {}, "supply");
    m.returnHeader = b.add(EntityKind::Header, m.row, "Return header", {}, "return");
    m.substation = b.add(EntityKind::Substation, m.site, "Substation", Pose{-30, -30, 0, 10, 10, 5, 0});
    m.turbine = b.add(EntityKind::Turbine, m.site, "Turbine");
    m.switchgearA = b.add(EntityKind::Switchgear, m.hall, "Switchgear A", {}, "A");
    m.switchgearB = b.add(EntityKind::Switchgear, m.hall, "Switchgear B", {}, "B");
    m.buswayA = b.add(EntityKind::Busway, m.row, "Busway A", {}, "A");
    m.buswayB = b.add(EntityKind::Busway, m.row, "Busway B", {}, "B");
    m.core = b.add(EntityKind::Switch, m.hall, "Core", {}, "core");
    m.spine1 = b.add(EntityKind::Switch, m.hall, "Spine 1", {}, "spine");
    m.spine2 = b.add(EntityKind::Switch, m.hall, "Spine 2", {}, "spine");
    m.leaf = b.add(EntityKind::Switch, m.rack1, "Leaf", {}, "leaf");
    m.tray = b.add(EntityKind::Tray, m.row, "Row tray");

    for (auto chiller : {m.chiller1, m.chiller2}) {
        b.pipe(chiller, m.supplyLoop, PipeSide::Supply);
        b.pipe(chiller, m.returnLoop, PipeSide::Return);
    }
    b.pipe(m.supplyLoop, m.supplyHeader, PipeSide::Supply);
    b.pipe(m.returnLoop, m.returnHeader, PipeSide::Return);
    for (auto [cdu, ms, mr, server] : {std::tuple{m.cdu1, m.supplyManifold1, m.returnManifold1, m.server1},
                                       std::tuple{m.cdu2, m.supplyManifold2, m.returnManifold2, m.server2}}) {
        b.pipe(m.supplyHeader, cdu, PipeSide::Supply);
        b.pipe(m.returnHeader, cdu, PipeSide::Return);
        b.pipe(cdu, ms, PipeSide::Supply);
        b.pipe(cdu, mr, PipeSide::Return);
        b.pipe(ms, server, PipeSide::Supply);
        b.pipe(mr, server, PipeSide::Return);
    }
    b.feed(m.substation, m.switchgearA, PowerFeedKind::Main);
    b.feed(m.turbine, m.switchgearB, PowerFeedKind::Main);
    b.feed(m.switchgearA, m.buswayA, PowerFeedKind::A);
    b.feed(m.switchgearB, m.buswayB, PowerFeedKind::B);
    for (auto [a, bShelf, psuA, psuB] : {std::tuple{m.shelfA1, m.shelfB1, m.psu1a, m.psu1b},
                                         std::tuple{m.shelfA2, m.shelfB2, m.psu2a, m.psu2b}}) {
        b.feed(m.buswayA, a, PowerFeedKind::A);
        b.feed(m.buswayB, bShelf, PowerFeedKind::B);
        b.feed(a, psuA, PowerFeedKind::A);
        b.feed(bShelf, psuB, PowerFeedKind::B);
    }
    b.cable(m.core, m.spine1, 0);
    b.cable(m.core, m.spine2, 1);
    b.cable(m.spine1, m.leaf, 0);
    b.cable(m.spine2, m.leaf, 0);
    {
        CableRecord record;
        record.aEntity = m.leaf;
        record.aPort = 0;
        record.bEntity = m.nic1;
        record.type = CableType::Dac;
        record.lengthM = 1.5;
        writer.addCable(record);
        const std::int64_t route[] = {m.tray};
        record.routeTrays = route;
        record.aPort = 1;
        record.bEntity = m.nic2;
        record.type = CableType::Aoc;
        record.lengthM = 3.0;
        writer.addCable(record);
    }
    // Rack 1: placed early, burn-in late; rack 2: started on time, not finished.
    m.placeRack1 =
        b.task("K01 place", "2024-07-01 00:00", "2024-07-02 00:00", "2024-06-30 00:00", "2024-07-01 00:00");
    m.burnInRack1 =
        b.task("K01 burn-in", "2024-07-02 00:00", "2024-07-04 00:00", "2024-07-02 00:00", "2024-07-05 12:00");
    m.placeRack2 = b.task("K02 place", "2024-07-03 00:00", "2024-07-04 00:00", "2024-07-03 00:00", "");
    writer.linkTask(m.placeRack1, m.rack1);
    writer.linkTask(m.burnInRack1, m.rack1);
    writer.linkTask(m.placeRack2, m.rack2);
    writer.addTaskDependency(m.burnInRack1, m.placeRack1);
    return m;
}

Facility createSmallModel(const std::string& path, SmallModelIds& ids) {
    auto store = Store::create(path);
    store->write([&ids](ModelWriter& writer) { ids = writeSmallModel(writer); });
    return store->load();
}

} // namespace twin::testing
