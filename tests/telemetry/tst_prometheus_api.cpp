// (No raw string literals in this file: Qt 6.4's moc misreads them and finds no test class.)
// Prometheus API responses: the documentation's own examples, values as strings (NaN, +Inf), refused
// queries, malformed and truncated bodies, and aggregated series mapped onto racks.
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Ingest.h"
#include "telemetry/PrometheusApi.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace twin;
using namespace twin::telemetry;

namespace {

std::string sharedFile(const char* relative) {
    QFile file(QStringLiteral(TWIN_SHARED_DATA "/") + QLatin1String(relative));
    file.open(QIODevice::ReadOnly);
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace

class PrometheusApiTest : public QObject {
    Q_OBJECT
private slots:
    void queriesArePercentEncoded() {
        QCOMPARE(
            instantQueryPath("max by (rack) (T{h=~\"a\\\\.b|c\"})"),
            std::string("/api/v1/query?query=max%20by%20%28rack%29%20%28T%7Bh%3D~%22a%5C%5C.b%7Cc%22%7D%29"));
        QCOMPARE(
            rangeQueryPath("up", 1700000000.0, 1700000600.5, 15.0),
            std::string("/api/v1/query_range?query=up&start=1700000000.000&end=1700000600.500&step=15.000"));
    }
    void theDocumentationsInstantQuery() {
        const std::string json = sharedFile("promapi/docs_api_v1_query_instant_example.json");
        QVERIFY(!json.empty());
        std::vector<std::tuple<std::string, std::string, double, std::int64_t>> seen;
        const QueryResult result = parseQueryResponse(json, [&](const Sample& sample) {
            std::string job;
            for (const Label& label : sample.labels)
                if (label.name == "job")
                    job = label.value;
            seen.emplace_back(std::string(sample.name), job, sample.value, *sample.timestampMs);
        });
        QVERIFY(!result.error);
        QCOMPARE(result.resultType, std::string("vector"));
        QCOMPARE(result.series, std::size_t(2));
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[0], std::make_tuple(std::string("up"), std::string("prometheus"), 1.0,
                                          std::int64_t(1435781451781)));
        QCOMPARE(seen[1],
                 std::make_tuple(std::string("up"), std::string("node"), 0.0, std::int64_t(1435781451781)));
    }

    void theDocumentationsRangeQuery() {
        const std::string json = sharedFile("promapi/docs_api_v1_query_range_example.json");
        std::size_t points = 0;
        std::int64_t last = 0;
        const QueryResult result = parseQueryResponse(json, [&](const Sample& sample) {
            ++points;
            last = *sample.timestampMs;
        });
        QVERIFY(!result.error);
        QCOMPARE(result.resultType, std::string("matrix"));
        QCOMPARE(result.series, std::size_t(2));
        QCOMPARE(points, std::size_t(6));
        QCOMPARE(last, std::int64_t(1435781460781));
    }

    void valuesAreStringsWithSpecials() {
        const std::string json = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[\n "
                                 "           {\"metric\":{\"__name__\":\"a\"},\"value\":[1.5,\"NaN\"]},\n    "
                                 "        {\"metric\":{\"__name__\":\"b\"},\"value\":[1.5,\"+Inf\"]},\n      "
                                 "      {\"metric\":{\"__name__\":\"c\"},\"value\":[1.5,\"-2.5e3\"]}]}}";
        std::vector<double> values;
        QVERIFY(!parseQueryResponse(json, [&](const Sample& s) { values.push_back(s.value); }).error);
        QVERIFY(std::isnan(values[0]));
        QVERIFY(std::isinf(values[1]) && values[1] > 0);
        QCOMPARE(values[2], -2500.0);
    }

    void refusedAndMalformedResponsesAreErrors() {
        struct Case {
            const char* json;
            const char* error;
        };
        const Case cases[] = {
            {"{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}",
             "bad_data: parse error at char 5"},
            {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
             "\"value\":[1,\"x\"]}]}}",
             "a sample that is not [seconds, \"value\"]"},
            {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"1\"]}]}"
             "}",
             "a series without \"metric\""},
            {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":1},"
             "\"value\":[1,\"1\"]}]}}",
             "a label value that is not a string"},
            {"{\"data\":{}}", "no \"status\" in the response"},
        };
        for (const Case& c : cases) {
            const QueryResult result = parseQueryResponse(c.json, {});
            QVERIFY2(result.error, c.json);
            QCOMPARE(*result.error, std::string(c.error));
        }
        // Truncated anywhere: an error, never a crash.
        const std::string json = sharedFile("promapi/docs_api_v1_query_range_example.json");
        for (std::size_t cut = 0; cut + 1 < json.size(); ++cut)
            QVERIFY(parseQueryResponse(std::string_view(json).substr(0, cut), {}).error);
    }

    void aggregatedSeriesLandOnRacks() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.db")).toStdString();
        importers::GeneratorOptions options;
        options.gpus = 512;
        importers::generateColossus(path, options);
        const datamodel::Facility facility =
            datamodel::Store::open(path, datamodel::Access::ReadOnly)->load();
        std::string json = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[";
        const auto racks = facility.ofKind(datamodel::EntityKind::Rack);
        for (std::size_t i = 0; i < racks.size(); ++i)
            json += std::string(i ? "," : "") + "{\"metric\":{\"rack\":\"" +
                    std::string(facility.name(racks[i])) + "\"},\"value\":[1700000000.5,\"" +
                    std::to_string(60 + i) + "\"]}";
        json += ",{\"metric\":{\"rack\":\"nowhere\"},\"value\":[1700000000.5,\"1\"]}]}}";
        SampleStore store(facility.entityCount());
        const IngestReport report =
            ingestQueryResponse(json, SeriesMapper(facility), store, "max_gpu_temperature_by_rack");
        QVERIFY(!report.error);
        QCOMPARE(report.mapped, racks.size());
        QCOMPARE(report.unmapped, std::size_t(1));
        const MetricId metric = *store.findMetric("max_gpu_temperature_by_rack");
        QCOMPARE(store.latest(std::size_t(racks[1]), metric)->value, 61.0f);
        QCOMPARE(store.latest(std::size_t(racks[1]), metric)->time, 1700000000.5);
    }
};

QTEST_GUILESS_MAIN(PrometheusApiTest)
#include "tst_prometheus_api.moc"
