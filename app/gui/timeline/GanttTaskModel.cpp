#include "gui/timeline/GanttTaskModel.h"

#include "gui/window/Utf8.h"
#include "scene/FacilityScene.h"

#include <algorithm>

namespace twin::app {

using datamodel::kNoEntity;
using datamodel::kNoTime;
using datamodel::Progress;
using datamodel::TimePoint;

Progress taskProgressAt(const datamodel::TaskColumns& tasks, std::size_t task, TimePoint time) {
    const TimePoint start = tasks.actualStart[task], end = tasks.actualEnd[task];
    if (start == kNoTime || start > time)
        return tasks.plannedStart[task] <= time ? Progress::Behind : Progress::NotDue;
    if (end == kNoTime || end > time)
        return Progress::InProgress;
    return datamodel::finishedProgress(end, tasks.plannedEnd[task]);
}

void GanttTaskModel::setModel(std::shared_ptr<const LoadedModel> model) {
    beginResetModel();
    rows_.clear(); // before the old facility's tasks go
    model_ = std::move(model);
    shown_ = kNoEntity;
    critical_ =
        model_ ? datamodel::computeCriticalPath(model_->facility->tasks()) : datamodel::CriticalPath{};
    endResetModel();
}

void GanttTaskModel::showEntity(datamodel::EntityIndex entity) {
    beginResetModel();
    shown_ = kNoEntity;
    rows_.clear();
    if (model_ && entity != kNoEntity) {
        const datamodel::Facility& f = *model_->facility;
        auto collect = [&](datamodel::EntityIndex root) {
            for (datamodel::EntityIndex e : f.subtree(root))
                for (std::uint32_t t : f.tasksOf(e))
                    rows_.push_back(GanttRow{t, critical_.ok() && critical_.critical[t],
                                             critical_.ok() ? critical_.slack[t] : 0});
        };
        shown_ = entity;
        collect(entity);
        // A server or GPU has no tasks of its own: the rack's decide it.
        if (rows_.empty() && model_->schedule.owner(entity) != kNoEntity) {
            shown_ = model_->schedule.owner(entity);
            collect(shown_);
        }
        // A task linked to several entities of the subtree appears once.
        std::sort(rows_.begin(), rows_.end(),
                  [](const GanttRow& a, const GanttRow& b) { return a.task < b.task; });
        rows_.erase(std::unique(rows_.begin(), rows_.end(),
                                [](const GanttRow& a, const GanttRow& b) { return a.task == b.task; }),
                    rows_.end());
        const auto& start = f.tasks().plannedStart;
        std::stable_sort(rows_.begin(), rows_.end(),
                         [&](const GanttRow& a, const GanttRow& b) { return start[a.task] < start[b.task]; });
    }
    endResetModel();
}

void GanttTaskModel::setDay(TimePoint day) {
    if (day == day_)
        return;
    day_ = day;
    emit dayChanged(); // the chart's day line, rows or none
    if (!rows_.empty())
        emit dataChanged(index(0, Status), index(int(rows_.size()) - 1, Status));
}

Progress GanttTaskModel::progressAt(int row) const {
    return taskProgressAt(*tasks(), rows_.at(std::size_t(row)).task, day_ + datamodel::kSecondsPerDay - 1);
}

int GanttTaskModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int GanttTaskModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GanttTaskModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= rows_.size())
        return {};
    const GanttRow& row = rows_[std::size_t(index.row())];
    if (role == kTaskRole)
        return row.task;
    if (role != Qt::DisplayRole)
        return {};
    const datamodel::TaskColumns& t = *tasks();
    const auto date = [](TimePoint time) {
        return time == kNoTime ? QString() : QString::fromStdString(datamodel::formatTime(time)).left(16);
    };
    switch (index.column()) {
    case Task:
        return utf8(t.name[row.task]);
    case PlannedStart:
        return date(t.plannedStart[row.task]);
    case PlannedEnd:
        return date(t.plannedEnd[row.task]);
    case ActualStart:
        return date(t.actualStart[row.task]);
    case ActualEnd:
        return date(t.actualEnd[row.task]);
    case Status:
        return scene::FacilityScene::progressPalette()[std::size_t(progressAt(index.row()))].label;
    case Critical:
        return row.critical;
    default:
        return {};
    }
}

QVariant GanttTaskModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {QT_TR_NOOP("Task"),         QT_TR_NOOP("Planned start"),
                                        QT_TR_NOOP("Planned end"),  QT_TR_NOOP("Actual start"),
                                        QT_TR_NOOP("Actual end"),   QT_TR_NOOP("Status"),
                                        QT_TR_NOOP("Critical path")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace twin::app
