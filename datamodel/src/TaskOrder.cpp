#include "datamodel/TaskOrder.h"

#include "CsrBuilder.h"

#include <algorithm>

namespace twin::datamodel {

TaskOrder orderTasks(const Csr<std::uint32_t>& predecessors) {
    const std::size_t n = predecessors.rows();
    TaskOrder result;
    std::vector<std::uint32_t> from, to;
    for (std::size_t t = 0; t < n; ++t)
        for (const std::uint32_t before : predecessors.row(t)) {
            from.push_back(before);
            to.push_back(std::uint32_t(t));
        }
    result.successors = groupIntoRows(
        n, from.size(), [&](std::size_t i) { return from[i]; }, to);
    // A task is ready once every task it depends on is placed.
    result.waiting.resize(n);
    result.order.reserve(n);
    for (std::size_t t = 0; t < n; ++t) {
        result.waiting[t] = std::uint32_t(predecessors.row(t).size());
        if (result.waiting[t] == 0)
            result.order.push_back(std::uint32_t(t));
    }
    for (std::size_t next = 0; next < result.order.size(); ++next)
        for (const std::uint32_t after : result.successors.row(result.order[next]))
            if (--result.waiting[after] == 0)
                result.order.push_back(after);
    return result;
}

std::uint32_t TaskOrder::loopMember(const Csr<std::uint32_t>& predecessors) const {
    // Every task left waiting waits on another left waiting: walking those must come back to a task
    // already seen, which is on a loop.
    std::uint32_t t = std::uint32_t(
        std::find_if(waiting.begin(), waiting.end(), [](auto w) { return w > 0; }) - waiting.begin());
    std::vector<bool> seen(waiting.size(), false);
    while (!seen[t]) {
        seen[t] = true;
        for (const std::uint32_t before : predecessors.row(t))
            if (waiting[before] > 0) {
                t = before;
                break;
            }
    }
    return t;
}

} // namespace twin::datamodel
