#include "view/ViewPainter.h"

#include "scene/FacilityScene.h"
#include "telemetry/Alerts.h"
#include "view/TimelineStamp.h"

#include <QCoreApplication>
#include <QDateTime>

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
    if (scene.selected() != settings.selection)
        scene.select(settings.selection);
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
        scene.colourByValue(
            *sources.liveValues, metric.low, metric.high,
            tr("%1 (live)").arg(QString::fromUtf8(metric.title.data(), qsizetype(metric.title.size()))),
            alertThreshold(sources.facility, metric));
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

bool ViewPainter::paintAll(const ViewSettings& settings, const ColouringSources& sources,
                           scene::FacilityScene& scene, const std::optional<QString>& when) {
    if (settings.camera)
        scene.updateDetail(*settings.camera); // a camera inside a hall draws its racks in detail there
    paintLayers(settings, scene);
    paintXRay(settings, scene);
    const bool coloured = paintColouring(settings.colouring, sources, scene, when);
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
