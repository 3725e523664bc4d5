#include "telemetry/SampleStore.h"

#include <cmath>
#include <limits>

namespace twin::telemetry {

SampleStore::SampleStore(std::size_t entityCount, std::size_t historyLength)
    : entityCount_(entityCount), historyLength_(std::max<std::size_t>(1, historyLength)) {}

MetricId SampleStore::metric(std::string_view name) {
    if (const auto found = findMetric(name))
        return *found;
    Series series;
    series.name = std::string(name);
    series.value.assign(entityCount_, std::numeric_limits<float>::quiet_NaN());
    series.time.assign(entityCount_, -std::numeric_limits<double>::infinity());
    series.historyValue.assign(entityCount_ * historyLength_, 0.0f);
    series.historyTime.assign(entityCount_ * historyLength_, 0.0);
    series.count.assign(entityCount_, 0);
    series.next.assign(entityCount_, 0);
    metrics_.push_back(std::move(series));
    return MetricId(metrics_.size() - 1);
}

std::optional<MetricId> SampleStore::findMetric(std::string_view name) const {
    for (std::size_t i = 0; i < metrics_.size(); ++i)
        if (metrics_[i].name == name)
            return MetricId(i);
    return std::nullopt;
}

void SampleStore::record(std::size_t entity, MetricId metric, float value, double time) {
    Series& series = metrics_[metric];
    series.value[entity] = value;
    series.time[entity] = time;
    const std::size_t slot = entity * historyLength_ + series.next[entity];
    series.historyValue[slot] = value;
    series.historyTime[slot] = time;
    series.next[entity] = std::uint16_t((series.next[entity] + 1) % historyLength_);
    if (series.count[entity] < historyLength_)
        ++series.count[entity];
}

std::optional<SampleStore::Reading> SampleStore::latest(std::size_t entity, MetricId metric) const {
    const Series& series = metrics_[metric];
    if (series.count[entity] == 0)
        return std::nullopt;
    return Reading{series.value[entity], series.time[entity]};
}

bool SampleStore::isStale(std::size_t entity, MetricId metric, double now, double staleAfter) const {
    return now - metrics_[metric].time[entity] > staleAfter;
}

std::vector<SampleStore::Reading> SampleStore::history(std::size_t entity, MetricId metric) const {
    const Series& series = metrics_[metric];
    std::vector<Reading> readings;
    const std::size_t count = series.count[entity];
    const std::size_t first = (series.next[entity] + historyLength_ - count) % historyLength_;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t slot = entity * historyLength_ + (first + k) % historyLength_;
        readings.push_back({series.historyValue[slot], series.historyTime[slot]});
    }
    return readings;
}

std::size_t SampleStore::freshValues(MetricId metric, double now, double staleAfter,
                                     std::vector<float>& out) const {
    const Series& series = metrics_[metric];
    out.resize(entityCount_);
    std::size_t stale = 0;
    for (std::size_t e = 0; e < entityCount_; ++e) {
        const bool fresh = now - series.time[e] <= staleAfter;
        out[e] = fresh ? series.value[e] : std::numeric_limits<float>::quiet_NaN();
        stale += !fresh && series.count[e] > 0 ? 1 : 0;
    }
    return stale;
}

} // namespace twin::telemetry
