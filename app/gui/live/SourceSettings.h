// The telemetry sources the user has configured, kept in the user's settings (QSettings), never in
// the model file; secrets are not kept at all, only the paths of the files that hold them.
#pragma once

#include "telemetry/TelemetrySource.h"

#include <QString>
#include <optional>
#include <vector>

namespace twin::app {

struct SourceSettings {
    std::vector<telemetry::TelemetrySource> sources;
    QString active; // the source the window reads when it is not simulating; empty: none

    static SourceSettings load();
    void save() const;
    // The active source, when it names one of `sources`.
    std::optional<telemetry::TelemetrySource> activeSource() const;
};

} // namespace twin::app
