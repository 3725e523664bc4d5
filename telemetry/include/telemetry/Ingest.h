// One scrape into the store: parse the exposition, map each series to its entity, record the values.
// Series that map to nothing are counted (per metric) and the first few listed, never dropped
// silently: a wrong label rule shows up as "12,500 unmapped" in the status, not as grey racks.
#pragma once

#include "telemetry/Exposition.h"
#include "telemetry/SampleStore.h"
#include "telemetry/SeriesMapper.h"

#include <map>
#include <string>
#include <vector>

namespace twin::telemetry {

struct IngestReport {
    std::size_t samples = 0;
    std::size_t mapped = 0;
    std::size_t unmapped = 0;
    std::map<std::string, std::size_t, std::less<>> unmappedByMetric;
    std::vector<std::string> unmappedExamples; // `name{label="value",...}`, the first few
    std::optional<ExpositionError> error;      // nothing is recorded from a text with an error
};

// `time`: seconds, for samples without a timestamp of their own (exporters send none).
IngestReport ingestExposition(std::string_view text, const SeriesMapper& mapper, SampleStore& store,
                              double time, const ExpositionOptions& options = {},
                              std::size_t maxExamples = 20);

// The same for a Prometheus API response (/api/v1/query or query_range); samples carry their own
// times. `metricName` names series that have no __name__ (aggregations). An error has line 0.
IngestReport ingestQueryResponse(std::string_view json, const SeriesMapper& mapper, SampleStore& store,
                                 std::string_view metricName = {}, std::size_t maxExamples = 20);

} // namespace twin::telemetry
