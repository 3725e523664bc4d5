// The Gantt dock: the tasks of the selection (a hall, row or rack and everything in it; a server or GPU
// shows its rack's) sorted by planned start, planned against actual as of the timeline's day, with the
// roll-out's critical path marked. The critical path is worked out once per model, over every task.
#pragma once

#include "datamodel/CriticalPath.h"
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "gui/document/LoadedModel.h"

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

    const datamodel::CriticalPath& criticalPath() const { return critical_; }
    // The entity whose tasks are shown (the selection, or its rack), or kNoEntity.
    datamodel::EntityIndex shownEntity() const { return shown_; }
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

    std::shared_ptr<const LoadedModel> model_;
    const datamodel::Facility* facility_ = nullptr; // model_'s
    const datamodel::Schedule* schedule_ = nullptr; // model_'s
    datamodel::CriticalPath critical_;
    datamodel::EntityIndex shown_ = datamodel::kNoEntity;
    QLabel* header_ = nullptr;
    QLabel* project_ = nullptr;
    GanttChart* chart_ = nullptr;
};

} // namespace twin::app
