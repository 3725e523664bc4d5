#include "gui/live/LiveBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/Facility.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/window/MainWindow.h"
#include "scene/CameraPath.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/PrometheusApi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace twin::app {

using bench::spinUntil;

namespace {

using bench::median;

constexpr int kPrometheusWaitMs = 240000;
constexpr double kDegreesPerRadian = 180.0 / 3.14159265358979323846;

// Runs the event loop until `done()` or the timeout; false on timeout.
// Live updates as they come: their refresh times and sizes.
struct UpdateLog {
    std::vector<double> refreshMs;
    std::vector<double> bytes;
};

// Collects `count` updates of the current view (after the one in flight, which may be of another).
UpdateLog collectUpdates(const LiveTelemetry& live, int count) {
    UpdateLog log;
    int seen = 0;
    const auto connection = QObject::connect(&live, &LiveTelemetry::updated, [&](const LiveUpdate& update) {
        if (seen++ == 0)
            return;
        log.refreshMs.push_back(update.refreshMs);
        log.bytes.push_back(double(update.bytes));
    });
    spinUntil([&] { return int(log.refreshMs.size()) >= count; }, 120000);
    QObject::disconnect(connection);
    return log;
}

// Orbits the camera about its focal point, one frame after another, for `seconds`; each frame's time
// (setting the camera, rendering, handling the events that came in meanwhile).
template <typename AfterFrame>
std::vector<double> orbitFrames(MainWindow& window, double seconds, AfterFrame afterFrame) {
    std::vector<double> frames;
    const scene::CameraPose start = window.view()->cameraPose();
    QElapsedTimer clock, frame;
    clock.start();
    frame.start();
    for (int step = 0; clock.elapsed() < qint64(seconds * 1000.0); ++step) {
        window.view()->setCameraPose(scene::turnedAboutFocalPoint(start, 0.01 * step * kDegreesPerRadian));
        window.view()->renderNow();
        QCoreApplication::processEvents();
        frames.push_back(double(frame.nsecsElapsed()) / 1e6);
        frame.restart();
        afterFrame();
    }
    window.view()->setCameraPose(start);
    return frames;
}

void addFrameRows(bench::BenchReport& report, const QString& caseName, std::vector<double> frames,
                  const QString& note) {
    std::sort(frames.begin(), frames.end());
    const auto at = [&](std::size_t percent) {
        return frames.empty() ? NAN : frames[std::min(frames.size() - 1, frames.size() * percent / 100)];
    };
    report.rows.push_back({caseName, QStringLiteral("frames"), double(frames.size()), note});
    report.rows.push_back({caseName, QStringLiteral("median-frame"), at(50), QStringLiteral("ms")});
    report.rows.push_back({caseName, QStringLiteral("p99-frame"), at(99), QStringLiteral("ms")});
    report.rows.push_back({caseName, QStringLiteral("longest-frame"), frames.empty() ? NAN : frames.back(),
                           QStringLiteral("ms")});
    report.rows.push_back(
        {caseName, QStringLiteral("frames-over-50ms"),
         double(std::count_if(frames.begin(), frames.end(), [](double ms) { return ms > 50.0; })),
         QStringLiteral("frames")});
}

} // namespace

