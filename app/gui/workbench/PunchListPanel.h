// The Punch List dock: every punch item of the model, filtered by status, priority, assignee and hall,
// overdue ones in red and counted; a double click flies back to what its author saw (the pin) and
// selects its entity; buttons move the chosen item open -> ready for review -> closed, or reopen it.
#pragma once

#include "gui/document/LoadedModel.h"
#include "gui/workbench/PunchListModel.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace twin::app {

class PunchListPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit PunchListPanel(QWidget* parent = nullptr);

    // The model shown (a new one, or the same after an edit: the filters and the chosen item stay).
    void setModel(std::shared_ptr<const LoadedModel> model, datamodel::TimePoint now);
    PunchListModel* listModel() const { return model_; }
    QTableView* table() const { return table_; }
    // "12 items, 3 overdue".
    QString countText() const;
    // The chosen item's row in Facility::notes(), or nothing.
    std::optional<std::uint32_t> chosen() const;

signals:
    void itemActivated(std::uint32_t note);
    void statusRequested(std::int64_t noteId, datamodel::NoteStatus status);
    void addRequested();
    void photosRequested(std::uint32_t note);

private:
    void applyFilters();
    void fillChoices();
    void updateButtons();

    std::shared_ptr<const LoadedModel> loaded_;
    PunchListModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QComboBox *status_ = nullptr, *priority_ = nullptr, *assignee_ = nullptr, *hall_ = nullptr;
    QLabel* count_ = nullptr;
    QPushButton *review_ = nullptr, *close_ = nullptr, *reopen_ = nullptr, *photos_ = nullptr;
};

} // namespace twin::app
