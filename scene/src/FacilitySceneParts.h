// What the facility scene's files share (FacilityScene.cpp: the scene's state and layers;
// SceneBuilding.cpp: the structure level; SceneDetail.cpp: what appears near the camera;
// SceneOverlays.cpp: colours; ScenePicking.cpp: what is under a pixel).
//
// Everything drawn as instances is one DrawnSet in one list, in drawing order, and every loop over
// what is drawn (layers, overlays, picking, counts, teardown) walks that list: a new kind of drawn
// thing is one more entry, nothing else.
#pragma once

#include "InstanceSet.h"
#include "datamodel/Facility.h"
#include "scene/FacilityScene.h"

#include <map>
#include <memory>
#include <vector>
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

namespace twin::scene {

// Structure is drawn from every distance; a floor too, after everything else (see SceneBuilding.cpp);
// detail is filled near the camera by updateDetail and emptied again.
enum class SetRole { Structure, Floor, Detail };

struct DrawnSet {
    InstanceSet instances;
    Layer layer = Layer::Structure;
    SetRole role = SetRole::Structure;
};

inline constexpr Rgb kRackColour{96, 104, 120};
inline constexpr Rgb kSupplyHeader{40, 110, 230};
inline constexpr Rgb kReturnHeader{220, 60, 50};
inline constexpr Rgb kCableBundle{45, 60, 85};
inline constexpr Rgb kServerSled{150, 156, 166};
inline constexpr Rgb kGpuColour{118, 185, 0}; // the colour people associate with the GPU maker
inline constexpr Rgb kNicColour{90, 150, 220};
inline constexpr Rgb kPsuColour{70, 70, 74};

// The kind legend of colourByKind (and of a new scene).
std::vector<LegendEntry> kindLegend();

struct FacilityScene::Private {
    std::shared_ptr<const datamodel::Facility> facility;
    vtkSmartPointer<vtkRenderer> renderer;
    vtkNew<vtkPolyData> unitBox;

    // Every instanced set, in drawing order (front to back, floors last).
    std::vector<std::unique_ptr<DrawnSet>> sets;
    // The sets the level of detail fills and empties, and the racks' own (whose boxes step aside).
    InstanceSet *racks = nullptr, *sleds = nullptr, *gpus = nullptr, *nics = nullptr, *psus = nullptr,
                *servers = nullptr;
    InstanceSet& addSet(Layer layer, SetRole role) {
        sets.push_back(std::make_unique<DrawnSet>());
        sets.back()->layer = layer;
        sets.back()->role = role;
        return sets.back()->instances;
    }

    std::vector<std::size_t> rackInstanceOfEntity; // dense index -> instance in *racks
    std::vector<datamodel::EntityIndex> detailRacks;
    std::vector<datamodel::EntityIndex> serverRacks; // racks drawn as their servers only
    // Hall names float above each hall, always facing the camera at a fixed pixel size, so they stay
    // readable from the overview; row names appear over their rows once the eye is inside a hall.
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> hallLabels, rowLabels;
    std::vector<vtkSmartPointer<vtkActor>> pipes; // every pipe segment as lines, an actor per width
    std::size_t pipeSegments = 0;
    std::map<Layer, bool> layerShown;
    std::optional<Layer> xRay;
    std::unique_ptr<Legend> legend;
    std::unique_ptr<DateStamp> dateStamp;
    std::unique_ptr<Caption> caption;
    FacilitySceneCounts counts;

    // The overlay in force, kept so that detail appearing later is coloured the same way.
    enum class Overlay { Kind, Status, Value, Category } overlay = Overlay::Kind;
    std::vector<std::uint8_t> categories;
    std::vector<LegendEntry> palette;
    std::vector<bool> hiddenCategories; // per palette entry
    bool hideNotStarted = false;        // Status: not started is left out, not greyed
    std::vector<datamodel::InstallState> states;
    std::vector<float> values;
    float low = 0.0f, high = 1.0f;
    std::vector<datamodel::EntityKind> measuredKinds; // what the values describe
    // Selection on top of any overlay: a flag per entity for the selected entity's whole subtree.
    datamodel::EntityIndex selected = datamodel::kNoEntity;
    std::vector<std::int32_t> alsoSelected; // more outlined with it (a multi-selection)
    // The selection's outline: a box around it and everything below it, in the highlight colour, over
    // whatever the overlay says (a selected hall keeps its temperatures and states in view).
    vtkSmartPointer<vtkActor> selectionOutline;

    void build();                                   // SceneBuilding.cpp
    void applyLayers();                             // FacilityScene.cpp
    void addAisleServers(const CameraPose& camera); // SceneDetail.cpp
    void showLabelsFor(const CameraPose& camera);   // SceneDetail.cpp
    bool labelsSuppressed = false;
    // SceneOverlays.cpp
    Rgb overlayColour(const InstanceSet& set, std::size_t instance) const;
    bool overlayHides(datamodel::EntityIndex entity) const;
    void applyOverlay(InstanceSet& set) const;
    void applyOverlayToAll();
    // The legend's swatches for what keeps its own colours under the overlay shown (pipes, x-rayed).
    std::vector<LegendEntry> ownColourEntries() const;
};

} // namespace twin::scene
