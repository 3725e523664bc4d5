#include "scene/FacilityScene.h"

#include "FlatShadedBox.h"
#include "InstanceSet.h"
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "scene/Legend.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <vector>
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCubeSource.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

constexpr Rgb kRackColour{96, 104, 120};

struct KindStyle {
    EntityKind kind;
    Rgb colour;
    const char* legendLabel; // nullptr: not in the legend (floors, whose colours explain themselves)
};
// Structure level. Kinds not listed (servers, GPUs, NICs, PSUs, manifolds, loops, shelves, switches
// inside racks) are detail for closer views.
constexpr KindStyle kStructureStyles[] = {
    {EntityKind::Building, {58, 63, 72}, nullptr},
    {EntityKind::Hall, {78, 86, 100}, nullptr},
    {EntityKind::Rack, kRackColour, "Rack"},
    {EntityKind::Cdu, {40, 170, 200}, "CDU"},
    {EntityKind::NetworkRack, {70, 90, 150}, "Network rack"},
    {EntityKind::Tray, {230, 170, 40}, "Cable tray"},
    {EntityKind::Busway, {200, 110, 50}, "Busway"},
    {EntityKind::Switchgear, {160, 120, 90}, "Switchgear"},
    {EntityKind::Chiller, {120, 180, 230}, "Chiller"},
    {EntityKind::CoolingTower, {190, 200, 210}, "Cooling tower"},
    {EntityKind::Turbine, {150, 150, 150}, "Turbine"},
    {EntityKind::Battery, {225, 225, 215}, "Megapack"},
    {EntityKind::Substation, {110, 100, 90}, "Substation"},
};
// Racks of neighbouring 512-GPU arrays alternate between two shades, so arrays read as units.
constexpr Rgb kRackShadeOfOddArrays{112, 120, 138};
constexpr int kRacksPerArray = 8;
constexpr Rgb kSupplyHeader{40, 110, 230};
constexpr Rgb kReturnHeader{220, 60, 50};
constexpr Rgb kServerSled{150, 156, 166};
constexpr Rgb kGpuColour{118, 185, 0}; // the colour people associate with the GPU maker
constexpr Rgb kNicColour{90, 150, 220};
constexpr Rgb kPsuColour{70, 70, 74};
// Halls and the building are floor slabs: walls and roof would hide everything inside.
constexpr float kFloorThickness = 0.05f;
// Servers are drawn as open sleds (the lid off) so that their GPUs show.
constexpr float kSledThickness = 0.03f;

// Level of detail: racks whose centre lies within this many metres of the focal point are drawn in
// detail, the nearest first, when the eye is close enough to tell servers apart. The caps keep a
// frame's instance count bounded on software OpenGL whatever the model's size.
constexpr double kDetailRadius = 12.0;
constexpr double kDetailEyeDistance = 40.0;
constexpr std::size_t kMaxDetailRacks = 8;
constexpr std::size_t kMaxPartDetailRacks = 4; // NICs and PSUs only on the very nearest racks
// Servers (closed boxes, nothing inside) in the racks ahead of the eye, within this radius.
constexpr double kServerDetailRadius = 18.0;
constexpr double kServerDetailBehind = 2.0; // metres behind the eye still counted (beside it)
constexpr std::size_t kMaxServerDetailRacks = 32;
// Only the two rows that flank the line of sight: rows further aside are hidden behind them.
constexpr double kAisleReach = 3.0;
constexpr double kRowLabelEyeDistance = 120.0;
constexpr double kRowLabelRadius = 30.0;

double distance2d(const datamodel::Pose& pose, const std::array<double, 3>& point) {
    return std::hypot(double(pose.x) - point[0], double(pose.y) - point[1]);
}

} // namespace

struct FacilityScene::Private {
    std::shared_ptr<const Facility> facility;
    vtkRenderer* renderer = nullptr;
    vtkNew<vtkPolyData> unitBox;
    std::map<EntityKind, InstanceSet> structure;
    InstanceSet headers;
    InstanceSet cableBundles; // one per tray that carries cables, sized by how many
    InstanceSet sleds, gpus, nics, psus;
    InstanceSet servers; // closed server boxes in the racks along an aisle (no parts inside)
    std::array<InstanceSet*, 5> detailSets() { return {&gpus, &sleds, &servers, &nics, &psus}; }
    std::vector<std::size_t> rackInstanceOfEntity; // dense index -> instance in structure[Rack]
    std::vector<EntityIndex> detailRacks;
    std::vector<EntityIndex> serverRacks; // racks drawn as their servers only
    // Hall names float above each hall, always facing the camera at a fixed pixel size, so they stay
    // readable from the overview; row names appear over their rows once the eye is inside a hall.
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> hallLabels, rowLabels;
    std::vector<vtkSmartPointer<vtkActor>> pipes; // every pipe segment as lines, an actor per width
    std::size_t pipeSegments = 0;
    std::map<Layer, bool> layerShown;
    std::optional<Layer> xRay;
    std::unique_ptr<Legend> legend;
    std::unique_ptr<DateStamp> dateStamp;

