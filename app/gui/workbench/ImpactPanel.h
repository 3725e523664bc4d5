// The Impact dock: what fails with the element asked about, grouped by kind with counts: lost (no
// supply left) and degraded (a redundant supply gone, another standing). A click on a group selects
// its first member; Clear (or Esc in the view) ends it.
#pragma once

#include "gui/workbench/WorkbenchIndexes.h"

#include <QDockWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace twin::app {

class ImpactPanel : public QDockWidget {
    Q_OBJECT
public:
    static constexpr int kEntityRole = Qt::UserRole;

    explicit ImpactPanel(QWidget* parent = nullptr);

    void showImpact(const WorkbenchIndexes& indexes, const datamodel::Impact& impact);
    void clear();
    QString summary() const; // "If H1-R07-K03-CDU fails (cooling): 74 lost, 0 degraded"
    // The rows as shown: "Lost", "Degraded" and under each "64 gpu" ...
    const QStandardItemModel* groups() const { return groups_; }

signals:
    void entityChosen(int entity);
    void cleared();

private:
    QLabel* summary_ = nullptr;
    QStandardItemModel* groups_ = nullptr;
    QTreeView* list_ = nullptr;
    QPushButton* clear_ = nullptr;
};

} // namespace twin::app
