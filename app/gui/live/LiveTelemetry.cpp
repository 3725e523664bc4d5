#include "gui/live/LiveTelemetry.h"

#include "datamodel/Facility.h"
#include "gui/live/ManagedPrometheus.h"
#include "telemetry/Alerts.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/PrometheusApi.h"
#include "telemetry/PrometheusConfig.h"
#include "telemetry/SimulatorServer.h"
#include "telemetry/SourcePolicy.h"
#include "telemetry/TelemetrySource.h"
#include "telemetry/UnexpectedBody.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

namespace twin::app {

namespace {
constexpr std::size_t kShards = 16;
// A value not refreshed for this many scrape intervals is stale: grey, and counted as such.
constexpr double kStaleAfterIntervals = 3.0;
constexpr std::size_t kSmallModelGpus = 20000;
constexpr int kLargeModelScrapeSeconds = 15;
constexpr int kPromptRefreshMs = 250; // after the camera brings new racks into detail

double nowSeconds() {
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}
} // namespace

struct LiveTelemetryRequest {
    std::string url;
    enum Kind { Exposition, Colour } kind;
    std::string metric; // what a query's answer is stored as
    std::string source; // who answered, for errors: the exporter's URL, or "Prometheus BASE" (not the query)
    telemetry::ExpectedBody expected() const {
        return kind == Exposition ? telemetry::ExpectedBody::Exposition
                                  : telemetry::ExpectedBody::PrometheusJson;
    }
};

// One refresh's requests and what came back: filled by the client's thread under its lock, then handed
// whole to the worker that parses it (nothing else holds it by then).
struct LiveTelemetryRound {
    telemetry::LiveSource asked = telemetry::LiveSource::Exporters;
    std::vector<LiveTelemetryRequest> requests;
    std::mutex mutex;
    std::vector<std::string> bodies;
    std::vector<std::string> errors;
    std::size_t answered = 0;
};

struct LiveTelemetry::Private {
    std::shared_ptr<const datamodel::Facility> facility;
    LiveTelemetryOptions options;
    std::unique_ptr<telemetry::Simulator> simulator;
    std::unique_ptr<telemetry::SimulatorServer> server;
    std::thread serving;
    std::unique_ptr<ManagedPrometheus> prometheus;
    std::optional<telemetry::HostRackRule> rackRule;
    telemetry::QueryTarget target; // label names for queries; rackLabel: one query per rack from afar
    std::optional<telemetry::TelemetrySource> external; // a site's source instead of the simulator
    telemetry::SourceState sources;                     // which to ask (telemetry/SourcePolicy.h)
    std::unique_ptr<telemetry::HttpClient> client;
    std::unique_ptr<telemetry::SeriesMapper> mapper;
    std::unique_ptr<telemetry::SampleStore> store; // touched only by the refresh in flight (one at a time)
    const telemetry::LiveMetric* metric = telemetry::findLiveMetric("gpu-temperature");
    std::vector<std::string> visibleHosts;
    std::vector<std::string> askedHosts; // sorted: those the last refresh asked Prometheus for
    QTimer timer;
    QTimer promptRefresh;  // single shot: new hosts in detail
    bool inFlight = false; // a refresh is under way (its round, or the exporters after it)
    QElapsedTimer sinceRefresh;
    bool refreshAgain = false; // the metric changed while a refresh was in flight
    struct Outcome {
        LiveUpdate update;
        telemetry::RoundOutcome round;
    };
    QFutureWatcher<Outcome> ingest;