    // Which layer each drawn thing belongs to.
    static Layer layerOf(EntityKind kind) {
        switch (kind) {
        case EntityKind::Building:
        case EntityKind::Hall:
            return Layer::Structure;
        case EntityKind::NetworkRack:
        case EntityKind::Tray:
        case EntityKind::Switch:
            return Layer::Network;
        case EntityKind::Cdu:
        case EntityKind::Header:
        case EntityKind::Chiller:
        case EntityKind::CoolingTower:
        case EntityKind::CoolingLoop:
        case EntityKind::Manifold:
            return Layer::Cooling;
        case EntityKind::Busway:
        case EntityKind::Switchgear:
        case EntityKind::Turbine:
        case EntityKind::Battery:
        case EntityKind::Substation:
        case EntityKind::PowerShelf:
        case EntityKind::Psu:
            return Layer::Power;
        default:
            return Layer::Compute;
        }
    }
    std::vector<std::pair<vtkActor*, Layer>> actorsWithLayers() {
        std::vector<std::pair<vtkActor*, Layer>> result;
        for (auto& [kind, set] : structure)
            if (set.actor())
                result.emplace_back(set.actor(), layerOf(kind));
        result.emplace_back(headers.actor(), Layer::Cooling);
        result.emplace_back(cableBundles.actor(), Layer::Network);
        result.emplace_back(sleds.actor(), Layer::Compute);
        result.emplace_back(servers.actor(), Layer::Compute);
        result.emplace_back(gpus.actor(), Layer::Compute);
        result.emplace_back(nics.actor(), Layer::Network);
        result.emplace_back(psus.actor(), Layer::Power);
        for (const auto& actor : pipes)
            result.emplace_back(actor.Get(), Layer::Cooling);
        return result;
    }
    void applyLayers() {
        constexpr double kXRayOpacity = 0.12;
        for (auto& [actor, layer] : actorsWithLayers()) {
            if (!actor)
                continue;
            actor->SetVisibility(layerShown[layer]);
            actor->GetProperty()->SetOpacity(xRay && *xRay != layer ? kXRayOpacity : 1.0);
        }
        // The pipes lie below the floor: drawing their 70,000 line points when the floor hides them
        // cost a third of the frame rate (bench render). They come out with x-ray on cooling.
        for (const auto& actor : pipes)
            actor->SetVisibility(layerShown[Layer::Cooling] && xRay == Layer::Cooling);
        for (const auto* labels : {&hallLabels, &rowLabels})
            for (const auto& text : *labels)
                text->SetForceOpaque(!xRay);
    }
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
    // Selection on top of any overlay: a flag per entity for the selected entity's whole subtree.
    EntityIndex selected = datamodel::kNoEntity;
    std::vector<bool> inSelection;

    std::vector<InstanceSet*> allSets() {
        std::vector<InstanceSet*> sets{&headers, &cableBundles};
        for (InstanceSet* detail : detailSets())
            sets.push_back(detail);
        for (auto& [kind, set] : structure)
            sets.push_back(&set);
        return sets;
    }
    Rgb overlayColour(const InstanceSet& set, std::size_t instance) const;
    void addAisleServers(const CameraPose& camera);
    void applyOverlay(InstanceSet& set) const {
        for (std::size_t i = 0; i < set.size(); ++i) {
            set.setColour(i, overlayColour(set, i));
            set.setHiddenByOverlay(i, overlayHides(set.entityAt(i)));
        }
        set.commit();
    }
    // What the overlay leaves out: the timeline's "not installed yet" when it is set to hide it.
    bool overlayHides(EntityIndex entity) const {
        if (overlay == Overlay::Category) {
            const std::size_t category =
                size_t(entity) < categories.size() ? categories[size_t(entity)] : 255;
            return category < hiddenCategories.size() && hiddenCategories[category];
        }
        if (overlay == Overlay::Status)
            return hideNotStarted && size_t(entity) < states.size() &&
                   states[size_t(entity)] == datamodel::InstallState::NotStarted;
        return false;
    }
};

