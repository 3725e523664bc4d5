// The facility in 3D. Structure level always: building and hall floors, racks with their CDUs, network
// racks, overhead trays, supply and return headers, busways and the outdoor plant, each kind one
// instanced set (never one actor per entity). Detail level near the camera: the servers of the nearest
// racks as open sleds with their GPUs, NICs and PSUs, while those racks' own boxes step aside.
#pragma once

#include "datamodel/Schedule.h"
#include "scene/CameraPose.h"
#include "scene/CameraPresets.h"
#include "scene/Caption.h"
#include "scene/DateStamp.h"
#include "scene/Layers.h"
#include "scene/Legend.h"

#include <QString>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

class vtkRenderer;

namespace twin::datamodel {
class Facility;
enum class InstallState : std::uint8_t;
} // namespace twin::datamodel

namespace twin::scene {

class Legend;
class ViewWidget;

struct FacilitySceneCounts {
    std::size_t instances = 0; // structure boxes, all kinds together
    std::size_t racks = 0;
    std::size_t cdus = 0;
    std::size_t actors = 0; // a fixed number, one per drawn kind, whatever the model's size
    std::size_t labels = 0; // one per hall and per row (a few dozen), text facing the camera
};

class FacilityScene {
public:
    // Builds the structure level into `renderer`, which the scene holds (a reference of its own) until
    // it has taken its actors back out; `facility` is shared, kept alive by the scene.
    FacilityScene(std::shared_ptr<const datamodel::Facility> facility, vtkRenderer* renderer);
    // Into the view's own renderer (what the window does: app/ never touches VTK objects).
    FacilityScene(std::shared_ptr<const datamodel::Facility> facility, ViewWidget& view);
    ~FacilityScene();
    FacilityScene(const FacilityScene&) = delete;
    FacilityScene& operator=(const FacilityScene&) = delete;

    const FacilitySceneCounts& counts() const;
    // Chooses the detail for a camera: returns the number of racks drawn in detail (0 from afar).
    std::size_t updateDetail(const CameraPose& camera);
    // Instances drawn now, structure and detail together: what a frame costs.
    std::size_t drawnInstances() const;
    // Racks drawn as their servers only (closed boxes), ahead of an eye standing in an aisle.
    std::size_t serverDetailRacks() const;
    // The racks drawn in detail now (their GPUs, or their servers): what live telemetry asks for.
    std::vector<std::int32_t> racksInDetail() const;
    // GPUs drawn one by one now (only in detail, near the camera).
    std::size_t drawnGpus() const;

    // The entity drawn at a pixel of the renderer's window (VTK display coordinates: device pixels,
    // origin bottom-left), or -1 (datamodel::kNoEntity) for empty background. Exact: one GPU among all
    // of them when GPUs are drawn there. Renders the scene once more in selection mode.
    std::int32_t pick(int x, int y) const;
    // The entities of `kind` whose footprint's centre (at half their height) is seen inside the box
    // between display corners (x0, y0) and (x1, y1), as pick's coordinates, in dense order. The racks
    // of a box dragged over the floor.
    std::vector<std::int32_t> entitiesInBox(datamodel::EntityKind kind, int x0, int y0, int x1, int y1) const;

    // Overlays: they write the per-instance colour arrays in place (never rebuilding the scene) and
    // stay in force for detail that appears later. One value per entity, indexed by dense index.
    void colourByKind();
    // Installed: the kind's own colour; in progress: magenta; not started: a dim grey.
    // `hideNotStarted`: what has not started is left out rather than greyed (the timeline's setting).
    void colourByStatus(std::span<const datamodel::InstallState> states,
                        const QString& title = QStringLiteral("Installation status"),
                        bool hideNotStarted = false);
    // A blue-green-yellow-red map from `low` to `high`; NaN (no data, stale) in grey.
    // One of a few named colours per entity (`palette[category]`, the legend lists them); entities
    // whose category is past the palette keep their own colour (floors, the plant).
    // `hidden[category]`: that category is left out of the picture (and of picking).
    void colourByCategory(std::span<const std::uint8_t> categories, std::vector<LegendEntry> palette,
                          const QString& title, std::vector<bool> hidden = {});
    // Actual against planned (datamodel::Progress per entity): early blue, on time green, late red, in
    // progress yellow, behind dark red, not yet due ghosted. Floors, and what no task of `schedule`
    // decides, keep their own colour.
    // `hideNotDue`: what is not yet due is left out rather than ghosted.
    void colourByProgress(std::span<const datamodel::Progress> progress, const datamodel::Schedule& schedule,
                          const QString& title, bool hideNotDue = false);
    // Those colours and their legend labels, indexed by datamodel::Progress (the Gantt dock uses them too).
    static const std::vector<LegendEntry>& progressPalette();
    // `threshold`: an alert level, marked on the legend's colour bar and named there. `measured`: the
    // kinds the values describe (empty: racks, servers, GPUs and CDUs); those without a value are "no
    // data" grey, every other kind keeps its own colour (a CDU under a GPU metric is not missing data).
    void colourByValue(std::span<const float> values, float low, float high,
                       const QString& title = QStringLiteral("Value"),
                       const std::optional<Legend::Threshold>& threshold = std::nullopt,
                       std::span<const datamodel::EntityKind> measured = {});
    // The key to the colours in force, drawn in the view's lower-left corner.
    const Legend& legend() const;
    // The timeline's date in the upper-right corner (hidden until shown).
    DateStamp& dateStamp();
    const DateStamp& dateStamp() const;
    // A tour stop's caption at the bottom centre (hidden until shown).
    Caption& caption();
    const Caption& caption() const;
    // The 2D panels (legend, date stamp, caption) left out of the frames while suppressed: a tour's
    // flights, rendered at a reduced scale, would stretch them.
    void setOverlaysSuppressed(bool suppressed);
    // Hall and row names drawn now (each a draw of its own; none while suppressed).
    std::size_t labelsShown() const;
    // Selection: an outline in the highlight colour around the entity and everything below it (a
    // rack's servers and GPUs, a row's racks, a hall), over the overlay, whose colours stay; -1 clears it.
    // `also`: more entities selected with it (Ctrl+click, a box), each outlined the same way.
    void select(std::int32_t entity, std::span<const std::int32_t> also = {});
    std::int32_t selected() const;
    const std::vector<std::int32_t>& alsoSelected() const;
    // Layers: hidden ones are not drawn at all. X-ray: every layer but `focus` turns faint and
    // see-through (the floors too), so that one layer shows through everything else, such as the
    // pipes below the floor; nothing clears it.
    void setLayerVisible(Layer layer, bool visible);
    bool layerVisible(Layer layer) const;
    std::optional<Layer> xRay() const;
    void setXRay(std::optional<Layer> focus);
    // The cooling pipes (every pipe segment's polyline, supply blue and return red): how many drawn.
    std::size_t pipeSegments() const;

    // The colour an entity is drawn with now (its instance's), or nothing when it is not drawn.
    std::optional<std::array<unsigned char, 3>> drawnColour(std::int32_t entity) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The width in pixels of the line that draws a pipe of this diameter (wider pipes, wider lines).
float pipeLineWidth(float diameterMm);

} // namespace twin::scene
