// The small sums every benchmark does: milliseconds on a running clock, the median of samples, the
// slowest of a few runs, and waiting (events still served) for something to happen.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <vector>

namespace twin::bench {

inline double millisecondsSince(const QElapsedTimer& clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}

// NaN for no samples: a table row that says nothing was measured rather than a false 0.
inline double median(std::vector<double> values) {
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The slowest of `repeats` runs of `job`, in milliseconds.
template <typename Job> double slowestOf(int repeats, Job&& job) {
    double slowest = 0.0;
    QElapsedTimer clock;
    for (int r = 0; r < repeats; ++r) {
        clock.start();
        job();
        slowest = std::max(slowest, millisecondsSince(clock));
    }
    return slowest;
}

// Serves events until `done()` holds (true) or `timeoutMs` have passed (false).
template <typename Condition> bool spinUntil(Condition done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace twin::bench