namespace {

constexpr Rgb kNotStarted{74, 78, 88};
// Magenta: no kind wears it (amber would read as a cable tray).
constexpr Rgb kInProgress{215, 60, 200};
constexpr Rgb kNoData{96, 96, 96};
constexpr Rgb kSelected{0, 230, 255};

// Blue, green, yellow, red: four stops, linear between them.
Rgb valueColour(float value, float low, float high) {
    if (std::isnan(value))
        return kNoData;
    constexpr std::array<std::array<float, 3>, 4> kStops{
        {{40, 90, 220}, {40, 190, 90}, {240, 210, 40}, {220, 40, 40}}};
    const float t = std::clamp(high > low ? (value - low) / (high - low) : 0.0f, 0.0f, 1.0f) * 3.0f;
    const std::size_t stop = std::min<std::size_t>(std::size_t(t), 2);
    const float f = t - float(stop);
    Rgb colour{};
    for (std::size_t c = 0; c < 3; ++c)
        colour[c] = static_cast<unsigned char>(kStops[stop][c] + (kStops[stop + 1][c] - kStops[stop][c]) * f);
    return colour;
}

// Cables lie in their trays as one bundle per tray: a square-packed cross-section of every cable
// routed along it, resting on the tray (at most the tray's width, then growing in height). One
// instance per tray, whatever the number of cables.
constexpr float kCableDiameter = 0.006f; // metres: DAC, AOC and fibre alike at this scale
constexpr Rgb kCableBundle{45, 60, 85};
// A hall's trunk carries tens of thousands of cables: on site that is a stack of trays, here one
// bundle no taller than this, so that it does not wall off the hall.
constexpr float kMaxBundleHeight = 0.25f;

void addCableBundles(const Facility& f, InstanceSet& bundles) {
    std::vector<std::uint32_t> cablesAlong(f.entityCount(), 0);
    const datamodel::CableColumns& cables = f.cables();
    for (std::size_t c = 0; c < cables.size(); ++c)
        for (EntityIndex tray : cables.route.row(c))
            ++cablesAlong[size_t(tray)];
    for (EntityIndex tray : f.ofKind(EntityKind::Tray)) {
        const std::uint32_t count = cablesAlong[size_t(tray)];
        if (count == 0)
            continue;
        datamodel::Pose bundle = f.pose(tray);
        const bool alongX = bundle.width >= bundle.depth;
        float& across = alongX ? bundle.depth : bundle.width;
        const float crossSection = float(count) * kCableDiameter * kCableDiameter;
        const float side = std::sqrt(crossSection);
        const float width = std::min(side, across * 0.9f);
        across = width;
        bundle.z += bundle.height;
        bundles.add(tray, bundle, kCableBundle, std::min(crossSection / width, kMaxBundleHeight));
    }
}

// Pipe diameters range from 19 mm (rack hoses) to 600 mm (plant mains): drawn as lines whose width
// in pixels grows with the diameter class. World-sized tubes for 31,000 segments would cost more
// triangles than the whole facility, for pipes seen only through x-ray.
struct PipeClass {
    float maxDiameterMm; // this class holds diameters up to this (and above the previous class's)
    float lineWidth;
};
constexpr PipeClass kPipeClasses[] = {{25.0f, 1.0f}, {100.0f, 2.0f}, {350.0f, 3.5f}, {1e9f, 6.0f}};

std::size_t pipeClassOf(float diameterMm) {
    std::size_t index = 0;
    while (index + 1 < std::size(kPipeClasses) && diameterMm > kPipeClasses[index].maxDiameterMm)
        ++index;
    return index;
}

// The polylines of every pipe of one diameter class; returns how many.
std::size_t buildPipeLines(const datamodel::PipeColumns& pipes, std::size_t pipeClass, vtkPolyData* into) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> lines;
    vtkNew<vtkUnsignedCharArray> colours;
    colours->SetNumberOfComponents(3);
    std::size_t segments = 0;
    for (std::size_t p = 0; p < pipes.size(); ++p) {
        const auto polyline = pipes.points.row(p);
        if (polyline.size() < 2 || pipeClassOf(pipes.diameterMm[p]) != pipeClass)
            continue;
        lines->InsertNextCell(vtkIdType(polyline.size()));
        for (const auto& point : polyline)
            lines->InsertCellPoint(points->InsertNextPoint(point[0], point[1], point[2]));
        const Rgb& colour = pipes.side[p] == datamodel::PipeSide::Supply ? kSupplyHeader : kReturnHeader;
        colours->InsertNextTypedTuple(colour.data());
        ++segments;
    }
    into->SetPoints(points);
    into->SetLines(lines);
    into->GetCellData()->SetScalars(colours);
    return segments;
}

} // namespace

float pipeLineWidth(float diameterMm) {
    return kPipeClasses[pipeClassOf(diameterMm)].lineWidth;
}

namespace {

std::vector<LegendEntry> kindLegend() {
    std::vector<LegendEntry> entries;
    for (const KindStyle& style : kStructureStyles)
        if (style.legendLabel)
            entries.push_back({QString::fromLatin1(style.legendLabel), style.colour});
    entries.push_back({QStringLiteral("Cables (in trays)"), kCableBundle});
    entries.push_back({QStringLiteral("Supply pipe"), kSupplyHeader});
    entries.push_back({QStringLiteral("Return pipe"), kReturnHeader});
    entries.push_back({QStringLiteral("GPU (up close)"), kGpuColour});
    return entries;
}

} // namespace

Rgb FacilityScene::Private::overlayColour(const InstanceSet& set, std::size_t instance) const {
    const EntityIndex entity = set.entityAt(instance);
    if (!inSelection.empty() && inSelection[size_t(entity)])
        return kSelected;
    switch (overlay) {
    case Overlay::Kind:
        return set.ownColour(instance);
    case Overlay::Status:
        if (size_t(entity) >= states.size())
            return set.ownColour(instance);
        return states[size_t(entity)] == datamodel::InstallState::Installed    ? set.ownColour(instance)
               : states[size_t(entity)] == datamodel::InstallState::InProgress ? kInProgress
                                                                               : kNotStarted;
    case Overlay::Category: {
        const std::size_t category = size_t(entity) < categories.size() ? categories[size_t(entity)] : 255;
        return category < palette.size() ? palette[category].colour : set.ownColour(instance);
    }
    case Overlay::Value: {
        // Floors, trays and the plant carry no value: they keep their own colour as context.
        const EntityKind kind = facility->kind(entity);
        const bool measured = kind == EntityKind::Rack || kind == EntityKind::Gpu ||
                              kind == EntityKind::Server || kind == EntityKind::Cdu ||
                              kind == EntityKind::NetworkRack;
        if (!measured)
            return set.ownColour(instance);
        return valueColour(size_t(entity) < values.size() ? values[size_t(entity)] : NAN, low, high);
    }
    }
    return set.ownColour(instance);
}

