// The "render" benchmark: frames per second of the facility at each camera preset (overview, hall,
// aisle, rack) beside the naive baseline (every GPU an instance, all drawn) in the same run, the time
// from opening a model to its first frame, and how many instances each preset draws.
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::bench {

struct RenderBenchOptions {
    QString modelPath;
    QSize size{1280, 800};
    double secondsPerCase = 3.0;
};

// Throws datamodel::ModelError when the model cannot be loaded.
BenchReport runRenderBench(const RenderBenchOptions& options);

} // namespace twin::bench
