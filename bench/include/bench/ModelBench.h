// The "model" benchmark: generation time, load time and memory of the 100,000- and 200,000-GPU
// models, beside a bare SQLite scan of the same rows (the floor any loader stands on).
#pragma once

#include "bench/BenchReport.h"

#include <vector>

namespace twin::bench {

struct ModelBenchOptions {
    std::vector<int> gpuCounts{100000, 200000};
    int loadRepeats = 3; // the best of these is reported
};

BenchReport runModelBench(const ModelBenchOptions& options);

} // namespace twin::bench
