// The Inspector dock: what the selection is, where it sits, what it holds and is plugged into, what
// cools, powers and connects it, its tasks, notes and live value (InspectorText). Every entity named is
// a link that selects it; "What fails with this?" asks for its impact.
#pragma once

#include "gui/workbench/InspectorText.h"

#include <QDockWidget>
#include <memory>

class QPushButton;
class QTextBrowser;

namespace twin::app {

class InspectorPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

    void setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes);
    void showEntity(datamodel::EntityIndex entity, const std::optional<LiveReading>& live = std::nullopt);
    datamodel::EntityIndex shownEntity() const { return shown_; }
    QString text() const; // the page as plain text, for tests
    QTextBrowser* browser() const { return browser_; }

signals:
    void entityChosen(int entity);
    void impactRequested(int entity);

private:
    std::shared_ptr<const WorkbenchIndexes> indexes_;
    datamodel::EntityIndex shown_ = datamodel::kNoEntity;
    QTextBrowser* browser_ = nullptr;
    QPushButton* impact_ = nullptr;
};

} // namespace twin::app