bench::BenchReport runLiveBench(const LiveBenchOptions& options) {
    bench::BenchReport report;
    report.bench = QStringLiteral("live");
    MainWindow window;
    window.resize(options.size);
    window.show();
    bool loaded = false, shown = false;
    QString failure;
    QObject::connect(&window, &MainWindow::modelLoaded, [&] { loaded = true; });
    QObject::connect(&window, &MainWindow::modelOpenFailed, [&](const QString& error) { failure = error; });
    QObject::connect(&window, &MainWindow::liveTelemetryShown, [&] { shown = true; });
    auto open = [&] {
        loaded = false;
        if (const QString error = window.openModel(options.modelPath); !error.isEmpty())
            throw std::runtime_error(error.toStdString());
        if (!spinUntil([&] { return loaded || !failure.isEmpty(); }, 120000) || !failure.isEmpty())
            throw std::runtime_error(failure.isEmpty() ? "the model did not load" : failure.toStdString());
    };
    // The baseline in the same run and window: the same orbit without telemetry.
    open();
    report.machine = bench::describeMachine(window.view()->openGLRenderer());
    addFrameRows(report, QStringLiteral("orbit-no-telemetry"), orbitFrames(window, options.seconds, [] {}),
                 QStringLiteral("frames, the baseline"));

    window.setLiveTelemetry(true);
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    open();
    const QString gpus =
        QLocale::c().toString(qulonglong(window.facility()->count(datamodel::EntityKind::Gpu)));
    if (!spinUntil([&] { return shown; }, 60000))
        throw std::runtime_error("no live colours within a minute");
    report.rows.push_back({QStringLiteral("open-to-live-colours"), QStringLiteral("time"),
                           double(sinceOpen.elapsed()),
                           QStringLiteral("ms, ") + gpus + QStringLiteral(" GPUs")});
    const LiveTelemetry* live = window.liveTelemetry();
    if (live->prometheusEndpoint().isEmpty())
        throw std::runtime_error("prometheus is not installed or did not start");
    if (!spinUntil([&] { return live->viaPrometheus(); }, kPrometheusWaitMs))
        throw std::runtime_error("Prometheus served no data within 4 minutes");
    report.rows.push_back({QStringLiteral("open-to-prometheus-colours"), QStringLiteral("time"),
                           double(sinceOpen.elapsed()), QStringLiteral("ms (its first scrape and query)")});

    // From afar: one aggregate per rack.
    const UpdateLog afar = collectUpdates(*live, 5);
    report.rows.push_back({QStringLiteral("refresh-afar"), QStringLiteral("time"), median(afar.refreshMs),
                           QStringLiteral("ms median of 5, max by (rack)")});
    report.rows.push_back({QStringLiteral("refresh-afar"), QStringLiteral("bytes"), median(afar.bytes),
                           QStringLiteral("bytes of JSON")});

    // Frames while updates stream in: the same orbit of the overview.
    std::vector<double> handling;
    int updates = 0, handled = 0;
    QObject::connect(&window, &MainWindow::liveTelemetryShown, [&] { ++updates; });
    // Long enough for updates to land in it (they come every 5 s): a short orbit might see none.
    constexpr double kStreamingOrbitSeconds = 12.0;
    addFrameRows(report, QStringLiteral("orbit-while-streaming"),
                 orbitFrames(window, std::max(options.seconds, kStreamingOrbitSeconds),
                             [&] {
                                 if (updates > handled) {
                                     handled = updates;
                                     handling.push_back(window.lastLiveHandlingMs());
                                 }
                             }),
                 QStringLiteral("frames, with live updates drawn"));
    report.rows.push_back({QStringLiteral("gui-thread-per-update"), QStringLiteral("longest"),
                           handling.empty() ? NAN : *std::max_element(handling.begin(), handling.end()),
                           QStringLiteral("ms (recolour every entity, legend, status)")});

    // A change at the source: one GPU of a rack jumps to 95 C; how long until the rack's colour value
    // (what the view draws from afar) has it, through Prometheus. Three racks, one after another:
    // where the change falls in the scrape interval is chance.
    {
        const datamodel::Facility& f = *window.facility();
        const auto racks = f.ofKind(datamodel::EntityKind::Rack);
        std::vector<double> latencies;
        telemetry::HttpClient faults;
        for (const std::size_t at : {racks.size() / 2, racks.size() / 3, racks.size() * 2 / 3}) {
            const auto rack = racks[at];
            datamodel::EntityIndex server = datamodel::kNoEntity;
            for (const auto child : f.children(rack))
                if (f.kind(child) == datamodel::EntityKind::Server && server == datamodel::kNoEntity)
                    server = child;
            bool arrived = false;
            const auto watch = QObject::connect(live, &LiveTelemetry::updated, [&](const LiveUpdate& update) {
                arrived = arrived || (*update.values)[std::size_t(rack)] >= 94.0f;
            });
            QElapsedTimer sinceChange;
            sinceChange.start();
            if (server == datamodel::kNoEntity ||
                !faults
                     .post(live->endpoint().toStdString() + "/faults/hot/" +
                           std::string(f.entities().hostname[std::size_t(server)]) + "/0")
                     .get()
                     .ok())
                throw std::runtime_error("the simulator refused the hot-GPU fault");
            if (!spinUntil([&] { return arrived; }, 120000))
                throw std::runtime_error("a changed value did not arrive within 2 minutes");
            QObject::disconnect(watch);
            latencies.push_back(double(sinceChange.elapsed()));
        }
        const QString note =
            QStringLiteral("ms, Prometheus scrapes every %1 s").arg(live->scrapeIntervalMs() / 1000);
        report.rows.push_back(
            {QStringLiteral("source-change-to-view"), QStringLiteral("median"), median(latencies), note});
        report.rows.push_back({QStringLiteral("source-change-to-view"), QStringLiteral("longest"),
                               *std::max_element(latencies.begin(), latencies.end()),
                               QStringLiteral("ms of 3")});
    }

    // Up close: the middle rack of the first hall; its neighbours' GPUs are asked for too.
    const auto racks = window.facility()->ofKind(datamodel::EntityKind::Rack);
    const auto rackName = window.facility()->name(racks[racks.size() / 8]);
    if (const auto pose = scene::cameraPreset(
            *window.facility(),
            QStringLiteral("rack:") + QString::fromUtf8(rackName.data(), qsizetype(rackName.size()))))
        window.view()->setCameraPose(*pose);
    spinUntil([&] { return !window.facilityScene()->racksInDetail().empty(); }, 10000);
    // The moment detail appears, before any refresh for its hosts: how much of it says "no data"
    // (servers and GPUs wear their rack's value until their own arrive).
    {
        const datamodel::Facility& f = *window.facility();
        std::size_t drawn = 0, noData = 0;
        for (const auto rack : window.facilityScene()->racksInDetail())
            for (const auto server : f.children(rack)) {
                if (f.kind(server) != datamodel::EntityKind::Server)
                    continue;
                std::vector<datamodel::EntityIndex> shown{server};
                for (const auto part : f.children(server))
                    if (f.kind(part) == datamodel::EntityKind::Gpu)
                        shown.push_back(part);
                for (const auto entity : shown)
                    if (const auto colour = window.facilityScene()->drawnColour(entity)) {
                        ++drawn;
                        noData += *colour == std::array<unsigned char, 3>{96, 96, 96} ? 1 : 0;
                    }
            }
        report.rows.push_back(
            {QStringLiteral("rack-view-no-data"), QStringLiteral("count"), double(noData),
             QStringLiteral("of %1 servers and GPUs drawn in detail, grey at first").arg(drawn)});
    }
    const UpdateLog close = collectUpdates(*live, 5);
    report.rows.push_back({QStringLiteral("refresh-rack-view"), QStringLiteral("time"),
                           median(close.refreshMs),
                           QStringLiteral("ms median of 5, racks + GPUs of %1 racks in detail")
                               .arg(window.facilityScene()->racksInDetail().size())});
    report.rows.push_back({QStringLiteral("refresh-rack-view"), QStringLiteral("bytes"), median(close.bytes),
                           QStringLiteral("bytes of JSON")});

    // Every GPU's series through Prometheus, end to end (what a window without rack labels would do).
    {
        telemetry::HttpClientOptions clientOptions;
        clientOptions.requestTimeout = std::chrono::milliseconds(60000);
        clientOptions.maxResponseBytes = std::size_t(1) << 30;
        telemetry::HttpClient client(clientOptions);
        const std::string url =
            live->prometheusEndpoint().toStdString() + telemetry::instantQueryPath("DCGM_FI_DEV_GPU_TEMP");
        QElapsedTimer fetch;
        fetch.start();
        const telemetry::HttpResponse answer = client.get(url).get();
        const double fetchMs = double(fetch.nsecsElapsed()) / 1e6;
        if (!answer.ok())
            throw std::runtime_error("every-GPU query failed: " + answer.error);
        const telemetry::SeriesMapper mapper(*window.facility());
        telemetry::SampleStore store(window.facility()->entityCount());
        QElapsedTimer ingest;
        ingest.start();
        const telemetry::IngestReport ingested = telemetry::ingestQueryResponse(answer.body, mapper, store);
        std::vector<float> values;
        telemetry::overlayValues(*window.facility(), store, *telemetry::findLiveMetric("gpu-temperature"),
                                 double(QDateTime::currentMSecsSinceEpoch()) / 1000.0, 60.0, values);
        const double ingestMs = double(ingest.nsecsElapsed()) / 1e6;
        report.rows.push_back({QStringLiteral("every-gpu-via-prometheus"), QStringLiteral("fetch"), fetchMs,
                               QStringLiteral("ms, %1 bytes of JSON").arg(answer.body.size())});
        report.rows.push_back(
            {QStringLiteral("every-gpu-via-prometheus"), QStringLiteral("ingest"), ingestMs,
             QStringLiteral("ms, %1 series mapped (simdjson, map, store, overlay)").arg(ingested.mapped)});
        report.rows.push_back({QStringLiteral("every-gpu-via-prometheus"), QStringLiteral("refresh"),
                               fetchMs + ingestMs, QStringLiteral("ms end to end")});
    }
    return report;
}

} // namespace twin::app
