// The Gantt dock's rows as a Qt item model: the tasks of the entity shown (a hall, row or rack and
// everything in it; a server or GPU shows its rack's), sorted by planned start, with their planned and
// actual dates, their progress as of the timeline's day and whether they are on the roll-out's
// critical path (worked out once per model, over every task). GanttChart paints it; tests read it.
#pragma once

#include "datamodel/CriticalPath.h"
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "gui/document/LoadedModel.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace twin::app {

struct GanttRow {
    std::uint32_t task = 0;
    bool critical = false;
    datamodel::TimePoint slack = 0; // seconds it may slip without moving the roll-out's finish
};

class GanttTaskModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Task, PlannedStart, PlannedEnd, ActualStart, ActualEnd, Status, Critical, ColumnCount };
    static constexpr int kTaskRole = Qt::UserRole; // the task's index in the facility's TaskColumns

    using QAbstractTableModel::QAbstractTableModel;

    // A new model (or schedule): its critical path is computed here. The model holds what it shows, so
    // a reload elsewhere never leaves it reading a freed one. Shows nothing until showEntity.
    void setModel(std::shared_ptr<const LoadedModel> model);
    // The tasks of `entity` (kNoEntity: none) and its subtree, or else of the entity whose tasks decide it.
    void showEntity(datamodel::EntityIndex entity);
    // Midnight UTC: the progress shown is what was recorded by its end.
    void setDay(datamodel::TimePoint day);

    const LoadedModel* loaded() const { return model_.get(); }
    const datamodel::TaskColumns* tasks() const { return model_ ? &model_->facility->tasks() : nullptr; }
    const std::vector<GanttRow>& rows() const { return rows_; }
    datamodel::TimePoint day() const { return day_; }
    // The entity whose tasks are shown (the one asked for, or its rack), or kNoEntity.
    datamodel::EntityIndex shownEntity() const { return shown_; }
    const datamodel::CriticalPath& criticalPath() const { return critical_; }
    datamodel::Progress progressAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void dayChanged();

private:
    std::shared_ptr<const LoadedModel> model_;
    datamodel::CriticalPath critical_;
    datamodel::EntityIndex shown_ = datamodel::kNoEntity;
    std::vector<GanttRow> rows_;
    datamodel::TimePoint day_ = 0;
};

// A task's progress at `time`, by the thresholds of Schedule::progressAt (a day early or late).
datamodel::Progress taskProgressAt(const datamodel::TaskColumns& tasks, std::size_t task,
                                   datamodel::TimePoint time);

} // namespace twin::app
