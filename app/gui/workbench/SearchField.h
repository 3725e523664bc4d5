// The search field in the window's toolbar (Ctrl+F, Ctrl+K): type a name from a label, a hostname, a
// serial (a barcode scanner types it and Enter), a GPU UUID, a cable id or a task name; matches appear
// as you type, best first, the kind beside each; Enter (or a click on one) chooses the best or the one
// clicked. Until the model's index is built it says so and finds nothing.
#pragma once

#include "gui/workbench/SearchResultsModel.h"

#include <QElapsedTimer>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;

namespace twin::app {

class SearchField : public QWidget {
    Q_OBJECT
public:
    explicit SearchField(QWidget* parent = nullptr);

    void setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes);
    QLineEdit* lineEdit() const { return edit_; }
    const SearchResultsModel* results() const { return results_; }
    QCompleter* completer() const { return completer_; }
    // "189 matches", "No match for 'X'", "Indexing..." beside the field.
    QString countText() const;
    // Focus the field with its text selected (what Ctrl+F does).
    void focusField();

signals:
    void entityChosen(int entity);

private:
    void search(const QString& text);
    void choose(datamodel::EntityIndex entity);

    QLineEdit* edit_ = nullptr;
    QLabel* count_ = nullptr;
    QCompleter* completer_ = nullptr;
    SearchResultsModel* results_ = nullptr;
    datamodel::EntityIndex lastChosen_ = datamodel::kNoEntity;
    bool justActivated_ = false; // a row chosen in the list: the Return the line edit gets next is that one
    QElapsedTimer sinceChosen_;
};

} // namespace twin::app
