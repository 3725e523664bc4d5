#include "datamodel/edits/Revert.h"

#include "datamodel/Store.h"
#include "datamodel/edits/PunchEdit.h"

#include <algorithm>

namespace twin::datamodel {

namespace {

std::string describe(const AuditRecord& line) {
    return "audit " + std::to_string(line.id) + " (" + line.action + " by " + line.author + " at " +
           formatTime(line.at) + ")";
}

} // namespace

EditOutcome revertChange(FacilityStorage& storage, std::int64_t auditId, const EditStamp& stamp) {
    if (const std::string problem = authorProblem(stamp.author); !problem.empty())
        throw ModelError(problem);
    EditOutcome outcome;
    storage.write([&](ModelWriter& writer) {
        const std::optional<AuditRecord> line = writer.auditRecord(auditId);
        if (!line)
            throw ModelError("audit " + std::to_string(auditId) + " is not in the log");
        Edit edit;
        edit.action = "revert " + std::to_string(auditId);
        // The row must still hold what the change left; else the change that came since is named.
        auto refuseLater = [&](const std::optional<AuditRecord>& later) {
            throw EditConflict("cannot revert " + describe(*line) + ": " +
                               (later ? describe(*later) + " changed the same fields since; revert that first"
                                      : std::string("the fields were changed since")));
        };
        if (line->task != 0) {
            const std::optional<TaskFields> before = taskFieldsFromJson(line->before);
            const std::optional<TaskFields> after = taskFieldsFromJson(line->after);
            if (!before || !after)
                throw ModelError(describe(*line) + " holds no values to restore");
            const std::optional<TaskFields> now = writer.taskFields(line->task);
            if (!now || *now != *after)
                refuseLater(writer.latestChangeOfTask(line->task, auditId));
            TaskChange change;
            change.task = line->task;
            change.entity = line->entity;
            change.taskName = writer.taskName(line->task);
            change.before = *after;
            change.after = *before;
            edit.tasks.push_back(std::move(change));
        } else if (line->note != 0) {
            const std::optional<NoteFields> before =
                line->before.empty() ? std::nullopt : noteFieldsFromJson(line->before);
            const std::optional<NoteFields> after =
                line->after.empty() ? std::nullopt : noteFieldsFromJson(line->after);
            if ((!line->before.empty() && !before) || (!line->after.empty() && !after) || (!before && !after))
                throw ModelError(describe(*line) + " holds no values to restore");
            const std::optional<NoteFields> now = writer.noteFields(line->note);
            if (now != after)
                refuseLater(writer.latestChangeOfNote(line->note, auditId));
            // Reverting an add deletes the item; its photos are not in the log, so nothing could bring
            // them back. Closing it keeps them.
            if (!before)
                if (const std::size_t photos = writer.notePhotoCount(line->note); photos > 0)
                    throw EditConflict("cannot revert " + describe(*line) + ": punch item " +
                                       std::to_string(line->note) + " has " + std::to_string(photos) +
                                       " photos, which it would delete for good; close the item instead");
            NoteChange change;
            change.note = line->note;
            change.before = after;
            change.after = before;
            edit.notes.push_back(std::move(change));
        } else {
            throw ModelError(describe(*line) + " changed no task or punch item; there is nothing to revert");
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
    if (line->task == 0 && line->note == 0)
        return describe(*line) + " changed no task or punch item; there is nothing to revert";
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
