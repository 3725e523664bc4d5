#include "scene/FacilityScene.h"

#include "datamodel/Facility.h"

#include <array>
#include <cmath>
#include <map>
#include <vtkActor.h>
#include <vtkCubeSource.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkLightKit.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

using Rgb = std::array<unsigned char, 3>;

// What each kind looks like at the structure level. Kinds not listed (servers, GPUs, NICs, PSUs,
// manifolds, loops, shelves, switches inside racks) are detail for closer views.
struct KindStyle {
    EntityKind kind;
    Rgb colour;
};
constexpr KindStyle kStructureStyles[] = {
    {EntityKind::Building, {40, 45, 52}},     {EntityKind::Hall, {58, 65, 77}},
    {EntityKind::Rack, {96, 104, 120}},       {EntityKind::Cdu, {40, 170, 200}},
    {EntityKind::NetworkRack, {70, 90, 150}}, {EntityKind::Tray, {230, 170, 40}},
    {EntityKind::Busway, {200, 110, 50}},     {EntityKind::Switchgear, {160, 120, 90}},
    {EntityKind::Chiller, {120, 180, 230}},   {EntityKind::CoolingTower, {190, 200, 210}},
    {EntityKind::Turbine, {150, 150, 150}},   {EntityKind::Battery, {225, 225, 215}},
    {EntityKind::Substation, {110, 100, 90}},
};
constexpr Rgb kSupplyHeader{40, 110, 230};
constexpr Rgb kReturnHeader{220, 60, 50};
// Halls and the building are drawn as floor slabs: walls and roof would hide everything inside.
constexpr float kHallFloorThickness = 0.05f;

class InstancedBoxes {
public:
    InstancedBoxes() {
        scales_->SetName("scale");
        scales_->SetNumberOfComponents(3);
        rotations_->SetName("rotation");
        rotations_->SetNumberOfComponents(3);
        colours_->SetName("colour");
        colours_->SetNumberOfComponents(3);
    }

    void add(const datamodel::Pose& pose, const Rgb& colour, float heightOverride = -1.0f) {
        const float height = heightOverride >= 0.0f ? heightOverride : pose.height;
        points_->InsertNextPoint(pose.x, pose.y, pose.z + height / 2.0f);
        scales_->InsertNextTuple3(pose.width, pose.depth, height);
        rotations_->InsertNextTuple3(0.0, 0.0, pose.yaw);
        colours_->InsertNextTuple3(colour[0], colour[1], colour[2]);
    }

    std::size_t size() const { return std::size_t(points_->GetNumberOfPoints()); }

    void addTo(vtkRenderer* renderer, vtkPolyData* unitCube) {
        if (size() == 0)
            return;
        vtkNew<vtkPolyData> instances;
        instances->SetPoints(points_);
        instances->GetPointData()->AddArray(scales_);
        instances->GetPointData()->AddArray(rotations_);
        instances->GetPointData()->SetScalars(colours_);
        vtkNew<vtkGlyph3DMapper> mapper;
        mapper->SetInputData(instances);
        mapper->SetSourceData(unitCube);
        mapper->SetScaleArray("scale");
        mapper->SetScaleModeToScaleByVectorComponents();
        mapper->SetOrientationArray("rotation");
        mapper->SetOrientationModeToRotation();
        mapper->SetColorModeToDirectScalars();
        mapper->ScalarVisibilityOn();
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        // A little specular light gives large flat surfaces (hall floors, rack tops) a gradient that
        // tells their orientation and distance apart, where flat shading would paint them one colour.
        actor->GetProperty()->SetSpecular(0.25);
        actor->GetProperty()->SetSpecularPower(12.0);
        renderer->AddActor(actor);
    }

private:
    vtkNew<vtkPoints> points_;
    vtkNew<vtkFloatArray> scales_, rotations_;
    vtkNew<vtkUnsignedCharArray> colours_;
};

datamodel::Bounds plantAndBuildingBounds(const Facility& facility) {
    // The site's own box is the whole plot of land: frame what stands on it instead.
    datamodel::Bounds bounds;
    for (EntityIndex site : facility.ofKind(EntityKind::Site))
        for (EntityIndex child : facility.children(site))
            bounds.expand(facility.subtreeBounds(child));
    return bounds.isEmpty() ? facility.bounds() : bounds;
}

// A camera looking along `direction` (from the eye towards the target) that fits the bounds' sphere
// in a 30 degree view.
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
    pose.viewUp = {0.0, 0.0, 1.0};
    return pose;
}

} // namespace

FacilitySceneCounts populateFacilityScene(vtkRenderer* renderer, const Facility& facility) {
    vtkNew<vtkCubeSource> cube;
    cube->Update();
    // Key, fill and back lights: the three visible faces of a box each get their own brightness.
    vtkNew<vtkLightKit> lights;
    lights->AddLightsToRenderer(renderer);
    std::map<EntityKind, InstancedBoxes> sets;
    InstancedBoxes headers;
    FacilitySceneCounts counts;
    for (const KindStyle& style : kStructureStyles) {
        InstancedBoxes& set = sets[style.kind];
        for (EntityIndex e : facility.ofKind(style.kind)) {
            const datamodel::Pose& pose = facility.pose(e);
            // The building's floor sits just under the halls' so that both show.
            const bool slab = style.kind == EntityKind::Hall || style.kind == EntityKind::Building;
            datamodel::Pose drawn = pose;
            if (style.kind == EntityKind::Building)
                drawn.z -= 2 * kHallFloorThickness;
            set.add(drawn, style.colour, slab ? kHallFloorThickness : -1.0f);
        }
    }
    for (EntityIndex header : facility.ofKind(EntityKind::Header))
        headers.add(facility.pose(header),
                    facility.entities().subtype[size_t(header)] == "return" ? kReturnHeader : kSupplyHeader);
    for (auto& [kind, set] : sets) {
        counts.instances += set.size();
        counts.actors += set.size() > 0 ? 1 : 0;
        set.addTo(renderer, cube->GetOutput());
    }
    counts.instances += headers.size();
    counts.actors += headers.size() > 0 ? 1 : 0;
    headers.addTo(renderer, cube->GetOutput());
    counts.racks = facility.count(EntityKind::Rack);
    counts.cdus = facility.count(EntityKind::Cdu);
    return counts;
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
    return std::nullopt;
}

} // namespace twin::scene
