// Inside applyEdit: the one writer of an edit's audit lines, and the appliers of the changes that
// live in their own files (TourEdit.cpp).
#pragma once

#include "datamodel/ModelWriter.h"
#include "datamodel/edits/Edit.h"

namespace twin::datamodel {

// Writes one audit line of the edit `editId` names (0: this line starts it, and its id names it) with
// who and when, and counts it in `outcome`. `line` holds what changed: entity, task or note, the values.
void logChange(ModelWriter& writer, AuditLine line, const EditStamp& stamp, const std::string& action,
               std::int64_t& editId, EditOutcome& outcome);

// Each returns the row's id (a new one's as it was given).
std::int64_t applyBookmarkChange(ModelWriter& writer, const BookmarkChange& change, const EditStamp& stamp,
                                 const std::string& action, std::int64_t& editId, EditOutcome& outcome);
std::int64_t applyTourChange(ModelWriter& writer, const TourChange& change, const EditStamp& stamp,
                             const std::string& action, std::int64_t& editId, EditOutcome& outcome);

} // namespace twin::datamodel
