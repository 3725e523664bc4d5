// One kind of thing drawn as instances of one unit box: a vtkGlyph3DMapper fed with per-instance
// position, size, rotation, colour and visibility arrays. Overlays and level of detail change those
// arrays in place (and mark them modified); they never rebuild the actor.
#pragma once

#include "datamodel/Facility.h"

#include <array>
#include <optional>
#include <vector>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBitArray;
class vtkFloatArray;
class vtkGlyph3DMapper;
class vtkPoints;
class vtkPolyData;
class vtkRenderer;
class vtkUnsignedCharArray;

namespace twin::scene {

using Rgb = std::array<unsigned char, 3>;

class InstanceSet {
public:
    InstanceSet();
    ~InstanceSet();

    // Adds an entity's box; `heightOverride` >= 0 draws it that tall from its bottom (floor slabs, sleds).
    void add(datamodel::EntityIndex entity, const datamodel::Pose& pose, const Rgb& colour,
             float heightOverride = -1.0f);
    void clear();
    std::size_t size() const { return entities_.size(); }
    datamodel::EntityIndex entityAt(std::size_t instance) const { return entities_[instance]; }
    std::size_t visibleCount() const;
    // Drawn: shown by the level of detail and not hidden by an overlay.
    bool isVisible(std::size_t instance) const { return shown_[instance] && !hidden_[instance]; }

    // The nearest visible instance a ray hits: its index and the distance along the ray (in units of
    // `direction`), or nothing. Boxes are tested exactly, turned by their yaw.
    struct Hit {
        std::size_t instance = 0;
        double distance = 0.0;
    };
    std::optional<Hit> intersect(const std::array<double, 3>& origin,
                                 const std::array<double, 3>& direction) const;

    void setVisible(std::size_t instance, bool visible);
    // An overlay's say (the timeline hides what is not installed yet), kept apart from the level of
    // detail's so that neither undoes the other.
    void setHiddenByOverlay(std::size_t instance, bool hidden);
    void setColour(std::size_t instance, const Rgb& colour);
    // The colour the instance was added with (its kind's), for overlays to return to.
    const Rgb& ownColour(std::size_t instance) const { return ownColours_[instance]; }
    // Tells VTK the arrays changed: one call after a batch of set* calls.
    void commit();

    // How the boxes are lit. PerVertex: a headlight and a sun evaluated once per vertex, exact for
    // flat faces and far cheaper on software OpenGL than VTK's per-fragment lighting, which
    // VtkDefault keeps (the naive baseline of the render bench draws what plain VTK would).
    enum class Shading { PerVertex, VtkDefault };
    // Creates the actor (once) and adds it to `renderer`; `unitBox` is the shared source shape.
    vtkActor* addTo(vtkRenderer* renderer, vtkPolyData* unitBox, Shading shading = Shading::PerVertex);
    vtkActor* actor() const { return actor_; }

private:
    std::vector<datamodel::EntityIndex> entities_;
    std::vector<datamodel::Pose> boxes_; // as drawn (floor slabs and sleds with their drawn height)
    std::vector<bool> shown_;
    std::vector<bool> hidden_;
    std::vector<Rgb> ownColours_;
    vtkNew<vtkPoints> points_;
    vtkNew<vtkFloatArray> scales_, rotations_;
    vtkNew<vtkUnsignedCharArray> colours_;
    vtkNew<vtkBitArray> visible_; // VTK's OpenGL glyph mapper masks only with a bit array
    vtkNew<vtkPolyData> instances_;
    vtkSmartPointer<vtkGlyph3DMapper> mapper_;
    vtkSmartPointer<vtkActor> actor_;
};

} // namespace twin::scene
