#include "gui/workbench/PunchListModel.h"

#include <QColor>
#include <QFont>
#include <algorithm>

namespace twin::app {

namespace {

QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString statusText(datamodel::NoteStatus status) {
    switch (status) {
    case datamodel::NoteStatus::Open:
        return PunchListModel::tr("open");
    case datamodel::NoteStatus::ReadyForReview:
        return PunchListModel::tr("ready for review");
    case datamodel::NoteStatus::Closed:
        return PunchListModel::tr("closed");
    }
    return {};
}

} // namespace

void PunchListModel::setModel(std::shared_ptr<const LoadedModel> model, datamodel::TimePoint now) {
    beginResetModel();
    if (!model_ || !model || model_->path != model->path)
        filter_.hall = datamodel::kNoEntity; // another model's hall means nothing here
    model_ = std::move(model);
    now_ = now;
    refilter();
    endResetModel();
}

void PunchListModel::setFilter(const PunchFilter& filter) {
    if (filter == filter_)
        return;
    beginResetModel();
    filter_ = filter;
    refilter();
    endResetModel();
}

bool PunchListModel::isOverdue(std::uint32_t n) const {
    const datamodel::NoteColumns& notes = model_->facility->notes();
    return notes.status[n] != datamodel::NoteStatus::Closed && notes.due[n] != datamodel::kNoTime &&
           notes.due[n] < now_;
}

void PunchListModel::refilter() {
    rows_.clear();
    overdue_ = 0;
    if (!model_)
        return;
    const datamodel::Facility& f = *model_->facility;
    const datamodel::NoteColumns& notes = f.notes();
    const std::string assignee = filter_.assignee.toStdString();
    for (std::uint32_t n = 0; n < notes.size(); ++n) {
        const datamodel::NoteStatus status = notes.status[n];
        if (!filter_.all &&
            (filter_.status ? status != *filter_.status : status == datamodel::NoteStatus::Closed))
            continue;
        if (filter_.priority && notes.priority[n] != *filter_.priority)
            continue;
        if (!assignee.empty() && notes.assignee[n] != assignee)
            continue;
        if (filter_.hall != datamodel::kNoEntity &&
            f.ancestorOfKind(notes.entity[n], datamodel::EntityKind::Hall) != filter_.hall)
            continue;
        rows_.push_back(n);
        overdue_ += isOverdue(n) ? 1 : 0;
    }
    // Newest first: what the crew raised today is on top.
    std::stable_sort(rows_.begin(), rows_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return notes.createdAt[a] > notes.createdAt[b];
    });
}

int PunchListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int PunchListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PunchListModel::data(const QModelIndex& index, int role) const {
    if (!model_ || !index.isValid() || std::size_t(index.row()) >= rows_.size())
        return {};
    const datamodel::Facility& f = *model_->facility;
    const datamodel::NoteColumns& notes = f.notes();
    const std::uint32_t n = rows_[std::size_t(index.row())];
    if (role == kNoteRole)
        return n;
    if (role == Qt::ForegroundRole) {
        if (index.column() == Due && isOverdue(n))
            return QColor(200, 30, 30);
        if (notes.status[n] == datamodel::NoteStatus::Closed)
            return QColor(130, 130, 130);
        if (index.column() == Priority && notes.priority[n] == datamodel::NotePriority::Critical)
            return QColor(200, 30, 30);
        return {};
    }
    if (role == Qt::FontRole && index.column() == Due && isOverdue(n)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole)
        return utf8(notes.text[n]);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return qlonglong(notes.id[n]);
    case Title:
        return utf8(notes.title[n].empty() ? notes.text[n] : notes.title[n]);
    case Where:
        return utf8(f.name(notes.entity[n]));
    case Priority:
        return utf8(datamodel::notePriorityName(notes.priority[n]));
    case Blocking:
        return notes.blocking[n] ? tr("blocking") : QString();
    case Status:
        return statusText(notes.status[n]);
    case Assignee:
        return utf8(notes.assignee[n]);
    case Due:
        if (notes.due[n] == datamodel::kNoTime)
            return QString();
        return QString::fromStdString(datamodel::formatDate(notes.due[n])) +
               (isOverdue(n) ? tr(" (overdue)") : QString());
    case Opened:
        return tr("%1 by %2")
            .arg(QString::fromStdString(datamodel::formatDate(notes.createdAt[n])), utf8(notes.author[n]));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PunchListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const kNames[] = {"#",      "Title",    "Where", "Priority", "Blocking",
                                         "Status", "Assignee", "Due",   "Opened"};
    return section >= 0 && section < ColumnCount ? tr(kNames[section]) : QVariant();
}

} // namespace twin::app
