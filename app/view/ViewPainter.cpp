#include "view/ViewPainter.h"

#include "scene/FacilityScene.h"
#include "telemetry/Alerts.h"
#include "view/TimelineStamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace twin::app {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("twin::app::ViewPainter", text);
}

QString dateOf(datamodel::TimePoint time) {
    return QString::fromStdString(datamodel::formatDate(time));
}

// The timeline names its day, or its hour when it steps by hours ("2024-07-15 06:00").
QString timelineWhen(const Colouring& colouring) {
    if (colouring.until - colouring.moment + 1 >= datamodel::kSecondsPerDay)
        return dateOf(colouring.moment);
    return QString::fromStdString(datamodel::formatTime(colouring.moment)).left(16);
}

StampCounts stampCountsOf(TimelineMode mode) {
    return mode == TimelineMode::Planned           ? StampCounts::Planned
           : mode == TimelineMode::ActualVsPlanned ? StampCounts::InstalledAndPlanned
                                                   : StampCounts::Installed;
}

} // namespace

// Each aspect is drawn only when the scene shows another: a recording paints every frame whole, and
// a selection redrawn recolours every instance.
void ViewPainter::paintLayers(const ViewSettings& settings, scene::FacilityScene& scene) const {
    for (scene::Layer layer : scene::kAllLayers)
        if (scene.layerVisible(layer) != settings.layerShown(layer))
            scene.setLayerVisible(layer, settings.layerShown(layer));
}

void ViewPainter::paintXRay(const ViewSettings& settings, scene::FacilityScene& scene) const {
    if (scene.xRay() != settings.xRay)
        scene.setXRay(settings.xRay);
}

void ViewPainter::paintSelection(const ViewSettings& settings, scene::FacilityScene& scene) const {
    if (scene.selected() != settings.selection ||
        !std::equal(scene.alsoSelected().begin(), scene.alsoSelected().end(), settings.alsoSelected.begin(),
                    settings.alsoSelected.end()))
        scene.select(settings.selection, settings.alsoSelected);
}

bool ViewPainter::paintColouring(const Colouring& colouring, const ColouringSources& sources,
                                 scene::FacilityScene& scene, const std::optional<QString>& when) {
    if (colouring.by != Colouring::By::Timeline)
        scene.dateStamp().hide(); // the date goes with the timeline's colours
    switch (colouring.by) {
    case Colouring::By::Kind:
        scene.colourByKind();
        return true;
    case Colouring::By::Status: {
        const datamodel::TimePoint at =
            colouring.moment == datamodel::kNoTime ? QDateTime::currentSecsSinceEpoch() : colouring.moment;
        sources.schedule.stateAt(at, datamodel::ScheduleBasis::Actual, states_);
        scene.colourByStatus(states_, tr("Status on %1").arg(when.value_or(dateOf(at))));
        return true;
    }
    case Colouring::By::Live: {
        if (!colouring.metric || !sources.liveValues)
            return false; // the chosen metric's values are still on their way
        const telemetry::LiveMetric& metric = *colouring.metric;
        // What the metric describes (telemetry::overlayValues fills these): a GPU metric its GPUs, their
        // servers and racks; a CDU metric the CDUs and their racks. The rest keep their own colours.
        using datamodel::EntityKind;
        static constexpr EntityKind kGpuLevel[] = {EntityKind::Rack, EntityKind::Server, EntityKind::Gpu};
        static constexpr EntityKind kCduLevel[] = {EntityKind::Rack, EntityKind::Cdu};
        scene.colourByValue(
            *sources.liveValues, metric.low, metric.high,
            tr("%1 (live)").arg(QString::fromUtf8(metric.title.data(), qsizetype(metric.title.size()))),
            alertThreshold(sources.facility, metric),
            metric.level == telemetry::MetricLevel::Cdu ? std::span<const EntityKind>(kCduLevel)
                                                        : std::span<const EntityKind>(kGpuLevel));
        return true;
    }
    case Colouring::By::Timeline:
        break;
    }
    // The state at the last second of the day, or of the hour when the timeline steps by hours.
    const QString date = when.value_or(timelineWhen(colouring));
    if (colouring.mode == TimelineMode::ActualVsPlanned) {
        sources.schedule.progressAt(colouring.until, progress_);
        scene.colourByProgress(progress_, sources.schedule, tr("Actual vs plan, %1").arg(date),
                               colouring.hideNotInstalled);
    } else {
        const bool planned = colouring.mode == TimelineMode::Planned;
        sources.schedule.stateAt(
            colouring.until, planned ? datamodel::ScheduleBasis::Planned : datamodel::ScheduleBasis::Actual,
            states_);
        scene.colourByStatus(states_, (planned ? tr("Planned, %1") : tr("Actual, %1")).arg(date),
                             colouring.hideNotInstalled);
    }
    // The date, large, in the view's corner, with the GPUs in by then.
    scene.dateStamp().show(date, timelineStampDetail(sources.facility, sources.schedule, colouring.until,
                                                     stampCountsOf(colouring.mode)));
    return true;
}

