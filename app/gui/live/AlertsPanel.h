// The Alerts dock: an AlertListModel shown in a list, or a line that says there are none. A click on
// an alert (or Enter) chooses its entity: the window selects it and flies the camera there.
#pragma once

#include "gui/live/AlertListModel.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <functional>

class QLabel;
class QModelIndex;
class QStackedWidget;
class QTreeView;

namespace twin::app {

class AlertsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget* parent = nullptr);

    // `describe` names an entity the way the status bar does ("GPU ..., H1-R03-K07, Hall 1").
    void showAlerts(const telemetry::AlertList& list, const datamodel::Facility& facility,
                    const std::function<QString(int)>& describe);
    void clear();
    int shownAlerts() const;
    // What the panel says instead of a list ("No alerts: ..."), or empty while it lists alerts.
    QString message() const;
    const AlertListModel* model() const { return model_; }

signals:
    void entityChosen(int entity);
    // "Show Impact" from an alert's context menu: what fails with the alert's entity (a CDU, a switch).
    void impactRequested(int entity);

private:
    void choose(const QModelIndex& index);

    AlertListModel* model_ = nullptr;
    QTreeView* list_ = nullptr;
    int lastChosen_ = -1;
    QElapsedTimer sinceChosen_;
    QLabel* none_ = nullptr;
    QStackedWidget* pages_ = nullptr;
};

} // namespace twin::app
