#include "view/DefaultTour.h"

#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "scene/CameraPresets.h"
#include "telemetry/LiveMetrics.h"
#include "view/BookmarkView.h"

#include <QLocale>
#include <QString>
#include <algorithm>

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

// From the first day of work on anything under `root` (planned or actual) to the last; kNoTime: none.
std::pair<datamodel::TimePoint, datamodel::TimePoint> workSpanUnder(const datamodel::Facility& f,
                                                                    datamodel::EntityIndex root) {
    datamodel::TimePoint first = datamodel::kNoTime, last = datamodel::kNoTime;
    const datamodel::TaskColumns& t = f.tasks();
    for (const datamodel::EntityIndex e : f.subtree(root))
        for (const std::uint32_t task : f.tasksOf(e))
            for (const datamodel::TimePoint start : {t.plannedStart[task], t.actualStart[task]})
                for (const datamodel::TimePoint end : {t.plannedEnd[task], t.actualEnd[task], start}) {
                    if (start != datamodel::kNoTime && (first == datamodel::kNoTime || start < first))
                        first = start;
                    if (end != datamodel::kNoTime && (last == datamodel::kNoTime || end > last))
                        last = end;
                }
    return {first, last};
}

// A stop's view: the colouring and x-ray it tells its part of the story with.
struct StopView {
    Colouring colouring;
    std::optional<scene::Layer> xRay;
    datamodel::EntityIndex selection = datamodel::kNoEntity;
};

datamodel::Bookmark bookmarkAt(const datamodel::Facility& f, const std::string& name,
                               const scene::CameraPose& pose, const StopView& view, int position) {
    ViewSettings settings;
    settings.camera = pose;
    settings.colouring = view.colouring;
    settings.xRay = view.xRay;
    settings.selection = view.selection;
    datamodel::Bookmark bookmark = bookmarkOf(name, settings, f);
    bookmark.position = position;
    return bookmark;
}

} // namespace