    using Request = LiveTelemetryRequest;
    std::vector<Request> exporterRequests(const QString& base) const {
        std::vector<Request> requests;
        for (std::size_t shard = 0; shard < kShards; ++shard)
            requests.push_back({base.toStdString() + "/metrics/shard/" + std::to_string(shard),
                                Request::Exposition,
                                {},
                                base.toStdString() + "/metrics/shard/" + std::to_string(shard)});
        requests.push_back({base.toStdString() + "/metrics/cdu",
                            Request::Exposition,
                            {},
                            base.toStdString() + "/metrics/cdu"});
        return requests;
    }
    std::vector<Request> externalExporterRequests() const {
        std::vector<Request> requests;
        for (const std::string& url : external->urls)
            requests.push_back({url, Request::Exposition, {}, url});
        return requests;
    }
    QElapsedTimer sinceAlerts;
    bool alertsInFlight = false;
    QElapsedTimer sincePower;
    bool powerInFlight = false;
    std::uint64_t historyRequests = 0;
    int prometheusScrapeMs = 5000;
};

LiveTelemetry::LiveTelemetry(std::shared_ptr<const datamodel::Facility> facility,
                             LiveTelemetryOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>()) {
    d->facility = std::move(facility);
    d->options = options;
    d->mapper = std::make_unique<telemetry::SeriesMapper>(*d->facility);
    d->store = std::make_unique<telemetry::SampleStore>(d->facility->entityCount(), 8);
    if (options.source)
        startExternal(*options.source);
    else
        startSimulated();

    connect(&d->timer, &QTimer::timeout, this, &LiveTelemetry::refresh);
    d->promptRefresh.setSingleShot(true);
    d->promptRefresh.setInterval(kPromptRefreshMs);
    connect(&d->promptRefresh, &QTimer::timeout, this, [this] {
        if (d->inFlight)
            d->refreshAgain = true; // right after the one under way
        else
            refresh();
    });
    if (!d->client)
        return; // the source could not be set up; startExternal said why
    connect(&d->ingest, &QFutureWatcher<Private::Outcome>::finished, this, [this] {
        Private::Outcome outcome = d->ingest.result();
        outcome.update.refreshMs = double(d->sinceRefresh.nsecsElapsed()) / 1e6;
        const telemetry::PolicyStep step = telemetry::nextStep(d->sources, outcome.round);
        d->sources = step.state;
        if (step.reportFailure && !outcome.update.error.isEmpty())
            emit failed(outcome.update.error);
        if (step.interval == telemetry::IntervalChange::Reset)
            d->timer.setInterval(d->options.scrapeIntervalMs);
        // Queries cost Prometheus CPU in proportion to the series they read (max by (rack) over
        // 100,000 GPUs: about half a second here): never spend more than a third of its time on us.
        if (step.interval == telemetry::IntervalChange::Throttle)
            d->timer.setInterval(
                std::max<int>(d->options.prometheusQueryMs, int(3 * d->sinceRefresh.elapsed())));
        if (step.askExporters) { // Prometheus has not scraped yet: the exporters meanwhile
            collect(d->exporterRequests(endpoint()), telemetry::LiveSource::Exporters);
            return;
        }
        d->inFlight = false;
        emit updated(outcome.update);
        if (d->refreshAgain) {
            d->refreshAgain = false;
            refresh();
        }
    });
    d->timer.start(options.scrapeIntervalMs);
    QTimer::singleShot(0, this, &LiveTelemetry::refresh);
}

telemetry::HttpClientOptions LiveTelemetry::withRetryReports(telemetry::HttpClientOptions options) {
    if (d->options.requestTimeoutMs > 0)
        options.requestTimeout = std::chrono::milliseconds(d->options.requestTimeoutMs);
    // On the client's thread: queued to ours, and dropped with this object if it has gone by then.
    options.onRetry = [this](const telemetry::HttpRetry& retry) {
        const std::string where = retry.url.substr(0, retry.url.find('?')); // a query can be kilobytes
        const QString what = QString::fromStdString(where + ": " + retry.describe());
        QMetaObject::invokeMethod(
            this, [this, what] { emit retrying(what); }, Qt::QueuedConnection);
    };
    return options;
}

void LiveTelemetry::startSimulated() {
    const LiveTelemetryOptions& options = d->options;
    d->simulator = std::make_unique<telemetry::Simulator>(*d->facility);
    d->simulator->advanceTo(0.0);
    telemetry::SimulatorServerOptions serverOptions;
    serverOptions.shards = kShards;
    d->server = std::make_unique<telemetry::SimulatorServer>(*d->simulator, serverOptions);
    d->serving = std::thread([this] { d->server->run(); });
    telemetry::HttpClientOptions clientOptions;
    clientOptions.maxAttempts = 2;
    d->client = std::make_unique<telemetry::HttpClient>(withRetryReports(clientOptions));
    if (!options.startPrometheus || ManagedPrometheus::executable().isEmpty())
        return;
    telemetry::PrometheusScrapeConfig config;
    config.target = "127.0.0.1:" + std::to_string(d->server->port());
    config.shards = kShards;
    config.scrapeIntervalSeconds = options.prometheusScrapeSeconds > 0 ? options.prometheusScrapeSeconds
                                   : d->facility->count(datamodel::EntityKind::Gpu) <= kSmallModelGpus
                                       ? std::max(1, options.scrapeIntervalMs / 1000)
                                       : kLargeModelScrapeSeconds;
    d->rackRule = telemetry::inferHostRackRule(*d->facility);
    d->target.rackLabel = d->rackRule.has_value();
    config.rackRule = d->rackRule;
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics())
        if (metric.level == telemetry::MetricLevel::Gpu)
            config.keepMetrics.emplace_back(metric.name);
    d->prometheusScrapeMs = config.scrapeIntervalSeconds * 1000;
    d->prometheus = std::make_unique<ManagedPrometheus>(telemetry::prometheusConfigYaml(config),
                                                        options.historyDirectory);
    connect(d->prometheus.get(), &ManagedPrometheus::exited, this, [this](const QString& why) {
        d->sources = telemetry::afterPrometheusStopped(d->sources);
        d->timer.setInterval(d->options.scrapeIntervalMs);
        emit failed(why);
    });
}

