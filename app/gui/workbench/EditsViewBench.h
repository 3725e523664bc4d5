// `bench edits-view MODEL`: progress recorded in the window, from the click to the frame drawn with
// the new colours, on a copy of MODEL: a rack marked done (committed, the loaded model updated from
// the edit, the timeline, S-curve, report and Gantt redone, the view drawn), its undo, a whole hall in
// one edit, and the session's first edit (which reads the model again; see Document::write).
#pragma once

#include "bench/BenchReport.h"

#include <QSize>
#include <QString>

namespace twin::app {

struct EditsViewBenchOptions {
    QString modelPath;
    QSize size{1280, 800};
    int repeats = 5;
};

bench::BenchReport runEditsViewBench(const EditsViewBenchOptions& options);

} // namespace twin::app
