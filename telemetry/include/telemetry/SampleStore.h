// The latest value of every metric for every entity, in flat arrays indexed by the model's dense
// entity index (what the scene's overlays read directly), with when it arrived, a short history ring
// per (entity, metric), and staleness: a value not refreshed within `staleAfter` seconds is stale,
// drawn grey and flagged, not silently shown as if current.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twin::telemetry {

using MetricId = std::uint16_t;

class SampleStore {
public:
    SampleStore(std::size_t entityCount, std::size_t historyLength = 16);

    // The metric's id, registering the name on first use.
    MetricId metric(std::string_view name);
    std::optional<MetricId> findMetric(std::string_view name) const;
    const std::string& metricName(MetricId metric) const { return metrics_[metric].name; }
    std::size_t metricCount() const { return metrics_.size(); }

    // `time` in seconds (any epoch, but one epoch per store).
    void record(std::size_t entity, MetricId metric, float value, double time);

    struct Reading {
        float value;
        double time;
    };
    std::optional<Reading> latest(std::size_t entity, MetricId metric) const;
    bool isStale(std::size_t entity, MetricId metric, double now, double staleAfter) const;
    // Oldest first, at most historyLength readings.
    std::vector<Reading> history(std::size_t entity, MetricId metric) const;

    // The latest value per entity for one metric, NaN where there is none: what colourByValue takes.
    std::span<const float> latestValues(MetricId metric) const { return metrics_[metric].value; }
    // The same, with stale values replaced by NaN (drawn grey); returns how many were stale.
    std::size_t freshValues(MetricId metric, double now, double staleAfter, std::vector<float>& out) const;

private:
    struct Series {
        std::string name;
        std::vector<float> value;        // per entity; NaN: never seen
        std::vector<double> time;        // per entity; when `value` arrived
        std::vector<float> historyValue; // per entity, historyLength_ slots
        std::vector<double> historyTime;
        std::vector<std::uint16_t> count; // readings in the ring, up to historyLength_
        std::vector<std::uint16_t> next;  // where the next reading goes
    };
    std::size_t entityCount_;
    std::size_t historyLength_;
    std::vector<Series> metrics_;
};

} // namespace twin::telemetry
