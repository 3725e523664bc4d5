// The metrics the window can colour by, and how to ask Prometheus for only what is visible.
//
// From afar one value per rack is enough (a rack is a few pixels), so the query aggregates by the
// `rack` label on the Prometheus side: 1,563 series instead of 100,000 (34 MB of JSON). Up close the
// racks drawn in detail also get their GPUs' own series, selected by host name. CDU metrics carry a
// rack label already and are few (one per rack): they are always asked for whole.
#pragma once

#include "datamodel/Facility.h"
#include "telemetry/SampleStore.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twin::telemetry {

enum class MetricLevel { Gpu, Cdu };
enum class RackAggregate { Max, Avg };

struct LiveMetric {
    std::string_view key;   // stable id for menus and settings: "gpu-temperature"
    std::string_view name;  // the exporter's metric name
    std::string_view title; // for the legend: "GPU temperature, °C"
    MetricLevel level;
    RackAggregate aggregate; // how a rack's GPUs are summed up into one colour
    float low, high;         // the colour map's ends
};

// GPU temperature, power, utilisation, memory temperature; CDU supply and return temperature, flow.
std::span<const LiveMetric> liveMetrics();
const LiveMetric* findLiveMetric(std::string_view key);

struct QueryTarget {
    std::string hostnameLabel = "Hostname"; // as the exporters spell it
    std::string gpuLabel = "gpu";
    bool rackLabel = false; // Prometheus attaches `rack` to GPU series (relabelling)
};

// PromQL expressions for one refresh. `visibleHosts`: host names of the servers drawn in detail.
// Without a rack label on GPU series the only way to colour racks is every GPU's series.
std::vector<std::string> planQueries(const LiveMetric& metric, std::span<const std::string> visibleHosts,
                                     const QueryTarget& target);

// The PromQL of one entity's history of a metric (for query_range): a GPU its own series, a server
// or rack the aggregate of its GPUs (a rack needs the rack label), a CDU or its rack the CDU's series.
// Nothing for entities no series describes (a hall, a switch).
std::optional<std::string> historyQuery(const datamodel::Facility& facility, datamodel::EntityIndex entity,
                                        const LiveMetric& metric, const QueryTarget& target);

// `text` escaped for a PromQL regular expression inside double quotes (host names may hold dots).
std::string promqlRegexEscape(std::string_view text);

// One value per entity (dense index) for the overlay, NaN where there is none or it is stale.
// GPU metrics: GPUs their own; servers the aggregate of their GPUs; racks their own value (a rack
// aggregate from Prometheus) or else the aggregate of their GPUs. CDU metrics: the CDU and its rack.
// Returns how many entities of the metric's level (GPUs or CDUs) had a fresh value, and how many a
// stale one.
struct OverlayCounts {
    std::size_t fresh = 0;
    std::size_t stale = 0;
};
OverlayCounts overlayValues(const datamodel::Facility& facility, const SampleStore& store,
                            const LiveMetric& metric, double now, double staleAfter, std::vector<float>& out);

} // namespace twin::telemetry
