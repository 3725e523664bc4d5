#include "gui/LiveTelemetry.h"

#include "datamodel/Facility.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/SimulatorServer.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <mutex>
#include <thread>

namespace twin::app {

namespace {
constexpr std::size_t kShards = 16;
constexpr const char* kTemperature = "DCGM_FI_DEV_GPU_TEMP";

double nowSeconds() {
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}
} // namespace

struct LiveTelemetry::Private {
    std::shared_ptr<const datamodel::Facility> facility;
    int intervalMs = 5000;
    std::unique_ptr<telemetry::Simulator> simulator;
    std::unique_ptr<telemetry::SimulatorServer> server;
    std::thread serving;
    std::unique_ptr<telemetry::HttpClient> client;
    std::unique_ptr<telemetry::SeriesMapper> mapper;
    std::unique_ptr<telemetry::SampleStore> store; // touched only by the refresh in flight (one at a time)
    QTimer timer;
    bool inFlight = false;
    QFutureWatcher<void> ingest;
    // Filled by the client's thread, read on the GUI thread once all shards are in.
    std::mutex mutex;
    std::vector<std::string> bodies;
    std::vector<std::string> errors;
    std::size_t answered = 0;
    std::shared_ptr<std::vector<float>> values;
    int fresh = 0, stale = 0;
};

LiveTelemetry::LiveTelemetry(std::shared_ptr<const datamodel::Facility> facility, int intervalMs,
                             QObject* parent)
    : QObject(parent), d(std::make_unique<Private>()) {
    d->facility = std::move(facility);
    d->intervalMs = intervalMs;
    d->simulator = std::make_unique<telemetry::Simulator>(*d->facility);
    d->simulator->advanceTo(0.0);
    telemetry::SimulatorServerOptions options;
    options.shards = kShards;
    d->server = std::make_unique<telemetry::SimulatorServer>(*d->simulator, options);
    d->serving = std::thread([this] { d->server->run(); });
    telemetry::HttpClientOptions clientOptions;
    clientOptions.maxAttempts = 2;
    d->client = std::make_unique<telemetry::HttpClient>(clientOptions);
    d->mapper = std::make_unique<telemetry::SeriesMapper>(*d->facility);
    d->store = std::make_unique<telemetry::SampleStore>(d->facility->entityCount(), 8);
    connect(&d->timer, &QTimer::timeout, this, &LiveTelemetry::refresh);
    connect(&d->ingest, &QFutureWatcher<void>::finished, this, [this] {
        d->inFlight = false;
        emit temperaturesReady(d->values, d->fresh, d->stale);
    });
    d->timer.start(intervalMs);
    QTimer::singleShot(0, this, &LiveTelemetry::refresh);
}

LiveTelemetry::~LiveTelemetry() {
    d->timer.stop();
    d->ingest.waitForFinished();
    d->client.reset(); // joins its thread: no callback runs after this
    d->server->stop();
    d->serving.join();
}

QString LiveTelemetry::endpoint() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(d->server->port());
}

void LiveTelemetry::refresh() {
    if (d->inFlight)
        return; // the last one is still coming in: skip a beat rather than pile up
    d->inFlight = true;
    {
        const std::lock_guard lock(d->mutex);
        d->bodies.assign(kShards, {});
        d->errors.clear();
        d->answered = 0;
    }
    const std::string base = endpoint().toStdString() + "/metrics/shard/";
    for (std::size_t shard = 0; shard < kShards; ++shard) {
        d->client->get(base + std::to_string(shard), [this, shard](telemetry::HttpResponse response) {
            const std::lock_guard lock(d->mutex);
            if (response.ok())
                d->bodies[shard] = std::move(response.body);
            else
                d->errors.push_back(response.error.empty() ? "HTTP " + std::to_string(response.status)
                                                           : response.error);
            if (++d->answered < kShards)
                return;
            // All in: ingest on a worker, not on the client's thread nor the GUI's.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!d->errors.empty())
                        emit failed(QString::fromStdString(d->errors.front()));
                    d->ingest.setFuture(QtConcurrent::run([this] {
                        const double now = nowSeconds();
                        for (const std::string& body : d->bodies)
                            if (!body.empty())
                                telemetry::ingestExposition(body, *d->mapper, *d->store, now);
                        const datamodel::Facility& f = *d->facility;
                        auto values = std::make_shared<std::vector<float>>(f.entityCount(), NAN);
                        d->fresh = d->stale = 0;
                        if (const auto metric = d->store->findMetric(kTemperature)) {
                            std::vector<float> gpuValues;
                            d->stale = int(
                                d->store->freshValues(*metric, now, 3.0 * d->intervalMs / 1000.0, gpuValues));
                            for (const auto gpu : f.ofKind(datamodel::EntityKind::Gpu)) {
                                const float value = gpuValues[std::size_t(gpu)];
                                if (std::isnan(value))
                                    continue;
                                ++d->fresh;
                                (*values)[std::size_t(gpu)] = value;
                                // Servers and racks show their hottest GPU.
                                for (auto up = f.parent(gpu); up != datamodel::kNoEntity; up = f.parent(up)) {
                                    const auto kind = f.kind(up);
                                    if (kind != datamodel::EntityKind::Server &&
                                        kind != datamodel::EntityKind::Rack)
                                        break;
                                    float& aggregate = (*values)[std::size_t(up)];
                                    aggregate = std::isnan(aggregate) ? value : std::max(aggregate, value);
                                }
                            }
                        }
                        d->values = std::move(values);
                    }));
                },
                Qt::QueuedConnection);
        });
    }
}

} // namespace twin::app
