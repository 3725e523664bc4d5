// The facility in 3D: building, halls, racks with their CDUs, network racks, trays, pipe headers,
// busways and the outdoor plant, each kind drawn as one instanced set (never one actor per entity).
// This is the structure level of detail; servers and GPUs up close come next (issue 4).
#pragma once

#include "scene/CameraPose.h"

#include <QString>
#include <cstddef>
#include <optional>

class vtkRenderer;

namespace twin::datamodel {
class Facility;
}

namespace twin::scene {

struct FacilitySceneCounts {
    std::size_t instances = 0; // boxes drawn, all kinds together
    std::size_t racks = 0;
    std::size_t cdus = 0;
    std::size_t actors = 0; // one per drawn kind, whatever the model's size
};

// Adds the facility to `renderer` (which it leaves otherwise as it was).
FacilitySceneCounts populateFacilityScene(vtkRenderer* renderer, const datamodel::Facility& facility);

// Camera presets: "overview" (the building and the plant around it) or "hall:N" (hall N from above
// its south-west corner). Returns nothing for an unknown preset or a hall that does not exist.
std::optional<CameraPose> cameraPreset(const datamodel::Facility& facility, const QString& preset);

} // namespace twin::scene
