#include "gui/live/AlertsPanel.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QTreeView>

namespace twin::app {

AlertsPanel::AlertsPanel(QWidget* parent) : QDockWidget(tr("Alerts"), parent) {
    setObjectName(QStringLiteral("alertsPanel"));
    model_ = new AlertListModel(this);
    list_ = new QTreeView(this);
    list_->setObjectName(QStringLiteral("alertsList"));
    list_->setModel(model_);
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    none_ = new QLabel(this);
    none_->setObjectName(QStringLiteral("alertsNone"));
    none_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    none_->setWordWrap(true);
    none_->setMargin(8);
    pages_ = new QStackedWidget(this);
    pages_->addWidget(list_);
    pages_->addWidget(none_);
    setWidget(pages_);
    // A click chooses; so does Enter. A double-click (or a style that activates on a single click)
    // reports both: one choice, not two flights and two history requests.
    connect(list_, &QTreeView::clicked, this, &AlertsPanel::choose);
    connect(list_, &QTreeView::activated, this, &AlertsPanel::choose);
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const datamodel::EntityIndex entity = model_->entityAt(list_->indexAt(at).row());
        if (entity == datamodel::kNoEntity)
            return;
        QMenu menu;
        menu.addAction(tr("Show Entity"), this, [this, entity] { emit entityChosen(entity); });
        menu.addAction(tr("Show Impact (what fails with it)"), this,
                       [this, entity] { emit impactRequested(entity); });
        menu.exec(list_->viewport()->mapToGlobal(at));
    });
    clear();
}

void AlertsPanel::choose(const QModelIndex& index) {
    const datamodel::EntityIndex entity = model_->entityAt(index.row());
    if (entity == datamodel::kNoEntity)
        return;
    if (entity == lastChosen_ && sinceChosen_.isValid() &&
        sinceChosen_.elapsed() < QApplication::doubleClickInterval())
        return;
    lastChosen_ = entity;
    sinceChosen_.start();
    emit entityChosen(lastChosen_);
}

void AlertsPanel::clear() {
    model_->clear();
    pages_->setCurrentWidget(list_);
    setWindowTitle(tr("Alerts"));
}

void AlertsPanel::showAlerts(const telemetry::AlertList& alerts, const datamodel::Facility& facility,
                             const std::function<QString(int)>& describe) {
    model_->setAlerts(alerts, facility, describe);
    // Say so, rather than show an empty list that could mean "not checked".
    none_->setText(
        tr("No alerts: every live value is within the model's %1 rules.").arg(model_->rulesChecked()));
    pages_->setCurrentWidget(model_->rowCount() == 0 ? static_cast<QWidget*>(none_) : list_);
    setWindowTitle(alerts.total == 0 ? tr("Alerts: none")
                                     : tr("Alerts (%1)").arg(QLocale().toString(qulonglong(alerts.total))));
}

int AlertsPanel::shownAlerts() const {
    return model_->rowCount();
}

QString AlertsPanel::message() const {
    return pages_->currentWidget() == none_ ? none_->text() : QString();
}

} // namespace twin::app
