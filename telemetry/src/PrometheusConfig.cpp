#include "telemetry/PrometheusConfig.h"

#include <algorithm>
#include <cctype>

namespace twin::telemetry {

using datamodel::EntityIndex;
using datamodel::EntityKind;

namespace {

std::string lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return result;
}

std::string upper(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return result;
}

bool isRegexSafe(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

// Host "<prefix><rack in lower case>-s<digits>"?
bool followsRule(std::string_view host, std::string_view prefix, std::string_view rackLower) {
    if (host.size() < prefix.size() + rackLower.size() + 3 || host.substr(0, prefix.size()) != prefix ||
        host.substr(prefix.size(), rackLower.size()) != rackLower)
        return false;
    const std::string_view tail = host.substr(prefix.size() + rackLower.size());
    return tail.substr(0, 2) == "-s" &&
           std::all_of(tail.begin() + 2, tail.end(), [](unsigned char c) { return std::isdigit(c); });
}

} // namespace

std::optional<HostRackRule> inferHostRackRule(const datamodel::Facility& facility) {
    std::optional<std::string> prefix;
    std::size_t servers = 0;
    for (const EntityIndex server : facility.ofKind(EntityKind::Server)) {
        const EntityIndex rack = facility.parent(server);
        if (rack == datamodel::kNoEntity || facility.kind(rack) != EntityKind::Rack)
            continue;
        const std::string_view host = facility.entities().hostname[std::size_t(server)];
        const std::string_view rackName = facility.name(rack);
        // The uppercase action must give the model's name back, and the name must be plain.
        if (upper(lower(rackName)) != rackName || !isRegexSafe(rackName))
            return std::nullopt;
        const std::string rackLower = lower(rackName);
        if (!prefix) {
            const std::size_t at = host.find(rackLower);
            if (at == std::string_view::npos || !isRegexSafe(host.substr(0, at)))
                return std::nullopt;
            prefix = std::string(host.substr(0, at));
        }
        if (!followsRule(host, *prefix, rackLower))
            return std::nullopt;
        ++servers;
    }
    if (!prefix || servers == 0)
        return std::nullopt;
    return HostRackRule{*prefix, *prefix + "([a-z0-9_-]+)-s[0-9]+"};
}

std::string prometheusConfigYaml(const PrometheusScrapeConfig& config) {
    const std::string interval = std::to_string(config.scrapeIntervalSeconds) + "s";
    std::string yaml = "# Written by Colossus Twin for its simulator; regenerated at every start.\n"
                       "global:\n  scrape_interval: " +
                       interval + "\n  scrape_timeout: " + interval + "\n  evaluation_interval: " + interval +
                       "\nscrape_configs:\n";
    std::string keep;
    if (!config.keepMetrics.empty()) {
        std::string names;
        for (const std::string& name : config.keepMetrics)
            names += (names.empty() ? "" : "|") + name;
        keep = "      - source_labels: [__name__]\n"
               "        regex: '" +
               names + "'\n        action: keep\n";
    }
    std::string relabel;
    if (config.rackRule || !keep.empty())
        relabel = "    metric_relabel_configs:\n" + keep;
    if (config.rackRule)
        relabel += "      - source_labels: [" + config.hostnameLabel +
                   "]\n"
                   "        regex: '" +
                   config.rackRule->regex +
                   "'\n"
                   "        target_label: rack\n"
                   "        replacement: '$1'\n"
                   "      - source_labels: [rack]\n"
                   "        target_label: rack\n"
                   "        action: uppercase\n";
    for (std::size_t shard = 0; shard < config.shards; ++shard)
        yaml += "  - job_name: dcgm-shard-" + std::to_string(shard) + "\n    metrics_path: /metrics/shard/" +
                std::to_string(shard) + "\n    static_configs:\n      - targets: ['" + config.target +
                "']\n" + relabel;
    if (config.cduPath)
        yaml +=
            "  - job_name: cdu\n    metrics_path: /metrics/cdu\n    static_configs:\n      - targets: ['" +
            config.target + "']\n";
    return yaml;
}

} // namespace twin::telemetry
