// The daily progress report as a manager reads it, on A4 landscape: the headline figures, the S-curve
// (planned against actual, the day marked), a bar per hall, the halls' table, then the open blocking
// punch items and the late tasks. Numbers carry thousands separators. Painted with QPainter so that a
// test can paint the same page onto an image.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ProgressReport.h"

#include <QString>
#include <vector>

class QPainter;
class QRect;

namespace twin::app {

struct ProgressPdfContent {
    const datamodel::ProgressReport* report = nullptr;
    const datamodel::Facility* facility = nullptr;
    std::vector<datamodel::CurvePoint> curve; // the S-curve of GPUs, as the Timeline draws it
    QString modelName;                        // the model file's name, for the title
};

// How many rows of each list the second page holds; the rest are counted, and the CSV lists them all.
constexpr std::size_t kPunchItemsOnPdf = 15;
constexpr std::size_t kLateTasksOnPdf = 20;

// The PDF bytes, or empty with `error` set.
QByteArray progressPdf(const ProgressPdfContent& content, QString& error);

// One page (0: figures, curve, halls; 1: punch items and late tasks) within `page`, in the painter's
// device pixels at `dpi`.
void paintProgressPage(QPainter& painter, const QRect& page, int pageNumber, int dpi,
                       const ProgressPdfContent& content);

} // namespace twin::app
