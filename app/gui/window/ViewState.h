// What the window shows, apart from the model: one object with one change signal, which the menus, the
// docks and the view set and the window applies to the scene (the scene never keeps state of its own
// that the window reads back): the colouring, the layers shown, x-ray and the selection (the camera
// joins it next, issue 13).
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Time.h"
#include "scene/Layers.h"
#include "telemetry/LiveMetrics.h"

#include <QObject>
#include <array>
#include <optional>

namespace twin::app {

// What the timeline shows the build-out by (Off: the timeline does not colour the scene).
enum class TimelineMode { Off, Planned, Actual, ActualVsPlanned };

// What the scene's colours say.
struct Colouring {
    enum class By {
        Kind,     // each kind its colour
        Status,   // installation status today, by the actual dates
        Live,     // `metric`'s live values
        Timeline, // the schedule at `moment` by `mode`, what is not installed yet ghosted or left out
    };
    By by = By::Kind;
    const telemetry::LiveMetric* metric = nullptr;
    TimelineMode mode = TimelineMode::Off;
    datamodel::TimePoint moment = datamodel::kNoTime; // the day (or hour) shown: its start
    datamodel::TimePoint until = datamodel::kNoTime;  // and its last second, the state drawn
    bool hideNotInstalled = false;
    bool operator==(const Colouring&) const = default;
};

class ViewState : public QObject {
    Q_OBJECT
public:
    enum class Aspect { Colouring, Layers, XRay, Selection };
    using QObject::QObject;

    const Colouring& colouring() const { return colouring_; }
    void setColouring(const Colouring& colouring);

    bool layerShown(scene::Layer layer) const { return shown_[std::size_t(layer)]; }
    void setLayerShown(scene::Layer layer, bool shown);
    // Every layer but this one faint and see-through (the floors too); nothing: x-ray off.
    std::optional<scene::Layer> xRay() const { return xRay_; }
    void setXRay(std::optional<scene::Layer> focus);
    // The entity selected (with everything below it), or kNoEntity.
    datamodel::EntityIndex selection() const { return selection_; }
    void setSelection(datamodel::EntityIndex entity);

signals:
    // Emitted only when something changed.
    void changed(twin::app::ViewState::Aspect aspect);

private:
    Colouring colouring_;
    std::array<bool, std::size(scene::kAllLayers)> shown_{true, true, true, true, true};
    std::optional<scene::Layer> xRay_;
    datamodel::EntityIndex selection_ = datamodel::kNoEntity;
};

} // namespace twin::app
