// The Inspector dock: what the selection is, where it sits, what it holds and is plugged into, what
// cools, powers and connects it, its tasks, notes and live value (InspectorText). Every entity named is
// a link that selects it; "What fails with this?" asks for its impact.
#pragma once

#include "gui/workbench/InspectorText.h"

#include <QDockWidget>
#include <functional>
#include <memory>

class QPushButton;
class QTextBrowser;

namespace twin::app {

class InspectorPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

    void setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes);
    // Where the entity's history comes from (the Document's audit log), read when another entity or
    // another state of the model is shown, not at each live refresh.
    using HistorySource = std::function<std::vector<datamodel::AuditRecord>(datamodel::EntityIndex)>;
    void setHistorySource(HistorySource source) { historySource_ = std::move(source); }
    const std::vector<datamodel::AuditRecord>& history() const { return history_; }
    void showEntity(datamodel::EntityIndex entity, const std::optional<LiveReading>& live = std::nullopt);
    datamodel::EntityIndex shownEntity() const { return shown_; }
    QString text() const; // the page as plain text, for tests
    QTextBrowser* browser() const { return browser_; }

signals:
    void entityChosen(int entity);
    void impactRequested(int entity);
    // Edit Attributes... for the entity shown.
    void attributesRequested(int entity);
    // A history line's Revert link.
    void revertRequested(const twin::datamodel::AuditRecord& line);

private:
    std::shared_ptr<const WorkbenchIndexes> indexes_;
    datamodel::EntityIndex shown_ = datamodel::kNoEntity;
    HistorySource historySource_;
    std::vector<datamodel::AuditRecord> history_;
    datamodel::EntityIndex historyOf_ = datamodel::kNoEntity;
    QTextBrowser* browser_ = nullptr;
    QPushButton* impact_ = nullptr;
    QPushButton* attributes_ = nullptr;
};

} // namespace twin::app
