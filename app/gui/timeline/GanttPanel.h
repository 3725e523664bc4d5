// The Gantt dock: a GanttTaskModel (the tasks of the selection, planned against actual as of the
// timeline's day, the critical path marked) painted by a GanttChart, under a header that sums it up
// and a line on what decides the roll-out's end.
#pragma once

#include "gui/timeline/GanttTaskModel.h"

#include <QDockWidget>
#include <memory>

class QLabel;

namespace twin::app {

class GanttChart;

class GanttPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit GanttPanel(QWidget* parent = nullptr);

    // A new model (or schedule): its critical path is computed here. The panel holds the model it
    // shows, so a reload elsewhere never leaves it reading a freed one.
    void setModel(std::shared_ptr<const LoadedModel> model);
    // The tasks of `entity` (kNoEntity: none) and its subtree, or else of the entity whose tasks decide it.
    void showEntity(datamodel::EntityIndex entity);
    void setDay(datamodel::TimePoint day);

    const GanttTaskModel* taskModel() const { return tasks_; }
    const datamodel::CriticalPath& criticalPath() const { return tasks_->criticalPath(); }
    // The entity whose tasks are shown (the selection, or its rack), or kNoEntity.
    datamodel::EntityIndex shownEntity() const { return tasks_->shownEntity(); }
    QString header() const;
    // For tests: the rows as drawn (sorted by planned start).
    int taskCount() const;
    int criticalCount() const;
    std::uint32_t taskAt(int row) const;
    QString taskName(int row) const;
    bool rowIsCritical(int row) const;
    // The row's bars in the chart widget's coordinates (see GanttChart); scrollToRow brings it into view.
    QRect plannedBarRect(int row) const;
    QRect actualBarRect(int row) const;
    void scrollToRow(int row);
    GanttChart* chart() const { return chart_; }

private:
    void showHeader();
    void showProject();

    GanttTaskModel* tasks_ = nullptr;
    QLabel* header_ = nullptr;
    QLabel* project_ = nullptr;
    GanttChart* chart_ = nullptr;
};

} // namespace twin::app
