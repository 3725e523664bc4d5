// One benchmark's results: rows of (case, metric, value, unit), printed as an aligned table or as the
// JSON object of shared/design/CLI.md.
#pragma once

#include <QString>
#include <vector>

namespace twin::bench {

struct BenchRow {
    QString caseName;
    QString metric;
    double value = 0.0;
    QString unit;
};

struct BenchReport {
    QString bench;
    QString machine;
    std::vector<BenchRow> rows;

    QString toTable() const;
    QString toJson() const;
};

} // namespace twin::bench
