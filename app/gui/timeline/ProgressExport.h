// The daily progress report written out for the morning meeting: CSV (one table: the total, each hall
// and row, then the late tasks) and PDF (QPdfWriter, the same on one A4 page, landscape).
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ProgressReport.h"

#include <QString>

namespace twin::app {

// The CSV text (RFC 4180 quoting).
QString progressCsv(const datamodel::ProgressReport& report, const datamodel::Facility& facility);
// Writes `path` as CSV or, when it ends in .pdf, as PDF; an error naming the file, or empty.
QString writeProgressReport(const QString& path, const datamodel::ProgressReport& report,
                            const datamodel::Facility& facility);

} // namespace twin::app
