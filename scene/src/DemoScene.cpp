#include "scene/DemoScene.h"

#include "scene/ViewWidget.h"

#include <array>
#include <vtkActor.h>
#include <vtkCubeSource.h>
#include <vtkCylinderSource.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkNew.h>
#include <vtkPlaneSource.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

namespace {

// Dimensions in metres, in the facility frame (x along a row, y across rows, z up, floor at z = 0).
constexpr int kRows = 4;
constexpr int kRacksPerRow = 10;
constexpr double kRackWidth = 0.6;
constexpr double kRackDepth = 1.2;
constexpr double kRackHeight = 2.3;
constexpr double kCduHeight = 0.18; // the 4U CDU at the bottom of each rack
constexpr double kRackGap = 0.05;
constexpr double kRowPitch = 4.2; // rack depth plus the aisle in front of it
constexpr double kTrayHeight = 3.0;
constexpr double kPipeDepth = -0.45; // below the raised floor
constexpr double kPipeRadius = 0.12;

using Rgb = std::array<unsigned char, 3>;
constexpr Rgb kRackColour{96, 104, 120};
constexpr Rgb kCduColour{40, 170, 200};
constexpr Rgb kTrayColour{230, 170, 40};
constexpr Rgb kSupplyColour{40, 110, 230};
constexpr Rgb kReturnColour{220, 60, 50};

// One set of identical shapes drawn as instances: positions, per-axis scales and colours per instance.
class InstanceSet {
public:
    explicit InstanceSet(vtkPolyData* unitShape) : unitShape_(unitShape) {
        scales_->SetName("scale");
        scales_->SetNumberOfComponents(3);
        colours_->SetName("colour");
        colours_->SetNumberOfComponents(3);
    }

    void add(double x, double y, double z, double sx, double sy, double sz, const Rgb& colour) {
        points_->InsertNextPoint(x, y, z);
        scales_->InsertNextTuple3(sx, sy, sz);
        colours_->InsertNextTuple3(colour[0], colour[1], colour[2]);
    }

    int size() const { return int(points_->GetNumberOfPoints()); }

    void addTo(vtkRenderer* renderer) {
        vtkNew<vtkPolyData> instances;
        instances->SetPoints(points_);
        instances->GetPointData()->AddArray(scales_);
        instances->GetPointData()->SetScalars(colours_);
        vtkNew<vtkGlyph3DMapper> mapper;
        mapper->SetInputData(instances);
        mapper->SetSourceData(unitShape_);
        mapper->SetScaleArray("scale");
        mapper->SetScaleModeToScaleByVectorComponents();
        mapper->SetColorModeToDirectScalars();
        mapper->ScalarVisibilityOn();
        mapper->OrientOff();
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        renderer->AddActor(actor);
    }

private:
    vtkPolyData* unitShape_;
    vtkNew<vtkPoints> points_;
    vtkNew<vtkFloatArray> scales_;
    vtkNew<vtkUnsignedCharArray> colours_;
};

vtkSmartPointer<vtkPolyData> unitCube() {
    vtkNew<vtkCubeSource> cube; // 1 x 1 x 1 centred on the origin
    cube->Update();
    return cube->GetOutput();
}

// A unit cylinder lying along x, so that instances scale its length with sx and its radius with sy, sz.
vtkSmartPointer<vtkPolyData> unitCylinderAlongX() {
    vtkNew<vtkCylinderSource> cylinder;
    cylinder->SetResolution(16);
    cylinder->SetHeight(1.0);
    cylinder->SetRadius(1.0);
    vtkNew<vtkTransform> alongX;
    alongX->RotateZ(90.0);
    vtkNew<vtkTransformPolyDataFilter> rotate;
    rotate->SetInputConnection(cylinder->GetOutputPort());
    rotate->SetTransform(alongX);
    rotate->Update();
    return rotate->GetOutput();
}

void addFloorGrid(vtkRenderer* renderer, double halfLength, double halfWidth) {
    vtkNew<vtkPlaneSource> floor;
    floor->SetOrigin(-halfLength, -halfWidth, 0.0);
    floor->SetPoint1(halfLength, -halfWidth, 0.0);
    floor->SetPoint2(-halfLength, halfWidth, 0.0);
    floor->SetResolution(int(2 * halfLength / kRackWidth), int(2 * halfWidth / kRackWidth));
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(floor->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetRepresentationToWireframe();
    actor->GetProperty()->SetColor(0.30, 0.34, 0.40);
    actor->GetProperty()->LightingOff();
    renderer->AddActor(actor);
}

} // namespace

DemoSceneCounts populateDemoScene(vtkRenderer* renderer) {
    const vtkSmartPointer<vtkPolyData> cube = unitCube();
    const vtkSmartPointer<vtkPolyData> cylinder = unitCylinderAlongX();
    InstanceSet racks(cube);
    InstanceSet cdus(cube);
    InstanceSet trays(cube);
    InstanceSet pipes(cylinder);

    const double rowLength = kRacksPerRow * (kRackWidth + kRackGap);
    const double firstRackX = -rowLength / 2.0 + kRackWidth / 2.0;
    const double firstRowY = -(kRows - 1) * kRowPitch / 2.0;
    for (int row = 0; row < kRows; ++row) {
        const double y = firstRowY + row * kRowPitch;
        for (int rack = 0; rack < kRacksPerRow; ++rack) {
            const double x = firstRackX + rack * (kRackWidth + kRackGap);
            const double bodyHeight = kRackHeight - kCduHeight;
            racks.add(x, y, kCduHeight + bodyHeight / 2.0, kRackWidth, kRackDepth, bodyHeight, kRackColour);
            cdus.add(x, y, kCduHeight / 2.0, kRackWidth, kRackDepth, kCduHeight, kCduColour);
        }
        trays.add(0.0, y, kTrayHeight, rowLength, 0.6, 0.1, kTrayColour);
        // Supply and return headers run under each row, side by side.
        pipes.add(0.0, y - 0.3, kPipeDepth, rowLength, kPipeRadius, kPipeRadius, kSupplyColour);
        pipes.add(0.0, y + 0.3, kPipeDepth, rowLength, kPipeRadius, kPipeRadius, kReturnColour);
    }
    for (InstanceSet* set : {&racks, &cdus, &trays, &pipes})
        set->addTo(renderer);
    addFloorGrid(renderer, rowLength / 2.0 + 2.0, kRows * kRowPitch / 2.0 + 1.0);
    return {racks.size(), cdus.size(), trays.size(), pipes.size()};
}

DemoSceneCounts populateDemoScene(ViewWidget& view) {
    return populateDemoScene(view.renderer());
}

} // namespace twin::scene
