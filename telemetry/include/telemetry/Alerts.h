// Alerts from the model's threshold rules (datamodel/AlertRule.h) over live values.
//
// Scraping the exporters itself, the window has every GPU's values and checks each one. Through
// Prometheus it asks only for what breaches a rule, aggregated per rack like the colours
// (max by (rack) (DCGM_FI_DEV_GPU_TEMP) > 85): the answer is a handful of series, and the alert names
// the rack and its hottest GPU's value. Rules on one metric and direction share one query, asked with
// the loosest threshold; the stricter rules are checked on its answer.
#pragma once

#include "datamodel/Facility.h"
#include "telemetry/LiveMetrics.h"
#include "telemetry/SampleStore.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace twin::telemetry {

struct Alert {
    datamodel::EntityIndex entity;
    std::size_t rule; // index into Facility::alertRules()
    float value;
};

// Every entity with a fresh value that breaches a rule, under the most severe rule it breaches for
// that metric; critical first, then the furthest past its threshold. `limit`: at most that many
// (the worst), with `total` saying how many there were.
struct AlertList {
    std::vector<Alert> alerts;
    std::size_t total = 0;
};
AlertList evaluateAlerts(const datamodel::Facility& facility, const SampleStore& store, double now,
                         double staleAfter, std::size_t limit = 1000);

struct AlertQuery {
    std::string promql;
    std::string metric; // the name to store the answer under
};
// One query per (metric, direction) among the rules.
// The loosest threshold of the rules on `metric` in one direction (where its alerts begin), if any.
std::optional<double> loosestThreshold(std::span<const datamodel::AlertRule> rules, std::string_view metric,
                                       datamodel::AlertComparison comparison);

std::vector<AlertQuery> planAlertQueries(std::span<const datamodel::AlertRule> rules,
                                         const QueryTarget& target);

} // namespace twin::telemetry
