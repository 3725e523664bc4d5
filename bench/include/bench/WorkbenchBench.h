// The "workbench" benchmark: what the engineer's queries cost on a model. Building the search index
// (time, keys, memory) and a keystroke's answer: every prefix of a rack name, a serial and a UUID typed
// one character at a time, and the worst queries (one letter, which matches nearly everything; a
// string that matches nothing, which scans the whole index); inspecting a rack and a GPU; the impact
// of the largest elements (a substation, a chiller) and of a CDU.
#pragma once

#include "bench/BenchReport.h"

#include <QString>

namespace twin::bench {

struct WorkbenchBenchOptions {
    QString modelPath;
    int repeats = 5; // each query, the slowest and the median kept
};

// Throws datamodel::ModelError when the model cannot be loaded.
BenchReport runWorkbenchBench(const WorkbenchBenchOptions& options);

} // namespace twin::bench
