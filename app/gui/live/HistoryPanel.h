// The History dock: the selected entity's live metric over the last minutes, from Prometheus
// (query_range), drawn with Qt Charts; the model's alert threshold for the metric as a dashed line.
#pragma once

#include "gui/live/LiveTelemetry.h"

#include <QDockWidget>
#include <optional>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QStackedWidget;

namespace twin::app {

class HistoryPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    // `title` names the entity; `threshold` is drawn across the chart when there is one.
    void showHistory(const History& history, const QString& title, std::optional<double> threshold);
    void showMessage(const QString& message);

    // What is drawn (for tests): points of the value series, and the message shown instead, if any.
    int points() const;
    QString message() const;

private:
    QChart* chart_ = nullptr;
    QChartView* view_ = nullptr;
    QLabel* message_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    int points_ = 0;
};

} // namespace twin::app
