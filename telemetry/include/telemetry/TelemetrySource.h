// A telemetry source the window reads from: a site's Prometheus (its HTTP API) or exporters scraped
// directly (dcgm-exporter, a CDU controller's exporter). Kept in the user's settings, never in the
// model file, and never with a secret in it: a bearer token or a password is read from a file that
// only its owner can read (as Prometheus's own credentials_file and password_file work), so neither
// settings nor logs ever hold one.
#pragma once

#include "telemetry/HttpClient.h"
#include "telemetry/LiveMetrics.h"
#include "telemetry/SeriesMapper.h"

#include <optional>
#include <string>
#include <vector>

namespace twin::telemetry {

enum class SourceKind { Prometheus, Exporters };
enum class SourceAuth { None, BearerTokenFile, BasicPasswordFile };

struct TelemetrySource {
    std::string name;
    SourceKind kind = SourceKind::Prometheus;
    std::vector<std::string> urls; // Prometheus: its base URL (one); exporters: every scrape URL
    SourceAuth auth = SourceAuth::None;
    std::string user;       // basic auth
    std::string secretFile; // the token or password, in a file of its own (mode 0600)
    bool verifyTls = true;
    std::string caFile; // https: a site CA's PEM file
    // Prometheus: GPU series carry a `rack` label (service discovery or relabelling attaches it), so
    // the window can ask for one value per rack from afar; without it, it asks for every GPU.
    bool rackLabel = false;
    // Label names, where the site's exporters or relabelling differ from dcgm-exporter's; empty: the
    // defaults (Hostname or hostname, gpu, UUID or uuid, rack).
    std::string hostLabel, gpuLabel, uuidLabel, rackLabelName;
    bool operator==(const TelemetrySource&) const = default;
};

// What is wrong with a source, naming the field ("URL 2: ..."), or nothing.
std::optional<std::string> validateSource(const TelemetrySource& source);

// The client options for a source: timeouts and TLS, and the secret read from its file now. An
// unreadable file, one that others can read, or an empty one is an error naming the file only.
struct SourceClient {
    HttpClientOptions options;
    std::optional<std::string> error;
};
SourceClient clientOptionsFor(const TelemetrySource& source);

// How series of this source map onto the model (its label names over SeriesMapper's defaults), and
// the label names its queries use.
MappingRules mappingRulesFor(const TelemetrySource& source);
QueryTarget queryTargetFor(const TelemetrySource& source);

// The request a connection test makes: Prometheus's build info, or the first exporter URL.
std::string testUrl(const TelemetrySource& source);

} // namespace twin::telemetry
