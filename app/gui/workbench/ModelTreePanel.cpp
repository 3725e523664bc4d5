#include "gui/workbench/ModelTreePanel.h"

#include <QHeaderView>
#include <QTreeView>

namespace twin::app {

ModelTreePanel::ModelTreePanel(QWidget* parent) : QDockWidget(tr("Model Tree"), parent) {
    setObjectName(QStringLiteral("modelTreePanel"));
    model_ = new ModelTreeModel(this);
    tree_ = new QTreeView(this);
    tree_->setObjectName(QStringLiteral("modelTree"));
    tree_->setModel(model_);
    tree_->setUniformRowHeights(true); // a server's 18 parts or a row's 32 racks: no per-row measuring
    tree_->setIndentation(12);         // seven levels deep to a GPU: the names keep the room
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(ModelTreeModel::Name, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(ModelTreeModel::Kind, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(ModelTreeModel::Holds, QHeaderView::ResizeToContents);
    setWidget(tree_);
    setMinimumWidth(280);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (!showing_ && current.isValid())
                    emit entityChosen(model_->entityOf(current));
            });
}

void ModelTreePanel::setModel(std::shared_ptr<const LoadedModel> model) {
    model_->setModel(std::move(model));
    // The site and its building open: the halls are what one looks for first.
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QModelIndex site = model_->index(row, 0);
        tree_->expand(site);
        for (int child = 0; child < model_->rowCount(site); ++child)
            if (model_->rowCount(model_->index(child, 0, site)) > 0)
                tree_->expand(model_->index(child, 0, site));
    }
}

void ModelTreePanel::showSelection(datamodel::EntityIndex entity) {
    showing_ = true;
    const QModelIndex index = model_->indexOf(entity);
    if (!index.isValid()) {
        tree_->selectionModel()->clearCurrentIndex();
        tree_->clearSelection();
    } else {
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            tree_->expand(up);
        tree_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
        tree_->scrollTo(index);
    }
    showing_ = false;
}

} // namespace twin::app
