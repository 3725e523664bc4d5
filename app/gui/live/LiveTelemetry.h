// Live telemetry for the window, from simulated exporters of the loaded model served on 127.0.0.1,
// standing in for the facility's dcgm-exporters and CDU controllers.
//
// With Debian's prometheus installed (./twin installs it) a Prometheus of our own scrapes them, and
// the window asks it for only what it shows: one aggregate per rack, plus the GPUs of the racks drawn
// in detail (LiveMetrics.h). Until that Prometheus has data, or if it fails, the window scrapes the
// exporters itself. Either way the HTTP work runs on the client's thread, the parsing on a worker,
// and the GUI thread only receives one value per entity to recolour with.
#pragma once

#include "telemetry/Alerts.h"
#include "telemetry/LiveMetrics.h"
#include "telemetry/SourcePolicy.h"
#include "telemetry/TelemetrySource.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace twin::datamodel {
class Facility;
}

namespace twin::app {

struct LiveTelemetryOptions {
    int scrapeIntervalMs = 5000;  // the exporters, by us or by Prometheus
    int prometheusQueryMs = 1500; // Prometheus, once it has data: a scraped change shows within it
    bool startPrometheus = true;  // when the binary is installed
    // How often that Prometheus scrapes; 0: by model size. Ingesting 400,000 series every 5 s took
    // half a core here (100,000 GPUs); sites scrape dcgm-exporter every 15 to 30 s.
    int prometheusScrapeSeconds = 0;
    // A site's Prometheus or exporters instead of the simulator (and no Prometheus of our own).
    std::optional<telemetry::TelemetrySource> source;
    // How long one try of a request may wait for the whole answer; 0: the HTTP client's (15 s).
    int requestTimeoutMs = 0;
    // Where our own Prometheus keeps its samples (the window: one folder per model in the user's
    // cache, so the History chart survives a restart); empty: a temporary folder.
    QString historyDirectory;
};

struct LiveUpdate {
    std::shared_ptr<const std::vector<float>> values; // per entity, NaN: none or stale
    const telemetry::LiveMetric* metric = nullptr;
    int fresh = 0, stale = 0; // GPUs (or CDUs) with a live value, and with a stale one
    QString via;              // "Prometheus http://127.0.0.1:PORT" or "exporters http://..."
    double refreshMs = 0.0;   // from asking to values ready: requests, parsing, mapping, aggregating
    std::size_t bytes = 0;    // response bodies, inflated (the HttpClient asks for gzip)
    // The model's alert rules over the latest values, when the window scrapes the exporters itself
    // (through Prometheus they arrive on their own: alertsReady).
    std::shared_ptr<const telemetry::AlertList> alerts;
    QString error; // the first request of this update that failed (names the host, never a secret)
};

struct LiveTelemetryRequest; // one HTTP request of a refresh (LiveTelemetry.cpp)
struct LiveTelemetryRound;   // a refresh's requests and answers (LiveTelemetry.cpp)

struct HistoryPoint {
    double time; // seconds since the epoch
    float value;
};
struct History {
    int entity = -1;
    const telemetry::LiveMetric* metric = nullptr;
    std::vector<HistoryPoint> points; // oldest first
    QString error;                    // why there are none
};

class LiveTelemetry : public QObject {
    Q_OBJECT
public:
    LiveTelemetry(std::shared_ptr<const datamodel::Facility> facility, LiveTelemetryOptions options = {},
                  QObject* parent = nullptr);
    ~LiveTelemetry() override;

    // Where the simulated exporters listen (http://127.0.0.1:PORT), or a site's first exporter.
    QString endpoint() const;
    // The Prometheus started for them or the site's, or empty.
    QString prometheusEndpoint() const;
    bool viaPrometheus() const;
    // How often Prometheus scrapes (or, without one, the window does).
    int scrapeIntervalMs() const;

    // What to colour by (refreshes at once) and which hosts are drawn in detail.
    void setMetric(const telemetry::LiveMetric& metric);
    const telemetry::LiveMetric& metric() const;
    void setVisibleHosts(std::vector<std::string> hosts);
    // The last `minutes` of an entity's metric from Prometheus (query_range), answered by
    // historyReady; an older request still in flight is dropped.
    void requestHistory(int entity, const telemetry::LiveMetric& metric, double minutes);

signals:
    void updated(const twin::app::LiveUpdate& update);
    void failed(const QString& error);
    // A request failed and is tried again, as it happens: "URL: no answer for 15 s, retrying (attempt
    // 2 of 4)" (the URL without its query).
    void retrying(const QString& what);
    void historyReady(const twin::app::History& history);
    // Through Prometheus, once per scrape interval: what breaches the model's rules.
    void alertsReady(std::shared_ptr<const twin::telemetry::AlertList> alerts);
    // Through Prometheus, once per scrape interval: every GPU's power summed, and how many reported.
    void powerDrawn(double watts, int gpus);

private:
    struct Private;
    // The client's options with the timeout asked for and its retries reported (retrying).
    telemetry::HttpClientOptions withRetryReports(telemetry::HttpClientOptions options);
    void startSimulated();
    void startExternal(const telemetry::TelemetrySource& source);
    void refresh();
    void refreshAlerts();
    void refreshPower();
    void collect(std::vector<LiveTelemetryRequest> requests, telemetry::LiveSource source);
    void ingestCollected(const std::shared_ptr<LiveTelemetryRound>& round);
    std::unique_ptr<Private> d;
};

} // namespace twin::app

Q_DECLARE_METATYPE(twin::app::LiveUpdate)
Q_DECLARE_METATYPE(twin::app::History)
