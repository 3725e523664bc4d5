// What a telemetry URL answered when it is plainly not what was asked for. A login portal, a proxy's
// error page or a wrong path often answers an HTML page with status 200; parsed as metrics it yields
// nothing and no error, so the window would count "0 GPUs live" without saying why. This looks at the
// Content-Type and the first bytes only (cheap on a megabyte scrape).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace twin::telemetry {

enum class ExpectedBody {
    Exposition,     // an exporter's scrape: Prometheus text exposition
    PrometheusJson, // the Prometheus HTTP API: JSON
};

// "an HTML page ("Sign in"), not metrics" (the page's title when it has one), "JSON, not exposition
// text ..." where an exporter's scrape was expected, or nothing when the body may well be what was
// expected (the parsers judge the rest).
std::optional<std::string> unexpectedBody(std::string_view contentType, std::string_view body,
                                          ExpectedBody expected);

} // namespace twin::telemetry
