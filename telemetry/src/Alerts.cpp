#include "telemetry/Alerts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace twin::telemetry {

using datamodel::AlertComparison;
using datamodel::AlertRule;
using datamodel::AlertSeverity;
using datamodel::EntityIndex;

namespace {

// For PromQL: the shortest text that reads back as `value`, whatever the C locale says ("80.5").
std::string number(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

bool isGpuMetric(std::string_view metric) {
    for (const LiveMetric& live : liveMetrics())
        if (live.name == metric)
            return live.level == MetricLevel::Gpu;
    return metric.starts_with("DCGM_");
}

} // namespace

AlertList evaluateAlerts(const datamodel::Facility& facility, const SampleStore& store, double now,
                         double staleAfter, std::size_t limit) {
    const auto& rules = facility.alertRules();
    AlertList list;
    // Per metric: the rules on it, most severe first, so that an entity gets the worst it breaches.
    std::map<std::string, std::vector<std::size_t>, std::less<>> rulesByMetric;
    for (std::size_t r = 0; r < rules.size(); ++r)
        rulesByMetric[rules[r].metric].push_back(r);
    std::vector<float> fresh;
    for (auto& [metric, ruleIndexes] : rulesByMetric) {
        const auto id = store.findMetric(metric);
        if (!id)
            continue;
        std::stable_sort(ruleIndexes.begin(), ruleIndexes.end(), [&](std::size_t a, std::size_t b) {
            return rules[a].severity == AlertSeverity::Critical &&
                   rules[b].severity != AlertSeverity::Critical;
        });
        store.freshValues(*id, now, staleAfter, fresh);
        for (std::size_t entity = 0; entity < fresh.size(); ++entity) {
            const float value = fresh[entity];
            if (std::isnan(value))
                continue;
            for (const std::size_t r : ruleIndexes)
                if (rules[r].breachedBy(value)) {
                    list.alerts.push_back({EntityIndex(entity), r, value});
                    break;
                }
        }
    }
    list.total = list.alerts.size();
    auto worse = [&](const Alert& a, const Alert& b) {
        const AlertRule &ra = rules[a.rule], &rb = rules[b.rule];
        if (ra.severity != rb.severity)
            return ra.severity == AlertSeverity::Critical;
        const double pastA = std::abs(double(a.value) - ra.threshold),
                     pastB = std::abs(double(b.value) - rb.threshold);
        return pastA != pastB ? pastA > pastB : a.entity < b.entity;
    };
    if (list.alerts.size() > limit) {
        std::partial_sort(list.alerts.begin(), list.alerts.begin() + std::ptrdiff_t(limit), list.alerts.end(),
                          worse);
        list.alerts.resize(limit);
    } else {
        std::sort(list.alerts.begin(), list.alerts.end(), worse);
    }
    return list;
}

std::optional<double> loosestThreshold(std::span<const AlertRule> rules, std::string_view metric,
                                       AlertComparison comparison) {
    std::optional<double> loosest;
    for (const AlertRule& rule : rules)
        if (rule.metric == metric && rule.comparison == comparison)
            loosest = !loosest                               ? rule.threshold
                      : comparison == AlertComparison::Above ? std::min(*loosest, rule.threshold)
                                                             : std::max(*loosest, rule.threshold);
    return loosest;
}

std::vector<AlertQuery> planAlertQueries(std::span<const AlertRule> rules, const QueryTarget& target) {
    // A query per (metric, direction), at the loosest threshold: every stricter rule's breach passes it.
    std::map<std::pair<std::string, AlertComparison>, double> loosest;
    for (const AlertRule& rule : rules)
        loosest.try_emplace({rule.metric, rule.comparison},
                            *loosestThreshold(rules, rule.metric, rule.comparison));
    std::vector<AlertQuery> queries;
    for (const auto& [key, threshold] : loosest) {
        const auto& [metric, comparison] = key;
        const bool above = comparison == AlertComparison::Above;
        std::string selector = metric;
        if (target.rackLabel && isGpuMetric(metric))
            selector = std::string(above ? "max" : "min") + " by (rack) (" + metric + ")";
        queries.push_back({selector + (above ? " > " : " < ") + number(threshold), metric});
    }
    return queries;
}

} // namespace twin::telemetry
