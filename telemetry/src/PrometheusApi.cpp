#include "telemetry/PrometheusApi.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <simdjson.h>
#include <vector>

namespace twin::telemetry {

namespace {

// Prometheus writes sample values as strings: decimal, "NaN", "+Inf", "-Inf".
bool parseValue(std::string_view text, double& value) {
    if (text == "NaN") {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "+Inf" || text == "-Inf") {
        value = text[0] == '-' ? -std::numeric_limits<double>::infinity()
                               : std::numeric_limits<double>::infinity();
        return true;
    }
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

QueryResult parseQueryResponse(std::string_view json, const std::function<void(const Sample&)>& onSample,
                               std::string_view metricName) {
    QueryResult result;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto error = parser.parse(json.data(), json.size()).get(root); error) {
        result.error = std::string("not JSON: ") + simdjson::error_message(error);
        return result;
    }
    std::string_view status;
    if (root["status"].get(status) != simdjson::SUCCESS) {
        result.error = "no \"status\" in the response";
        return result;
    }
    if (status != "success") {
        std::string_view type, message;
        if (root["errorType"].get(type) != simdjson::SUCCESS)
            type = "error";
        if (root["error"].get(message) != simdjson::SUCCESS)
            message = "(no message)";
        result.error = std::string(type) + ": " + std::string(message);
        return result;
    }
    simdjson::dom::element data;
    std::string_view resultType;
    simdjson::dom::array series;
    if (root["data"].get(data) != simdjson::SUCCESS ||
        data["resultType"].get(resultType) != simdjson::SUCCESS ||
        data["result"].get(series) != simdjson::SUCCESS) {
        if (root["data"].get(data) == simdjson::SUCCESS &&
            data["resultType"].get(resultType) == simdjson::SUCCESS &&
            (resultType == "scalar" || resultType == "string")) {
            result.resultType = std::string(resultType);
            return result; // not series: nothing to map
        }
        result.error = "no data.resultType and data.result array in the response";
        return result;
    }
    result.resultType = std::string(resultType);
    const bool matrix = resultType == "matrix";
    if (!matrix && resultType != "vector") {
        result.error = "unexpected resultType \"" + std::string(resultType) + "\"";
        return result;
    }
    std::vector<Label> labels;
    for (simdjson::dom::element entry : series) {
        ++result.series;
        simdjson::dom::object metric;
        if (entry["metric"].get(metric) != simdjson::SUCCESS) {
            result.error = "a series without \"metric\"";
            return result;
        }
        labels.clear();
        Sample sample;
        sample.name = metricName;
        for (const auto field : metric) {
            std::string_view value;
            if (field.value.get(value) != simdjson::SUCCESS) {
                result.error = "a label value that is not a string";
                return result;
            }
            if (field.key == "__name__")
                sample.name = value;
            else
                labels.push_back({field.key, value});
        }
        sample.family = sample.name;
        sample.type = MetricType::Untyped;
        sample.labels = labels;
        auto emit = [&](simdjson::dom::element point) -> bool {
            simdjson::dom::array pair;
            double seconds = 0;
            std::string_view valueText;
            if (point.get(pair) != simdjson::SUCCESS || pair.size() != 2 ||
                pair.at(0).get(seconds) != simdjson::SUCCESS ||
                pair.at(1).get(valueText) != simdjson::SUCCESS || !parseValue(valueText, sample.value)) {
                result.error = "a sample that is not [seconds, \"value\"]";
                return false;
            }
            sample.timestampMs = std::int64_t(std::llround(seconds * 1000.0));
            ++result.samples;
            if (onSample)
                onSample(sample);
            return true;
        };
        if (matrix) {
            simdjson::dom::array values;
            if (entry["values"].get(values) != simdjson::SUCCESS) {
                result.error = "a matrix series without \"values\"";
                return result;
            }
            for (simdjson::dom::element point : values)
                if (!emit(point))
                    return result;
        } else {
            simdjson::dom::element point;
            if (entry["value"].get(point) != simdjson::SUCCESS) {
                result.error = "a vector series without \"value\"";
                return result;
            }
            if (!emit(point))
                return result;
        }
    }
    return result;
}

namespace {

// RFC 3986 percent-encoding of a query-string value: PromQL holds spaces, braces, quotes and pipes.
std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(text.size() * 3);
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += byte;
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    return encoded;
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

} // namespace

std::string instantQueryPath(std::string_view promql) {
    return "/api/v1/query?query=" + percentEncode(promql);
}

std::string rangeQueryPath(std::string_view promql, double start, double end, double stepSeconds) {
    return "/api/v1/query_range?query=" + percentEncode(promql) + "&start=" + seconds(start) +
           "&end=" + seconds(end) + "&step=" + seconds(stepSeconds);
}

} // namespace twin::telemetry
