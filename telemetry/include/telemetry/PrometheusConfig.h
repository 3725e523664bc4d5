// The configuration of the Prometheus that `./twin run` starts beside the simulator: it scrapes the
// simulator's shards like a site's Prometheus scrapes its dcgm-exporters, and attaches a `rack` label
// to every GPU series so that the window can ask for one value per rack (max by (rack)).
//
// dcgm-exporter knows hosts, not racks. Sites attach racks through service discovery or relabelling;
// here the rule is read off the model: when every server's host name is a common prefix, its rack's
// name in lower case and "-s<N>" (colossus-h1-r01-k01-s3 in rack H1-R01-K01), one regex and an
// uppercase action recover the rack. A model whose names do not follow one rule gets no rack label,
// and the window falls back to every GPU's series.
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace twin::telemetry {

struct HostRackRule {
    std::string hostPrefix; // "colossus-"
    std::string regex;      // RE2, anchored by Prometheus: captures the lower-case rack name
};

// The rule, checked against every server with a rack, or nothing when one server breaks it.
std::optional<HostRackRule> inferHostRackRule(const datamodel::Facility& facility);

struct PrometheusScrapeConfig {
    std::string target;      // "127.0.0.1:PORT", the simulator
    std::size_t shards = 16; // /metrics/shard/0 .. N-1, one scrape job each
    bool cduPath = true;     // also /metrics/cdu
    int scrapeIntervalSeconds = 5;
    std::string hostnameLabel = "Hostname";
    std::optional<HostRackRule> rackRule;
    // Only these metric names are stored (empty: all). Every series costs Prometheus memory and CPU:
    // the window's own Prometheus keeps what the window can show (100k GPUs: 400,000 series, not 500,000).
    std::vector<std::string> keepMetrics;
};

// prometheus.yml text.
std::string prometheusConfigYaml(const PrometheusScrapeConfig& config);

} // namespace twin::telemetry
