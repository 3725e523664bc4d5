#include "InstanceSet.h"

#include <vtkActor.h>
#include <vtkBitArray.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

InstanceSet::InstanceSet() {
    scales_->SetName("scale");
    scales_->SetNumberOfComponents(3);
    rotations_->SetName("rotation");
    rotations_->SetNumberOfComponents(3);
    colours_->SetName("colour");
    colours_->SetNumberOfComponents(3);
    visible_->SetName("visible");
    visible_->SetNumberOfComponents(1);
    instances_->SetPoints(points_);
    instances_->GetPointData()->AddArray(scales_);
    instances_->GetPointData()->AddArray(rotations_);
    instances_->GetPointData()->AddArray(visible_);
    instances_->GetPointData()->SetScalars(colours_);
}

InstanceSet::~InstanceSet() = default;

void InstanceSet::add(datamodel::EntityIndex entity, const datamodel::Pose& pose, const Rgb& colour,
                      float heightOverride) {
    const float height = heightOverride >= 0.0f ? heightOverride : pose.height;
    entities_.push_back(entity);
    points_->InsertNextPoint(pose.x, pose.y, pose.z + height / 2.0f);
    scales_->InsertNextTuple3(pose.width, pose.depth, height);
    rotations_->InsertNextTuple3(0.0, 0.0, pose.yaw);
    colours_->InsertNextTuple3(colour[0], colour[1], colour[2]);
    visible_->InsertNextValue(1);
}

void InstanceSet::clear() {
    entities_.clear();
    points_->Reset();
    scales_->Reset();
    rotations_->Reset();
    colours_->Reset();
    visible_->Reset();
    commit();
}

std::size_t InstanceSet::visibleCount() const {
    std::size_t count = 0;
    for (vtkIdType i = 0; i < visible_->GetNumberOfValues(); ++i)
        count += visible_->GetValue(i) != 0 ? 1 : 0;
    return count;
}

void InstanceSet::setVisible(std::size_t instance, bool visible) {
    visible_->SetValue(vtkIdType(instance), visible ? 1 : 0);
}

void InstanceSet::setColour(std::size_t instance, const Rgb& colour) {
    colours_->SetTypedTuple(vtkIdType(instance), colour.data());
}

void InstanceSet::commit() {
    points_->Modified();
    scales_->Modified();
    rotations_->Modified();
    colours_->Modified();
    visible_->Modified();
    instances_->Modified();
}

vtkActor* InstanceSet::addTo(vtkRenderer* renderer, vtkPolyData* unitBox) {
    if (!actor_) {
        mapper_ = vtkSmartPointer<vtkGlyph3DMapper>::New();
        mapper_->SetInputData(instances_);
        mapper_->SetSourceData(unitBox);
        mapper_->SetScaleArray("scale");
        mapper_->SetScaleModeToScaleByVectorComponents();
        mapper_->SetOrientationArray("rotation");
        mapper_->SetOrientationModeToRotation();
        mapper_->SetMaskArray("visible");
        mapper_->MaskingOn();
        mapper_->SetColorModeToDirectScalars();
        mapper_->ScalarVisibilityOn();
        actor_ = vtkSmartPointer<vtkActor>::New();
        actor_->SetMapper(mapper_);
        // Some ambient light keeps faces turned away from every light (rack fronts seen from an aisle)
        // readable instead of black.
        actor_->GetProperty()->SetAmbient(0.3);
        actor_->GetProperty()->SetDiffuse(0.8);
        // A little specular light gives large flat surfaces (hall floors, rack tops) a gradient that
        // tells their orientation and distance apart, where flat shading paints them one colour.
        actor_->GetProperty()->SetSpecular(0.25);
        actor_->GetProperty()->SetSpecularPower(12.0);
    }
    renderer->AddActor(actor_);
    return actor_;
}

} // namespace twin::scene
