#include "datamodel/edits/ProgressEdit.h"

#include <algorithm>
#include <unordered_set>

namespace twin::datamodel {

namespace {

constexpr TimePoint kClockGrace = 5 * 60; // a phone's clock a little ahead of the workstation's

std::string quoted(std::string_view name) {
    return "'" + std::string(name) + "'";
}

TaskFields fieldsOf(const TaskColumns& tasks, std::uint32_t t) {
    return {tasks.actualStart[t], tasks.actualEnd[t], tasks.status[t]};
}

// What `action` makes of a task's fields, or nullopt to leave it as it is.
std::optional<TaskFields> afterAction(const TaskFields& before, const ProgressRequest& request,
                                      std::string_view name) {
    TaskFields after = before;
    switch (request.action) {
    case ProgressAction::Start:
        if (before.status == TaskStatus::Done)
            return std::nullopt; // done stays done: Reopen first
        after = {request.at, kNoTime, TaskStatus::InProgress};
        break;
    case ProgressAction::Done:
        if (before.status == TaskStatus::Done && before.actualEnd != kNoTime)
            return std::nullopt;
        after.actualStart = before.actualStart == kNoTime ? request.at : before.actualStart;
        if (request.at < after.actualStart)
            throw EditRefused("task " + quoted(name) + " started " + formatTime(after.actualStart) +
                              "; it cannot be done at " + formatTime(request.at) + ", before it started");
        after.actualEnd = request.at;
        after.status = TaskStatus::Done;
        break;
    case ProgressAction::Block:
        if (before.status == TaskStatus::Done)
            return std::nullopt;
        after.status = TaskStatus::Blocked;
        break;
    case ProgressAction::Reopen:
        if (before.status != TaskStatus::Done && before.status != TaskStatus::Blocked)
            return std::nullopt;
        after.actualEnd = kNoTime;
        after.status = before.actualStart == kNoTime ? TaskStatus::NotStarted : TaskStatus::InProgress;
        break;
    }
    if (after == before)
        return std::nullopt;
    return after;
}

} // namespace

std::string_view progressActionName(ProgressAction action) {
    switch (action) {
    case ProgressAction::Start:
        return "start";
    case ProgressAction::Done:
        return "done";
    case ProgressAction::Block:
        return "block";
    case ProgressAction::Reopen:
        return "reopen";
    }
    return "?";
}

std::vector<std::uint32_t> tasksOfEntities(const Facility& facility, std::span<const EntityIndex> entities) {
    std::vector<std::uint32_t> tasks;
    for (const EntityIndex entity : entities) {
        const std::size_t before = tasks.size();
        for (const EntityIndex e : facility.subtree(entity))
            for (const std::uint32_t t : facility.tasksOf(e))
                tasks.push_back(t);
        if (tasks.size() != before)
            continue;
        for (EntityIndex up = facility.parent(entity); up != kNoEntity; up = facility.parent(up))
            if (const auto own = facility.tasksOf(up); !own.empty()) {
                tasks.insert(tasks.end(), own.begin(), own.end());
                break;
            }
    }
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
    return tasks;
}

Edit progressEdit(const Facility& facility, const ProgressRequest& request) {
    const TaskColumns& tasks = facility.tasks();
    if (request.at == kNoTime)
        throw EditRefused("no time given for the progress");
    if (!withinModelSpan(request.at)) // the loader refuses such a file: it would never open again
        throw EditRefused("the time " + formatTime(request.at) + ": " +
                          outsideModelSpan(formatTime(request.at)));
    if (request.now != kNoTime && request.at > request.now + kClockGrace)
        throw EditRefused("the time " + formatTime(request.at) + " is in the future (now is " +
                          formatTime(request.now) + " UTC)");
    if (request.action == ProgressAction::Block && request.reason.empty())
        throw EditRefused("a block needs a reason");
    std::vector<std::uint32_t> chosen = tasksOfEntities(facility, request.entities);
    chosen.insert(chosen.end(), request.tasks.begin(), request.tasks.end());
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    if (chosen.empty())
        throw EditRefused(request.entities.empty()
                              ? "no task chosen"
                              : "no task installs " + quoted(facility.name(request.entities.front())) +
                                    " or anything above or below it");

    Edit edit;
    edit.action = "progress " + std::string(progressActionName(request.action));
    const std::unordered_set<std::uint32_t> inEdit(chosen.begin(), chosen.end());
    for (const std::uint32_t t : chosen) {
        if (t >= tasks.size())
            throw EditRefused("task index " + std::to_string(t) + " is not in the model");
        const TaskFields before = fieldsOf(tasks, t);
        const std::optional<TaskFields> after = afterAction(before, request, tasks.name[t]);
        if (!after)
            continue;
        // Done before what it depends on: a predecessor not done by then, and not done in this edit.
        if (request.action == ProgressAction::Done && !request.allowOutOfOrder)
            for (const std::uint32_t p : tasks.predecessors.row(t)) {
                const bool doneByThen = tasks.actualEnd[p] != kNoTime && tasks.actualEnd[p] <= request.at;
                if (doneByThen || inEdit.contains(p))
                    continue;
                throw EditRefused(
                    "task " + quoted(tasks.name[t]) + " would be done at " + formatTime(request.at) +
                        " before " + quoted(tasks.name[p]) + ", which it depends on, is done" +
                        (tasks.actualEnd[p] == kNoTime ? "" : " (at " + formatTime(tasks.actualEnd[p]) + ")"),
                    true);
            }
        TaskChange change;
        change.task = tasks.id[t];
        change.taskName = std::string(tasks.name[t]);
        const auto linked = tasks.entities.row(t);
        change.entity = linked.empty() ? 0 : facility.entities().id[std::size_t(linked.front())];
        change.before = before;
        change.after = *after;
        if (request.action == ProgressAction::Block)
            change.detail = request.reason;
        edit.tasks.push_back(std::move(change));
    }
    return edit;
}

} // namespace twin::datamodel
