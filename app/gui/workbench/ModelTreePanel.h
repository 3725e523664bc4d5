// The Model Tree dock: the facility's hierarchy (ModelTreeModel) in a tree. A click selects (and the
// view flies there); the selection made anywhere else is shown here, its branch opened and scrolled to.
#pragma once

#include "gui/workbench/ModelTreeModel.h"

#include <QDockWidget>

class QTreeView;

namespace twin::app {

class ModelTreePanel : public QDockWidget {
    Q_OBJECT
public:
    explicit ModelTreePanel(QWidget* parent = nullptr);

    void setModel(std::shared_ptr<const LoadedModel> model);
    // Shows the selection without reporting it back.
    void showSelection(datamodel::EntityIndex entity);
    QTreeView* tree() const { return tree_; }
    ModelTreeModel* treeModel() const { return model_; }

signals:
    void entityChosen(int entity);

private:
    ModelTreeModel* model_ = nullptr;
    QTreeView* tree_ = nullptr;
    bool showing_ = false;
};

} // namespace twin::app
