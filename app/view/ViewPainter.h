// Draws ViewSettings onto a FacilityScene: the one place that turns a colouring into the scene's
// colours, legend title and date stamp. The window paints the aspect that changed; `snapshot` and
// `record` paint all of it. It keeps the per-entity buffers between paints (200,000 GPUs: no
// allocation per timeline step).
#pragma once

#include "datamodel/EntityInspector.h"
#include "datamodel/Schedule.h"
#include "scene/Legend.h"
#include "view/ViewSettings.h"

#include <QString>
#include <optional>
#include <vector>

namespace twin::scene {
class FacilityScene;
}

namespace twin::app {

// What a colouring is drawn from.
struct ColouringSources {
    const datamodel::Facility& facility;
    const datamodel::Schedule& schedule;
    // The live values of the colouring's metric, one per entity (NaN: none, stale); null: not yet arrived.
    const std::vector<float>* liveValues = nullptr;
    // The impact of the settings' ImpactHighlight, worked out; null: none shown.
    const datamodel::Impact* impact = nullptr;
};

class ViewPainter {
public:
    void paintLayers(const ViewSettings& settings, scene::FacilityScene& scene) const;
    void paintXRay(const ViewSettings& settings, scene::FacilityScene& scene) const;
    void paintSelection(const ViewSettings& settings, scene::FacilityScene& scene) const;
    // False when it could not be drawn yet (a live colouring before its values arrive): the scene keeps
    // its colours. `when`: how the date stamp names the moment (default its day, or its hour when the
    // colouring spans less than a day).
    bool paintColouring(const Colouring& colouring, const ColouringSources& sources,
                        scene::FacilityScene& scene, const std::optional<QString>& when = std::nullopt);
    // What fails with an element: the element itself, what is lost (red), what is degraded (amber),
    // everything else ghosted; a rack takes the worst of what it holds. Floors keep their colour.
    void paintImpact(const datamodel::Impact& impact, const ColouringSources& sources,
                     scene::FacilityScene& scene);
    // The impact while one is shown, else the colouring.
    bool paintColours(const ViewSettings& settings, const ColouringSources& sources,
                      scene::FacilityScene& scene, const std::optional<QString>& when = std::nullopt);
    // Everything, with the detail drawn around the settings' camera (which the caller puts the view at).
    bool paintAll(const ViewSettings& settings, const ColouringSources& sources, scene::FacilityScene& scene,
                  const std::optional<QString>& when = std::nullopt);

    // Where the model's rules on `metric` begin to alert (above for heat and power, else below for flow).
    static std::optional<scene::Legend::Threshold> alertThreshold(const datamodel::Facility& facility,
                                                                  const telemetry::LiveMetric& metric);

private:
    std::vector<datamodel::InstallState> states_;
    std::vector<datamodel::Progress> progress_;
    std::vector<std::uint8_t> categories_;
};

// The impact's colours, by category: the failed element, lost, degraded, unaffected (ghosted).
enum class ImpactCategory : std::uint8_t { Failed, Lost, Degraded, Unaffected };

} // namespace twin::app