// Standing in an aisle, the racks ahead of the eye along the line of sight show their servers as closed boxes
// (the rack's own box steps aside), so that the aisle reads as rows of servers rather than two walls. Racks
// already in full detail keep it.
void FacilityScene::Private::addAisleServers(const CameraPose& camera) {
    const Facility& f = *facility;
    InstanceSet& racks = structure[EntityKind::Rack];
    const double lookX = camera.focalPoint[0] - camera.position[0];
    const double lookY = camera.focalPoint[1] - camera.position[1];
    const double lookLength = std::max(1e-9, std::hypot(lookX, lookY));
    std::vector<std::pair<double, EntityIndex>> ahead;
    for (EntityIndex rack : f.ofKind(EntityKind::Rack)) {
        const datamodel::Pose& pose = f.pose(rack);
        const double dx = double(pose.x) - camera.position[0], dy = double(pose.y) - camera.position[1];
        const double distance = std::hypot(dx, dy);
        const double alongLook = (dx * lookX + dy * lookY) / lookLength;
        const double besideLook = std::abs(dx * lookY - dy * lookX) / lookLength;
        if (distance <= kServerDetailRadius && alongLook > -kServerDetailBehind &&
            besideLook <= kAisleReach &&
            std::find(detailRacks.begin(), detailRacks.end(), rack) == detailRacks.end())
            ahead.emplace_back(distance, rack);
    }
    std::sort(ahead.begin(), ahead.end());
    if (ahead.size() > kMaxServerDetailRacks)
        ahead.resize(kMaxServerDetailRacks);
    for (const auto& [distance, rack] : ahead) {
        serverRacks.push_back(rack);
        racks.setVisible(rackInstanceOfEntity[size_t(rack)], false);
        for (EntityIndex server : f.children(rack))
            if (f.kind(server) == EntityKind::Server)
                servers.add(server, f.pose(server), kServerSled);
    }
}