void LiveTelemetry::startExternal(const telemetry::TelemetrySource& source) {
    QString problem;
    if (const auto invalid = telemetry::validateSource(source))
        problem = QString::fromStdString(*invalid);
    telemetry::SourceClient client = telemetry::clientOptionsFor(source);
    if (problem.isEmpty() && client.error)
        problem = QString::fromStdString(*client.error);
    if (!problem.isEmpty()) {
        // Said once the window listens; nothing is asked of a source that is not set up right.
        QTimer::singleShot(0, this, [this, problem, name = QString::fromStdString(source.name)] {
            emit failed(tr("source '%1': %2").arg(name, problem));
        });
        return;
    }
    d->external = source;
    d->target = telemetry::queryTargetFor(source);
    d->mapper = std::make_unique<telemetry::SeriesMapper>(*d->facility, telemetry::mappingRulesFor(source));
    d->prometheusScrapeMs = d->options.scrapeIntervalMs;
    d->client = std::make_unique<telemetry::HttpClient>(withRetryReports(client.options));
}

LiveTelemetry::~LiveTelemetry() {
    d->timer.stop();
    d->ingest.waitForFinished();
    d->client.reset(); // joins its thread: no callback runs after this
    d->prometheus.reset();
    if (d->server) {
        d->server->stop();
        d->serving.join();
    }
}

QString LiveTelemetry::endpoint() const {
    if (d->server)
        return QStringLiteral("http://127.0.0.1:%1").arg(d->server->port());
    if (d->external && d->external->kind == telemetry::SourceKind::Exporters)
        return QString::fromStdString(d->external->urls.front());
    return {};
}

QString LiveTelemetry::prometheusEndpoint() const {
    if (d->external && d->external->kind == telemetry::SourceKind::Prometheus) {
        QString base = QString::fromStdString(d->external->urls.front());
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        return base;
    }
    return d->prometheus && d->prometheus->started() ? d->prometheus->endpoint() : QString();
}

int LiveTelemetry::scrapeIntervalMs() const {
    return d->prometheus || d->external ? d->prometheusScrapeMs : d->options.scrapeIntervalMs;
}

bool LiveTelemetry::viaPrometheus() const {
    return d->sources.prometheusHasData;
}

void LiveTelemetry::setMetric(const telemetry::LiveMetric& metric) {
    if (d->metric == &metric)
        return;
    d->metric = &metric;
    if (d->inFlight)
        d->refreshAgain = true;
    else
        refresh();
}

const telemetry::LiveMetric& LiveTelemetry::metric() const {
    return *d->metric;
}

