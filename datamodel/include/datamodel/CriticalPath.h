// The critical path method (CPM) over the schedule's tasks by their planned dates and dependencies:
// how early each task can start and finish, how much it may slip without moving the project's finish
// (its slack), and the chain of tasks that decides that finish. The Gantt dock marks these tasks.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace twin::datamodel {

// A task is critical when its slack is at most this. Not zero: dates in a model file are whole seconds
// that generators get by truncating fractions of days, and MS Project XML keeps dates to the minute, so
// two tasks planned back to back can sit a few seconds apart. Not an hour either: racks of a hall are
// placed about a quarter of an hour apart, and an hour would call several parallel racks "critical".
inline constexpr TimePoint kCriticalSlackTolerance = 60;

struct CriticalPath {
    // Per task (dense task index). Slack in seconds, never negative.
    std::vector<TimePoint> earliestStart, earliestFinish, slack;
    std::vector<bool> critical;
    // Critical tasks from the start to the finish, each depending on the one before it.
    std::vector<std::uint32_t> path;
    TimePoint finish = kNoTime; // the project's earliest finish (kNoTime: no tasks)
    std::string error;          // not empty: the dependencies loop (and nothing above is filled)
    bool ok() const { return error.empty(); }
    std::size_t criticalCount() const;
};

// O(tasks + dependencies), by a topological order (Kahn). A task that depends on nothing starts at its
// planned start; any other as soon as its predecessors have all finished (As Soon As Possible, as MS
// Project schedules by default); its duration is planned end - planned start.
// A cycle is not thrown: the result's error names the tasks on one loop.
CriticalPath computeCriticalPath(const TaskColumns& tasks, TimePoint tolerance = kCriticalSlackTolerance);

} // namespace twin::datamodel
