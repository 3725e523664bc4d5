// The Gantt dock's chart, a view of a GanttTaskModel: one row per task (name, critical mark, a thin grey
// planned bar and the actual bar coloured by progress as of the model's day) on a shared date axis,
// with a line at that day. Only the rows in view are painted, so a hall's few thousand tasks scroll as
// fast as a rack's six.
#pragma once

#include "gui/timeline/GanttTaskModel.h"

#include <QAbstractScrollArea>
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
    datamodel::TimePoint tickStep() const; // between midnight ticks

    const GanttTaskModel* model_ = nullptr;
    const datamodel::TaskColumns* tasks_ = nullptr; // the model's, while it shows rows
    datamodel::TimePoint from_ = 0, to_ = 1;        // the axis
    int nameWidth_ = 0;
};

} // namespace twin::app
