// The Alerts dock's rows as a Qt item model: what breaches the model's threshold rules now, the worst
// first (critical, then furthest past the threshold), at most kMaxRows of them (the dock's title gives
// the total). Each row knows its entity (kEntityRole), so whatever shows the list can select it.
#pragma once

#include "datamodel/Facility.h"
#include "telemetry/Alerts.h"

#include <QAbstractTableModel>
#include <functional>
#include <vector>

namespace twin::app {

class AlertListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Rule, Where, Value, ColumnCount };
    static constexpr int kEntityRole = Qt::UserRole;
    // More rows than anyone reads; filling a view is the GUI thread's work.
    static constexpr std::size_t kMaxRows = 200;

    using QAbstractTableModel::QAbstractTableModel;

    // `describe` names an entity the way the status bar does ("GPU ..., H1-R03-K07, Hall 1").
    void setAlerts(const telemetry::AlertList& alerts, const datamodel::Facility& facility,
                   const std::function<QString(int)>& describe);
    void clear();
    // Every alert, listed or not (AlertList::total).
    std::size_t total() const { return total_; }
    // The rules the alerts were checked against, for "no alerts: every value within N rules".
    std::size_t rulesChecked() const { return rules_; }
    datamodel::EntityIndex entityAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        bool critical = false;
        QString rule, where;
        float value = 0.0f;
        datamodel::EntityIndex entity = datamodel::kNoEntity;
    };
    std::vector<Row> rows_;
    std::size_t total_ = 0, rules_ = 0;
};

} // namespace twin::app
