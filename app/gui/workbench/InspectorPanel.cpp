#include "gui/workbench/InspectorPanel.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace twin::app {

InspectorPanel::InspectorPanel(QWidget* parent) : QDockWidget(tr("Inspector"), parent) {
    setObjectName(QStringLiteral("inspectorPanel"));
    auto* body = new QWidget(this);
    browser_ = new QTextBrowser(body);
    browser_->setObjectName(QStringLiteral("inspectorText"));
    browser_->setOpenLinks(false); // an entity link selects; nothing is navigated to
    impact_ = new QPushButton(tr("What fails with this? (I)"), body);
    impact_->setObjectName(QStringLiteral("inspectorImpact"));
    impact_->setEnabled(false);
    attributes_ = new QPushButton(tr("Edit Attributes..."), body);
    attributes_->setObjectName(QStringLiteral("inspectorEditAttributes"));
    attributes_->setToolTip(tr("Model, serial, hostname, UUID, asset tag and other attributes"));
    attributes_->setEnabled(false);
    connect(attributes_, &QPushButton::clicked, this, [this] {
        if (shown_ != datamodel::kNoEntity)
            emit attributesRequested(shown_);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(impact_, 1);
    buttons->addWidget(attributes_);
    auto* column = new QVBoxLayout(body);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(browser_, 1);
    column->addLayout(buttons);
    setWidget(body);
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (const datamodel::EntityIndex entity = entityOfLink(url.toString());
            entity != datamodel::kNoEntity)
            emit entityChosen(entity);
        // A copy: the revert is an edit, which shows this page again and replaces history_.
        if (const std::int64_t audit = auditOfLink(url.toString()); audit != 0)
            if (const auto line =
                    std::find_if(history_.begin(), history_.end(),
                                 [&](const datamodel::AuditRecord& record) { return record.id == audit; });
                line != history_.end()) {
                const datamodel::AuditRecord chosen = *line;
                emit revertRequested(chosen);
            }
    });
    connect(impact_, &QPushButton::clicked, this, [this] {
        if (shown_ != datamodel::kNoEntity)
            emit impactRequested(shown_);
    });
    showEntity(datamodel::kNoEntity);
}

void InspectorPanel::setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes) {
    indexes_ = std::move(indexes);
    historyOf_ = datamodel::kNoEntity; // another model, or the same after an edit: the history is read again
    showEntity(shown_);
}

void InspectorPanel::showEntity(datamodel::EntityIndex entity, const std::optional<LiveReading>& live) {
    if (indexes_ && entity != datamodel::kNoEntity &&
        std::size_t(entity) >= indexes_->facility().entityCount())
        entity = datamodel::kNoEntity; // a selection from the model before
    const bool again = entity == shown_;
    shown_ = entity;
    if (!indexes_) {
        browser_->setHtml(tr("<p style='color:#666'>Indexing the model...</p>"));
        impact_->setEnabled(false);
        attributes_->setEnabled(false);
        return;
    }
    // Keep the reader's place when the same entity is shown again (a live update).
    const int scrolled = browser_->verticalScrollBar()->value();
    // Read again for another entity or another state of the model (setIndexes), not at a live update.
    if (historySource_ && entity != historyOf_) {
        history_ = historySource_(entity);
        historyOf_ = entity;
    }
    browser_->setHtml(inspectorHtml(*indexes_, entity, live,
                                    entity == historyOf_ ? history_ : std::vector<datamodel::AuditRecord>()));
    if (again)
        browser_->verticalScrollBar()->setValue(scrolled);
    impact_->setEnabled(entity != datamodel::kNoEntity && indexes_->inspector->domainOf(entity).has_value());
    attributes_->setEnabled(entity != datamodel::kNoEntity);
    setWindowTitle(entity == datamodel::kNoEntity
                       ? tr("Inspector")
                       : tr("Inspector: %1")
                             .arg(QString::fromUtf8(indexes_->facility().name(entity).data(),
                                                    qsizetype(indexes_->facility().name(entity).size()))));
}

QString InspectorPanel::text() const {
    return browser_->toPlainText();
}

} // namespace twin::app
