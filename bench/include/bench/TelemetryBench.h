// The "telemetry" benchmark: one live refresh of a whole model as the window does it, from simulated
// exporters on 127.0.0.1: scrape every shard over HTTP, parse, map and store, and the GUI thread's
// share (recolouring every entity from the new values).
#pragma once

#include "bench/BenchReport.h"

#include <QString>

namespace twin::bench {

struct TelemetryBenchOptions {
    QString modelPath;
    int repeats = 3; // the best is reported
};

BenchReport runTelemetryBench(const TelemetryBenchOptions& options);

} // namespace twin::bench
