// The Alerts dock: what breaches the model's threshold rules now, the worst first (critical, then
// furthest past the threshold). A click on an alert selects the entity and flies the camera to it.
#pragma once

#include "telemetry/Alerts.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <functional>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

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

signals:
    void entityChosen(int entity);

private:
    void choose(QTreeWidgetItem* item);

    QTreeWidget* list_ = nullptr;
    int lastChosen_ = -1;
    QElapsedTimer sinceChosen_;
    QLabel* none_ = nullptr;
    QStackedWidget* pages_ = nullptr;
};

} // namespace twin::app
