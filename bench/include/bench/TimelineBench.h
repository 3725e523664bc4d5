// The "timeline" benchmark: what moving the timeline to a date costs for every entity of a model
// (the state of all of them by actual dates; Actual vs plan, computed and written into the scene's
// overlay arrays), playback frames per second at the overview camera, one day per frame, the critical
// path, and the schedule exported and imported as CSV and MS Project XML.
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::bench {

struct TimelineBenchOptions {
    QString modelPath;
    QSize size{1280, 800};
    double secondsPerCase = 3.0;
};

// Throws datamodel::ModelError when the model cannot be loaded.
BenchReport runTimelineBench(const TimelineBenchOptions& options);

} // namespace twin::bench
