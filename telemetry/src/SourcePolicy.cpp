#include "telemetry/SourcePolicy.h"

namespace twin::telemetry {

LiveSource firstSource(const SourceState& state) {
    return state.prometheus ? LiveSource::Prometheus : LiveSource::Exporters;
}

PolicyStep nextStep(const SourceState& state, const RoundOutcome& outcome) {
    PolicyStep step;
    step.state = state;
    if (outcome.asked == LiveSource::Exporters) {
        step.reportFailure = outcome.failed;
        return step;
    }
    if (outcome.failed && state.prometheusHasData) {
        step.reportFailure = true; // it had answered before: this is news
        step.state.prometheusHasData = false;
        step.interval = IntervalChange::Reset;
    }
    if (outcome.mapped > 0) {
        step.state.prometheusHasData = true;
        step.interval = IntervalChange::Throttle;
    } else if (!step.state.prometheusHasData && state.directExporters) {
        step.askExporters = true; // not scraped yet, or gone: the exporters meanwhile
    }
    return step;
}

SourceState afterPrometheusStopped(SourceState state) {
    state.prometheusHasData = false;
    return state;
}

} // namespace twin::telemetry
