#include "gui/document/EditCommand.h"

#include "gui/document/Document.h"

namespace twin::app {

EditCommand::EditCommand(Document* document, datamodel::Edit edit, const QString& text)
    : document_(document), edit_(std::move(edit)) {
    setText(text);
}

void EditCommand::redo() {
    const std::optional<datamodel::EditOutcome> outcome = document_->write(edit_);
    applied_ = outcome.has_value();
    if (!applied_) {
        setObsolete(true);
        return;
    }
    // A redo of an undone add must bring the punch item (bookmark, tour) back under the id it had.
    edit_.takeIds(*outcome);
}

void EditCommand::undo() {
    applied_ = document_->write(edit_.inverse()).has_value();
    if (!applied_)
        setObsolete(true);
}

} // namespace twin::app
