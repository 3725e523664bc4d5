// An edit of a model as a plain value: what to change, what it found there, and so its own inverse.
// The window's undo stack, the command line and a revert all apply edits through applyEdit, which
// writes the change and its audit lines in one transaction and refuses (EditConflict, nothing written)
// when the rows no longer hold what the edit was made against: another writer came first, and its
// change is never overwritten unseen.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/ModelError.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace twin::datamodel {

class FacilityStorage;
class ModelWriter;

// The fields of a task that progress changes.
struct TaskFields {
    TimePoint actualStart = kNoTime, actualEnd = kNoTime;
    TaskStatus status = TaskStatus::NotStarted;
    bool operator==(const TaskFields&) const = default;
};

struct TaskChange {
    std::int64_t task = 0;   // task id
    std::int64_t entity = 0; // what the audit line names (the task's first entity), 0: none
    std::string taskName;    // for messages
    TaskFields before, after;
    std::string detail; // a reason ("blocked: no coolant"), kept on the audit line
};

struct NotePhoto {
    std::string name, format; // the file's name, the image format ("png", "jpeg")
    std::vector<std::byte> bytes;
};

// A punch item's row.
struct NoteFields {
    std::int64_t entity = 0;
    std::string title, text, author, assignee, pin;
    TimePoint createdAt = kNoTime, closedAt = kNoTime, due = kNoTime;
    NoteStatus status = NoteStatus::Open;
    NotePriority priority = NotePriority::None;
    bool blocking = false;
    bool operator==(const NoteFields&) const = default;
};

// No `before`: the edit adds the item (`note` 0: the next free id, else that id, as a redo of an undone
// add). No `after`: it deletes it (the undo of an add). Photos go in with an add; an undo keeps them,
// so that its redo puts them back.
struct NoteChange {
    std::int64_t note = 0;
    std::optional<NoteFields> before, after;
    std::vector<NotePhoto> photos;
};

// The fields of an entity an attribute edit changes (empty: none, NULL in the file). `attributes`: a
// JSON object as text (the asset tag and the site's free attributes), or empty.
struct EntityFields {
    std::string model, serial, hostname, uuid, attributes;
    bool operator==(const EntityFields&) const = default;
};

struct EntityChange {
    std::int64_t entity = 0; // entity id
    std::string entityName;  // for messages
    EntityFields before, after;
};

struct EditOutcome;

// A bookmark saved (no `before`; `bookmark` 0: the next free id), changed, or deleted (no `after`).
struct BookmarkChange {
    std::int64_t bookmark = 0;
    std::optional<Bookmark> before, after; // their own ids are not read
};

// A tour added, changed (its name, its stops: the bookmarks by id) or deleted, as BookmarkChange.
struct TourChange {
    std::int64_t tour = 0;
    std::optional<Tour> before, after;
};

struct Edit {
    std::string action; // for the audit log: "progress done", "punch add", "undo progress done"
    std::vector<TaskChange> tasks;
    std::vector<NoteChange> notes;
    std::vector<EntityChange> entities;
    std::vector<BookmarkChange> bookmarks; // (issue 17) the Bookmarks dock's
    std::vector<TourChange> tours;
    bool empty() const {
        return tasks.empty() && notes.empty() && entities.empty() && bookmarks.empty() && tours.empty();
    }
    // Only bookmarks and tours: the schedule, the entities and the punch items are as they were.
    bool onlyTourBook() const { return tasks.empty() && notes.empty() && entities.empty(); }
    // The edit that takes it back: befores and afters swapped, "undo " before the action. An applied
    // add's inverse needs the id it got (takeIds).
    Edit inverse() const;
    // The ids an application gave its new punch items, bookmarks and tours, put in their changes: its
    // inverse then deletes those rows, and a redo of that undo brings them back under the same ids.
    void takeIds(const EditOutcome& outcome);
};

// Who made an edit, and when (the time of the audit lines, not of the work: that is in the fields).
struct EditStamp {
    TimePoint at = kNoTime;
    std::string author;
};

struct EditOutcome {
    std::vector<std::int64_t> auditIds;             // one per changed row, in the edit's order
    std::vector<std::int64_t> noteIds;              // the id of each note change (new ones included)
    std::vector<std::int64_t> bookmarkIds, tourIds; // likewise
};

// The rows no longer hold what the edit was made against. The message names the row and the change
// that came since (its audit id, author, time and action) when the log has it.
class EditConflict : public ModelError {
public:
    using ModelError::ModelError;
};

// Writes `edit` and one audit line per changed row (before and after as JSON, one edit id for them
// all) in one transaction of `storage`. `edit` with ids filled in for added notes: see EditOutcome.
EditOutcome applyEdit(FacilityStorage& storage, const Edit& edit, const EditStamp& stamp);

// The same inside a transaction already open (a revert reads and writes in one).
EditOutcome applyEditIn(ModelWriter& writer, const Edit& edit, const EditStamp& stamp);

// An author's name as the audit log keeps it: 1 to 100 characters of valid UTF-8 with no control
// characters. The reason it is not, or empty when it is fine.
std::string authorProblem(std::string_view author);
// The login name (USER, LOGNAME, the password database), or "unknown".
std::string loginName();

// The JSON the audit log keeps for a row's fields ({"actual_start": ..., "status": ...}), and back.
std::string toJson(const TaskFields& fields);
std::string toJson(const NoteFields& fields);
std::string toJson(const EntityFields& fields);
std::string toJson(const Bookmark& bookmark);
std::string toJson(const Tour& tour); // its name and stops
std::optional<TaskFields> taskFieldsFromJson(std::string_view json);
std::optional<NoteFields> noteFieldsFromJson(std::string_view json);
// Needs the "serial" key (what tells an entity's fields from another line's).
std::optional<EntityFields> entityFieldsFromJson(std::string_view json);
// `text` as a JSON string onto `out`: quotes, backslashes and control characters escaped, and each
// byte that is not UTF-8 (a file written by another tool) replaced by U+FFFD, so the result is JSON.
void appendJsonString(std::string& out, std::string_view text);

} // namespace twin::datamodel
