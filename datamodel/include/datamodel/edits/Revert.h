// The audit log read back, and one logged change taken back (also one made last week, after the window
// was closed): allowed while the row still holds the change's after-values, otherwise refused naming
// the later change (EditConflict), nothing written.
#pragma once

#include "datamodel/ModelWriter.h"
#include "datamodel/edits/Edit.h"

namespace twin::datamodel {

// The edit that restores `line`'s before-values ("revert N"): made against its after-values, so applying
// it is refused (EditConflict, naming the later change) unless the row still holds them. Throws
// ModelError for a line with no values to restore. An add's revert deletes the item.
Edit revertEditOf(const AuditRecord& line);

// Restores the before-values of audit line `auditId` as a new edit ("revert N"), logged like any other.
EditOutcome revertChange(FacilityStorage& storage, std::int64_t auditId, const EditStamp& stamp);

// The same checks on a model read read-only (the loaded facility and its log, oldest first), so that a
// refused revert never opens the file for writing: why `auditId` cannot be reverted, or empty.
std::string revertRefusal(const Facility& facility, const std::vector<AuditRecord>& log,
                          std::int64_t auditId);

} // namespace twin::datamodel
