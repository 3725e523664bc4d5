// Which entity of the model a series describes, from its labels, the way data-centre exporters label
// them: dcgm-exporter's GPU series by UUID, or by host and GPU index (Hostname or hostname, gpu);
// node and power series by host; CDU and rack series by a rack label. The label names are
// configurable per source; the defaults accept both spellings dcgm-exporter has used.
#pragma once

#include "datamodel/Facility.h"
#include "telemetry/Exposition.h"

#include <string>
#include <vector>

namespace twin::telemetry {

struct MappingRules {
    std::vector<std::string> uuidLabels{"UUID", "uuid"};
    std::vector<std::string> hostnameLabels{"Hostname", "hostname"};
    std::vector<std::string> gpuIndexLabels{"gpu"};
    std::vector<std::string> rackLabels{"rack"};
    // Series with a rack label whose metric name starts with this describe the rack's CDU.
    std::string cduMetricPrefix = "cdu_";
};

class SeriesMapper {
public:
    SeriesMapper(const datamodel::Facility& facility, MappingRules rules = {});
    // The entity (dense index) the sample describes, or datamodel::kNoEntity.
    datamodel::EntityIndex entityOf(const Sample& sample) const;

private:
    const datamodel::Facility& facility_;
    MappingRules rules_;
};

} // namespace twin::telemetry
