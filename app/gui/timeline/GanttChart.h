// The Gantt dock's chart: one row per task (name, critical mark, a thin grey planned bar and the actual
// bar coloured by progress as of the timeline's day) on a shared date axis, with a line at that day.
// Only the rows in view are painted, so a hall's few thousand tasks scroll as fast as a rack's six.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"

#include <QAbstractScrollArea>
#include <vector>

namespace twin::app {

struct GanttRow {
    std::uint32_t task = 0;
    bool critical = false;
    datamodel::TimePoint slack = 0; // seconds it may slip without moving the roll-out's finish
};

class GanttChart : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit GanttChart(QWidget* parent = nullptr);

    // `tasks` must outlive the chart's use of it (the panel keeps the facility alive).
    void setRows(const datamodel::TaskColumns* tasks, std::vector<GanttRow> rows);
    const std::vector<GanttRow>& rows() const { return rows_; }
    void setDay(datamodel::TimePoint day); // midnight UTC; bars show what was recorded by its end
    datamodel::TimePoint day() const { return day_; }

    // Where a row's bars are drawn, in this widget's coordinates; empty when the row has no such bar
    // (not started by the day) or is scrolled out of view.
    QRect plannedBarRect(int row) const;
    QRect actualBarRect(int row) const;
    int dayLineX() const; // -1 when the day is off the axis
    void scrollToRow(int row);

    // A task's progress at `time`, by the thresholds of Schedule::progressAt (a day early or late).
    static datamodel::Progress progressOf(const datamodel::TaskColumns& tasks, std::size_t task,
                                          datamodel::TimePoint time);
    static QColor progressColour(datamodel::Progress progress);

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
    void updateScrollRange();
    int rowTop(int row) const; // in viewport coordinates
    int chartLeft() const;
    int xOf(datamodel::TimePoint time) const;
    datamodel::TimePoint endOfDay() const { return day_ + datamodel::kSecondsPerDay - 1; }
    QRect viewportPlannedBar(int row) const;
    QRect viewportActualBar(int row) const;
    void paintAxis(QPainter& painter) const;
    datamodel::TimePoint tickStep() const; // between midnight ticks

    const datamodel::TaskColumns* tasks_ = nullptr;
    std::vector<GanttRow> rows_;
    datamodel::TimePoint day_ = 0;
    datamodel::TimePoint from_ = 0, to_ = 1; // the axis
    int nameWidth_ = 0;
};

} // namespace twin::app
