#include "bench/ParserBench.h"

#include "bench/MachineDescription.h"
#include "telemetry/Exposition.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <thread>

namespace twin::bench {

std::string dcgmExpositionText(int gpus) {
    struct Gauge {
        const char* name;
        const char* help;
        double low, high;
    };
    constexpr Gauge kGauges[] = {
        {"DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", 30, 85},
        {"DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", 90, 700},
        {"DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", 0, 100},
        {"DCGM_FI_DEV_MEM_COPY_UTIL", "Memory utilization (in %).", 0, 100},
        {"DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz).", 1000, 1980},
    };
    std::string text;
    text.reserve(std::size_t(gpus) * 5 * 240);
    char line[512];
    std::uint32_t random = 1;
    for (const Gauge& gauge : kGauges) {
        text += "# HELP ";
        text += gauge.name;
        text += ' ';
        text += gauge.help;
        text += "\n# TYPE ";
        text += gauge.name;
        text += " gauge\n";
        for (int i = 0; i < gpus; ++i) {
            const int host = i / 8, gpu = i % 8;
            random = random * 1664525u + 1013904223u; // a fixed sequence: the same text every run
            const double value =
                gauge.low + (gauge.high - gauge.low) * double(random >> 8) / double(1u << 24);
            const int length = std::snprintf(
                line, sizeof line,
                "%s{gpu=\"%d\",UUID=\"GPU-%05d%03d-aaaa-bbbb-cccc-%012d\",pci_bus_id=\"00000000:%02X:00.0\","
                "device=\"nvidia%d\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"hall%d-r%03d-n%d\","
                "DCGM_FI_DRIVER_VERSION=\"580.105.08\"} %f\n",
                gauge.name, gpu, host, gpu, i, 0x18 + gpu * 0x10, gpu, host / 3125 + 1, (host / 8) % 400,
                host % 8, value);
            text.append(line, std::size_t(length));
        }
    }
    return text;
}

namespace {

double bestParseSeconds(const std::string& text, unsigned threads, int repeats, std::size_t& samples) {
    double best = std::numeric_limits<double>::infinity();
    for (int run = 0; run < repeats; ++run) {
        QElapsedTimer clock;
        clock.start();
        telemetry::ExpositionOptions options;
        options.threads = threads;
        samples = telemetry::parseExposition(text, options).samples;
        best = std::min(best, double(clock.nsecsElapsed()) / 1e9);
    }
    return best;
}

// Wall time of a whole process, or a negative number when it could not run.
double processSeconds(const QString& program, const QStringList& arguments, const QString& stdinFile = {}) {
    QProcess process;
    if (!stdinFile.isEmpty())
        process.setStandardInputFile(stdinFile);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit)
        return -1.0;
    return double(clock.nsecsElapsed()) / 1e9;
}

} // namespace

BenchReport runParserBench(const ParserBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("parser");
    report.machine = describeMachine(QString());
    const std::string text = dcgmExpositionText(options.gpus);
    const double megabytes = double(text.size()) / 1e6;
    const QString gpus = QString::number(options.gpus);
    report.rows.push_back({QStringLiteral("input"), QStringLiteral("size"), megabytes,
                           QStringLiteral("MB of dcgm-exporter text, %1 GPUs x 5 gauges").arg(gpus)});

    std::size_t samples = 0;
    const double oneCore = bestParseSeconds(text, 1, options.repeats, samples);
    report.rows.push_back({QStringLiteral("parse 1 thread"), QStringLiteral("throughput"),
                           megabytes / oneCore,
                           QStringLiteral("MB/s (%1 ms)").arg(oneCore * 1e3, 0, 'f', 1)});
    report.rows.push_back({QStringLiteral("parse 1 thread"), QStringLiteral("samples"),
                           double(samples) / oneCore, QStringLiteral("samples/s (%1 samples)").arg(samples)});
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double allCores = bestParseSeconds(text, 0, options.repeats, samples);
    report.rows.push_back({QStringLiteral("parse %1 threads").arg(cores), QStringLiteral("throughput"),
                           megabytes / allCores,
                           QStringLiteral("MB/s (%1 ms)").arg(allCores * 1e3, 0, 'f', 1)});

    // The same text as a file: the command line check, and promtool's, each a whole process.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dcgm.prom"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) &&
        file.write(text.data(), qint64(text.size())) == qint64(text.size())) {
        file.close();
        // What ./twin metrics-check runs: the lean executable beside this one, when it is there.
        const QString lean = QFileInfo(QCoreApplication::applicationFilePath())
                                 .dir()
                                 .filePath(QStringLiteral("colossus-twin-metrics"));
        const QString checker =
            QFileInfo(lean).isExecutable() ? lean : QCoreApplication::applicationFilePath();
        double check = std::numeric_limits<double>::infinity();
        for (int run = 0; run < 3; ++run) {
            const double seconds = processSeconds(checker, {QStringLiteral("metrics-check"), path});
            if (seconds > 0)
                check = std::min(check, seconds);
        }
        report.rows.push_back({QStringLiteral("metrics-check process"), QStringLiteral("time"), check * 1e3,
                               QStringLiteral("ms, start to exit, %1 (%2 MB/s)")
                                   .arg(QFileInfo(checker).fileName())
                                   .arg(megabytes / check, 0, 'f', 0)});
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        const double promtoolSeconds =
            promtool.isEmpty()
                ? -1.0
                : processSeconds(promtool, {QStringLiteral("check"), QStringLiteral("metrics")}, path);
        if (promtoolSeconds > 0) {
            report.rows.push_back(
                {QStringLiteral("promtool check metrics"), QStringLiteral("time"), promtoolSeconds * 1e3,
                 QStringLiteral("ms (%1 MB/s)").arg(megabytes / promtoolSeconds, 0, 'f', 1)});
            report.rows.push_back({QStringLiteral("metrics-check vs promtool"), QStringLiteral("speed-up"),
                                   promtoolSeconds / check, QStringLiteral("x, same file, same run")});
        } else {
            report.rows.push_back(
                {QStringLiteral("promtool check metrics"), QStringLiteral("time"), 0.0,
                 QStringLiteral("not run: promtool not found (Debian package prometheus)")});
        }
    }
    return report;
}

} // namespace twin::bench