void LiveTelemetry::setVisibleHosts(std::vector<std::string> hosts) {
    // Hosts newly drawn in detail get their GPUs' own values at once (after the camera has settled a
    // moment) rather than at the next beat, up to a scrape interval away. Until then they wear their
    // rack's value (telemetry::overlayValues). Only Prometheus is asked per host; the exporters are
    // read whole anyway.
    std::vector<std::string> sorted = hosts;
    std::sort(sorted.begin(), sorted.end());
    const bool added =
        !std::includes(d->askedHosts.begin(), d->askedHosts.end(), sorted.begin(), sorted.end());
    d->visibleHosts = std::move(hosts);
    if (added && d->sources.prometheus && d->client)
        d->promptRefresh.start();
}

void LiveTelemetry::requestHistory(int entity, const telemetry::LiveMetric& metric, double minutes) {
    const std::uint64_t request = ++d->historyRequests;
    History history;
    history.entity = entity;
    history.metric = &metric;
    if (prometheusEndpoint().isEmpty()) {
        history.error = tr("History comes from Prometheus, which is not running here.");
        emit historyReady(history);
        return;
    }
    const telemetry::QueryTarget& target = d->target;
    const auto promql = telemetry::historyQuery(*d->facility, entity, metric, target);
    if (!promql) {
        history.error = tr("No series describes this; select a GPU, server, rack or CDU.");
        emit historyReady(history);
        return;
    }
    const double end = nowSeconds(), start = end - minutes * 60.0;
    // About 240 points across the chart, never finer than Prometheus stores (its scrape interval).
    const double step = std::max(double(d->prometheusScrapeMs) / 1000.0, (end - start) / 240.0);
    const std::string url =
        prometheusEndpoint().toStdString() + telemetry::rangeQueryPath(*promql, start, end, step);
    d->client->get(url, [this, request, history](telemetry::HttpResponse response) mutable {
        const auto unexpected = response.ok()
                                    ? telemetry::unexpectedBody(response.contentType, response.body,
                                                                telemetry::ExpectedBody::PrometheusJson)
                                    : std::nullopt;
        if (!response.ok()) {
            history.error = QString::fromStdString(
                response.error.empty() ? "HTTP " + std::to_string(response.status) : response.error);
        } else if (unexpected) {
            history.error = tr("Prometheus answered %1").arg(QString::fromStdString(*unexpected));
        } else {
            const telemetry::QueryResult result =
                telemetry::parseQueryResponse(response.body, [&](const telemetry::Sample& sample) {
                    history.points.push_back(
                        {double(sample.timestampMs.value_or(0)) / 1000.0, float(sample.value)});
                });
            if (result.error)
                history.error = QString::fromStdString(*result.error);
            else if (result.series > 1)
                history.error = tr("%1 series answered, expected one").arg(result.series);
        }
        std::sort(history.points.begin(), history.points.end(),
                  [](const HistoryPoint& a, const HistoryPoint& b) { return a.time < b.time; });
        QMetaObject::invokeMethod(
            this,
            [this, request, history] {
                if (request == d->historyRequests) // a newer request supersedes this answer
                    emit historyReady(history);
            },
            Qt::QueuedConnection);
    });
}

void LiveTelemetry::refresh() {
    if (d->inFlight)
        return; // the last one is still coming in: skip a beat rather than pile up
    d->inFlight = true;
    d->sinceRefresh.start();
    d->sources.prometheus = !prometheusEndpoint().isEmpty(); // ours comes up a while after the window
    d->sources.directExporters = d->server != nullptr;
    if (telemetry::firstSource(d->sources) == telemetry::LiveSource::Exporters) {
        collect(d->external ? d->externalExporterRequests() : d->exporterRequests(endpoint()),
                telemetry::LiveSource::Exporters);
        return;
    }
    const telemetry::QueryTarget& target = d->target;
    const std::string base = prometheusEndpoint().toStdString();
    std::vector<Private::Request> requests;
    d->askedHosts = d->visibleHosts;
    std::sort(d->askedHosts.begin(), d->askedHosts.end());
    for (const std::string& query : telemetry::planQueries(*d->metric, d->visibleHosts, target))
        requests.push_back({base + telemetry::instantQueryPath(query), Private::Request::Colour,
                            std::string(d->metric->name), "Prometheus " + base});
    collect(std::move(requests), telemetry::LiveSource::Prometheus);
    refreshAlerts();
    refreshPower();
}

