// The text exposition parser against prometheus/common's own corpus (valid and invalid inputs), real
// dcgm-exporter and Prometheus captures, the values and labels it hands out, and its allocations.
#include "telemetry/Exposition.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <vector>

// Every allocation in this test process is counted, so that a test can show that parsing allocates
// per metric family, never per sample.
namespace {
std::atomic<std::size_t> gAllocations{0};
}
void* operator new(std::size_t size) {
    ++gAllocations;
    if (void* memory = std::malloc(size ? size : 1))
        return memory;
    throw std::bad_alloc();
}
void operator delete(void* memory) noexcept {
    std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
    std::free(memory);
}

using namespace twin::telemetry;

namespace {

QString sharedData(const QString& relative) {
    return QStringLiteral(TWIN_SHARED_DATA "/") + relative;
}

std::string readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

QStringList corpus(const QString& pattern) {
    const QDir dir(sharedData(QStringLiteral("promtext/fuzz_corpus")));
    QStringList files;
    for (const QString& name : dir.entryList({pattern}, QDir::Files))
        files << dir.filePath(name);
    return files;
}

// Sample lines counted the plain way: not blank and not a comment.
std::size_t countSampleLines(const std::string& text) {
    std::size_t count = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line[first] != '#')
            ++count;
        start = end + 1;
    }
    return count;
}

} // namespace

class ExpositionParserTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(sharedData(QStringLiteral("promtext/fuzz_corpus/minimal"))),
                 "the shared data (../shared/data) is missing");
    }

    void validCorpusParsesInBothModes() {
        const QStringList files =
            corpus(QStringLiteral("from_test_parse_[0-9]*")) + corpus(QStringLiteral("minimal"));
        QCOMPARE(files.size(), 6);
        for (const QString& file : files) {
            const std::string text = readFile(file);
            for (const bool strict : {false, true}) {
                const ExpositionResult result = parseExposition(text, ExpositionOptions{strict});
                QVERIFY2(!result.error, qPrintable(file + QStringLiteral(": ") +
                                                   QString::fromStdString(result.error->message)));
                QCOMPARE(result.samples, countSampleLines(text));
            }
        }
    }

    void invalidCorpusIsRejectedWithALineNumber() {
        const QStringList files = corpus(QStringLiteral("from_test_parse_error_*"));
        QCOMPARE(files.size(), 20);
        for (const QString& file : files) {
            const std::string text = readFile(file);
            const ExpositionResult result = parseExposition(text, ExpositionOptions{true});
            QVERIFY2(result.error, qPrintable(file));
            QVERIFY(result.error->line >= 1);
            const std::size_t lines = std::size_t(std::count(text.begin(), text.end(), '\n')) + 1;
            QVERIFY2(result.error->line <= lines, qPrintable(file));
        }
        // error_0 lacks only its final newline: the default mode accepts it, strict mode does not.
        const std::string missingNewline =
            readFile(sharedData(QStringLiteral("promtext/fuzz_corpus/from_test_parse_error_0")));
        QVERIFY(!parseExposition(missingNewline).error);
        QCOMPARE(parseExposition(missingNewline).samples, std::size_t(1));
        QCOMPARE(parseExposition(missingNewline, ExpositionOptions{true}).error->message,
                 std::string("unexpected end of input stream"));
    }

    void errorsSayWhatAndWhere() {
        using namespace std::string_view_literals; // the NUL cases need their length
        struct Case {
            std::string_view text;
            std::size_t line;
            const char* message;
        };
        const Case cases[] = {
            {"\n# TYPE metric counter\n# TYPE metric untyped\n", 3,
             "second TYPE line for metric name \"metric\", or TYPE reported after samples"},
            {"\nmetric 4.12\n# TYPE metric counter\n", 3,
             "second TYPE line for metric name \"metric\", or TYPE reported after samples"},
            {"metric{label=\"bla\"} 3.14 2.72\n", 1, "expected integer as timestamp, got \"2.72\""},
            {"a 1\nb 2\nmetric{label=\"bla\"} blubb\n", 3, "expected float as value, got \"blubb\""},
            {"m{a=\"1\",a=\"2\"} 1\n", 1, "duplicate label names for metric \"m\""},
            {"m{a=\"\\t\"} 1\n", 1, "invalid escape sequence '\\t'"},
            // Bytes in messages are escaped as Go's %q escapes them (promtool's own words, checked
            // against `promtool check metrics`): no raw CR, NUL or broken UTF-8 reaches the terminal.
            {"m{a=\"\xff\"} 1\n", 1, "invalid label value \"\\xff\""},
            {"m{a=\"\xff\x00\"} x\n"sv, 1, "invalid label value \"\\xff\\x00\""},
            {"# TYPE m gauge\r\nm 1\n", 1, "unknown metric type \"gauge\\r\""},
            {"m 1 2\x00\n"sv, 1, "expected integer as timestamp, got \"2\\x00\""},
            {"m{a=\"\r\xc3\xa9\xc2\x85\"} 1\n", 1, ""}, // valid UTF-8: no error (placeholder, skipped)
            {"m \xc3\xa9\x1b[2J\n", 1, "expected float as value, got \"\xc3\xa9\\x1b[2J\""},
            {"m{a=\xe9} 1\n", 1, "expected '\"' at start of label value, found '\xc3\xa9'"},
            {"m{a=\x85} 1\n", 1, "expected '\"' at start of label value, found '\\u0085'"},
            {"m 1e400\n", 1, "expected float as value, got \"1e400\""},
            {"m 0x10\n", 1, "expected float as value, got \"0x10\""},
            {"m 0x1p3\n", 1, "expected float as value, got \"0x1p3\""},
            {"m 1_000\n", 1, "expected float as value, got \"1_000\""},
            {"m 1 \n", 1,
             "expected integer as timestamp, got \"\""}, // as prometheus/common: no trailing blank
            {"m 1\r\n", 1, "expected float as value, got \"1\\r\""},
            {"m{a=\"unterminated", 1, "unexpected end of input stream"},
            {"# TYPE m histogram\nm_bucket{le=\"x\"} 1\n", 2,
             "expected float as value for 'le' label, got \"x\""},
        };
        for (const Case& c : cases) {
            const ExpositionResult result = parseExposition(c.text);
            if (!*c.message) {
                QVERIFY2(!result.error, c.text.data());
                continue;
            }
            QVERIFY2(result.error, c.text.data());
            QCOMPARE(result.error->line, c.line);
            QVERIFY2(result.error->message == c.message,
                     qPrintable(QStringLiteral("%1: %2").arg(
                         QString::fromLatin1(QByteArray(c.text.data(), qsizetype(c.text.size())).toHex()),
                         QString::fromStdString(result.error->message))));
        }
    }

    void samplesCarryTheirValuesLabelsAndFamilies() {
        const std::string text =
            "# TYPE name counter\n"
            "name{labelname=\"val1\",basename=\"basevalue\"} NaN\n"
            "name {labelname=\"val2\",basename=\"base\\\"v\\\\al\\nue\"} 0.23 1234567890\n"
            "name2{ labelname = \"val1\" , }-Inf\n"
            "m +Inf -5\n"
            "m 08\n"
            "# TYPE s summary\n"
            "s{quantile=\"0.5\"} 1\n"
            "s_sum 4711\n"
            "s_count 42\n"
            "# TYPE h histogram\n"
            "h_bucket{le=\"+Inf\"} 3\n"
            "h_sum 1.5e3\n"
            "fake_sum 1";
        std::vector<std::pair<std::string, std::string>> labels;
        std::vector<double> values;
        std::vector<std::string> families;
        std::vector<std::optional<std::int64_t>> timestamps;
        const ExpositionResult result = parseExposition(text, {}, [&](const Sample& sample) {
            for (const Label& label : sample.labels)
                labels.emplace_back(label.name, label.value);
            values.push_back(sample.value);
            families.emplace_back(sample.family);
            timestamps.push_back(sample.timestampMs);
        });
        QVERIFY(!result.error);
        QCOMPARE(result.samples, std::size_t(11));
        QCOMPARE(result.families, std::size_t(6)); // name, name2, m, s, h, fake_sum
        QVERIFY(std::isnan(values[0]));
        QCOMPARE(values[1], 0.23);
        QCOMPARE(timestamps[1], std::optional<std::int64_t>(1234567890));
        QCOMPARE(labels[3].second, std::string("base\"v\\al\nue")); // unescaped
        QCOMPARE(values[2], -std::numeric_limits<double>::infinity());
        QCOMPARE(labels[4], std::make_pair(std::string("labelname"), std::string("val1")));
        QCOMPARE(values[3], std::numeric_limits<double>::infinity());
        QCOMPARE(timestamps[3], std::optional<std::int64_t>(-5));
        QCOMPARE(values[4], 8.0);
        QCOMPARE(families[5], std::string("s"));
        QCOMPARE(families[6], std::string("s"));         // s_sum belongs to the summary
        QCOMPARE(families[7], std::string("s"));         // and s_count
        QCOMPARE(families[8], std::string("h"));         // h_bucket to the histogram
        QCOMPARE(families[10], std::string("fake_sum")); // no summary called fake
        QCOMPARE(values[9], 1500.0);
    }

    void realCapturesParse() {
        // A real dcgm-exporter scrape (DataDog's fixture): no final newline, as exporters often send.
        const std::string dcgm =
            readFile(sharedData(QStringLiteral("dcgm/datadog_integrations-core_dcgm_fixtures_metrics.txt")));
        QVERIFY(!dcgm.empty());
        const ExpositionResult lenient = parseExposition(dcgm);
        QVERIFY(!lenient.error);
        QCOMPARE(lenient.samples, countSampleLines(dcgm));
        const ExpositionResult strict = parseExposition(dcgm, ExpositionOptions{true});
        QVERIFY(strict.error);
        QCOMPARE(strict.error->line, std::size_t(std::count(dcgm.begin(), dcgm.end(), '\n')) + 1);
        std::size_t withGpuLabel = 0;
        parseExposition(dcgm, {}, [&](const Sample& sample) {
            for (const Label& label : sample.labels)
                withGpuLabel += label.name == "gpu" ? 1 : 0;
        });
        QVERIFY(withGpuLabel > 0);

        // A Prometheus server scraping itself (counters, gauges, summaries).
        const std::string prometheus =
            readFile(sharedData(QStringLiteral("promtext/expfmt_testdata_text.txt")));
        const ExpositionResult self = parseExposition(prometheus, ExpositionOptions{true});
        QVERIFY(!self.error);
        QCOMPARE(self.samples, countSampleLines(prometheus));
    }

    // Truncated at every byte, or with a byte changed anywhere, a real text never crashes the parser
    // (the asan preset runs this too) and never yields more samples than the whole text has.
    void damagedInputIsRefusedOrCountedSafely() {
        const std::string whole =
            readFile(sharedData(QStringLiteral("promtext/fuzz_corpus/from_test_parse_2"))) +
            readFile(sharedData(QStringLiteral("promtext/fuzz_corpus/from_test_parse_3"))) +
            readFile(sharedData(QStringLiteral("promtext/fuzz_corpus/from_test_parse_4")));
        const std::size_t all = parseExposition(whole).samples;
        QVERIFY(all > 20);
        std::size_t refused = 0;
        for (std::size_t cut = 0; cut <= whole.size(); ++cut)
            for (const bool strict : {false, true}) {
                const ExpositionResult result =
                    parseExposition(std::string_view(whole).substr(0, cut), {strict});
                QVERIFY(result.samples <= all);
                refused += result.error ? 1 : 0;
            }
        QVERIFY(refused > 0);
        const char replacements[] = {'"', '\\', '\n', '{', '}', '=', ',', ' ', '#', 'x', '\xff', '\0'};
        for (std::size_t at = 0; at < whole.size(); at += 7)
            for (const char replacement : replacements) {
                std::string damaged = whole;
                damaged[at] = replacement;
                const ExpositionResult result = parseExposition(damaged);
                QVERIFY(result.error || result.samples <= all + 1); // a new line may split one sample in two
            }
    }

    // A large text is parsed in parts on several threads; the answer must be the one pass's, errors
    // across parts included (a second TYPE or HELP, a summary whose samples straddle the cut).
    void partsAnswerAsOnePassWould() {
        auto gauge = [](const std::string& name, int lines, int startLabel) {
            std::string text = "# HELP " + name + " help\n# TYPE " + name + " gauge\n";
            for (int i = 0; i < lines; ++i)
                text += name + "{gpu=\"" + std::to_string(i % 8) + "\",UUID=\"GPU-" +
                        std::to_string(startLabel + i) +
                        "-aaaa-bbbb-cccc\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"host-" +
                        std::to_string(i / 8) + "\"} " + std::to_string(30 + i % 50) + ".5\n";
            return text;
        };
        const std::string valid = gauge("temp", 60000, 0) + gauge("power", 60000, 0);
        QVERIFY(valid.size() > 12u << 20); // enough for three parts of at least 4 MiB
        int mismatches = 0;
        // One pass and three parts, side by side; returns the one pass's answer for the checks below.
        std::optional<ExpositionResult> expected;
        auto compare = [&](const std::string& text, const char* what) -> const ExpositionResult& {
            ExpositionOptions onePass, parts;
            onePass.threads = 1;
            parts.threads = 3;
            expected = parseExposition(text, onePass);
            const ExpositionResult actual = parseExposition(text, parts);
            const bool same = actual.samples == expected->samples && actual.families == expected->families &&
                              bool(actual.error) == bool(expected->error) &&
                              (!actual.error || (actual.error->line == expected->error->line &&
                                                 actual.error->message == expected->error->message));
            if (!same)
                qWarning("%s: parts disagree with one pass: %zu/%zu samples, line %zu/%zu, %s / %s", what,
                         actual.samples, expected->samples, actual.error ? actual.error->line : 0,
                         expected->error ? expected->error->line : 0,
                         actual.error ? actual.error->message.c_str() : "-",
                         expected->error ? expected->error->message.c_str() : "-");
            mismatches += same ? 0 : 1;
            return *expected;
        };
        QCOMPARE(compare(valid, "valid").samples, std::size_t(120000));

        // A bad value near the end: the line is counted across all parts.
        std::string badValue = valid;
        badValue.replace(badValue.rfind("} 35.5"), 6, "} warm");
        QCOMPARE(compare(badValue, "bad value").error->message,
                 std::string("expected float as value, got \"warm\""));

        // The last part declares again what the first declared.
        QCOMPARE(compare(valid + "# TYPE temp counter\n", "second TYPE").error->message,
                 std::string("second TYPE line for metric name \"temp\", or TYPE reported after samples"));
        QCOMPARE(compare(valid + "# HELP power again\n", "second HELP").error->message,
                 std::string("second HELP line for metric name \"power\""));
        // A TYPE for a family only seen through samples before: also after samples.
        QVERIFY(compare(valid + "# TYPE temp gauge\n", "TYPE after samples").error);

        // A summary whose samples run across the cut: a bad quantile in the last part is an error only
        // because the first part declared the summary.
        std::string summary = "# TYPE lat summary\n";
        for (int i = 0; i < 250000; ++i)
            summary += "lat{quantile=\"0.5\",host=\"host-" + std::to_string(i) + "-with-a-longer-name\"} 1\n";
        QVERIFY(summary.size() > 12u << 20);
        QVERIFY(!compare(summary + "lat_sum 4711\nlat_count 42\n", "summary").error);
        QCOMPARE(compare(summary + "lat{quantile=\"high\"} 1\n", "bad quantile").error->message,
                 std::string("expected float as value for 'quantile' label, got \"high\""));
    }

    // Parsing allocates per metric family (its name) and per escaped label value buffer, never per
    // sample: ten times the samples, the same allocations.
    void allocatesPerFamilyNotPerSample() {
        auto exposition = [](int gpus) {
            std::string text =
                "# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).\n# TYPE DCGM_FI_DEV_GPU_TEMP gauge\n";
            for (int i = 0; i < gpus; ++i)
                text += "DCGM_FI_DEV_GPU_TEMP{gpu=\"" + std::to_string(i % 8) + "\",UUID=\"GPU-" +
                        std::to_string(i) + "\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"host-" +
                        std::to_string(i / 8) + "\"} " + std::to_string(30 + i % 50) + "\n";
            return text;
        };
        const std::string small = exposition(1000), large = exposition(10000);
        std::size_t samples = 0;
        const std::function<void(const Sample&)> count = [&](const Sample&) {
            ++samples;
        };
        const std::size_t before = gAllocations;
        QCOMPARE(parseExposition(small, {}, count).samples, std::size_t(1000));
        const std::size_t forSmall = gAllocations - before;
        const std::size_t middle = gAllocations;
        QCOMPARE(parseExposition(large, {}, count).samples, std::size_t(10000));
        const std::size_t forLarge = gAllocations - middle;
        QCOMPARE(samples, std::size_t(11000));
        qInfo("allocations: %zu for 1,000 samples, %zu for 10,000", forSmall, forLarge);
        QVERIFY2(forLarge <= forSmall + 2 && forSmall < 32,
                 qPrintable(QStringLiteral("%1 vs %2 allocations").arg(forSmall).arg(forLarge)));
    }
};

QTEST_GUILESS_MAIN(ExpositionParserTest)
#include "tst_exposition_parser.moc"
