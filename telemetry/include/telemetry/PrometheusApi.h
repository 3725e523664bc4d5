// Responses of the Prometheus HTTP API (/api/v1/query and /api/v1/query_range), parsed with simdjson
// into the same Sample the exposition parser hands out, so that one SeriesMapper and one SampleStore
// serve both: an instant vector gives one sample per series, a range matrix one per point (with its
// timestamp). Values arrive as strings ("NaN" and "+Inf" included), timestamps as float seconds.
#pragma once

#include "telemetry/Exposition.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace twin::telemetry {

struct QueryResult {
    std::string resultType; // "vector", "matrix", "scalar" or "string"
    std::size_t series = 0;
    std::size_t samples = 0;
    std::optional<std::string> error; // a refused query ("bad_data: ...") or a malformed body
};

// `metricName`: the name given to series without __name__ (aggregations such as max by (rack)).
QueryResult parseQueryResponse(std::string_view json, const std::function<void(const Sample&)>& onSample,
                               std::string_view metricName = {});

// Request targets for the API, the PromQL percent-encoded: "/api/v1/query?query=max%20by%20..."
std::string instantQueryPath(std::string_view promql);
// Times in seconds since the epoch; `stepSeconds` between points.
std::string rangeQueryPath(std::string_view promql, double start, double end, double stepSeconds);

} // namespace twin::telemetry
