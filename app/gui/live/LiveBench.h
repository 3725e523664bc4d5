// `bench live MODEL`: the window as `./twin run` opens it, on a real model, with live telemetry through
// its own Prometheus: how long until live colours and until Prometheus serves them; a refresh from
// afar (one aggregate per rack) and up close (plus the GPUs in detail); one query of every GPU's series
// through Prometheus, end to end; and the frames of an orbiting camera while updates stream in: the
// longest frame and the longest GUI-thread handling of an update.
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::app {

struct LiveBenchOptions {
    QString modelPath;
    QSize size{1280, 800};
    double seconds = 30.0; // of orbiting while telemetry streams
};

bench::BenchReport runLiveBench(const LiveBenchOptions& options);

} // namespace twin::app
