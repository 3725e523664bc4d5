// The facility's hierarchy as a Qt item model: site > building > hall > row > rack > server > GPU, NIC,
// PSU, with the plant where the model puts it (chillers and the substation under the site, loops and
// switchgear under their hall, headers and busways under their row). Nothing is built per branch: the
// facility's child lists answer every question, so opening a hall of 50,000 GPUs costs what its rows
// cost. Only the position of each entity among its siblings is precomputed (one array).
#pragma once

#include "gui/document/LoadedModel.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace twin::app {

class ModelTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Holds, ColumnCount };
    static constexpr int kEntityRole = Qt::UserRole;

    using QAbstractItemModel::QAbstractItemModel;

    void setModel(std::shared_ptr<const LoadedModel> model);
    QModelIndex indexOf(datamodel::EntityIndex entity) const;
    datamodel::EntityIndex entityOf(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::span<const datamodel::EntityIndex> childrenOf(const QModelIndex& parent) const;

    std::shared_ptr<const LoadedModel> model_;
    std::vector<datamodel::EntityIndex> roots_;
    std::vector<std::uint32_t> rowInParent_;
};

} // namespace twin::app
