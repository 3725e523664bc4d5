#include "gui/live/AlertListModel.h"

#include "gui/window/Utf8.h"

#include <QColor>
#include <QLocale>

namespace twin::app {

void AlertListModel::setAlerts(const telemetry::AlertList& alerts, const datamodel::Facility& facility,
                               const std::function<QString(int)>& describe) {
    beginResetModel();
    rows_.clear();
    const auto& rules = facility.alertRules();
    for (std::size_t i = 0; i < alerts.alerts.size() && i < kMaxRows; ++i) {
        const telemetry::Alert& alert = alerts.alerts[i];
        const datamodel::AlertRule& rule = rules[alert.rule];
        rows_.push_back(Row{rule.severity == datamodel::AlertSeverity::Critical,
                            tr("%1 (%2 %3)")
                                .arg(utf8(rule.name), utf8(datamodel::comparisonName(rule.comparison)),
                                     QLocale().toString(rule.threshold, 'g', 4)),
                            describe(int(alert.entity)), alert.value, datamodel::EntityIndex(alert.entity)});
    }
    total_ = alerts.total;
    rules_ = rules.size();
    endResetModel();
}

void AlertListModel::clear() {
    beginResetModel();
    rows_.clear();
    total_ = 0;
    endResetModel();
}

datamodel::EntityIndex AlertListModel::entityAt(int row) const {
    return row >= 0 && std::size_t(row) < rows_.size() ? rows_[std::size_t(row)].entity
                                                       : datamodel::kNoEntity;
}

int AlertListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int AlertListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= rows_.size())
        return {};
    const Row& row = rows_[std::size_t(index.row())];
    if (role == kEntityRole)
        return int(row.entity);
    if (role == Qt::ForegroundRole && index.column() == Severity)
        return row.critical ? QColor(220, 50, 40) : QColor(200, 130, 0);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Severity:
        return row.critical ? tr("Critical") : tr("Warning");
    case Rule:
        return row.rule;
    case Where:
        return row.where;
    case Value:
        return QLocale().toString(double(row.value), 'f', 1);
    default:
        return {};
    }
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Rule:
        return tr("Rule");
    case Where:
        return tr("Where");
    case Value:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace twin::app
