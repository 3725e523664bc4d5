// The small sums every benchmark does: milliseconds on a running clock, the median of samples.
#pragma once

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

} // namespace twin::bench
