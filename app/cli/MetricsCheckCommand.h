// `metrics-check FILE [--strict]`, shared by colossus-twin and the lean colossus-twin-metrics.
#pragma once

#include "cli/ExitCode.h"

#include <QStringList>
#include <cstddef>
#include <functional>

namespace twin::app {

// What a test changes about the input: a truncation between mapping the file and reading it (as
// another process could do), a lower cap on a stream. The product passes none.
struct MetricsCheckHooks {
    std::function<void()> afterMapping;
    std::size_t mostStreamBytes = 0; // 0: ExpositionInput::kMostStreamBytes
};

ExitCode runMetricsCheck(const QStringList& arguments);
ExitCode runMetricsCheckWith(const QStringList& arguments, const MetricsCheckHooks& hooks);

} // namespace twin::app
