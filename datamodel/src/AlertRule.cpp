#include "datamodel/AlertRule.h"

#include <array>

namespace twin::datamodel {

namespace {
// Idle H100s sit near 30 C and throttle near 90-95 C; CDU supply water is 25 C when healthy; a rack
// loop carries 100 L/min.
const std::array<AlertRule, 5> kDefaults{{
    {1, "GPU hot", "DCGM_FI_DEV_GPU_TEMP", AlertComparison::Above, 85.0, AlertSeverity::Warning},
    {2, "GPU at throttle", "DCGM_FI_DEV_GPU_TEMP", AlertComparison::Above, 92.0, AlertSeverity::Critical},
    {3, "GPU memory hot", "DCGM_FI_DEV_MEMORY_TEMP", AlertComparison::Above, 90.0, AlertSeverity::Warning},
    {4, "CDU supply warm", "cdu_supply_temperature_celsius", AlertComparison::Above, 32.0,
     AlertSeverity::Warning},
    {5, "CDU flow low", "cdu_flow_lpm", AlertComparison::Below, 60.0, AlertSeverity::Critical},
}};
} // namespace

std::span<const AlertRule> defaultAlertRules() {
    return kDefaults;
}

std::string_view comparisonName(AlertComparison comparison) {
    return comparison == AlertComparison::Above ? "above" : "below";
}

std::string_view severityName(AlertSeverity severity) {
    return severity == AlertSeverity::Warning ? "warning" : "critical";
}

} // namespace twin::datamodel
