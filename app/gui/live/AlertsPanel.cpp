#include "gui/live/AlertsPanel.h"

#include "gui/window/Utf8.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeWidget>

namespace twin::app {

namespace {
// More rows than anyone reads; the title gives the total. Filling a list is the GUI thread's work.
constexpr std::size_t kMaxRows = 200;
constexpr int kEntityRole = Qt::UserRole;

} // namespace

AlertsPanel::AlertsPanel(QWidget* parent) : QDockWidget(tr("Alerts"), parent) {
    setObjectName(QStringLiteral("alertsPanel"));
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("alertsList"));
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Where"), tr("Value")});
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
    connect(list_, &QTreeWidget::itemClicked, this, &AlertsPanel::choose);
    connect(list_, &QTreeWidget::itemActivated, this, &AlertsPanel::choose);
    clear();
}

void AlertsPanel::choose(QTreeWidgetItem* item) {
    const QVariant entity = item->data(0, kEntityRole);
    if (!entity.isValid())
        return;
    if (entity.toInt() == lastChosen_ && sinceChosen_.isValid() &&
        sinceChosen_.elapsed() < QApplication::doubleClickInterval())
        return;
    lastChosen_ = entity.toInt();
    sinceChosen_.start();
    emit entityChosen(lastChosen_);
}

void AlertsPanel::clear() {
    list_->clear();
    pages_->setCurrentWidget(list_);
    setWindowTitle(tr("Alerts"));
}

void AlertsPanel::showAlerts(const telemetry::AlertList& alerts, const datamodel::Facility& facility,
                             const std::function<QString(int)>& describe) {
    list_->setUpdatesEnabled(false);
    list_->clear();
    const auto& rules = facility.alertRules();
    QList<QTreeWidgetItem*> items;
    for (std::size_t i = 0; i < alerts.alerts.size() && i < kMaxRows; ++i) {
        const telemetry::Alert& alert = alerts.alerts[i];
        const datamodel::AlertRule& rule = rules[alert.rule];
        const bool critical = rule.severity == datamodel::AlertSeverity::Critical;
        auto* item = new QTreeWidgetItem(
            {critical ? tr("Critical") : tr("Warning"),
             tr("%1 (%2 %3)")
                 .arg(utf8(rule.name), utf8(datamodel::comparisonName(rule.comparison)),
                      QLocale().toString(rule.threshold, 'g', 4)),
             describe(int(alert.entity)), QLocale().toString(double(alert.value), 'f', 1)});
        item->setData(0, kEntityRole, int(alert.entity));
        item->setForeground(0, critical ? QColor(220, 50, 40) : QColor(200, 130, 0));
        items.push_back(item);
    }
    list_->addTopLevelItems(items);
    list_->setUpdatesEnabled(true);
    // Say so, rather than show an empty list that could mean "not checked".
    none_->setText(tr("No alerts: every live value is within the model's %1 rules.").arg(rules.size()));
    pages_->setCurrentWidget(items.isEmpty() ? static_cast<QWidget*>(none_) : list_);
    setWindowTitle(alerts.total == 0 ? tr("Alerts: none")
                                     : tr("Alerts (%1)").arg(QLocale().toString(qulonglong(alerts.total))));
}

int AlertsPanel::shownAlerts() const {
    return list_->topLevelItemCount();
}

QString AlertsPanel::message() const {
    return pages_->currentWidget() == none_ ? none_->text() : QString();
}

} // namespace twin::app
