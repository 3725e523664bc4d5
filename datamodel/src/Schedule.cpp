#include "datamodel/Schedule.h"

namespace twin::datamodel {

namespace {

InstallState taskState(const TaskColumns& tasks, std::size_t t, TimePoint time, ScheduleBasis basis) {
    const TimePoint start = basis == ScheduleBasis::Planned ? tasks.plannedStart[t] : tasks.actualStart[t];
    const TimePoint end = basis == ScheduleBasis::Planned ? tasks.plannedEnd[t] : tasks.actualEnd[t];
    if (end != kNoTime && end <= time)
        return InstallState::Installed;
    if (start != kNoTime && start <= time)
        return InstallState::InProgress;
    return InstallState::NotStarted;
}

} // namespace

Schedule::Schedule(const Facility& facility)
    : facility_(facility), owner_(facility.entityCount(), kNoEntity),
      plannedFinish_(facility.entityCount(), kNoTime), actualFinish_(facility.entityCount(), kNoTime) {
    for (EntityIndex e : facility.topDownOrder()) {
        if (!facility.tasksOf(e).empty())
            owner_[size_t(e)] = e;
        else if (facility.parent(e) != kNoEntity)
            owner_[size_t(e)] = owner_[size_t(facility.parent(e))];
    }
    // When each owner's last task ends, by plan and in fact; a task without an actual end yet leaves
    // its owner without an actual finish.
    const TaskColumns& tasks = facility.tasks();
    std::vector<bool> unfinished(facility.entityCount(), false);
    for (std::size_t t = 0; t < tasks.size(); ++t)
        for (EntityIndex e : tasks.entities.row(t)) {
            TimePoint& planned = plannedFinish_[size_t(e)];
            if (tasks.plannedEnd[t] != kNoTime && (planned == kNoTime || tasks.plannedEnd[t] > planned))
                planned = tasks.plannedEnd[t];
            if (tasks.actualEnd[t] == kNoTime)
                unfinished[size_t(e)] = true;
            else if (actualFinish_[size_t(e)] == kNoTime || tasks.actualEnd[t] > actualFinish_[size_t(e)])
                actualFinish_[size_t(e)] = tasks.actualEnd[t];
        }
    for (std::size_t e = 0; e < unfinished.size(); ++e)
        if (unfinished[e])
            actualFinish_[e] = kNoTime;
}

void Schedule::stateAt(TimePoint time, ScheduleBasis basis, std::vector<InstallState>& states) const {
    const std::size_t n = facility_.entityCount();
    const TaskColumns& tasks = facility_.tasks();
    // Per owner: Installed when all its tasks are done, NotStarted when none has started.
    std::vector<InstallState> ownerState(n, InstallState::Installed);
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        const InstallState state = taskState(tasks, t, time, basis);
        for (EntityIndex e : tasks.entities.row(t)) {
            InstallState& owner = ownerState[size_t(e)];
            if (state == InstallState::Installed)
                continue;
            // One unfinished task makes the owner in progress if anything started, else not started;
            // resolved below once every task is seen.
            owner = std::min(owner, state == InstallState::InProgress ? InstallState::InProgress
                                                                      : InstallState::NotStarted);
        }
    }
    // An owner whose unfinished tasks have not started, but some other task is done, is in progress.
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (taskState(tasks, t, time, basis) == InstallState::NotStarted)
            continue;
        for (EntityIndex e : tasks.entities.row(t))
            if (ownerState[size_t(e)] == InstallState::NotStarted)
                ownerState[size_t(e)] = InstallState::InProgress;
    }
    states.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        states[i] = owner_[i] == kNoEntity ? InstallState::Installed : ownerState[size_t(owner_[i])];
}

void Schedule::progressAt(TimePoint time, std::vector<Progress>& progress) const {
    std::vector<InstallState> planned, actual;
    stateAt(time, ScheduleBasis::Planned, planned);
    stateAt(time, ScheduleBasis::Actual, actual);
    const std::size_t n = facility_.entityCount();
    progress.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const EntityIndex owner = owner_[i];
        if (owner == kNoEntity) {
            progress[i] = Progress::OnTime;
            continue;
        }
        switch (actual[i]) {
        case InstallState::InProgress:
            progress[i] = Progress::InProgress;
            break;
        case InstallState::NotStarted:
            progress[i] = planned[i] == InstallState::NotStarted ? Progress::NotDue : Progress::Behind;
            break;
        case InstallState::Installed:
            progress[i] = finishedProgress(actualFinish_[size_t(owner)], plannedFinish_[size_t(owner)]);
            break;
        }
    }
}

std::vector<InstallState> Schedule::stateAt(TimePoint time, ScheduleBasis basis) const {
    std::vector<InstallState> states;
    stateAt(time, basis, states);
    return states;
}

std::size_t Schedule::installedCount(EntityKind kind, TimePoint time, ScheduleBasis basis) const {
    // Installed means every task of the owner ended by `time`: its finish, which is kNoTime while a
    // task has no end yet. No state of every entity needed (the timeline asks twice per step).
    std::size_t count = 0;
    for (EntityIndex e : facility_.ofKind(kind)) {
        const EntityIndex owner = owner_[size_t(e)];
        const TimePoint done = owner == kNoEntity ? kNoTime : finish(owner, basis);
        count += owner == kNoEntity || (done != kNoTime && done <= time) ? 1 : 0;
    }
    return count;
}

} // namespace twin::datamodel
