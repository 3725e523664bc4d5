// The search field's list as a Qt item model: the best matches of the query, each as its name, its kind
// and where the query was found ("serial 1652..."), best first, with the entity it selects; and a
// count line ("189 matches", "10,000+ matches"). Asked again at every keystroke.
#pragma once

#include "gui/workbench/WorkbenchIndexes.h"

#include <QAbstractListModel>
#include <memory>

namespace twin::app {

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kEntityRole = Qt::UserRole;   // the entity a row selects
    static constexpr int kKindRole = Qt::UserRole + 1; // "rack", "task", ...
    static constexpr std::size_t kListed = 20;         // rows
    static constexpr std::size_t kCountedUpTo = 10000; // then "10,000+"

    using QAbstractListModel::QAbstractListModel;

    void setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes);
    bool ready() const { return indexes_ != nullptr; }
    void setQuery(const QString& query);
    QString query() const { return query_; }
    // "189 matches" or "10,000+ matches", or "" before a query.
    QString countText() const;
    std::size_t count() const { return result_.count; }
    datamodel::EntityIndex entityAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const WorkbenchIndexes> indexes_;
    QString query_;
    datamodel::SearchResult result_;
};

} // namespace twin::app
