// Live telemetry for the window. For now its source is a simulator of the loaded model served on
// 127.0.0.1, standing in for the facility's dcgm-exporters: it is scraped every few seconds with the
// telemetry HttpClient exactly as real exporters would be, the scrapes are ingested on a worker thread,
// and the GUI thread only receives one value per entity to recolour with (the overlay arrays).
// GPUs get their own temperature; servers and racks the hottest of their GPUs; stale values are NaN.
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace twin::datamodel {
class Facility;
}

namespace twin::app {

class LiveTelemetry : public QObject {
    Q_OBJECT
public:
    LiveTelemetry(std::shared_ptr<const datamodel::Facility> facility, int intervalMs,
                  QObject* parent = nullptr);
    ~LiveTelemetry() override;

    // Where the simulated exporters listen (http://127.0.0.1:PORT).
    QString endpoint() const;

signals:
    // One value per entity (dense index), NaN where there is none or it is stale.
    void temperaturesReady(std::shared_ptr<const std::vector<float>> values, int freshGpus, int staleGpus);
    void failed(const QString& error);

private:
    void refresh();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::app
