// Writes a loaded Facility back into a model, ids and all: "save as" for what the Facility holds
// (entities, cables, pipes, feeds, tasks and their links). Notes, bindings and the audit log live only
// in the file and are not part of a Facility.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ModelWriter.h"

namespace twin::datamodel {

void writeFacility(const Facility& facility, ModelWriter& writer);

} // namespace twin::datamodel
