#include "gui/workbench/ImpactPanel.h"

#include "gui/window/Utf8.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace twin::app {

ImpactPanel::ImpactPanel(QWidget* parent) : QDockWidget(tr("Impact"), parent) {
    setObjectName(QStringLiteral("impactPanel"));
    auto* body = new QWidget(this);
    summary_ = new QLabel(body);
    summary_->setObjectName(QStringLiteral("impactSummary"));
    summary_->setWordWrap(true);
    groups_ = new QStandardItemModel(this);
    list_ = new QTreeView(body);
    list_->setObjectName(QStringLiteral("impactList"));
    list_->setModel(groups_);
    list_->setHeaderHidden(true);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    clear_ = new QPushButton(tr("Clear (Esc)"), body);
    clear_->setObjectName(QStringLiteral("impactClear"));
    auto* column = new QVBoxLayout(body);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(summary_);
    column->addWidget(list_, 1);
    column->addWidget(clear_);
    setWidget(body);
    connect(list_, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        const QVariant entity = index.data(kEntityRole);
        if (entity.isValid())
            emit entityChosen(entity.toInt());
    });
    connect(clear_, &QPushButton::clicked, this, &ImpactPanel::cleared);
    clear();
}

void ImpactPanel::showImpact(const WorkbenchIndexes& indexes, const datamodel::Impact& impact) {
    const datamodel::Facility& f = indexes.facility();
    groups_->clear();
    const QLocale locale;
    const auto addGroup = [&](const QString& title, const QColor& colour,
                              const std::vector<datamodel::EntityIndex>& entities) {
        auto* group =
            new QStandardItem(tr("%1 (%2)").arg(title, locale.toString(qulonglong(entities.size()))));
        group->setForeground(colour);
        // By kind, in the model's order of kinds, with the first of each to select.
        std::array<std::size_t, datamodel::kEntityKindSlots> counts{};
        std::array<datamodel::EntityIndex, datamodel::kEntityKindSlots> first;
        first.fill(datamodel::kNoEntity);
        for (datamodel::EntityIndex e : entities) {
            const auto kind = std::size_t(f.kind(e));
            if (counts[kind]++ == 0)
                first[kind] = e;
        }
        for (const datamodel::EntityKindInfo& info : datamodel::kEntityKinds)
            if (const std::size_t count = counts[std::size_t(info.kind)]; count > 0) {
                auto* kindRow = new QStandardItem(
                    QStringLiteral("%1 %2").arg(locale.toString(qulonglong(count)),
                                                utf8(info.name).replace(QLatin1Char('_'), QLatin1Char(' '))));
                kindRow->setData(int(first[std::size_t(info.kind)]), kEntityRole);
                kindRow->setToolTip(tr("First: %1").arg(utf8(f.name(first[std::size_t(info.kind)]))));
                group->appendRow(kindRow);
            }
        groups_->appendRow(group);
    };
    addGroup(tr("Lost"), QColor(200, 30, 30), impact.lost);
    addGroup(tr("Degraded"), QColor(200, 120, 0), impact.degraded);
    list_->expandAll();
    summary_->setText(tr("If <b>%1</b> fails (%2): %3 lost, %4 degraded")
                          .arg(utf8(f.name(impact.failed)).toHtmlEscaped(),
                               utf8(datamodel::graphDomainName(impact.domain)),
                               locale.toString(qulonglong(impact.lost.size())),
                               locale.toString(qulonglong(impact.degraded.size()))));
    clear_->setEnabled(true);
}

void ImpactPanel::clear() {
    groups_->clear();
    summary_->setText(tr("Select a CDU, busway, switch or other supply and press I (or the Inspector's "
                         "button) to see what fails with it."));
    clear_->setEnabled(false);
}

QString ImpactPanel::summary() const {
    return summary_->text();
}

} // namespace twin::app
