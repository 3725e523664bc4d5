// Which source a live refresh asks, and what its answer changes: a pure function of the state and the
// round's outcome, so that the fallback between a Prometheus and the exporters behind it is decided in
// one place and tested without a network.
//
// The rules: ask Prometheus when there is one. Until it has answered with data (it has not scraped
// yet, or it went away), its errors are expected and not reported, and a round that found nothing is
// asked of the exporters at once when they can be reached directly (the window's own simulator).
// Once it has data, its errors are reported, it loses that standing, and the refresh interval goes
// back to the exporters' own; while it answers, the interval is throttled to what its queries cost.
#pragma once

#include <cstddef>

namespace twin::telemetry {

enum class LiveSource { Prometheus, Exporters };

struct SourceState {
    bool prometheus = false;        // a Prometheus to ask (a site's, or the window's own once started)
    bool directExporters = false;   // exporters that can be scraped directly besides it (the simulator)
    bool prometheusHasData = false; // its last answer mapped onto the model
};

// What a round asks first.
LiveSource firstSource(const SourceState& state);

struct RoundOutcome {
    LiveSource asked = LiveSource::Exporters;
    bool failed = false;    // a request failed or answered something that is no data
    std::size_t mapped = 0; // samples that landed on entities
};

enum class IntervalChange { Keep, Throttle, Reset };

struct PolicyStep {
    SourceState state;
    bool reportFailure = false; // tell the window what went wrong
    bool askExporters = false;  // this round again, of the exporters, before anything is shown
    IntervalChange interval = IntervalChange::Keep;
};

PolicyStep nextStep(const SourceState& state, const RoundOutcome& outcome);

// The window's own Prometheus stopped: back to the exporters until one answers again.
SourceState afterPrometheusStopped(SourceState state);

} // namespace twin::telemetry