void LiveTelemetry::refreshPower() {
    // The presentation band's "power drawn": the sum of every GPU's power, two one-number queries
    // once per scrape interval (Prometheus sums 200,000 series; the window never sees them).
    if (d->powerInFlight || (d->sincePower.isValid() && d->sincePower.elapsed() < d->prometheusScrapeMs))
        return;
    const telemetry::LiveMetric* power = telemetry::findLiveMetric("gpu-power");
    if (!power)
        return;
    d->sincePower.start();
    d->powerInFlight = true;
    struct Round {
        std::mutex mutex;
        double values[2] = {std::nan(""), std::nan("")}; // the sum in watts, the GPUs reporting
        int answered = 0;
    };
    auto round = std::make_shared<Round>();
    const std::string base = prometheusEndpoint().toStdString();
    const std::string name(power->name);
    const std::string queries[2] = {"sum(" + name + ")", "count(" + name + ")"};
    for (int i = 0; i < 2; ++i)
        d->client->get(base + telemetry::instantQueryPath(queries[i]), [this, round,
                                                                        i](telemetry::HttpResponse response) {
            const std::lock_guard lock(round->mutex);
            if (response.ok() && !telemetry::unexpectedBody(response.contentType, response.body,
                                                            telemetry::ExpectedBody::PrometheusJson))
                telemetry::parseQueryResponse(
                    response.body, [&](const telemetry::Sample& sample) { round->values[i] = sample.value; });
            if (++round->answered < 2)
                return;
            const double watts = round->values[0], gpus = round->values[1];
            QMetaObject::invokeMethod(
                this,
                [this, watts, gpus] {
                    d->powerInFlight = false;
                    if (std::isfinite(watts) && std::isfinite(gpus))
                        emit powerDrawn(watts, int(gpus));
                },
                Qt::QueuedConnection);
        });
}

void LiveTelemetry::refreshAlerts() {
    // Alerts change no faster than Prometheus scrapes: asked once per scrape interval, on their own,
    // so that a slow alert query never holds back the colours.
    if (d->alertsInFlight || (d->sinceAlerts.isValid() && d->sinceAlerts.elapsed() < d->prometheusScrapeMs))
        return;
    const std::vector<telemetry::AlertQuery> queries =
        telemetry::planAlertQueries(d->facility->alertRules(), d->target);
    if (queries.empty())
        return;
    d->sinceAlerts.start();
    d->alertsInFlight = true;
    struct Round {
        std::mutex mutex;
        std::vector<std::string> bodies;
        std::vector<std::string> metrics;
        std::size_t answered = 0;
    };
    auto round = std::make_shared<Round>();
    round->bodies.resize(queries.size());
    for (const telemetry::AlertQuery& query : queries)
        round->metrics.push_back(query.metric);
    const std::string base = prometheusEndpoint().toStdString();
    for (std::size_t i = 0; i < queries.size(); ++i)
        d->client->get(
            base + telemetry::instantQueryPath(queries[i].promql),
            [this, round, i](telemetry::HttpResponse response) {
                const std::lock_guard lock(round->mutex);
                if (response.ok() && !telemetry::unexpectedBody(response.contentType, response.body,
                                                                telemetry::ExpectedBody::PrometheusJson))
                    round->bodies[i] = std::move(response.body);
                if (++round->answered < round->bodies.size())
                    return;
                // Only what breaches comes back (a few series): checked here, on the
                // client's thread, against a store of this round alone.
                telemetry::SampleStore breaches(d->facility->entityCount(), 1);
                for (std::size_t b = 0; b < round->bodies.size(); ++b)
                    if (!round->bodies[b].empty())
                        telemetry::ingestQueryResponse(round->bodies[b], *d->mapper, breaches,
                                                       round->metrics[b]);
                auto alerts = std::make_shared<const telemetry::AlertList>(
                    telemetry::evaluateAlerts(*d->facility, breaches, nowSeconds(),
                                              kStaleAfterIntervals * d->prometheusScrapeMs / 1000.0));
                QMetaObject::invokeMethod(
                    this,
                    [this, alerts] {
                        d->alertsInFlight = false;
                        emit alertsReady(alerts);
                    },
                    Qt::QueuedConnection);
            });
}