FacilityScene::FacilityScene(std::shared_ptr<const Facility> facility, vtkRenderer* renderer)
    : d(std::make_unique<Private>()) {
    d->facility = std::move(facility);
    d->renderer = renderer;
    const Facility& f = *d->facility;
    d->unitBox->DeepCopy(makeFlatShadedUnitBox());

    d->rackInstanceOfEntity.assign(f.entityCount(), 0);
    for (const KindStyle& style : kStructureStyles) {
        InstanceSet& set = d->structure[style.kind];
        for (EntityIndex e : f.ofKind(style.kind)) {
            datamodel::Pose pose = f.pose(e);
            const bool slab = style.kind == EntityKind::Hall || style.kind == EntityKind::Building;
            if (style.kind == EntityKind::Building)
                pose.z -= 2 * kFloorThickness; // just under the halls' floors, so that both show
            Rgb colour = style.colour;
            if (style.kind == EntityKind::Rack) {
                d->rackInstanceOfEntity[size_t(e)] = set.size();
                if ((f.entities().slot[size_t(e)] / kRacksPerArray) % 2 == 1)
                    colour = kRackShadeOfOddArrays;
            }
            set.add(e, pose, colour, slab ? kFloorThickness : -1.0f);
        }
    }
    for (EntityIndex header : f.ofKind(EntityKind::Header))
        d->headers.add(header, f.pose(header),
                       f.entities().subtype[size_t(header)] == "return" ? kReturnHeader : kSupplyHeader);

    addCableBundles(f, d->cableBundles);

    // Actors go in front to back, the floors last: llvmpipe tests depth before shading, so what the
    // racks and their detail already cover is never shaded again for the floors beneath them.
    for (InstanceSet* detail : d->detailSets())
        detail->addTo(renderer, d->unitBox);
    d->counts.actors += d->detailSets().size();
    auto addKind = [&](InstanceSet& set) {
        d->counts.instances += set.size();
        if (set.size() > 0) {
            set.addTo(renderer, d->unitBox);
            ++d->counts.actors;
        }
    };
    for (const KindStyle& style : kStructureStyles)
        if (style.kind != EntityKind::Hall && style.kind != EntityKind::Building)
            addKind(d->structure[style.kind]);
    addKind(d->headers);
    addKind(d->cableBundles);
    addKind(d->structure[EntityKind::Hall]);
    addKind(d->structure[EntityKind::Building]);
    // Pipes: every segment's polyline as lines, supply blue, return red, one actor per diameter class
    // (lines wider for wider pipes). Most run below the floor, so they show through x-ray on cooling.
    for (std::size_t pipeClass = 0; pipeClass < std::size(kPipeClasses); ++pipeClass) {
        vtkNew<vtkPolyData> polydata;
        const std::size_t segments = buildPipeLines(f.pipes(), pipeClass, polydata);
        if (segments == 0)
            continue;
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputData(polydata);
        mapper->SetColorModeToDirectScalars();
        mapper->SetScalarModeToUseCellData();
        auto actor = vtkSmartPointer<vtkActor>::New();
        actor->SetMapper(mapper);
        actor->GetProperty()->SetLineWidth(kPipeClasses[pipeClass].lineWidth);
        actor->GetProperty()->LightingOff();
        renderer->AddActor(actor);
        d->pipes.push_back(actor);
        d->pipeSegments += segments;
        ++d->counts.actors;
    }
    for (Layer layer : kAllLayers)
        d->layerShown[layer] = true;
    d->applyLayers();

    auto label = [&](EntityIndex e, double lift, int fontSize) {
        const datamodel::Bounds bounds = f.subtreeBounds(e);
        auto text = vtkSmartPointer<vtkBillboardTextActor3D>::New();
        text->SetInput(std::string(f.name(e)).c_str());
        text->SetPosition((bounds.min[0] + bounds.max[0]) / 2.0, (bounds.min[1] + bounds.max[1]) / 2.0,
                          bounds.max[2] + lift);
        text->GetTextProperty()->SetFontSize(fontSize);
        text->GetTextProperty()->SetColor(0.95, 0.96, 0.98);
        text->GetTextProperty()->SetJustificationToCentered();
        text->GetTextProperty()->BoldOn();
        text->GetTextProperty()->ShadowOn();
        // Text is translucent, and one translucent prop makes VTK add an order-independent
        // transparency pass (full-screen buffers and a composite) to every frame: a fifth of the
        // frame on software OpenGL. Opaque labels draw last, over the scene; applyLayers() makes them
        // translucent again while x-ray needs that pass anyway.
        text->ForceOpaqueOn();
        renderer->AddActor(text);
        return text;
    };
    for (EntityIndex hall : f.ofKind(EntityKind::Hall))
        d->hallLabels.push_back(label(hall, 6.0, 22));
    for (EntityIndex row : f.ofKind(EntityKind::Row)) {
        d->rowLabels.push_back(label(row, 1.2, 14));
        d->rowLabels.back()->SetVisibility(false);
    }
    d->counts.labels = d->hallLabels.size() + d->rowLabels.size();
    d->legend = std::make_unique<Legend>(renderer);
    d->dateStamp = std::make_unique<DateStamp>(renderer);
    d->legend->showEntries(QStringLiteral("Kind"), kindLegend());
    d->counts.racks = f.count(EntityKind::Rack);
    d->counts.cdus = f.count(EntityKind::Cdu);
}

FacilityScene::~FacilityScene() {
    // The renderer may outlive this scene: take our actors back out of it.
    for (const auto& actor : d->pipes)
        d->renderer->RemoveActor(actor);
    for (const auto* labels : {&d->hallLabels, &d->rowLabels})
        for (const auto& text : *labels)
            d->renderer->RemoveActor(text);
    for (auto& [kind, set] : d->structure)
        if (set.actor())
            d->renderer->RemoveActor(set.actor());
    for (InstanceSet* set : d->allSets())
        if (set->actor())
            d->renderer->RemoveActor(set->actor());
}

const FacilitySceneCounts& FacilityScene::counts() const {
    return d->counts;
}

std::size_t FacilityScene::updateDetail(const CameraPose& camera) {
    const Facility& f = *d->facility;
    InstanceSet& racks = d->structure[EntityKind::Rack];
    for (const auto* list : {&d->detailRacks, &d->serverRacks})
        for (EntityIndex rack : *list)
            racks.setVisible(d->rackInstanceOfEntity[size_t(rack)], true);
    d->detailRacks.clear();
    d->serverRacks.clear();
    for (InstanceSet* detail : d->detailSets())
        detail->clear();

    const double eyeDistance =
        std::hypot(camera.position[0] - camera.focalPoint[0], camera.position[1] - camera.focalPoint[1],
                   camera.position[2] - camera.focalPoint[2]);
    // Row names only from inside a hall (they would clutter the overview); hall names from afar.
    // Each label is a draw of its own: only the rows around the point looked at get one.
    for (const auto& text : d->rowLabels) {
        const double* at = text->GetPosition();
        const double fromFocus = std::hypot(at[0] - camera.focalPoint[0], at[1] - camera.focalPoint[1]);
        text->SetVisibility(eyeDistance <= kRowLabelEyeDistance && fromFocus <= kRowLabelRadius);
    }
    for (const auto& text : d->hallLabels)
        text->SetVisibility(eyeDistance > kDetailEyeDistance);
    if (eyeDistance <= kDetailEyeDistance) {
        std::vector<std::pair<double, EntityIndex>> near;
        for (EntityIndex rack : f.ofKind(EntityKind::Rack)) {
            const double distance = distance2d(f.pose(rack), camera.focalPoint);
            if (distance <= kDetailRadius)
                near.emplace_back(distance, rack);
        }
        std::sort(near.begin(), near.end());
        if (near.size() > kMaxDetailRacks)
            near.resize(kMaxDetailRacks);
        for (std::size_t n = 0; n < near.size(); ++n) {
            const EntityIndex rack = near[n].second;
            d->detailRacks.push_back(rack);
            racks.setVisible(d->rackInstanceOfEntity[size_t(rack)], false);
            for (EntityIndex server : f.children(rack)) {
                if (f.kind(server) != EntityKind::Server)
                    continue;
                d->sleds.add(server, f.pose(server), kServerSled, kSledThickness);
                for (EntityIndex part : f.children(server)) {
                    const EntityKind kind = f.kind(part);
                    if (kind == EntityKind::Gpu)
                        d->gpus.add(part, f.pose(part), kGpuColour);
                    else if (n < kMaxPartDetailRacks && kind == EntityKind::Nic)
                        d->nics.add(part, f.pose(part), kNicColour);
                    else if (n < kMaxPartDetailRacks && kind == EntityKind::Psu)
                        d->psus.add(part, f.pose(part), kPsuColour);
                }
            }
        }
        d->addAisleServers(camera);
    }
    racks.commit();
    for (InstanceSet* detail : d->detailSets())
        d->applyOverlay(*detail); // new detail wears the overlay in force
    return d->detailRacks.size();
}

