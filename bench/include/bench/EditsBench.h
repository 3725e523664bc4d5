// The "edits" benchmark, on a copy of a model (the model itself is never edited): a rack's tasks
// marked done and committed, its undo, a whole hall's racks done in one edit, the day's report and
// S-curve worked out again after an edit, and `log --json` of 100,000 audit lines, end to end.
#pragma once

#include "bench/BenchReport.h"

#include <QString>

namespace twin::bench {

struct EditsBenchOptions {
    QString modelPath;
    QString twinBinary; // for `log --json`, run as a user would
    int repeats = 5;
};

// Throws datamodel::ModelError when the model cannot be loaded or copied.
BenchReport runEditsBench(const EditsBenchOptions& options);

} // namespace twin::bench
