#include "telemetry/Ingest.h"

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
    std::string_view lastName;
    MetricId lastMetric = 0;
    parseExposition(text, options, [&](const Sample& sample) {
        ++report.samples;
        const datamodel::EntityIndex entity = mapper.entityOf(sample);
        if (entity == datamodel::kNoEntity) {
            ++report.unmapped;
            auto counted = report.unmappedByMetric.find(sample.name);
            if (counted == report.unmappedByMetric.end())
                counted = report.unmappedByMetric.emplace(std::string(sample.name), 0).first;
            ++counted->second;
            if (report.unmappedExamples.size() < maxExamples)
                report.unmappedExamples.push_back(describeSeries(sample));
            return;
        }
        ++report.mapped;
        // Samples of one metric come together: look its id up once per run of them. (Names are views
        // into `text`, which outlives the whole parse.)
        if (sample.name != lastName || lastName.empty()) {
            lastMetric = store.metric(sample.name);
            lastName = sample.name;
        }
        const double at = sample.timestampMs ? double(*sample.timestampMs) / 1000.0 : time;
        store.record(std::size_t(entity), lastMetric, float(sample.value), at);
    });
    return report;
}

} // namespace twin::telemetry