void FacilityScene::colourByKind() {
    d->overlay = Private::Overlay::Kind;
    d->legend->showEntries(QStringLiteral("Kind"), kindLegend());
    for (InstanceSet* set : d->allSets())
        d->applyOverlay(*set);
}

void FacilityScene::colourByStatus(std::span<const datamodel::InstallState> states, const QString& title,
                                   bool hideNotStarted) {
    d->overlay = Private::Overlay::Status;
    d->hideNotStarted = hideNotStarted;
    std::vector<LegendEntry> entries{{QStringLiteral("Installed (own colour)"), kRackColour},
                                     {QStringLiteral("In progress"), kInProgress}};
    if (!hideNotStarted)
        entries.push_back({QStringLiteral("Not started"), kNotStarted});
    d->legend->showEntries(title, std::move(entries));
    d->states.assign(states.begin(), states.end());
    for (InstanceSet* set : d->allSets())
        d->applyOverlay(*set);
}

void FacilityScene::colourByCategory(std::span<const std::uint8_t> categories,
                                     std::vector<LegendEntry> palette, const QString& title,
                                     std::vector<bool> hidden) {
    d->overlay = Private::Overlay::Category;
    d->hiddenCategories = std::move(hidden);
    // The legend lists what is drawn: a hidden category has no swatch.
    std::vector<LegendEntry> shown;
    for (std::size_t c = 0; c < palette.size(); ++c)
        if (c >= d->hiddenCategories.size() || !d->hiddenCategories[c])
            shown.push_back(palette[c]);
    d->legend->showEntries(title, std::move(shown));
    d->categories.assign(categories.begin(), categories.end());
    d->palette = std::move(palette);
    for (InstanceSet* set : d->allSets())
        d->applyOverlay(*set);
}

void FacilityScene::colourByProgress(std::span<const datamodel::Progress> progress,
                                     const datamodel::Schedule& schedule, const QString& title,
                                     bool hideNotDue) {
    const Facility& f = *d->facility;
    std::vector<std::uint8_t> categories(progress.size());
    for (std::size_t e = 0; e < progress.size(); ++e) {
        // Floors keep their own colour (a green building would drown the racks' story), and so does
        // what no task decides.
        const EntityKind kind = f.kind(EntityIndex(e));
        const bool floor = kind == EntityKind::Building || kind == EntityKind::Hall;
        categories[e] =
            floor || schedule.owner(EntityIndex(e)) == datamodel::kNoEntity ? 255 : std::uint8_t(progress[e]);
    }
    colourByCategory(categories, progressPalette(), title, {false, false, false, false, false, hideNotDue});
}

const std::vector<LegendEntry>& FacilityScene::progressPalette() {
    // In datamodel::Progress's order.
    static const std::vector<LegendEntry> palette{{QStringLiteral("Installed early"), {60, 120, 230}},
                                                  {QStringLiteral("Installed on time"), {60, 180, 90}},
                                                  {QStringLiteral("Installed late"), {220, 60, 50}},
                                                  {QStringLiteral("In progress"), {235, 200, 40}},
                                                  {QStringLiteral("Behind: due, not started"), {120, 40, 40}},
                                                  {QStringLiteral("Not yet due"), {52, 56, 66}}};
    return palette;
}

void FacilityScene::colourByValue(std::span<const float> values, float low, float high, const QString& title,
                                  const std::optional<Legend::Threshold>& threshold) {
    d->overlay = Private::Overlay::Value;
    d->legend->showColourBar(
        title, low, high, [low, high](float t) { return valueColour(low + t * (high - low), low, high); },
        {QStringLiteral("No data / stale"), kNoData}, threshold);
    d->values.assign(values.begin(), values.end());
    d->low = low;
    d->high = high;
    for (InstanceSet* set : d->allSets())
        d->applyOverlay(*set);
}

