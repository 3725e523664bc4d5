// Tasks in dependency order (Kahn's algorithm, O(tasks + dependencies)): each after everything it
// depends on. Where the dependencies loop, the tasks on or after a loop are left out and still wait.
// The critical path and the schedule importer's loop check both stand on it.
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <vector>

namespace twin::datamodel {

struct TaskOrder {
    std::vector<std::uint32_t> order;   // every task whose predecessors all come before it
    std::vector<std::uint32_t> waiting; // per task: predecessors not placed (> 0 only on or after a loop)
    Csr<std::uint32_t> successors;      // the predecessor lists turned around
    bool complete() const { return order.size() == waiting.size(); }
    // When not complete: a task on a loop (not merely waiting on one).
    std::uint32_t loopMember(const Csr<std::uint32_t>& predecessors) const;
};

// `predecessors`: row t lists the tasks t depends on (dense indexes).
TaskOrder orderTasks(const Csr<std::uint32_t>& predecessors);

} // namespace twin::datamodel
