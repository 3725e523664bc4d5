#include "telemetry/SeriesMapper.h"

#include <charconv>

namespace twin::telemetry {

namespace {

std::string_view labelValue(const Sample& sample, const std::vector<std::string>& names) {
    for (const Label& label : sample.labels)
        for (const std::string& name : names)
            if (label.name == name)
                return label.value;
    return {};
}

} // namespace

SeriesMapper::SeriesMapper(const datamodel::Facility& facility, MappingRules rules)
    : facility_(facility), rules_(std::move(rules)) {}

datamodel::EntityIndex SeriesMapper::entityOf(const Sample& sample) const {
    using datamodel::EntityKind;
    using datamodel::kNoEntity;
    if (const std::string_view uuid = labelValue(sample, rules_.uuidLabels); !uuid.empty())
        if (const auto gpu = facility_.findByUuid(uuid); gpu != kNoEntity)
            return gpu;
    const std::string_view host = labelValue(sample, rules_.hostnameLabels);
    if (!host.empty()) {
        const std::string_view gpuText = labelValue(sample, rules_.gpuIndexLabels);
        if (!gpuText.empty()) {
            int index = -1;
            const auto [end, error] = std::from_chars(gpuText.data(), gpuText.data() + gpuText.size(), index);
            if (error == std::errc() && end == gpuText.data() + gpuText.size())
                if (const auto gpu = facility_.findGpu(host, index); gpu != kNoEntity)
                    return gpu;
            return kNoEntity; // a GPU series for a GPU the model lacks: not the host's
        }
        if (const auto server = facility_.findByHostname(host); server != kNoEntity)
            return server;
        // Prometheus's `instance` label is "host:port" (node exporter: host:9100).
        if (const auto colon = host.rfind(':');
            colon != std::string_view::npos && colon + 1 < host.size() &&
            host.find_first_not_of("0123456789", colon + 1) == std::string_view::npos)
            if (const auto server = facility_.findByHostname(host.substr(0, colon)); server != kNoEntity)
                return server;
    }
    if (const std::string_view rackName = labelValue(sample, rules_.rackLabels); !rackName.empty()) {
        const auto rack = facility_.findByName(rackName);
        if (rack == kNoEntity || facility_.kind(rack) != EntityKind::Rack)
            return kNoEntity;
        if (!rules_.cduMetricPrefix.empty() &&
            sample.name.substr(0, rules_.cduMetricPrefix.size()) == rules_.cduMetricPrefix) {
            for (const auto child : facility_.children(rack))
                if (facility_.kind(child) == EntityKind::Cdu)
                    return child;
            return kNoEntity;
        }
        return rack;
    }
    return kNoEntity;
}

} // namespace twin::telemetry
