// `metrics-check FILE [--strict]`, shared by colossus-twin and the lean colossus-twin-metrics.
#pragma once

#include "cli/ExitCode.h"

#include <QStringList>

namespace twin::app {

ExitCode runMetricsCheck(const QStringList& arguments);

} // namespace twin::app