void FacilityScene::select(std::int32_t entity) {
    d->selected = entity;
    d->inSelection.assign(entity == datamodel::kNoEntity ? 0 : d->facility->entityCount(), false);
    if (entity != datamodel::kNoEntity)
        for (EntityIndex e : d->facility->subtree(entity))
            d->inSelection[size_t(e)] = true;
    for (InstanceSet* set : d->allSets())
        d->applyOverlay(*set);
}

const Legend& FacilityScene::legend() const {
    return *d->legend;
}

DateStamp& FacilityScene::dateStamp() {
    return *d->dateStamp;
}

const DateStamp& FacilityScene::dateStamp() const {
    return *d->dateStamp;
}

std::int32_t FacilityScene::selected() const {
    return d->selected;
}

std::optional<std::array<unsigned char, 3>> FacilityScene::drawnColour(std::int32_t entity) const {
    for (InstanceSet* set : d->allSets())
        for (std::size_t i = 0; i < set->size(); ++i)
            if (set->entityAt(i) == entity && set->isVisible(i))
                return d->overlayColour(*set, i);
    return std::nullopt;
}

void FacilityScene::setLayerVisible(Layer layer, bool visible) {
    d->layerShown[layer] = visible;
    d->applyLayers();
}

bool FacilityScene::layerVisible(Layer layer) const {
    return d->layerShown.at(layer);
}

void FacilityScene::setXRay(std::optional<Layer> focus) {
    d->xRay = focus;
    d->applyLayers();
}

std::size_t FacilityScene::pipeSegments() const {
    return d->pipeSegments;
}

QString layerName(Layer layer) {
    switch (layer) {
    case Layer::Structure:
        return QStringLiteral("structure");
    case Layer::Compute:
        return QStringLiteral("compute");
    case Layer::Network:
        return QStringLiteral("network");
    case Layer::Cooling:
        return QStringLiteral("cooling");
    case Layer::Power:
        return QStringLiteral("power");
    }
    return {};
}

std::optional<Layer> layerFromName(const QString& name) {
    for (Layer layer : kAllLayers)
        if (layerName(layer) == name)
            return layer;
    return std::nullopt;
}

std::size_t FacilityScene::drawnInstances() const {
    std::size_t drawn = d->headers.visibleCount() + d->cableBundles.visibleCount();
    for (const auto& [kind, set] : d->structure)
        drawn += set.visibleCount();
    for (const InstanceSet* detail : d->detailSets())
        drawn += detail->visibleCount();
    return drawn;
}

std::size_t FacilityScene::serverDetailRacks() const {
    return d->serverRacks.size();
}

std::vector<std::int32_t> FacilityScene::racksInDetail() const {
    std::vector<std::int32_t> racks(d->detailRacks.begin(), d->detailRacks.end());
    racks.insert(racks.end(), d->serverRacks.begin(), d->serverRacks.end());
    return racks;
}

std::size_t FacilityScene::drawnGpus() const {
    return d->gpus.visibleCount();
}

std::int32_t FacilityScene::pick(int x, int y) const {
    // A ray from the eye through the pixel, tested against the boxes actually drawn: exact, a few
    // thousand box tests (never the 100,000 GPUs that are not drawn), no read-back from the GPU.
    // (VTK 9.1's hardware selector found nothing for areas away from the window's edges here.)
    auto worldAt = [&](double depth) {
        // Through the pixel's centre: display coordinates put pixel (x, y)'s lower-left corner at (x, y).
        d->renderer->SetDisplayPoint(double(x) + 0.5, double(y) + 0.5, depth);
        d->renderer->DisplayToWorld();
        const double* world = d->renderer->GetWorldPoint();
        return std::array<double, 3>{world[0] / world[3], world[1] / world[3], world[2] / world[3]};
    };
    const std::array<double, 3> nearPoint = worldAt(0.0), farPoint = worldAt(1.0);
    const std::array<double, 3> direction{farPoint[0] - nearPoint[0], farPoint[1] - nearPoint[1],
                                          farPoint[2] - nearPoint[2]};
    std::optional<std::pair<double, datamodel::EntityIndex>> best;
    auto consider = [&](const InstanceSet& set) {
        if (!set.actor() || !set.actor()->GetVisibility())
            return; // a hidden layer cannot be clicked
        if (const auto hit = set.intersect(nearPoint, direction);
            hit && (!best || hit->distance < best->first))
            best = std::make_pair(hit->distance, set.entityAt(hit->instance));
    };
    for (const InstanceSet* set : d->detailSets())
        consider(*set);
    for (const InstanceSet* set : {&d->headers, &d->cableBundles})
        consider(*set);
    for (const auto& [kind, set] : d->structure)
        consider(set);
    return best ? best->second : datamodel::kNoEntity;
}

struct NaiveGpuScene::Private {
    vtkRenderer* renderer = nullptr;
    vtkNew<vtkPolyData> unitBox;
    InstanceSet gpus;
};

