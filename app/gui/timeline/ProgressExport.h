// The daily progress report written out for the morning meeting: CSV (one table: the total, each hall
// and row, the open blocking punch items, then the late tasks) and PDF (ProgressPdf: the figures, the
// S-curve, the halls, the punch items and late tasks on two A4 pages, landscape).
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ProgressReport.h"

#include <QString>

namespace twin::app {

// The CSV text (RFC 4180 quoting).
QString progressCsv(const datamodel::ProgressReport& report, const datamodel::Facility& facility);
// Writes `path` as CSV or, when it ends in .pdf, as PDF; an error naming the file, or empty.
// `curve` and `modelName` are for the PDF (its S-curve and title).
QString writeProgressReport(const QString& path, const datamodel::ProgressReport& report,
                            const datamodel::Facility& facility,
                            const std::vector<datamodel::CurvePoint>& curve = {},
                            const QString& modelName = QString());

} // namespace twin::app
