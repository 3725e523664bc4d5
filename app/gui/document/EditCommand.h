// One edit on the Document's undo stack (after Tiled's commands): a thin QUndoCommand around a
// datamodel Edit. Redo applies the edit, undo its inverse, each one SQLite transaction committed at once
// and logged (there is no Save to forget). A step that the file refuses (another writer changed the
// rows since) is reported and the command is made obsolete: the stack never claims what the file lacks.
#pragma once

#include "datamodel/edits/Edit.h"

#include <QUndoCommand>

namespace twin::app {

class Document;

class EditCommand : public QUndoCommand {
public:
    EditCommand(Document* document, datamodel::Edit edit, const QString& text);
    void redo() override;
    void undo() override;
    // Whether the last redo or undo reached the file.
    bool applied() const { return applied_; }

private:
    Document* document_;
    datamodel::Edit edit_; // as first applied: added punch items carry the ids they got
    bool applied_ = false;
};

} // namespace twin::app
