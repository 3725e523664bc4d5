// What a view shows apart from the model, as a plain value: the colouring, the layers shown, x-ray, the
// selection and the camera. The window's ViewState holds one and says when it changes; `snapshot` and
// `record` build one from their options; bookmarks will store one. ViewPainter draws any of them onto
// a FacilityScene, so the window, the command line and a recording cannot draw one state two ways.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/FacilityGraph.h"
#include "datamodel/Time.h"
#include "scene/CameraPose.h"
#include "scene/Layers.h"
#include "telemetry/LiveMetrics.h"

#include <array>
#include <optional>

namespace twin::app {

// What the timeline shows the build-out by (Off: the timeline does not colour the scene).
enum class TimelineMode { Off, Planned, Actual, ActualVsPlanned };

// What the scene's colours say.
struct Colouring {
    enum class By {
        Kind,     // each kind its colour
        Status,   // installation status at `moment` (kNoTime: now), by the actual dates
        Live,     // `metric`'s live values
        Timeline, // the schedule at `until` by `mode`, what is not installed yet ghosted or left out
    };
    By by = By::Kind;
    const telemetry::LiveMetric* metric = nullptr;
    TimelineMode mode = TimelineMode::Off;
    datamodel::TimePoint moment = datamodel::kNoTime; // the day (or hour) shown: its start
    datamodel::TimePoint until = datamodel::kNoTime;  // and its last second, the state drawn
    bool hideNotInstalled = false;
    bool operator==(const Colouring&) const = default;
};

// How the camera got where the settings say: the window flies there, jumps there, or (Followed) is
// there already because the user moved it.
enum class CameraMove { Fly, Jump, Followed };

// "What fails with this?": the failed element and the domain; while set, the view shows what is lost,
// what is degraded, and ghosts the rest, whatever the colouring says (Esc clears it).
struct ImpactHighlight {
    datamodel::EntityIndex failed = datamodel::kNoEntity;
    datamodel::GraphDomain domain = datamodel::GraphDomain::Power;
    bool operator==(const ImpactHighlight&) const = default;
};

struct ViewSettings {
    Colouring colouring;
    std::optional<ImpactHighlight> impact;
    std::array<bool, std::size(scene::kAllLayers)> layersShown{true, true, true, true, true};
    std::optional<scene::Layer> xRay;                        // nothing: x-ray off
    datamodel::EntityIndex selection = datamodel::kNoEntity; // with everything below it
    // More selected with it (Ctrl+click, a box): ascending, never `selection`. An edit on the selection
    // is one edit of them all; the inspector shows `selection`, the one chosen last.
    std::vector<datamodel::EntityIndex> alsoSelected;
    std::optional<scene::CameraPose> camera; // nothing: where the view starts (overview)

    bool layerShown(scene::Layer layer) const { return layersShown[std::size_t(layer)]; }
    bool operator==(const ViewSettings&) const = default;
};

} // namespace twin::app
