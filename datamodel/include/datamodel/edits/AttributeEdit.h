// Attribute edits (the inspector's Edit Attributes...): an entity's model, serial, hostname, UUID and
// free attributes (a JSON object; the asset tag is its "asset_tag"). Checked against the loaded model
// first (EditRefused, nothing written): the attributes must be a JSON object, and a serial, UUID or
// hostname another entity holds is refused naming it. applyEdit checks uniqueness again in the file.
#pragma once

#include "datamodel/edits/ProgressEdit.h"

namespace twin::datamodel {

EntityFields entityFieldsOf(const Facility& facility, EntityIndex entity);

// The edit (empty when nothing changes). Throws EditRefused.
Edit attributeEdit(const Facility& facility, EntityIndex entity, const EntityFields& after);

} // namespace twin::datamodel
