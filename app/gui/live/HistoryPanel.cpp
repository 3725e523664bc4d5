#include "gui/live/HistoryPanel.h"

#include "gui/window/Utf8.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <algorithm>

namespace twin::app {

namespace {
constexpr int kChartHeight = 220;
} // namespace

HistoryPanel::HistoryPanel(QWidget* parent) : QDockWidget(tr("History"), parent) {
    setObjectName(QStringLiteral("historyPanel"));
    chart_ = new QChart();
    chart_->legend()->hide();
    chart_->setMargins(QMargins(4, 4, 4, 4));
    view_ = new QChartView(chart_, this); // owns the chart
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(kChartHeight);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("historyMessage"));
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    pages_ = new QStackedWidget(this);
    pages_->addWidget(view_);
    pages_->addWidget(message_);
    setWidget(pages_);
    showMessage(tr("Select a GPU, server, rack or CDU to see its history."));
}

void HistoryPanel::showMessage(const QString& message) {
    message_->setText(message);
    pages_->setCurrentWidget(message_);
    points_ = 0;
}

void HistoryPanel::showHistory(const History& history, const QString& title,
                               std::optional<double> threshold) {
    if (!history.error.isEmpty() || history.points.empty() || !history.metric) {
        showMessage(history.error.isEmpty() ? tr("%1: no values in this time yet.").arg(title)
                                            : history.error);
        return;
    }
    chart_->removeAllSeries();
    for (QAbstractAxis* axis : chart_->axes())
        chart_->removeAxis(axis);
    auto* values = new QLineSeries();
    float low = history.points.front().value, high = low;
    for (const HistoryPoint& point : history.points) {
        values->append(point.time * 1000.0, double(point.value));
        low = std::min(low, point.value);
        high = std::max(high, point.value);
    }
    chart_->addSeries(values);
    const double start = history.points.front().time * 1000.0, end = history.points.back().time * 1000.0;
    auto* time = new QDateTimeAxis();
    // Seconds matter while the history is short (a fresh Prometheus); minutes afterwards.
    time->setFormat(end - start < 10 * 60 * 1000.0 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(start)),
                   QDateTime::fromMSecsSinceEpoch(qint64(end)));
    auto* value = new QValueAxis();
    value->setTitleText(utf8(history.metric->title));
    double top = high, bottom = low;
    if (threshold) {
        auto* line = new QLineSeries();
        line->append(start, *threshold);
        line->append(end, *threshold);
        QPen pen(QColor(220, 50, 40));
        pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        chart_->addSeries(line);
        top = std::max(top, *threshold);
        bottom = std::min(bottom, *threshold);
    }
    const double margin = std::max(1.0, (top - bottom) * 0.1);
    value->setRange(bottom - margin, top + margin);
    value->applyNiceNumbers(); // 40, 50, 60 rather than 34.6, 48.3, 62.1
    chart_->addAxis(time, Qt::AlignBottom);
    chart_->addAxis(value, Qt::AlignLeft);
    for (QAbstractSeries* series : chart_->series()) {
        series->attachAxis(time);
        series->attachAxis(value);
    }
    chart_->setTitle(tr("%1: %2").arg(title, utf8(history.metric->title)));
    pages_->setCurrentWidget(view_);
    points_ = int(history.points.size());
}

int HistoryPanel::points() const {
    return points_;
}

QString HistoryPanel::message() const {
    return pages_->currentWidget() == message_ ? message_->text() : QString();
}

} // namespace twin::app
