#include "InstanceSet.h"

#include <algorithm>
#include <cmath>
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
    boxes_.push_back(pose);
    boxes_.back().height = height;
    shown_.push_back(true);
    ownColours_.push_back(colour);
    points_->InsertNextPoint(pose.x, pose.y, pose.z + height / 2.0f);
    scales_->InsertNextTuple3(pose.width, pose.depth, height);
    rotations_->InsertNextTuple3(0.0, 0.0, pose.yaw);
    colours_->InsertNextTuple3(colour[0], colour[1], colour[2]);
    visible_->InsertNextValue(1);
}

void InstanceSet::clear() {
    entities_.clear();
    boxes_.clear();
    shown_.clear();
    ownColours_.clear();
    points_->Reset();
    scales_->Reset();
    rotations_->Reset();
    colours_->Reset();
    visible_->Reset();
    commit();
}

std::size_t InstanceSet::visibleCount() const {
    return std::size_t(std::count(shown_.begin(), shown_.end(), true));
}

void InstanceSet::setVisible(std::size_t instance, bool visible) {
    shown_[instance] = visible;
    visible_->SetValue(vtkIdType(instance), visible ? 1 : 0);
}

std::optional<InstanceSet::Hit> InstanceSet::intersect(const std::array<double, 3>& origin,
                                                       const std::array<double, 3>& direction) const {
    constexpr double kDegrees = 3.14159265358979 / 180.0;
    std::optional<Hit> nearest;
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        if (!shown_[i])
            continue;
        const datamodel::Pose& box = boxes_[i];
        // Into the box's own frame: centred, unturned. Then the slab test on each axis.
        const double c = std::cos(-double(box.yaw) * kDegrees), s = std::sin(-double(box.yaw) * kDegrees);
        const double ox = origin[0] - box.x, oy = origin[1] - box.y,
                     oz = origin[2] - (box.z + box.height / 2.0);
        const std::array<double, 3> o{c * ox - s * oy, s * ox + c * oy, oz};
        const std::array<double, 3> d{c * direction[0] - s * direction[1],
                                      s * direction[0] + c * direction[1], direction[2]};
        const std::array<double, 3> half{box.width / 2.0, box.depth / 2.0, box.height / 2.0};
        double enter = 0.0, leave = 1e300;
        bool missed = false;
        for (std::size_t axis = 0; axis < 3 && !missed; ++axis) {
            if (std::abs(d[axis]) < 1e-12) {
                missed = std::abs(o[axis]) > half[axis];
                continue;
            }
            double t0 = (-half[axis] - o[axis]) / d[axis], t1 = (half[axis] - o[axis]) / d[axis];
            if (t0 > t1)
                std::swap(t0, t1);
            enter = std::max(enter, t0);
            leave = std::min(leave, t1);
            missed = enter > leave;
        }
        if (!missed && (!nearest || enter < nearest->distance))
            nearest = Hit{i, enter};
    }
    return nearest;
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
        actor_->GetProperty()->SetAmbient(0.25);
        actor_->GetProperty()->SetDiffuse(0.75);
        // Closed boxes: their back faces are never seen, and not shading them halves the fragments.
        actor_->GetProperty()->BackfaceCullingOn();
        // A little specular light gives large flat surfaces (hall floors, rack tops) a gradient that
        // tells their orientation and distance apart, where flat shading paints them one colour.
        actor_->GetProperty()->SetSpecular(0.3);
        actor_->GetProperty()->SetSpecularPower(6.0);
    }
    renderer->AddActor(actor_);
    return actor_;
}

} // namespace twin::scene
