#include "view/DefaultTour.h"

#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "scene/CameraPresets.h"

#include <QLocale>
#include <QString>

namespace twin::app {

namespace {

using datamodel::EntityKind;

std::string number(std::size_t value) {
    return QLocale(QLocale::English).toString(qulonglong(value)).toStdString();
}

std::size_t countUnder(const datamodel::Facility& f, datamodel::EntityIndex root, EntityKind kind) {
    std::size_t count = 0;
    for (const datamodel::EntityIndex e : f.subtree(root))
        count += f.kind(e) == kind ? 1 : 0;
    return count;
}

datamodel::CameraView viewOf(const scene::CameraPose& pose) {
    return {pose.position, pose.focalPoint, pose.viewUp, 30.0};
}

} // namespace

datamodel::Tour defaultTour(const datamodel::Facility& f) {
    datamodel::Tour tour;
    tour.name = kDefaultTourName;
    const auto stop = [&](const std::string& bookmark, const std::optional<scene::CameraPose>& pose,
                          std::string caption, double dwell) {
        if (!pose)
            return; // a model without that part (no plant, no yard): the story goes on without it
        tour.stops.push_back({{0, bookmark, viewOf(*pose)}, dwell, std::move(caption)});
    };
    const std::size_t gpus = f.count(EntityKind::Gpu), racks = f.count(EntityKind::Rack);
    const std::size_t halls = f.count(EntityKind::Hall);
    const auto overview = scene::cameraPreset(f, QStringLiteral("overview"));
    stop("Overview", overview,
         "Colossus, Memphis: " + number(gpus) + " GPUs in " + number(racks) + " racks and " + number(halls) +
             " halls",
         6.0);
    if (halls > 0) {
        const datamodel::EntityIndex hall = f.ofKind(EntityKind::Hall).front();
        const std::size_t days =
            f.scheduleEnd() == datamodel::kNoTime
                ? 0
                : std::size_t((f.scheduleEnd() - f.scheduleStart()) / datamodel::kSecondsPerDay) + 1;
        stop("Hall 1", scene::cameraPreset(f, QStringLiteral("hall:1")),
             std::string(f.name(hall)) + " fills up: " + number(countUnder(f, hall, EntityKind::Gpu)) +
                 " GPUs in " + number(countUnder(f, hall, EntityKind::Rack)) + " racks, the roll-out over " +
                 number(days) + " days",
             8.0);
    }
    if (f.count(EntityKind::Row) > 0) {
        const datamodel::EntityIndex row = f.ofKind(EntityKind::Row).front();
        const std::string name(f.name(row));
        stop("Aisle " + name, scene::cameraPreset(f, QStringLiteral("aisle:") + QString::fromStdString(name)),
             "Row " + name + ": " + number(countUnder(f, row, EntityKind::Rack)) + " racks side by side",
             5.0);
    }
    if (racks > 0) {
        const datamodel::EntityIndex rack = f.ofKind(EntityKind::Rack).front();
        const std::string name(f.name(rack));
        stop("Rack " + name, scene::cameraPreset(f, QStringLiteral("rack:") + QString::fromStdString(name)),
             "One rack, " + name + ": " + number(countUnder(f, rack, EntityKind::Gpu)) + " GPUs in " +
                 number(countUnder(f, rack, EntityKind::Server)) + " servers, liquid cooled",
             6.0);
    }
    if (f.count(EntityKind::Chiller) > 0)
        stop("Cooling plant", scene::cameraToFrame(f, f.parent(f.ofKind(EntityKind::Chiller).front())),
             "The cooling plant: " + number(f.count(EntityKind::Chiller)) + " chillers, " +
                 number(f.count(EntityKind::CoolingTower)) + " cooling towers, " +
                 number(f.count(EntityKind::Cdu)) + " CDUs",
             6.0);
    if (f.count(EntityKind::Substation) > 0)
        stop("Power yard", scene::cameraToFrame(f, f.parent(f.ofKind(EntityKind::Substation).front())),
             "The power yard: " + number(f.count(EntityKind::Substation)) + " substation, " +
                 number(f.count(EntityKind::Turbine)) + " turbines, " + number(f.count(EntityKind::Battery)) +
                 " Megapacks",
             6.0);
    if (overview && !tour.stops.empty())
        tour.stops.push_back(
            {tour.stops.front().bookmark, 6.0,
             "Back to the overview: " + number(gpus) + " GPUs, coloured by live temperature"});
    return tour;
}

void writeDefaultTour(const std::string& path) {
    const auto store = datamodel::Store::open(path, datamodel::Access::ReadWrite);
    for (const datamodel::Tour& tour : store->tours())
        if (tour.name == kDefaultTourName)
            return;
    const datamodel::Tour tour = defaultTour(store->load());
    store->write([&](datamodel::ModelWriter& writer) {
        const std::int64_t tourId = writer.addTour(tour.name);
        std::vector<std::pair<std::string, std::int64_t>> written; // a bookmark stopped at twice is one row
        int position = 0;
        for (const datamodel::TourStop& stop : tour.stops) {
            std::int64_t bookmark = 0;
            for (const auto& [name, id] : written)
                if (name == stop.bookmark.name)
                    bookmark = id;
            if (bookmark == 0) {
                bookmark = writer.addBookmark(stop.bookmark);
                written.emplace_back(stop.bookmark.name, bookmark);
            }
            writer.addTourStop(tourId, position++, bookmark, stop.dwellSeconds, stop.caption);
        }
    });
}

} // namespace twin::app