void ViewPainter::paintImpact(const datamodel::Impact& impact, const ColouringSources& sources,
                              scene::FacilityScene& scene) {
    const datamodel::Facility& f = sources.facility;
    constexpr auto failed = std::uint8_t(ImpactCategory::Failed), lost = std::uint8_t(ImpactCategory::Lost),
                   degraded = std::uint8_t(ImpactCategory::Degraded),
                   unaffected = std::uint8_t(ImpactCategory::Unaffected);
    categories_.assign(f.entityCount(), unaffected);
    // A rack (what the overview draws) shows the worst of what it holds: lost before degraded.
    const auto mark = [&](datamodel::EntityIndex e, std::uint8_t category) {
        categories_[std::size_t(e)] = std::min(categories_[std::size_t(e)], category);
        if (const datamodel::EntityIndex rack = f.ancestorOfKind(e, datamodel::EntityKind::Rack);
            rack != datamodel::kNoEntity && rack != e)
            categories_[std::size_t(rack)] =
                std::min(categories_[std::size_t(rack)], std::max(category, lost));
    };
    for (datamodel::EntityIndex e : impact.degraded)
        mark(e, degraded);
    for (datamodel::EntityIndex e : impact.lost)
        mark(e, lost);
    if (impact.failed != datamodel::kNoEntity)
        mark(impact.failed, failed);
    for (datamodel::EntityKind floor : {datamodel::EntityKind::Building, datamodel::EntityKind::Hall})
        for (datamodel::EntityIndex e : f.ofKind(floor))
            categories_[std::size_t(e)] = 255; // its own colour: the floor is not part of the story
    const QString name =
        QString::fromUtf8(f.name(impact.failed).data(), qsizetype(f.name(impact.failed).size()));
    scene.dateStamp().hide();
    scene.colourByCategory(
        categories_,
        {{tr("Failed: %1").arg(name), {230, 60, 230}},
         {tr("Lost (%1)").arg(impact.lost.size()), {215, 40, 40}},
         {tr("Degraded (%1)").arg(impact.degraded.size()), {240, 165, 30}},
         {tr("Unaffected"), {52, 56, 66}}},
        tr("If it fails (%1)")
            .arg(QString::fromLatin1(datamodel::graphDomainName(impact.domain).data(),
                                     qsizetype(datamodel::graphDomainName(impact.domain).size()))));
}

bool ViewPainter::paintColours(const ViewSettings& settings, const ColouringSources& sources,
                               scene::FacilityScene& scene, const std::optional<QString>& when) {
    if (settings.impact && sources.impact) {
        paintImpact(*sources.impact, sources, scene);
        return true;
    }
    return paintColouring(settings.colouring, sources, scene, when);
}

bool ViewPainter::paintAll(const ViewSettings& settings, const ColouringSources& sources,
                           scene::FacilityScene& scene, const std::optional<QString>& when) {
    if (settings.camera)
        scene.updateDetail(*settings.camera); // a camera inside a hall draws its racks in detail there
    paintLayers(settings, scene);
    paintXRay(settings, scene);
    const bool coloured = paintColours(settings, sources, scene, when);
    paintSelection(settings, scene);
    return coloured;
}

std::optional<scene::Legend::Threshold> ViewPainter::alertThreshold(const datamodel::Facility& facility,
                                                                    const telemetry::LiveMetric& metric) {
    const auto& rules = facility.alertRules();
    if (const auto above = telemetry::loosestThreshold(rules, metric.name, datamodel::AlertComparison::Above))
        return scene::Legend::Threshold{float(*above), tr("Alert above %1").arg(*above, 0, 'g', 4)};
    if (const auto below = telemetry::loosestThreshold(rules, metric.name, datamodel::AlertComparison::Below))
        return scene::Legend::Threshold{float(*below), tr("Alert below %1").arg(*below, 0, 'g', 4)};
    return std::nullopt;
}

} // namespace twin::app
