// `bench tour MODEL [--size WxH]`: the walkthrough in the window as an executive sees it: entering
// presentation mode (from the key to the frame drawn, full screen, the band's figures worked out), then
// the model's first tour played in real time in presentation mode: the frames during the flights
// between stops (the time between frames shown, median and worst, and the time VTK spent rendering
// each), and the frames while a stop's timeline span plays (each day a recolouring).
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::app {

struct TourBenchOptions {
    QString modelPath;
    QSize size{1920, 1080};
};

bench::BenchReport runTourBench(const TourBenchOptions& options);

} // namespace twin::app
