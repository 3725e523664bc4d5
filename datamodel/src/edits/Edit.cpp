#include "datamodel/edits/Edit.h"

#include "EditLog.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "datamodel/Utf8.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace twin::datamodel {

namespace {

// "task 'H1-R01-K01 deliver' was changed since by check at 2024-07-22 10:30:00 (progress done, audit 57)".
std::string changedSince(const std::string& what, const std::optional<AuditRecord>& since) {
    if (!since)
        return what + " was changed since by another writer";
    return what + " was changed since by " + since->author + " at " + formatTime(since->at) + " (" +
           since->action + ", audit " + std::to_string(since->id) + ")";
}

void applyTask(ModelWriter& writer, const TaskChange& change, const EditStamp& stamp,
               const std::string& action, std::int64_t& editId, EditOutcome& outcome) {
    const std::optional<TaskFields> now = writer.taskFields(change.task);
    const std::string what =
        "task '" + (change.taskName.empty() ? writer.taskName(change.task) : change.taskName) + "'";
    if (!now)
        throw EditConflict(what + " (id " + std::to_string(change.task) + ") is no longer in the model");
    if (*now != change.before)
        throw EditConflict(changedSince(what, writer.latestChangeOfTask(change.task)));
    writer.setTaskFields(change.task, change.after);
    AuditLine line;
    line.detail = change.detail;
    line.entity = change.entity;
    line.task = change.task;
    const std::string before = toJson(change.before), after = toJson(change.after);
    line.before = before;
    line.after = after;
    logChange(writer, line, stamp, action, editId, outcome);
}

void applyNote(ModelWriter& writer, const NoteChange& change, const EditStamp& stamp,
               const std::string& action, std::int64_t& editId, EditOutcome& outcome) {
    std::int64_t note = change.note;
    const std::string what = "punch item " + std::to_string(note);
    if (change.before) {
        const std::optional<NoteFields> now = writer.noteFields(note);
        if (!now)
            throw EditConflict(what + " is no longer in the model");
        if (*now != *change.before)
            throw EditConflict(changedSince(what, writer.latestChangeOfNote(note)));
        if (change.after)
            writer.updateNote(note, *change.after);
        else
            writer.deleteNote(note);
    } else if (change.after) {
        if (note != 0 && writer.noteFields(note))
            throw EditConflict(what + " is taken by another punch item since");
        note = writer.insertNote(note, *change.after);
        for (const NotePhoto& photo : change.photos)
            writer.addNotePhoto(note, photo);
    }
    AuditLine line;
    const NoteFields& shown = change.after ? *change.after : *change.before;
    line.entity = shown.entity;
    line.detail = shown.title.empty() ? shown.text : shown.title;
    line.note = note;
    const std::string before = change.before ? toJson(*change.before) : std::string();
    const std::string after = change.after ? toJson(*change.after) : std::string();
    line.before = before;
    line.after = after;
    logChange(writer, line, stamp, action, editId, outcome);
    outcome.noteIds.push_back(note);
}

// Unique by the file's rules for a site: two entities never share a serial, a UUID or a hostname.
void refuseTaken(ModelWriter& writer, const EntityChange& change, const char* column,
                 const std::string& before, const std::string& after) {
    if (after.empty() || after == before)
        return;
    if (const std::int64_t holder = writer.entityHolding(column, after, change.entity); holder != 0)
        throw EditConflict(std::string(column) + " '" + after + "' is held by " + writer.entityName(holder) +
                           " (entity " + std::to_string(holder) + "); not given to " +
                           writer.entityName(change.entity));
}

void applyEntity(ModelWriter& writer, const EntityChange& change, const EditStamp& stamp,
                 const std::string& action, std::int64_t& editId, EditOutcome& outcome) {
    const std::optional<EntityFields> now = writer.entityFields(change.entity);
    const std::string what =
        "entity '" + (change.entityName.empty() ? writer.entityName(change.entity) : change.entityName) + "'";
    if (!now)
        throw EditConflict(what + " (id " + std::to_string(change.entity) + ") is no longer in the model");
    if (*now != change.before)
        throw EditConflict(what + "'s fields were changed since by another writer");
    refuseTaken(writer, change, "serial", change.before.serial, change.after.serial);
    refuseTaken(writer, change, "uuid", change.before.uuid, change.after.uuid);
    refuseTaken(writer, change, "hostname", change.before.hostname, change.after.hostname);
    writer.setEntityFields(change.entity, change.after);
    AuditLine line;
    line.entity = change.entity;
    const std::string before = toJson(change.before), after = toJson(change.after);
    line.before = before;
    line.after = after;
    logChange(writer, line, stamp, action, editId, outcome);
}

} // namespace

