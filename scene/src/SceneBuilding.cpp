#include "FacilitySceneParts.h"
#include "FlatShadedBox.h"

#include <cmath>
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

struct KindStyle {
    EntityKind kind;
    Rgb colour;
    const char* legendLabel; // nullptr: not in the legend (floors, whose colours explain themselves)
    Layer layer;
};
// Structure level, in drawing order (front to back: llvmpipe tests depth before shading, so what the
// racks already cover is never shaded again for what lies behind; the floors last). Kinds not listed
// (servers, GPUs, NICs, PSUs, manifolds, loops, shelves, switches inside racks) are detail for closer
// views. A new structure kind is one line here.
constexpr KindStyle kStructureStyles[] = {
    {EntityKind::Rack, kRackColour, "Rack", Layer::Compute},
    {EntityKind::Cdu, {40, 170, 200}, "CDU", Layer::Cooling},
    {EntityKind::NetworkRack, {70, 90, 150}, "Network rack", Layer::Network},
    {EntityKind::Tray, {230, 170, 40}, "Cable tray", Layer::Network},
    {EntityKind::Busway, {200, 110, 50}, "Busway", Layer::Power},
    {EntityKind::Switchgear, {160, 120, 90}, "Switchgear", Layer::Power},
    {EntityKind::Chiller, {120, 180, 230}, "Chiller", Layer::Cooling},
    {EntityKind::CoolingTower, {190, 200, 210}, "Cooling tower", Layer::Cooling},
    {EntityKind::Turbine, {150, 150, 150}, "Turbine", Layer::Power},
    {EntityKind::Battery, {225, 225, 215}, "Megapack", Layer::Power},
    {EntityKind::Substation, {110, 100, 90}, "Substation", Layer::Power},
};
// Halls and the building are floor slabs (walls and roof would hide everything inside), drawn last.
constexpr KindStyle kFloorStyles[] = {
    {EntityKind::Hall, {78, 86, 100}, nullptr, Layer::Structure},
    {EntityKind::Building, {58, 63, 72}, nullptr, Layer::Structure},
};
// Racks of neighbouring 512-GPU arrays alternate between two shades, so arrays read as units.
constexpr Rgb kRackShadeOfOddArrays{112, 120, 138};
constexpr int kRacksPerArray = 8;
constexpr float kFloorThickness = 0.05f;

void addKind(const Facility& f, const KindStyle& style, InstanceSet& set,
             std::vector<std::size_t>& rackInstanceOfEntity) {
    const bool slab = style.kind == EntityKind::Hall || style.kind == EntityKind::Building;
    for (EntityIndex e : f.ofKind(style.kind)) {
        datamodel::Pose pose = f.pose(e);
        if (style.kind == EntityKind::Building)
            pose.z -= 2 * kFloorThickness; // just under the halls' floors, so that both show
        Rgb colour = style.colour;
        if (style.kind == EntityKind::Rack) {
            rackInstanceOfEntity[size_t(e)] = set.size();
            if ((f.entities().slot[size_t(e)] / kRacksPerArray) % 2 == 1)
                colour = kRackShadeOfOddArrays;
        }
        set.add(e, pose, colour, slab ? kFloorThickness : -1.0f);
    }
}

// Cables lie in their trays as one bundle per tray: a square-packed cross-section of every cable
// routed along it, resting on the tray (at most the tray's width, then growing in height). One
// instance per tray, whatever the number of cables.
constexpr float kCableDiameter = 0.006f; // metres: DAC, AOC and fibre alike at this scale
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

void FacilityScene::Private::build() {
    const Facility& f = *facility;
    unitBox->DeepCopy(makeFlatShadedUnitBox());
    rackInstanceOfEntity.assign(f.entityCount(), 0);

    // The list, in drawing order: the detail near the eye first, the structure, the floors last.
    gpus = &addSet(Layer::Compute, SetRole::Detail);
    sleds = &addSet(Layer::Compute, SetRole::Detail);
    servers = &addSet(Layer::Compute, SetRole::Detail); // closed boxes along an aisle (no parts inside)
    nics = &addSet(Layer::Network, SetRole::Detail);
    psus = &addSet(Layer::Power, SetRole::Detail);
    for (const KindStyle& style : kStructureStyles) {
        InstanceSet& set = addSet(style.layer, SetRole::Structure);
        addKind(f, style, set, rackInstanceOfEntity);
        if (style.kind == EntityKind::Rack)
            racks = &set;
    }
    InstanceSet& headers = addSet(Layer::Cooling, SetRole::Structure);
    for (EntityIndex header : f.ofKind(EntityKind::Header))
        headers.add(header, f.pose(header),
                    f.entities().subtype[size_t(header)] == "return" ? kReturnHeader : kSupplyHeader);
    addCableBundles(f, addSet(Layer::Network, SetRole::Structure)); // one per tray that carries cables
    for (const KindStyle& style : kFloorStyles)
        addKind(f, style, addSet(style.layer, SetRole::Floor), rackInstanceOfEntity);

    for (const auto& set : sets) {
        // Detail sets start empty and fill near the camera: they always have their actor.
        if (set->role != SetRole::Detail) {
            counts.instances += set->instances.size();
            if (set->instances.size() == 0)
                continue;
        }
        set->instances.addTo(renderer, unitBox);
        ++counts.actors;
    }
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
        pipes.push_back(actor);
        pipeSegments += segments;
        ++counts.actors;
    }
    for (Layer layer : kAllLayers)
        layerShown[layer] = true;
    applyLayers();

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
        hallLabels.push_back(label(hall, 6.0, 22));
    for (EntityIndex row : f.ofKind(EntityKind::Row)) {
        rowLabels.push_back(label(row, 1.2, 14));
        rowLabels.back()->SetVisibility(false);
    }
    counts.labels = hallLabels.size() + rowLabels.size();
    legend = std::make_unique<Legend>(renderer);
    dateStamp = std::make_unique<DateStamp>(renderer);
    caption = std::make_unique<Caption>(renderer);
    caption->keepClearOf(*legend);
    legend->showEntries(QStringLiteral("Kind"), kindLegend());
    counts.racks = f.count(EntityKind::Rack);
    counts.cdus = f.count(EntityKind::Cdu);
}

} // namespace twin::scene
