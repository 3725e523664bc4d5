#include "datamodel/edits/Revert.h"

#include "datamodel/Store.h"
#include "datamodel/edits/AttributeEdit.h"
#include "datamodel/edits/PunchEdit.h"

#include <algorithm>

namespace twin::datamodel {

namespace {

std::string describe(const AuditRecord& line) {
    return "audit " + std::to_string(line.id) + " (" + line.action + " by " + line.author + " at " +
           formatTime(line.at) + ")";
}

// The row no longer holds what `line` left: refused, naming the change that came since.
[[noreturn]] void refuseLater(const AuditRecord& line, const std::optional<AuditRecord>& later) {
    throw EditConflict("cannot revert " + describe(line) + ": " +
                       (later ? describe(*later) + " changed the same fields since; revert that first"
                              : std::string("the fields were changed since")));
}

} // namespace

Edit revertEditOf(const AuditRecord& line) {
    Edit edit;
    edit.action = "revert " + std::to_string(line.id);
    if (line.task != 0) {
        const std::optional<TaskFields> before = taskFieldsFromJson(line.before);
        const std::optional<TaskFields> after = taskFieldsFromJson(line.after);
        if (!before || !after)
            throw ModelError(describe(line) + " holds no values to restore");
        TaskChange change;
        change.task = line.task;
        change.entity = line.entity;
        change.taskName = line.taskName;
        change.before = *after;
        change.after = *before;
        edit.tasks.push_back(std::move(change));
    } else if (line.note != 0) {
        const std::optional<NoteFields> before =
            line.before.empty() ? std::nullopt : noteFieldsFromJson(line.before);
        const std::optional<NoteFields> after =
            line.after.empty() ? std::nullopt : noteFieldsFromJson(line.after);
        if ((!line.before.empty() && !before) || (!line.after.empty() && !after) || (!before && !after))
            throw ModelError(describe(line) + " holds no values to restore");
        NoteChange change;
        change.note = line.note;
        change.before = after;
        change.after = before;
        edit.notes.push_back(std::move(change));
    } else if (const auto after = entityFieldsFromJson(line.after); after && line.entity != 0) {
        const std::optional<EntityFields> before = entityFieldsFromJson(line.before);
        if (!before)
            throw ModelError(describe(line) + " holds no values to restore");
        edit.entities.push_back({line.entity, line.entityName, *after, *before});
    } else {
        throw ModelError(describe(line) +
                         " changed no task, punch item or attribute; there is nothing to revert");
    }
    return edit;
}

EditOutcome revertChange(FacilityStorage& storage, std::int64_t auditId, const EditStamp& stamp) {
    if (const std::string problem = authorProblem(stamp.author); !problem.empty())
        throw ModelError(problem);
    EditOutcome outcome;
    storage.write([&](ModelWriter& writer) {
        const std::optional<AuditRecord> line = writer.auditRecord(auditId);
        if (!line)
            throw ModelError("audit " + std::to_string(auditId) + " is not in the log");
        Edit edit = revertEditOf(*line);
        if (!edit.tasks.empty()) {
            edit.tasks.front().taskName = writer.taskName(line->task);
            // The row must still hold what the change left; else the change that came since is named.
            const std::optional<TaskFields> now = writer.taskFields(line->task);
            if (!now || *now != edit.tasks.front().before)
                refuseLater(*line, writer.latestChangeOfTask(line->task, auditId));
        } else if (!edit.entities.empty()) {
            if (writer.entityFields(line->entity) != edit.entities.front().before)
                refuseLater(*line, std::nullopt);
        } else {
            const NoteChange& change = edit.notes.front();
            if (writer.noteFields(line->note) != change.before)
                refuseLater(*line, writer.latestChangeOfNote(line->note, auditId));
            // Reverting an add deletes the item; its photos are not in the log, so nothing could bring
            // them back. Closing it keeps them.
            if (!change.after)
                if (const std::size_t photos = writer.notePhotoCount(line->note); photos > 0)
                    throw EditConflict("cannot revert " + describe(*line) + ": punch item " +
                                       std::to_string(line->note) + " has " + std::to_string(photos) +
                                       " photos, which it would delete for good; close the item instead");
        }
        outcome = applyEditIn(writer, edit, stamp);
    });
    return outcome;
}

std::string revertRefusal(const Facility& facility, const std::vector<AuditRecord>& log,
                          std::int64_t auditId) {
    const auto line =
        std::lower_bound(log.begin(), log.end(), auditId,
                         [](const AuditRecord& record, std::int64_t id) { return record.id < id; });
    if (line == log.end() || line->id != auditId)
        return "audit " + std::to_string(auditId) + " is not in the log";
    if (line->task == 0 && line->note == 0) {
        const std::optional<EntityFields> after = entityFieldsFromJson(line->after);
        const EntityIndex entity = facility.findById(line->entity);
        if (!after || !entityFieldsFromJson(line->before) || entity == kNoEntity)
            return describe(*line) + " changed no task, punch item or attribute; there is nothing to revert";
        if (entityFieldsOf(facility, entity) == *after)
            return {};
        return "cannot revert " + describe(*line) + ": the fields were changed since";
    }
    bool holdsAfter = false;
    if (line->task != 0) {
        const TaskColumns& tasks = facility.tasks();
        const auto at = std::find(tasks.id.begin(), tasks.id.end(), line->task);
        const std::optional<TaskFields> after = taskFieldsFromJson(line->after);
        if (!after || !taskFieldsFromJson(line->before))
            return describe(*line) + " holds no values to restore";
        const std::size_t t = std::size_t(at - tasks.id.begin());
        holdsAfter = at != tasks.id.end() &&
                     TaskFields{tasks.actualStart[t], tasks.actualEnd[t], tasks.status[t]} == *after;
    } else {
        const NoteColumns& notes = facility.notes();
        const auto at = std::find(notes.id.begin(), notes.id.end(), line->note);
        const std::optional<NoteFields> after =
            line->after.empty() ? std::nullopt : noteFieldsFromJson(line->after);
        const std::optional<NoteFields> now =
            at == notes.id.end() ? std::nullopt
                                 : std::optional(noteFieldsOf(facility, std::size_t(at - notes.id.begin())));
        holdsAfter = now == after;
    }
    if (holdsAfter)
        return {};
    for (auto later = log.rbegin(); later != log.rend() && later->id > auditId; ++later)
        if ((line->task != 0 && later->task == line->task) || (line->note != 0 && later->note == line->note))
            return "cannot revert " + describe(*line) + ": " + describe(*later) +
                   " changed the same fields since; revert that first";
    return "cannot revert " + describe(*line) + ": the fields were changed since";
}

} // namespace twin::datamodel