void logChange(ModelWriter& writer, AuditLine line, const EditStamp& stamp, const std::string& action,
               std::int64_t& editId, EditOutcome& outcome) {
    line.at = stamp.at;
    line.author = stamp.author;
    line.action = action;
    line.edit = editId;
    const std::int64_t id = writer.addAuditLine(line);
    editId = editId == 0 ? id : editId;
    outcome.auditIds.push_back(id);
}

Edit Edit::inverse() const {
    Edit undo;
    undo.action = action.rfind("undo ", 0) == 0 ? action.substr(5) : "undo " + action;
    // In reverse order: the last change made is the first taken back.
    for (auto change = tasks.rbegin(); change != tasks.rend(); ++change) {
        TaskChange back = *change;
        std::swap(back.before, back.after);
        undo.tasks.push_back(std::move(back));
    }
    for (auto change = notes.rbegin(); change != notes.rend(); ++change) {
        NoteChange back;
        back.note = change->note;
        back.before = change->after;
        back.after = change->before;
        back.photos = change->photos; // carried both ways: the redo of an undone add puts them back
        undo.notes.push_back(std::move(back));
    }
    for (auto change = entities.rbegin(); change != entities.rend(); ++change) {
        EntityChange back = *change;
        std::swap(back.before, back.after);
        undo.entities.push_back(std::move(back));
    }
    for (auto change = bookmarks.rbegin(); change != bookmarks.rend(); ++change)
        undo.bookmarks.push_back({change->bookmark, change->after, change->before});
    for (auto change = tours.rbegin(); change != tours.rend(); ++change)
        undo.tours.push_back({change->tour, change->after, change->before});
    return undo;
}

void Edit::takeIds(const EditOutcome& outcome) {
    for (std::size_t i = 0; i < notes.size() && i < outcome.noteIds.size(); ++i)
        notes[i].note = outcome.noteIds[i];
    for (std::size_t i = 0; i < bookmarks.size() && i < outcome.bookmarkIds.size(); ++i)
        bookmarks[i].bookmark = outcome.bookmarkIds[i];
    for (std::size_t i = 0; i < tours.size() && i < outcome.tourIds.size(); ++i)
        tours[i].tour = outcome.tourIds[i];
}

EditOutcome applyEditIn(ModelWriter& writer, const Edit& edit, const EditStamp& stamp) {
    EditOutcome outcome;
    std::int64_t editId = 0;
    for (const TaskChange& change : edit.tasks)
        applyTask(writer, change, stamp, edit.action, editId, outcome);
    for (const NoteChange& change : edit.notes)
        applyNote(writer, change, stamp, edit.action, editId, outcome);
    for (const EntityChange& change : edit.entities)
        applyEntity(writer, change, stamp, edit.action, editId, outcome);
    // Bookmarks added before the tours that stop at them, deleted after the stops at them are gone
    // (a bookmark's delete with its stops, and that delete's undo).
    outcome.bookmarkIds.resize(edit.bookmarks.size());
    for (std::size_t i = 0; i < edit.bookmarks.size(); ++i)
        if (!edit.bookmarks[i].before)
            outcome.bookmarkIds[i] =
                applyBookmarkChange(writer, edit.bookmarks[i], stamp, edit.action, editId, outcome);
    for (const TourChange& change : edit.tours)
        outcome.tourIds.push_back(applyTourChange(writer, change, stamp, edit.action, editId, outcome));
    for (std::size_t i = 0; i < edit.bookmarks.size(); ++i)
        if (edit.bookmarks[i].before)
            outcome.bookmarkIds[i] =
                applyBookmarkChange(writer, edit.bookmarks[i], stamp, edit.action, editId, outcome);
    return outcome;
}

EditOutcome applyEdit(FacilityStorage& storage, const Edit& edit, const EditStamp& stamp) {
    if (const std::string problem = authorProblem(stamp.author); !problem.empty())
        throw ModelError(problem);
    EditOutcome outcome;
    storage.write([&](ModelWriter& writer) { outcome = applyEditIn(writer, edit, stamp); });
    return outcome;
}

std::string authorProblem(std::string_view author) {
    if (author.empty())
        return "the author's name is empty";
    if (!isValidUtf8(author))
        return "the author's name is not valid UTF-8";
    std::size_t characters = 0;
    for (const char c : author) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return "the author's name holds a control character (code " + std::to_string(int(byte)) + ")";
        characters += (byte & 0xC0) != 0x80 ? 1 : 0;
    }
    if (characters > 100)
        return "the author's name is longer than 100 characters";
    return {};
}

std::string loginName() {
    for (const char* variable : {"USER", "LOGNAME"})
        if (const char* value = std::getenv(variable); value && *value && authorProblem(value).empty())
            return value;
    if (const passwd* entry = ::getpwuid(::getuid());
        entry && entry->pw_name && authorProblem(entry->pw_name).empty())
        return entry->pw_name;
    return "unknown";
}

} // namespace twin::datamodel
