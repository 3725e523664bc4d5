// The Gantt dock's chart, a view of a GanttTaskModel: one row per task (name, critical mark, a thin grey
// planned bar and the actual bar coloured by progress as of the model's day) on a shared date axis,
// with a line at that day. Only the rows in view are painted, so a hall's few thousand tasks scroll as
// fast as a rack's six.
#pragma once

#include "gui/timeline/GanttTaskModel.h"

#include <QAbstractScrollArea>
#include <QString>
#include <vector>

namespace twin::app {

class GanttChart : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit GanttChart(QWidget* parent = nullptr);

    // The rows it paints; the chart follows the model's resets (new rows) and changes (a new day).
    void setTaskModel(const GanttTaskModel* model);
    const std::vector<GanttRow>& rows() const { return model_->rows(); }
    datamodel::TimePoint day() const { return model_->day(); } // midnight UTC

    // Where a row's bars are drawn, in this widget's coordinates; empty when the row has no such bar
    // (not started by the day) or is scrolled out of view.
    QRect plannedBarRect(int row) const;
    QRect actualBarRect(int row) const;
    int dayLineX() const; // -1 when the day is off the axis
    void scrollToRow(int row);

    static QColor progressColour(datamodel::Progress progress);

    // The time axis. It fits the rows whenever they change (a new selection); Ctrl+wheel zooms it about
    // the pointer (2 hours to twice the fit), Shift+wheel pans it, fitToRows() (the panel's Fit button,
    // a double-click on the axis) fits it again.
    std::pair<datamodel::TimePoint, datamodel::TimePoint> span() const { return {from_, to_}; }
    void zoomAt(int viewportX, double factor); // factor < 1 zooms in
    void panBy(int pixels);
    void fitToRows();
    datamodel::TimePoint timeAt(int viewportX) const;
    int viewportXOf(datamodel::TimePoint time) const { return xOf(time); }
    // The axis's labels as painted, in viewport coordinates: never overlapping, whole, inside the chart.
    struct AxisLabel {
        QRect box;
        QString text;
    };
    std::vector<AxisLabel> axisLabels() const;
    static constexpr datamodel::TimePoint kMinSpan = 2 * 3600;

    // The row at a point of the viewport, or -1.
    int rowAt(QPoint viewportPosition) const;

signals:
    // A row was double-clicked: show its task's entity.
    void taskActivated(std::uint32_t task);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void layOutRows(); // the axis and the names' column, for new rows
    void updateScrollRange();
    int rowTop(int row) const; // in viewport coordinates
    int chartLeft() const;
    int xOf(datamodel::TimePoint time) const;
    datamodel::TimePoint endOfDay() const { return day() + datamodel::kSecondsPerDay - 1; }
    QRect viewportPlannedBar(int row) const;
    QRect viewportActualBar(int row) const;
    void paintAxis(QPainter& painter) const;
    datamodel::TimePoint tickStep() const; // between ticks: hours, days or weeks, as labels fit
    std::vector<datamodel::TimePoint> ticks() const;
    void setSpan(datamodel::TimePoint from, datamodel::TimePoint to); // clamped, then repainted

    const GanttTaskModel* model_ = nullptr;
    const datamodel::TaskColumns* tasks_ = nullptr; // the model's, while it shows rows
    datamodel::TimePoint from_ = 0, to_ = 1;        // the axis
    datamodel::TimePoint fitFrom_ = 0, fitTo_ = 1;  // the axis that fits every row
    int nameWidth_ = 0;
};

} // namespace twin::app
