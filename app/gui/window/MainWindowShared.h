// What MainWindow's source files share (MainWindow.cpp, MainWindowMenus.cpp, MainWindowTimeline.cpp):
// one class in three files, each a part of the window's job.
#pragma once

#include "gui/window/Utf8.h"
#include "telemetry/LiveMetrics.h"

#include <QString>
#include <string_view>

namespace twin::app::window {

constexpr int kStatusMessageMs = 8000;

// The View > Colour By action of a live metric.
inline QString liveActionName(const telemetry::LiveMetric& metric) {
    return QStringLiteral("colour:") + QString::fromLatin1(metric.key.data(), qsizetype(metric.key.size()));
}

} // namespace twin::app::window
