// Where the camera goes for a name or an entity: the presets the command line, the menus, recordings
// and benchmarks share, and a framing of anything double-clicked or alerted on.
#pragma once

#include "scene/CameraPose.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <span>

namespace twin::datamodel {
class Facility;
}

namespace twin::scene {

// The presets' grammar, for messages: "overview, hall:N, aisle:ROW, rack:NAME".
QString cameraPresetGrammar();
// The preset's shape is one of the grammar's (whether the model has that hall, row or rack or not).
bool isCameraPresetName(const QString& preset);

// Camera presets: "overview" (the building and the plant), "hall:N" (hall N from above), "aisle:ROW"
// (standing in the aisle beside row ROW, e.g. aisle:H1-R03, looking along it) and "rack:NAME" (in
// front of rack NAME, e.g. rack:H1-R03-K07). Nothing for an unknown preset or name.
std::optional<CameraPose> cameraPreset(const datamodel::Facility& facility, const QString& preset);

// A camera that frames an entity and everything below it, from above and to the south-west (for a
// flight to what was double-clicked or to an alert). Nothing for an entity without a size.
std::optional<CameraPose> cameraToFrame(const datamodel::Facility& facility, std::int32_t entity);
// The same for several together (the chillers and cooling towers of a plant, a power yard): nothing
// when none has a size.
std::optional<CameraPose> cameraToFrame(const datamodel::Facility& facility,
                                        std::span<const std::int32_t> entities);

} // namespace twin::scene
