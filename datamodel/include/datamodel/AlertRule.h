// Threshold rules for live telemetry, kept in the model (table alert_rule, schema version 2) so that a
// site's engineers share them: a metric above (or below) a value raises an alert of a severity on the
// entity that reports it (a GPU, a rack's hottest GPU, a CDU).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace twin::datamodel {

enum class AlertComparison : std::uint8_t { Above, Below };
enum class AlertSeverity : std::uint8_t { Warning, Critical };

struct AlertRule {
    std::int64_t id = 0;
    std::string name;   // "GPU hot"
    std::string metric; // as exporters name it: "DCGM_FI_DEV_GPU_TEMP"
    AlertComparison comparison = AlertComparison::Above;
    double threshold = 0.0;
    AlertSeverity severity = AlertSeverity::Warning;

    bool breachedBy(double value) const {
        return comparison == AlertComparison::Above ? value > threshold : value < threshold;
    }
    bool operator==(const AlertRule&) const = default;
};

// The rules a new model starts with (and that a version-1 file, which has no table for them, is read
// with): GPU and memory temperatures for liquid-cooled H100s, CDU supply temperature and flow.
std::span<const AlertRule> defaultAlertRules();

std::string_view comparisonName(AlertComparison comparison); // "above", "below"
std::string_view severityName(AlertSeverity severity);       // "warning", "critical"

} // namespace twin::datamodel
