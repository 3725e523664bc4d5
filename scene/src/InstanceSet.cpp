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
#include <vtkShaderProperty.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

namespace {

// Boxes have flat faces and the lights are directional, so lighting each vertex gives the same
// colours as lighting each fragment, at a fraction of the cost where llvmpipe shades every pixel on
// the CPU (bench render: +30 % frames/s in the rack view). VTK's own lighting is switched off and the
// instance colour is scaled in the vertex shader, after VTK has set the colour and the view-space
// normal (the PositionVC tag comes last in the glyph vertex shader).
//   ambient 0.25 keeps faces turned away from both lights (rack fronts seen from an aisle) readable;
//   a headlight (0.55) lights what the eye faces; a sun high in the south-west (0.45) makes tops
//   brighter than sides, so boxes read as boxes from above.
constexpr const char* kPerVertexLighting = R"(//VTK::PositionVC::Impl
  {
    vec3 normalVC = normalize(normalVCVSOutput);
    vec3 towardsSunVC = normalize(normalMatrix * vec3(-0.218, -0.436, 0.873));
    float light = 0.25 + 0.75 * (0.55 * max(normalVC.z, 0.0) + 0.45 * max(dot(normalVC, towardsSunVC), 0.0));
    vertexColorVSOutput.rgb *= light;
  }
)";

void lightPerVertex(vtkActor& actor) {
    actor.GetProperty()->LightingOff();
    actor.GetProperty()->SetAmbient(0.0);
    actor.GetProperty()->SetDiffuse(1.0);
    actor.GetShaderProperty()->AddVertexShaderReplacement("//VTK::PositionVC::Impl", true, kPerVertexLighting,
                                                          false);
    // One colour per triangle, from its last vertex: with the box of FlatShadedBox.h that is the
    // vertex carrying the face's normal. Replaced after VTK has written its declarations.
    actor.GetShaderProperty()->AddVertexShaderReplacement("out vec4 vertexColorVSOutput;", false,
                                                          "flat out vec4 vertexColorVSOutput;", false);
    actor.GetShaderProperty()->AddFragmentShaderReplacement("in vec4 vertexColorVSOutput;", false,
                                                            "flat in vec4 vertexColorVSOutput;", false);
    // VTK's fragment shader ends with "if (alpha <= 0) discard;". A shader that may discard makes
    // llvmpipe shade a fragment before it may write its depth, so what lies behind a near box is
    // shaded too; without it the depth test comes first (bench render, rack view: +20 % frames/s).
    // Instance colours are never fully transparent (x-ray draws at 0.12), so nothing is lost.
    actor.GetShaderProperty()->AddFragmentShaderReplacement("if (gl_FragData[0].a <= 0.0)", false,
                                                            "if (false)", false);
}

} // namespace

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
    hidden_.push_back(false);
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
    hidden_.clear();
    ownColours_.clear();
    points_->Reset();
    scales_->Reset();
    rotations_->Reset();
    colours_->Reset();
    visible_->Reset();
    commit();
}

std::size_t InstanceSet::visibleCount() const {
    std::size_t visible = 0;
    for (std::size_t i = 0; i < shown_.size(); ++i)
        visible += isVisible(i) ? 1 : 0;
    return visible;
}

void InstanceSet::setVisible(std::size_t instance, bool visible) {
    shown_[instance] = visible;
    visible_->SetValue(vtkIdType(instance), isVisible(instance) ? 1 : 0);
}

std::optional<InstanceSet::Hit> InstanceSet::intersect(const std::array<double, 3>& origin,
                                                       const std::array<double, 3>& direction) const {
    constexpr double kDegrees = 3.14159265358979 / 180.0;
    std::optional<Hit> nearest;
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        if (!isVisible(i))
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

void InstanceSet::setHiddenByOverlay(std::size_t instance, bool hidden) {
    hidden_[instance] = hidden;
    visible_->SetValue(vtkIdType(instance), isVisible(instance) ? 1 : 0);
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

vtkActor* InstanceSet::addTo(vtkRenderer* renderer, vtkPolyData* unitBox, Shading shading) {
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
        // Closed boxes: their back faces are never seen, and not shading them halves the fragments.
        actor_->GetProperty()->BackfaceCullingOn();
        if (shading == Shading::PerVertex)
            lightPerVertex(*actor_);
    }
    renderer->AddActor(actor_);
    return actor_;
}

} // namespace twin::scene
