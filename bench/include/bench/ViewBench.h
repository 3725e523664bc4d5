// The "view" benchmark: frames per second of the Qt 6 <-> VTK bridge (an empty view, the ceiling, and
// the demo hall) and the time of one offscreen snapshot. Needs a QApplication and a display.
#pragma once

#include "bench/BenchReport.h"

#include <QSize>

namespace twin::bench {

struct ViewBenchOptions {
    QSize size{1280, 800};
    double secondsPerCase = 3.0;
};

BenchReport runViewBench(const ViewBenchOptions& options);

} // namespace twin::bench
