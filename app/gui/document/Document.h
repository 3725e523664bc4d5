// The open model, as the window's one document (after Tiled's MapDocument): it owns the Store
// connection, the loaded model (one shared, immutable LoadedModel) and the undo stack, and says what
// changed with one typed signal. Opening, reloading and a schedule import all go through it; views
// listen and never reload by themselves.
#pragma once

#include "datamodel/ModelWriter.h"
#include "datamodel/edits/Edit.h"
#include "gui/document/LoadedModel.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QTimer;
class QUndoStack;

namespace twin::datamodel {
class Store;
}

namespace twin::app {

class ScheduleFiles;

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    // Checks `path` at once (a file that is plainly no model: the error, and nothing changes) and
    // loads it on a worker thread; the current model stays until the new one is in: changed(Model), or
    // openFailed. A newer open makes an older, slower one's result obsolete.
    QString open(const QString& path);
    // Replaces the open model's schedule with a CSV or MS Project XML file, reads the model again and
    // emits changed(Schedule), then scheduleImported; or scheduleFileFailed, the model as it was.
    // One schedule job at a time: false while one runs.
    // An import that would drop links, entities' tasks, crews or kinds asks first
    // (scheduleImportQuestion) and waits for answerScheduleImport.
    bool importSchedule(const QString& schedulePath);
    void answerScheduleImport(bool import);
    bool exportSchedule(const QString& schedulePath);

    // Edits (issue 16). `apply` pushes `edit` onto the undo stack as one command, which writes it at
    // once; the loaded model is then updated from the edit (editedFacility: no reading the file
    // again) and changed(Edit) announces it with the entities it touched. False (and editFailed says why)
    // when nothing was written: the file cannot be written, or its rows changed since the edit was made.
    bool apply(datamodel::Edit edit, const QString& text);
    // Writes one edit or its inverse (for EditCommand); nullopt after editFailed.
    std::optional<datamodel::EditOutcome> write(const datamodel::Edit& edit);
    // The latest `limit` audit lines that name `entity`, newest first (empty when none, or the file
    // cannot be read: the reason goes to editFailed).
    std::vector<datamodel::AuditRecord> history(datamodel::EntityIndex entity, std::size_t limit);
    // The photos of punch item `noteId` (empty when none, or unreadable: the reason goes to editFailed).
    std::vector<datamodel::NotePhoto> photosOf(std::int64_t noteId);
    // Takes back the change of audit line `line` as a new edit on the undo stack (revertEditOf): refused
    // (editFailed) while the row no longer holds what that change left, naming the change since.
    bool revert(const datamodel::AuditRecord& line);
    // Who the audit log names (Edit > Your Name; the login name until set).
    QString author() const;
    void setAuthor(const QString& author);
    // Why the open model cannot be edited (a read-only file, --read-only), or empty.
    QString readOnlyReason() const { return readOnlyReason_; }
    // --read-only: every model opened from now on is read-only, whatever its file allows.
    void forceReadOnly(bool force) { forcedReadOnly_ = force; }

    // The model shown now, or null before the first one has loaded.
    std::shared_ptr<const LoadedModel> model() const { return model_; }
    QString path() const { return model_ ? model_->path : QString(); }
    // Empty until edits exist (issue 16): the document's history, for Edit > Undo and the undo view.
    QUndoStack* undoStack() const { return undoStack_; }

signals:
    void changed(const twin::app::ChangeEvent& event);
    void openFailed(const QString& error);
    void scheduleImported(const QString& summary, const QString& notes);
    void scheduleExported(const QString& summary);
    void scheduleImportQuestion(const QString& question, const QString& losses);
    void scheduleImportCancelled(const QString& summary);
    void scheduleFileFailed(const QString& what, const QString& problems);
    void editFailed(const QString& error);
    // Another process (a command, another window) changed the file; the model was read again.
    void changedOnDisk();
    void readOnlyChanged(const QString& reason);
    // An edit reached the file (its entities, as dense indexes of the model it was made on).
    void edited(const QString& action);

private:
    void load(const QString& absolutePath, ChangeEvent::What what, std::function<void()> adopted);
    // The loaded model with `edit` in it, announced; false when it could not be (then it is read).
    bool adoptEdit(const datamodel::Edit& edit, const datamodel::EditOutcome& outcome);
    // Whether the file changed since the last look by someone else than our writer (stale_ then,
    // until the read that follows succeeds).
    bool changedByAnother();
    void resetWriter();

    std::shared_ptr<const LoadedModel> model_;
    std::unique_ptr<datamodel::Store> writer_; // opened for writing at the first edit
    QString readOnlyReason_;
    bool forcedReadOnly_ = false;
    bool lastWriteApplied_ = false; // what the last write() did, for apply()
    // Watching the file for another writer: its size and times (and its log's), read by stat alone (no
    // descriptor: see OpenChecks), compared every second.
    QTimer* watch_ = nullptr;
    std::string fileKey_;
    std::int64_t writerDataVersion_ = -1; // PRAGMA data_version on writer_ when we last looked
    bool stale_ = false;                  // another's change seen (or a read failed), not read yet
    bool loading_ = false;
    QUndoStack* undoStack_ = nullptr;
    ScheduleFiles* scheduleFiles_ = nullptr;
    quint64 loadGeneration_ = 0;
};

} // namespace twin::app
