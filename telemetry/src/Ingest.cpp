#include "telemetry/Ingest.h"

#include "telemetry/PrometheusApi.h"

namespace twin::telemetry {

namespace {

std::string describeSeries(const Sample& sample) {
    std::string text(sample.name);
    text += '{';
    for (std::size_t i = 0; i < sample.labels.size(); ++i) {
        if (i > 0)
            text += ',';
        text += sample.labels[i].name;
        text += "=\"";
        text += sample.labels[i].value;
        text += '"';
    }
    return text + '}';
}

// Maps and records samples one by one, counting what maps to nothing.
class Recorder {
public:
    Recorder(const SeriesMapper& mapper, SampleStore& store, double time, std::size_t maxExamples,
             IngestReport& report)
        : mapper_(mapper), store_(store), time_(time), maxExamples_(maxExamples), report_(report) {}

    void operator()(const Sample& sample) {
        ++report_.samples;
        const datamodel::EntityIndex entity = mapper_.entityOf(sample);
        if (entity == datamodel::kNoEntity) {
            ++report_.unmapped;
            auto counted = report_.unmappedByMetric.find(sample.name);
            if (counted == report_.unmappedByMetric.end())
                counted = report_.unmappedByMetric.emplace(std::string(sample.name), 0).first;
            ++counted->second;
            if (report_.unmappedExamples.size() < maxExamples_)
                report_.unmappedExamples.push_back(describeSeries(sample));
            return;
        }
        ++report_.mapped;
        // Samples of one metric come together: look its id up once per run of them.
        if (sample.name != lastName_ || !haveMetric_) {
            lastMetric_ = store_.metric(sample.name);
            lastName_ = std::string(sample.name);
            haveMetric_ = true;
        }
        const double at = sample.timestampMs ? double(*sample.timestampMs) / 1000.0 : time_;
        store_.record(std::size_t(entity), lastMetric_, float(sample.value), at);
    }

private:
    const SeriesMapper& mapper_;
    SampleStore& store_;
    double time_;
    std::size_t maxExamples_;
    IngestReport& report_;
    std::string lastName_;
    MetricId lastMetric_ = 0;
    bool haveMetric_ = false;
};

} // namespace

IngestReport ingestExposition(std::string_view text, const SeriesMapper& mapper, SampleStore& store,
                              double time, const ExpositionOptions& options, std::size_t maxExamples) {
    IngestReport report;
    // A text with an error is refused whole: check it before anything is recorded (the check runs
    // on every core and costs a fraction of the mapping pass).
    if (const ExpositionResult check = parseExposition(text, options); check.error) {
        report.error = check.error;
        return report;
    }
    Recorder record(mapper, store, time, maxExamples, report);
    parseExposition(text, options, [&](const Sample& sample) { record(sample); });
    return report;
}

IngestReport ingestQueryResponse(std::string_view json, const SeriesMapper& mapper, SampleStore& store,
                                 std::string_view metricName, std::size_t maxExamples) {
    IngestReport report;
    // Refused whole too: a first pass only checks.
    if (const QueryResult check = parseQueryResponse(json, {}, metricName); check.error) {
        report.error = ExpositionError{0, *check.error};
        return report;
    }
    Recorder record(mapper, store, 0.0, maxExamples, report);
    parseQueryResponse(
        json, [&](const Sample& sample) { record(sample); }, metricName);
    return report;
}

} // namespace twin::telemetry
