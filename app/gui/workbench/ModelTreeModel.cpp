#include "gui/workbench/ModelTreeModel.h"

#include "gui/window/Utf8.h"

#include <QLocale>

namespace twin::app {

using datamodel::EntityIndex;
using datamodel::kNoEntity;

void ModelTreeModel::setModel(std::shared_ptr<const LoadedModel> model) {
    beginResetModel();
    model_ = std::move(model);
    roots_.clear();
    rowInParent_.clear();
    if (model_) {
        const datamodel::Facility& f = *model_->facility;
        rowInParent_.assign(f.entityCount(), 0);
        for (std::size_t e = 0; e < f.entityCount(); ++e) {
            const auto children = f.children(EntityIndex(e));
            for (std::size_t row = 0; row < children.size(); ++row)
                rowInParent_[std::size_t(children[row])] = std::uint32_t(row);
            if (f.parent(EntityIndex(e)) == kNoEntity) {
                rowInParent_[e] = std::uint32_t(roots_.size());
                roots_.push_back(EntityIndex(e));
            }
        }
    }
    endResetModel();
}

std::span<const EntityIndex> ModelTreeModel::childrenOf(const QModelIndex& parent) const {
    if (!model_)
        return {};
    if (!parent.isValid())
        return roots_;
    return model_->facility->children(entityOf(parent));
}

QModelIndex ModelTreeModel::indexOf(EntityIndex entity) const {
    if (!model_ || entity == kNoEntity || std::size_t(entity) >= rowInParent_.size())
        return {};
    return createIndex(int(rowInParent_[std::size_t(entity)]), 0, quintptr(entity));
}

EntityIndex ModelTreeModel::entityOf(const QModelIndex& index) const {
    return index.isValid() ? EntityIndex(index.internalId()) : kNoEntity;
}

QModelIndex ModelTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const auto children = childrenOf(parent);
    if (row < 0 || std::size_t(row) >= children.size() || column < 0 || column >= ColumnCount ||
        (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, quintptr(children[std::size_t(row)]));
}

QModelIndex ModelTreeModel::parent(const QModelIndex& child) const {
    if (!model_ || !child.isValid())
        return {};
    const EntityIndex up = model_->facility->parent(entityOf(child));
    return up == kNoEntity ? QModelIndex() : indexOf(up);
}

int ModelTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int ModelTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool ModelTreeModel::hasChildren(const QModelIndex& parent) const {
    return rowCount(parent) > 0;
}

QVariant ModelTreeModel::data(const QModelIndex& index, int role) const {
    if (!model_ || !index.isValid())
        return {};
    const datamodel::Facility& f = *model_->facility;
    const EntityIndex e = entityOf(index);
    if (role == kEntityRole)
        return int(e);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return utf8(f.name(e));
    case Kind:
        return utf8(datamodel::entityKindName(f.kind(e))).replace(QLatin1Char('_'), QLatin1Char(' '));
    case Holds: {
        const std::size_t children = f.children(e).size();
        return children == 0 ? QVariant() : QVariant(QLocale().toString(qulonglong(children)));
    }
    default:
        return {};
    }
}

QVariant ModelTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Holds:
        return tr("Holds");
    default:
        return {};
    }
}

} // namespace twin::app
