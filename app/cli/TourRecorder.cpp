#include "cli/TourRecorder.h"

#include "datamodel/Schedule.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "telemetry/Simulator.h"
#include "view/BookmarkView.h"
#include "view/TourTimeline.h"
#include "view/ViewPainter.h"

#include <cmath>

namespace twin::app {

namespace {

// The simulator's values of a GPU metric after ten minutes of its dynamics: each GPU its own, each
// server and rack the aggregate of its GPUs (as the live overlay sums them up). NaN elsewhere.
std::vector<float> simulatedValues(const datamodel::Facility& f, const telemetry::LiveMetric& metric) {
    std::vector<float> values(f.entityCount(), std::nanf(""));
    if (metric.level != telemetry::MetricLevel::Gpu)
        return values;
    telemetry::Simulator simulator(f);
    simulator.advanceTo(0.0);
    simulator.advanceTo(600.0);
    std::vector<float> sum(f.entityCount(), 0.0f);
    std::vector<int> count(f.entityCount(), 0);
    for (const datamodel::EntityIndex gpu : f.ofKind(datamodel::EntityKind::Gpu)) {
        const telemetry::Simulator::GpuState state = simulator.gpu(gpu);
        const float value = metric.key == "gpu-power"         ? state.powerW
                            : metric.key == "gpu-utilisation" ? state.utilisation
                                                              : state.temperatureC;
        values[std::size_t(gpu)] = value;
        for (datamodel::EntityIndex up = f.parent(gpu); up != datamodel::kNoEntity; up = f.parent(up)) {
            const datamodel::EntityKind kind = f.kind(up);
            if (kind != datamodel::EntityKind::Server && kind != datamodel::EntityKind::Rack)
                continue;
            float& shown = values[std::size_t(up)];
            sum[std::size_t(up)] += value;
            ++count[std::size_t(up)];
            shown = metric.aggregate == telemetry::RackAggregate::Max
                        ? (std::isnan(shown) ? value : std::max(shown, value))
                        : sum[std::size_t(up)] / float(count[std::size_t(up)]);
        }
    }
    return values;
}

} // namespace

std::vector<TourFrame> tourFramesOf(const datamodel::Tour& tour) {
    std::vector<TourFrame> frames;
    for (std::size_t stop = 0; stop < tour.stops.size(); ++stop) {
        const std::vector<datamodel::TimePoint> steps = TourTimeline::stepsOf(tour.stops[stop]);
        for (std::size_t step = 0; step < steps.size(); ++step)
            frames.push_back({stop, step, steps[step]});
    }
    return frames;
}

bool recordTour(std::shared_ptr<const datamodel::Facility> facility, const datamodel::Tour& tour, QSize size,
                const std::function<bool(const TourFrame&, const QImage&)>& take) {
    scene::OffscreenView view(size);
    scene::FacilityScene facilityScene(facility, view.renderer());
    const datamodel::Schedule schedule(*facility);
    ViewPainter painter;
    std::vector<float> live;
    const telemetry::LiveMetric* liveMetric = nullptr;
    for (const TourFrame& frame : tourFramesOf(tour)) {
        const datamodel::TourStop& stop = tour.stops[frame.stop];
        ViewSettings settings = settingsOf(stop.bookmark, ViewSettings{}, *facility);
        if (frame.day != datamodel::kNoTime)
            settings.colouring = spanDayColouring(settings.colouring, frame.day);
        const bool byLive = settings.colouring.by == Colouring::By::Live && settings.colouring.metric;
        if (byLive && settings.colouring.metric != liveMetric) {
            liveMetric = settings.colouring.metric;
            live = simulatedValues(*facility, *liveMetric);
        }
        const ColouringSources sources{*facility, schedule, byLive ? &live : nullptr};
        painter.paintAll(settings, sources, facilityScene);
        if (byLive)
            facilityScene.dateStamp().show(QStringLiteral("Simulated telemetry"),
                                           QStringLiteral("as the live view would colour it"));
        facilityScene.caption().show(QString::fromStdString(stop.caption), size.width());
        view.setCameraPose(*settings.camera);
        if (!take(frame, view.capture()))
            return false;
    }
    return true;
}

} // namespace twin::app
