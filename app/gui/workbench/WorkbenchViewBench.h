// `bench workbench-view MODEL`: the workbench as the window does it, on a real model: the indexes
// built after open (worker thread), a search answered and chosen (keystroke to selection and camera
// on its way), a hall opened in the Model Tree (expanded and laid out), an inspector page for a rack,
// and an impact's highlight from the request to its frame drawn (a CDU, the substation, a chiller).
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::app {

struct WorkbenchViewBenchOptions {
    QString modelPath;
    QSize size{1280, 800};
    int repeats = 5;
};

bench::BenchReport runWorkbenchViewBench(const WorkbenchViewBenchOptions& options);

} // namespace twin::app