void LiveTelemetry::collect(std::vector<LiveTelemetryRequest> requests, telemetry::LiveSource source) {
    auto round = std::make_shared<LiveTelemetryRound>();
    round->asked = source;
    round->requests = std::move(requests);
    round->bodies.resize(round->requests.size());
    for (std::size_t i = 0; i < round->requests.size(); ++i) {
        d->client->get(round->requests[i].url, [this, round, i](telemetry::HttpResponse response) {
            const std::lock_guard lock(round->mutex);
            const LiveTelemetryRequest& request = round->requests[i];
            if (!response.ok())
                round->errors.push_back(response.error.empty() ? "HTTP " + std::to_string(response.status)
                                                               : response.error);
            else if (const auto what =
                         telemetry::unexpectedBody(response.contentType, response.body, request.expected()))
                // A login page or a proxy's answered with 200: nothing to parse, and the status says so.
                round->errors.push_back(request.source + " answered " + *what);
            else
                round->bodies[i] = std::move(response.body);
            if (++round->answered < round->bodies.size())
                return;
            // All in: ingest on a worker, neither on the client's thread nor the GUI's.
            QMetaObject::invokeMethod(
                this, [this, round] { ingestCollected(round); }, Qt::QueuedConnection);
        });
    }
}

void LiveTelemetry::ingestCollected(const std::shared_ptr<LiveTelemetryRound>& round) {
    const telemetry::LiveMetric* metric = d->metric;
    const bool prometheus = round->asked == telemetry::LiveSource::Prometheus;
    const QString via =
        prometheus ? tr("Prometheus %1").arg(prometheusEndpoint()) : tr("exporters %1").arg(endpoint());
    // Every answer is in: the worker takes the round's bodies for its own (no callback touches them).
    std::vector<LiveTelemetryRequest> requests;
    std::vector<std::string> bodies;
    QString firstError;
    {
        const std::lock_guard lock(round->mutex);
        requests = std::move(round->requests);
        bodies = std::move(round->bodies);
        if (!round->errors.empty())
            firstError = QString::fromStdString(round->errors.front());
    }
    d->ingest.setFuture(QtConcurrent::run([this, prometheus, metric, via, firstError,
                                           requests = std::move(requests), bodies = std::move(bodies)] {
        QString error = firstError;
        Private::Outcome outcome;
        outcome.round.asked =
            prometheus ? telemetry::LiveSource::Prometheus : telemetry::LiveSource::Exporters;
        outcome.round.failed = !firstError.isEmpty();
        const double now = nowSeconds();
        const double staleAfter = kStaleAfterIntervals * d->options.scrapeIntervalMs / 1000.0;
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            const std::string& body = bodies[i];
            const LiveTelemetryRequest& request = requests[i];
            bytes += body.size();
            if (body.empty())
                continue;
            const telemetry::IngestReport report =
                request.kind == Private::Request::Exposition
                    ? telemetry::ingestExposition(body, *d->mapper, *d->store, now)
                    : telemetry::ingestQueryResponse(body, *d->mapper, *d->store, request.metric);
            outcome.round.mapped += report.mapped;
            // A body that does not parse is refused whole: said, not counted as "0 live" in silence.
            if (report.error && error.isEmpty())
                error = QString::fromStdString(
                    request.source + ": " +
                    (report.error->line > 0 ? "line " + std::to_string(report.error->line) + ": " : "") +
                    report.error->message);
        }
        auto values = std::make_shared<std::vector<float>>();
        const telemetry::OverlayCounts counts =
            telemetry::overlayValues(*d->facility, *d->store, *metric, now, staleAfter, *values);
        // Scraping the exporters, every value is in the store: the alerts come with the colours.
        // Through Prometheus they come on their own (refreshAlerts).
        std::shared_ptr<const telemetry::AlertList> alerts;
        if (!prometheus)
            alerts = std::make_shared<const telemetry::AlertList>(
                telemetry::evaluateAlerts(*d->facility, *d->store, now, staleAfter));
        outcome.update = LiveUpdate{
            std::move(values), metric, int(counts.fresh), int(counts.stale), via, 0.0, bytes, alerts, error};
        return outcome;
    }));
}

} // namespace twin::app