datamodel::Tour defaultTour(const datamodel::Facility& f) {
    datamodel::Tour tour;
    tour.name = kDefaultTourName;
    const auto stop = [&](const std::string& bookmark, const std::optional<scene::CameraPose>& pose,
                          std::string caption, double dwell, const StopView& view = {},
                          datamodel::TimelineSpan span = {}) {
        if (!pose)
            return; // a model without that part (no plant, no yard): the story goes on without it
        datamodel::TourStop next;
        next.bookmark = bookmarkAt(f, bookmark, *pose, view, int(tour.stops.size()));
        next.dwellSeconds = dwell;
        next.caption = std::move(caption);
        next.span = span;
        tour.stops.push_back(std::move(next));
    };
    const std::size_t gpus = f.count(EntityKind::Gpu), racks = f.count(EntityKind::Rack);
    const std::size_t halls = f.count(EntityKind::Hall);
    const auto overview = scene::cameraPreset(f, QStringLiteral("overview"));
    stop("Overview", overview,
         "Colossus, Memphis: " + number(gpus) + " GPUs in " + number(racks) + " racks and " + number(halls) +
             " halls",
         6.0);
    if (halls > 0 && workSpanUnder(f, f.ofKind(EntityKind::Hall).front()).first != datamodel::kNoTime) {
        // The hall fills up as the timeline plays its days of work, Actual vs plan, in eight seconds.
        const datamodel::EntityIndex hall = f.ofKind(EntityKind::Hall).front();
        const auto [hallStart, hallEnd] = workSpanUnder(f, hall);
        const datamodel::TimePoint first = datamodel::startOfDay(hallStart);
        const datamodel::TimePoint last = datamodel::startOfDay(hallEnd);
        const std::size_t days = std::size_t((last - first) / datamodel::kSecondsPerDay) + 1;
        constexpr double kPlaySeconds = 8.0;
        StopView filling;
        filling.colouring.by = Colouring::By::Timeline;
        filling.colouring.mode = TimelineMode::ActualVsPlanned;
        filling.colouring.moment = first;
        filling.colouring.until = first + datamodel::kSecondsPerDay - 1;
        const datamodel::TimelineSpan span{
            first, last, std::clamp(double(days) / kPlaySeconds, 1.0, datamodel::kMaxDaysPerSecond)};
        stop("Hall 1", scene::cameraPreset(f, QStringLiteral("hall:1")),
             std::string(f.name(hall)) + " fills up: " + number(countUnder(f, hall, EntityKind::Gpu)) +
                 " GPUs in " + number(countUnder(f, hall, EntityKind::Rack)) + " racks in " + number(days) +
                 " days",
             kPlaySeconds, filling, span);
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
        StopView open;
        open.selection = rack; // outlined, its GPUs with it
        stop("Rack " + name, scene::cameraPreset(f, QStringLiteral("rack:") + QString::fromStdString(name)),
             "One rack, " + name + ": " + number(countUnder(f, rack, EntityKind::Gpu)) + " GPUs in " +
                 number(countUnder(f, rack, EntityKind::Server)) + " servers, liquid cooled",
             6.0, open);
    }
    if (f.count(EntityKind::Chiller) > 0) {
        StopView xRay;
        xRay.xRay = scene::Layer::Cooling;
        std::vector<datamodel::EntityIndex> plant(f.ofKind(EntityKind::Chiller).begin(),
                                                  f.ofKind(EntityKind::Chiller).end());
        plant.insert(plant.end(), f.ofKind(EntityKind::CoolingTower).begin(),
                     f.ofKind(EntityKind::CoolingTower).end());
        stop("Cooling plant", scene::cameraToFrame(f, std::span<const datamodel::EntityIndex>(plant)),
             "The cooling plant: " + number(f.count(EntityKind::Chiller)) + " chillers, " +
                 number(f.count(EntityKind::CoolingTower)) + " cooling towers, " +
                 number(f.count(EntityKind::Cdu)) + " CDUs",
             6.0, xRay);
    }
    if (f.count(EntityKind::Substation) > 0) {
        StopView xRay;
        xRay.xRay = scene::Layer::Power;
        std::vector<datamodel::EntityIndex> yard;
        for (const EntityKind kind : {EntityKind::Substation, EntityKind::Turbine, EntityKind::Battery})
            yard.insert(yard.end(), f.ofKind(kind).begin(), f.ofKind(kind).end());
        stop("Power yard", scene::cameraToFrame(f, std::span<const datamodel::EntityIndex>(yard)),
             "The power yard: " + number(f.count(EntityKind::Substation)) + " substation, " +
                 number(f.count(EntityKind::Turbine)) + " turbines, " + number(f.count(EntityKind::Battery)) +
                 " Megapacks",
             6.0, xRay);
    }
    if (const telemetry::LiveMetric* temperature = telemetry::findLiveMetric("gpu-temperature")) {
        StopView live;
        live.colouring.by = Colouring::By::Live;
        live.colouring.metric = temperature;
        stop("Overview, live temperature", overview,
             "Back to the overview: " + number(gpus) + " GPUs, coloured by live temperature", 6.0, live);
    }
    return tour;
}

void writeDefaultTour(const std::string& path) {
    const auto store = datamodel::Store::open(path, datamodel::Access::ReadWrite);
    const datamodel::Facility facility = store->load();
    const datamodel::TourBook& book = facility.tourBook();
    if (book.tourNamed(kDefaultTourName))
        return;
    datamodel::Tour tour = defaultTour(facility);
    // Each stop its own bookmark, after those already in the dock; a name taken there gets a suffix.
    int position = 0;
    for (const datamodel::Bookmark& bookmark : book.bookmarks)
        position = std::max(position, bookmark.position + 1);
    const auto taken = [&](const std::string& name) {
        return std::any_of(book.bookmarks.begin(), book.bookmarks.end(),
                           [&](const datamodel::Bookmark& b) { return b.name == name; });
    };
    for (datamodel::TourStop& stop : tour.stops) {
        stop.bookmark.position += position;
        for (int n = 2; taken(stop.bookmark.name); ++n)
            stop.bookmark.name =
                stop.bookmark.name.substr(0, stop.bookmark.name.rfind(" (")) + " (" + std::to_string(n) + ")";
    }
    store->write([&](datamodel::ModelWriter& writer) {
        for (datamodel::TourStop& stop : tour.stops)
            stop.bookmark.id = writer.insertBookmark(0, stop.bookmark);
        tour.id = writer.insertTour(0, tour.name);
        writer.replaceTour(tour.id, tour);
    });
}

} // namespace twin::app
