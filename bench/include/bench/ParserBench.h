// The "parser" benchmark: the text exposition parser on a 100,000-GPU dcgm-exporter scrape (the
// shape of ../shared/checks/gen_dcgm.py: 5 gauges, 7 labels each), on one core and on all, and the
// whole `metrics-check` process beside `promtool check metrics` on the same file, in the same run.
#pragma once

#include "bench/BenchReport.h"

#include <string>

namespace twin::bench {

struct ParserBenchOptions {
    int gpus = 100000;
    int repeats = 5; // in-process parses; the best is reported
};

// A dcgm-exporter /metrics text for `gpus` GPUs, 8 per host, deterministic.
std::string dcgmExpositionText(int gpus);

BenchReport runParserBench(const ParserBenchOptions& options);

} // namespace twin::bench
