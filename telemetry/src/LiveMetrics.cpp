#include "telemetry/LiveMetrics.h"

#include <algorithm>
#include <cmath>

namespace twin::telemetry {

using datamodel::EntityIndex;
using datamodel::EntityKind;

namespace {

// Colour map ranges for liquid-cooled H100s and their CDUs: idle GPUs sit near 30 C and throttle near
// 90-95 C; supply water is 25 C when healthy; a rack loop carries 100 L/min. (Alert thresholds are the
// model's rules, AlertRule.h.)
constexpr LiveMetric kMetrics[] = {
    {"gpu-temperature", "DCGM_FI_DEV_GPU_TEMP", "GPU temperature, °C", MetricLevel::Gpu, RackAggregate::Max,
     30.0f, 90.0f},
    {"gpu-power", "DCGM_FI_DEV_POWER_USAGE", "GPU power, W", MetricLevel::Gpu, RackAggregate::Max, 0.0f,
     700.0f},
    {"gpu-utilisation", "DCGM_FI_DEV_GPU_UTIL", "GPU utilisation, %", MetricLevel::Gpu, RackAggregate::Avg,
     0.0f, 100.0f},
    {"gpu-memory-temperature", "DCGM_FI_DEV_MEMORY_TEMP", "GPU memory temperature, °C", MetricLevel::Gpu,
     RackAggregate::Max, 30.0f, 95.0f},
    {"cdu-supply", "cdu_supply_temperature_celsius", "CDU supply temperature, °C", MetricLevel::Cdu,
     RackAggregate::Max, 20.0f, 45.0f},
    {"cdu-return", "cdu_return_temperature_celsius", "CDU return temperature, °C", MetricLevel::Cdu,
     RackAggregate::Max, 25.0f, 60.0f},
    {"cdu-flow", "cdu_flow_lpm", "CDU coolant flow, L/min", MetricLevel::Cdu, RackAggregate::Max, 0.0f,
     120.0f},
};

std::string join(std::span<const std::string> parts, std::string_view separator) {
    std::string joined;
    for (const std::string& part : parts) {
        if (!joined.empty())
            joined += separator;
        joined += part;
    }
    return joined;
}

} // namespace

std::span<const LiveMetric> liveMetrics() {
    return kMetrics;
}

const LiveMetric* findLiveMetric(std::string_view key) {
    for (const LiveMetric& metric : kMetrics)
        if (metric.key == key)
            return &metric;
    return nullptr;
}

std::string promqlRegexEscape(std::string_view text) {
    // RE2 metacharacters get a backslash, and inside a PromQL double-quoted string that backslash
    // needs one of its own.
    std::string escaped;
    for (const char c : text) {
        if (std::string_view(".+*?()|[]{}^$\\").find(c) != std::string_view::npos)
            escaped += "\\\\";
        if (c == '"')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

std::vector<std::string> planQueries(const LiveMetric& metric, std::span<const std::string> visibleHosts,
                                     const QueryTarget& target) {
    const std::string name(metric.name);
    if (metric.level == MetricLevel::Cdu)
        return {name};
    if (!target.rackLabel)
        return {name}; // every GPU: the only way to colour every rack without a rack label
    const char* aggregate = metric.aggregate == RackAggregate::Max ? "max" : "avg";
    std::vector<std::string> queries{std::string(aggregate) + " by (rack) (" + name + ")"};
    if (!visibleHosts.empty()) {
        std::vector<std::string> escaped;
        escaped.reserve(visibleHosts.size());
        for (const std::string& host : visibleHosts)
            escaped.push_back(promqlRegexEscape(host));
        queries.push_back(name + "{" + target.hostnameLabel + "=~\"" + join(escaped, "|") + "\"}");
    }
    return queries;
}

namespace {
// A PromQL string literal's contents: backslashes and double quotes escaped.
std::string quoted(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}
} // namespace

std::optional<std::string> historyQuery(const datamodel::Facility& facility, EntityIndex entity,
                                        const LiveMetric& metric, const QueryTarget& target) {
    if (entity < 0 || std::size_t(entity) >= facility.entityCount())
        return std::nullopt;
    const std::string name(metric.name);
    const EntityKind kind = facility.kind(entity);
    const char* aggregate = metric.aggregate == RackAggregate::Max ? "max" : "avg";
    if (metric.level == MetricLevel::Cdu) {
        const EntityIndex rack = facility.ancestorOfKind(entity, EntityKind::Rack);
        if (rack == datamodel::kNoEntity || (kind != EntityKind::Cdu && kind != EntityKind::Rack))
            return std::nullopt;
        return name + "{rack=\"" + quoted(facility.name(rack)) + "\"}";
    }
    if (kind == EntityKind::Gpu) {
        const EntityIndex server = facility.parent(entity);
        return name + "{" + target.hostnameLabel + "=\"" +
               quoted(facility.entities().hostname[std::size_t(server)]) + "\"," + target.gpuLabel + "=\"" +
               std::to_string(facility.entities().slot[std::size_t(entity)]) + "\"}";
    }
    if (kind == EntityKind::Server)
        return std::string(aggregate) + "(" + name + "{" + target.hostnameLabel + "=\"" +
               quoted(facility.entities().hostname[std::size_t(entity)]) + "\"})";
    if (kind == EntityKind::Rack && target.rackLabel)
        return std::string(aggregate) + "(" + name + "{rack=\"" + quoted(facility.name(entity)) + "\"})";
    return std::nullopt;
}

OverlayCounts overlayValues(const datamodel::Facility& facility, const SampleStore& store,
                            const LiveMetric& metric, double now, double staleAfter,
                            std::vector<float>& out) {
    out.assign(facility.entityCount(), NAN);
    OverlayCounts counts;
    const auto id = store.findMetric(metric.name);
    if (!id)
        return counts;
    std::vector<float> fresh;
    store.freshValues(*id, now, staleAfter, fresh);
    const std::span<const float> latest = store.latestValues(*id);

    if (metric.level == MetricLevel::Cdu) {
        for (const EntityIndex cdu : facility.ofKind(EntityKind::Cdu)) {
            const float value = fresh[std::size_t(cdu)];
            if (std::isnan(value)) {
                counts.stale += std::isnan(latest[std::size_t(cdu)]) ? 0 : 1;
                continue;
            }
            ++counts.fresh;
            out[std::size_t(cdu)] = value;
            if (const EntityIndex rack = facility.ancestorOfKind(facility.parent(cdu), EntityKind::Rack);
                rack != datamodel::kNoEntity)
                out[std::size_t(rack)] = value;
        }
        return counts;
    }

    // GPUs their own; servers and racks the aggregate of the GPUs that are in (sum and count for avg).
    std::vector<double> sum(facility.entityCount(), 0.0);
    std::vector<std::uint32_t> count(facility.entityCount(), 0);
    const bool max = metric.aggregate == RackAggregate::Max;
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        const float value = fresh[std::size_t(gpu)];
        if (std::isnan(value))
            continue;
        out[std::size_t(gpu)] = value;
        for (EntityIndex up = facility.parent(gpu); up != datamodel::kNoEntity; up = facility.parent(up)) {
            const EntityKind kind = facility.kind(up);
            if (kind != EntityKind::Server && kind != EntityKind::Rack)
                break;
            const std::size_t at = std::size_t(up);
            sum[at] = count[at] == 0 ? value : max ? std::max(sum[at], double(value)) : sum[at] + value;
            ++count[at];
        }
    }
    for (std::size_t at = 0; at < count.size(); ++at)
        if (count[at] > 0)
            out[at] = float(max ? sum[at] : sum[at] / count[at]);
    // A rack's own value (Prometheus's aggregate of all its GPUs) wins over the few GPUs asked for.
    for (const EntityIndex rack : facility.ofKind(EntityKind::Rack))
        if (const float value = fresh[std::size_t(rack)]; !std::isnan(value))
            out[std::size_t(rack)] = value;
    // GPUs and servers with no value of their own yet (drawn in detail before their own series were
    // asked for) wear their rack's: they count as live by it below, and grey would say "no data"
    // while the status bar says live.
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        if (!std::isnan(out[std::size_t(gpu)]))
            continue;
        const EntityIndex server = facility.parent(gpu);
        const EntityIndex rack = facility.ancestorOfKind(server, EntityKind::Rack);
        if (rack == datamodel::kNoEntity || std::isnan(fresh[std::size_t(rack)]))
            continue;
        out[std::size_t(gpu)] = fresh[std::size_t(rack)];
        if (server != datamodel::kNoEntity && facility.kind(server) == EntityKind::Server &&
            count[std::size_t(server)] == 0)
            out[std::size_t(server)] = fresh[std::size_t(rack)];
    }

    // Counted per GPU: live when its own value or its rack's is fresh.
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        const EntityIndex rack = facility.ancestorOfKind(facility.parent(gpu), EntityKind::Rack);
        const bool ownFresh = !std::isnan(fresh[std::size_t(gpu)]);
        const bool rackFresh = rack != datamodel::kNoEntity && !std::isnan(fresh[std::size_t(rack)]);
        if (ownFresh || rackFresh)
            ++counts.fresh;
        else if (!std::isnan(latest[std::size_t(gpu)]) ||
                 (rack != datamodel::kNoEntity && !std::isnan(latest[std::size_t(rack)])))
            ++counts.stale;
    }
    return counts;
}

} // namespace twin::telemetry
