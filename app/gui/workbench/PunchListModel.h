// The punch items of a loaded model as a table for the Punch List dock: filtered by status, priority,
// assignee and hall, newest first, overdue ones marked. Rows are indexes into Facility::notes().
#pragma once

#include "gui/document/LoadedModel.h"

#include <QAbstractTableModel>
#include <optional>

namespace twin::app {

struct PunchFilter {
    // Which statuses: none set means every one not closed (the list's default).
    std::optional<datamodel::NoteStatus> status;
    bool all = false; // every status, closed ones too
    std::optional<datamodel::NotePriority> priority;
    QString assignee;                                   // empty: anyone
    datamodel::EntityIndex hall = datamodel::kNoEntity; // kNoEntity: every hall (and what is in none)
    bool operator==(const PunchFilter&) const = default;
};

class PunchListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Title, Where, Priority, Blocking, Status, Assignee, Due, Opened, ColumnCount };
    static constexpr int kNoteRole = Qt::UserRole + 1; // the row's index into Facility::notes()

    using QAbstractTableModel::QAbstractTableModel;

    // A new model, or the same after an edit: the filter stays. `now`: what overdue is measured against.
    void setModel(std::shared_ptr<const LoadedModel> model, datamodel::TimePoint now);
    void setFilter(const PunchFilter& filter);
    const PunchFilter& filter() const { return filter_; }

    // Shown rows, and how many of them are overdue (due before now, not closed).
    std::size_t overdueCount() const { return overdue_; }
    std::uint32_t noteAt(int row) const { return rows_[std::size_t(row)]; }
    bool isOverdue(std::uint32_t note) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void refilter();

    std::shared_ptr<const LoadedModel> model_;
    datamodel::TimePoint now_ = 0;
    PunchFilter filter_;
    std::vector<std::uint32_t> rows_;
    std::size_t overdue_ = 0;
};

} // namespace twin::app
