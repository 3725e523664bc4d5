#include "gui/workbench/SearchField.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace twin::app {

namespace {
constexpr int kFieldWidth = 320;
constexpr int kPopupRows = 12;
constexpr int kSameChoiceMs = 400; // Enter in the popup and in the field, for one keystroke
} // namespace

SearchField::SearchField(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("searchField"));
    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("searchEdit"));
    edit_->setClearButtonEnabled(true);
    edit_->setMinimumWidth(kFieldWidth);
    edit_->setPlaceholderText(tr("Find rack, host, serial, UUID, cable, task (Ctrl+F)"));
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("searchCount"));
    results_ = new SearchResultsModel(this);
    completer_ = new QCompleter(results_, this);
    completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion); // the index ranks, not Qt
    completer_->setMaxVisibleItems(kPopupRows);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    edit_->setCompleter(completer_);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 0, 4, 0);
    row->addWidget(edit_);
    row->addWidget(count_);

    connect(edit_, &QLineEdit::textEdited, this, &SearchField::search);
    connect(completer_, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) {
                // The completer passes the Return on to the line edit, whose text is now the row's
                // name: searching that again could pick another entity of the same name.
                justActivated_ = true;
                QTimer::singleShot(0, this, [this] { justActivated_ = false; });
                choose(index.data(SearchResultsModel::kEntityRole).toInt());
            });
    // Enter with no row picked in the list: the best match (what a scanner's Enter means).
    connect(edit_, &QLineEdit::returnPressed, this, [this] {
        if (justActivated_)
            return;
        if (results_->query() != edit_->text())
            search(edit_->text());
        choose(results_->entityAt(0));
    });
    setIndexes(nullptr);
}

void SearchField::setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes) {
    results_->setIndexes(std::move(indexes));
    edit_->setEnabled(true);
    count_->setText(results_->ready() ? results_->countText() : tr("Indexing..."));
}

void SearchField::search(const QString& text) {
    results_->setQuery(text);
    if (!results_->ready()) {
        count_->setText(tr("Indexing..."));
        return;
    }
    count_->setText(text.trimmed().isEmpty() || results_->count() > 0
                        ? results_->countText()
                        : tr("No match for '%1'").arg(text.trimmed()));
    if (results_->rowCount() > 0)
        completer_->complete();
    else
        completer_->popup()->hide();
}

void SearchField::choose(datamodel::EntityIndex entity) {
    if (entity == datamodel::kNoEntity)
        return;
    if (entity == lastChosen_ && sinceChosen_.isValid() && sinceChosen_.elapsed() < kSameChoiceMs)
        return;
    lastChosen_ = entity;
    sinceChosen_.start();
    completer_->popup()->hide();
    emit entityChosen(entity);
}

QString SearchField::countText() const {
    return count_->text();
}

void SearchField::focusField() {
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

} // namespace twin::app