NaiveGpuScene::NaiveGpuScene(const Facility& facility, vtkRenderer* renderer)
    : d(std::make_unique<Private>()) {
    d->renderer = renderer;
    vtkNew<vtkCubeSource> cube;
    cube->Update();
    d->unitBox->DeepCopy(cube->GetOutput());
    for (EntityIndex gpu : facility.ofKind(EntityKind::Gpu))
        d->gpus.add(gpu, facility.pose(gpu), kGpuColour);
    d->gpus.addTo(renderer, d->unitBox, InstanceSet::Shading::VtkDefault);
}

NaiveGpuScene::~NaiveGpuScene() {
    if (d->gpus.actor())
        d->renderer->RemoveActor(d->gpus.actor());
}

std::size_t NaiveGpuScene::instances() const {
    return d->gpus.size();
}

namespace {

datamodel::Bounds plantAndBuildingBounds(const Facility& facility) {
    // The site's own box is the whole plot of land: frame what stands on it instead.
    datamodel::Bounds bounds;
    for (EntityIndex site : facility.ofKind(EntityKind::Site))
        for (EntityIndex child : facility.children(site))
            bounds.expand(facility.subtreeBounds(child));
    return bounds.isEmpty() ? facility.bounds() : bounds;
}

// A camera looking along `direction` (eye towards target) that fits the bounds' sphere in 30 degrees.
CameraPose framing(const datamodel::Bounds& bounds, std::array<double, 3> direction, double closeness) {
    std::array<double, 3> centre{}, half{};
    for (std::size_t axis = 0; axis < 3; ++axis) {
        centre[axis] = (double(bounds.min[axis]) + double(bounds.max[axis])) / 2.0;
        half[axis] = (double(bounds.max[axis]) - double(bounds.min[axis])) / 2.0;
    }
    const double radius = std::max(1.0, std::hypot(half[0], half[1], half[2]));
    const double length = std::hypot(direction[0], direction[1], direction[2]);
    constexpr double kHalfViewAngle = 15.0 * 3.14159265358979 / 180.0;
    const double distance = radius / std::sin(kHalfViewAngle) / closeness;
    CameraPose pose;
    pose.focalPoint = centre;
    for (std::size_t axis = 0; axis < 3; ++axis)
        pose.position[axis] = centre[axis] - direction[axis] / length * distance;
    return pose;
}

EntityIndex findByKindAndName(const Facility& facility, EntityKind kind, const QString& name) {
    const EntityIndex found = facility.findByName(name.toStdString());
    return found != datamodel::kNoEntity && facility.kind(found) == kind ? found : datamodel::kNoEntity;
}

constexpr double kEyeHeight = 1.7;
constexpr double kDegrees = 3.14159265358979 / 180.0;

} // namespace

std::optional<CameraPose> cameraToFrame(const Facility& facility, std::int32_t entity) {
    if (entity < 0 || std::size_t(entity) >= facility.entityCount() ||
        facility.subtreeBounds(entity).isEmpty())
        return std::nullopt;
    return framing(facility.subtreeBounds(entity), {0.8, 1.0, -0.9}, 1.3);
}

std::optional<CameraPose> cameraPreset(const Facility& facility, const QString& preset) {
    if (preset == QLatin1String("overview"))
        return framing(plantAndBuildingBounds(facility), {1.0, 1.3, -1.1}, 1.25);
    if (preset.startsWith(QLatin1String("hall:"))) {
        bool ok = false;
        const int number = preset.mid(5).toInt(&ok);
        const auto halls = facility.ofKind(EntityKind::Hall);
        if (!ok || number < 1 || number > int(halls.size()))
            return std::nullopt;
        return framing(facility.subtreeBounds(halls[size_t(number - 1)]), {0.8, 1.0, -1.3}, 1.6);
    }
    if (preset.startsWith(QLatin1String("aisle:"))) {
        // Standing at the west end of the aisle in front of the row, looking east along it.
        const EntityIndex row = findByKindAndName(facility, EntityKind::Row, preset.mid(6));
        if (row == datamodel::kNoEntity)
            return std::nullopt;
        const datamodel::Pose& pose = facility.pose(row);
        const double aisleY = pose.y - pose.depth / 2.0 - 1.2;
        CameraPose camera;
        camera.position = {pose.x - pose.width / 2.0 - 1.0, aisleY, kEyeHeight};
        camera.focalPoint = {pose.x + pose.width / 4.0, aisleY + 0.6, 1.2};
        return camera;
    }
    if (preset.startsWith(QLatin1String("rack:"))) {
        // In front of the rack (its local -y side), a step back, at eye height.
        const EntityIndex rack = findByKindAndName(facility, EntityKind::Rack, preset.mid(5));
        if (rack == datamodel::kNoEntity)
            return std::nullopt;
        const datamodel::Pose& pose = facility.pose(rack);
        const double yaw = double(pose.yaw) * kDegrees;
        const double frontX = std::sin(yaw), frontY = -std::cos(yaw);
        constexpr double kStepBack = 3.4;
        CameraPose camera;
        camera.focalPoint = {pose.x, pose.y, pose.height / 2.0};
        camera.position = {pose.x + frontX * kStepBack + 0.6, pose.y + frontY * kStepBack, kEyeHeight + 0.3};
        return camera;
    }
    return std::nullopt;
}

} // namespace twin::scene
