// The Prometheus text exposition format 0.0.4 (what dcgm-exporter and node exporter serve), parsed
// the way prometheus/common's expfmt.TextParser does, at memory speed: one pass over the bytes, no
// regular expressions, and no allocation per sample (label values with escapes reuse buffers).
// The one difference, by default: a missing final newline is accepted (real exporters omit it);
// ExpositionOptions::strict follows prometheus/common there too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace twin::telemetry {

enum class MetricType : std::uint8_t { Untyped, Counter, Gauge, Summary, Histogram, GaugeHistogram };

struct Label {
    std::string_view name;
    std::string_view value; // unescaped
};

// One sample line. Views are valid during the callback only.
struct Sample {
    std::string_view name;   // as written, with a _bucket/_sum/_count suffix if any
    std::string_view family; // the metric family it belongs to (a histogram's or summary's base name)
    MetricType type = MetricType::Untyped;
    std::span<const Label> labels; // as written (le and quantile included)
    double value = 0.0;
    std::optional<std::int64_t> timestampMs;
    std::size_t line = 0;
};

struct ExpositionOptions {
    bool strict = false; // a missing final newline is an error, as in prometheus/common
    // Without a sample callback, a large text is parsed in parts on this many threads at most
    // (0: one per core); the result is always that of a single pass.
    unsigned threads = 0;
};

struct ExpositionError {
    std::size_t line = 0; // 1-based
    std::string message;
};

struct ExpositionResult {
    std::size_t samples = 0;              // 0 when there is an error
    std::size_t families = 0;             // families with samples; 0 when there is an error
    std::optional<ExpositionError> error; // parsing stops at the first error
};

// Parses a whole exposition. `onSample`, when given, sees every sample in order.
ExpositionResult parseExposition(std::string_view text, const ExpositionOptions& options = {},
                                 const std::function<void(const Sample&)>& onSample = {});

} // namespace twin::telemetry
