#include "datamodel/CriticalPath.h"

#include "datamodel/TaskOrder.h"

#include <algorithm>

namespace twin::datamodel {

namespace {

std::string describeTask(const TaskColumns& tasks, std::size_t t) {
    return "task " + std::to_string(tasks.id[t]) + " ('" + std::string(tasks.name[t]) + "')";
}

// Called when Kahn's order stops short: every task left over still waits on a left-over predecessor, so
// walking such predecessors from any of them must come back to a task already seen, which is on a loop.
std::string describeCycle(const TaskColumns& tasks, const std::vector<std::uint32_t>& waiting) {
    std::size_t t = std::size_t(std::find_if(waiting.begin(), waiting.end(), [](auto w) { return w > 0; }) -
                                waiting.begin());
    std::vector<int> seenAt(tasks.size(), -1);
    std::vector<std::size_t> walk;
    while (seenAt[t] < 0) {
        seenAt[t] = int(walk.size());
        walk.push_back(t);
        for (std::uint32_t before : tasks.predecessors.row(t))
            if (waiting[before] > 0) {
                t = before;
                break;
            }
    }
    // walk[s..] is the loop, each task depending on the next and the last on walk[s]: say it in order.
    const std::size_t s = std::size_t(seenAt[t]), loop = walk.size() - s;
    constexpr std::size_t kNamed = 4;
    std::string text = "the schedule's dependencies loop: " + describeTask(tasks, walk[s]);
    for (std::size_t i = 1; i <= std::min(loop, kNamed); ++i)
        text += " depends on " + describeTask(tasks, walk[s + i % loop]);
    if (loop > kNamed)
        text += " ... (" + std::to_string(loop) + " tasks in the loop)";
    return text;
}

} // namespace

std::size_t CriticalPath::criticalCount() const {
    return std::size_t(std::count(critical.begin(), critical.end(), true));
}

CriticalPath computeCriticalPath(const TaskColumns& tasks, TimePoint tolerance) {
    const std::size_t n = tasks.size();
    CriticalPath result;
    if (n == 0)
        return result;

    const TaskOrder sorted = orderTasks(tasks.predecessors);
    if (!sorted.complete()) {
        result.error = describeCycle(tasks, sorted.waiting);
        return result;
    }
    const std::vector<std::uint32_t>& order = sorted.order;
    const Csr<std::uint32_t>& successors = sorted.successors;

    // The schema makes planned dates mandatory; should one be missing, the task starts with the
    // schedule and takes no time rather than poisoning the sums with kNoTime.
    TimePoint first = kNoTime;
    for (std::size_t t = 0; t < n; ++t)
        if (tasks.plannedStart[t] != kNoTime && (first == kNoTime || tasks.plannedStart[t] < first))
            first = tasks.plannedStart[t];
    auto ownStart = [&](std::size_t t) {
        return tasks.plannedStart[t] == kNoTime ? first : tasks.plannedStart[t];
    };
    auto duration = [&](std::size_t t) {
        return tasks.plannedStart[t] == kNoTime || tasks.plannedEnd[t] == kNoTime
                   ? TimePoint(0)
                   : tasks.plannedEnd[t] - tasks.plannedStart[t];
    };

    result.earliestStart.resize(n);
    result.earliestFinish.resize(n);
    // Forward pass: earliest start and finish. A task that depends on others starts as soon as the
    // last of them finishes (As Soon As Possible, Project's default), whatever gap the plan left; only a
    // task that depends on nothing is held to its planned start (a delivery, a milestone's date).
    for (std::uint32_t t : order) {
        const auto before = tasks.predecessors.row(t);
        TimePoint start = before.empty() ? ownStart(t) : result.earliestFinish[before.front()];
        for (std::uint32_t predecessor : before)
            start = std::max(start, result.earliestFinish[predecessor]);
        result.earliestStart[t] = start;
        result.earliestFinish[t] = start + duration(t);
    }
    result.finish = *std::max_element(result.earliestFinish.begin(), result.earliestFinish.end());

    // Backward pass: the latest each may finish without moving the project's finish.
    std::vector<TimePoint> latestStart(n);
    result.slack.resize(n);
    result.critical.resize(n);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::uint32_t t = *it;
        TimePoint latestFinish = result.finish;
        for (std::uint32_t after : successors.row(t))
            latestFinish = std::min(latestFinish, latestStart[after]);
        latestStart[t] = latestFinish - duration(t);
        result.slack[t] = latestStart[t] - result.earliestStart[t];
        result.critical[t] = result.slack[t] <= tolerance;
    }

    // The path: from the first task that ends the project, back through the predecessor that set each
    // task's earliest start (lowest index on a tie), until a task that depends on nothing.
    std::uint32_t at = 0;
    while (result.earliestFinish[at] != result.finish)
        ++at;
    // ...and of those the last in line: a zero-length milestone after the work that ends with it.
    for (bool later = true; later;) {
        later = false;
        for (std::uint32_t after : successors.row(at))
            if (result.earliestFinish[after] == result.finish) {
                at = after;
                later = true;
                break;
            }
    }
    for (;;) {
        result.path.push_back(at);
        const auto before = tasks.predecessors.row(at);
        const auto setter = std::find_if(before.begin(), before.end(), [&](std::uint32_t p) {
            return result.critical[p] && result.earliestFinish[p] == result.earliestStart[at];
        });
        if (setter == before.end())
            break;
        at = *setter;
    }
    std::reverse(result.path.begin(), result.path.end());
    return result;
}

} // namespace twin::datamodel
