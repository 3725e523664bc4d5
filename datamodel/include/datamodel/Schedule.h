// The installation state of every entity at a date, by planned or by actual dates, for all entities
// at once into one array (the timeline overlay reads it directly).
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <vector>

namespace twin::datamodel {

enum class InstallState : std::uint8_t { NotStarted, InProgress, Installed };
enum class ScheduleBasis { Planned, Actual };

// Actual against planned at a date, as 4D tools show it (Navisworks TimeLiner, SYNCHRO): installed
// early, on time or late (its last task finished a day or more before, within a day of, or a day or
// more after its planned end), in progress, behind (planned to have started, not started), or not
// started and not yet due.
enum class Progress : std::uint8_t { Early, OnTime, Late, InProgress, Behind, NotDue };

// Something finished at `actualEnd` against `plannedEnd`: early, on time or late by the day's margin
// above (either time missing: on time). For an entity's last task and for a single task alike.
inline Progress finishedProgress(TimePoint actualEnd, TimePoint plannedEnd) {
    if (actualEnd == kNoTime || plannedEnd == kNoTime)
        return Progress::OnTime;
    const TimePoint slip = actualEnd - plannedEnd;
    return slip <= -kSecondsPerDay  ? Progress::Early
           : slip >= kSecondsPerDay ? Progress::Late
                                    : Progress::OnTime;
}

class Schedule {
public:
    // An entity's state is decided by its own tasks, or else by those of its nearest ancestor that has
    // tasks (a GPU follows its rack). Entities with neither stood before the schedule: Installed.
    explicit Schedule(const Facility& facility);

    // Fills `states` (resized to the entity count): O(task links + entities).
    void stateAt(TimePoint time, ScheduleBasis basis, std::vector<InstallState>& states) const;
    std::vector<InstallState> stateAt(TimePoint time, ScheduleBasis basis) const;

    // Every entity's Progress at `time`, into `progress` (resized to the entity count). Entities no
    // task decides count as installed on time.
    void progressAt(TimePoint time, std::vector<Progress>& progress) const;

    // How many entities of `kind` are installed at `time`.
    std::size_t installedCount(EntityKind kind, TimePoint time, ScheduleBasis basis) const;

    // When an owner's last task ends by `basis` (kNoTime: not all its tasks have that date yet).
    TimePoint finish(EntityIndex owner, ScheduleBasis basis) const {
        return basis == ScheduleBasis::Planned ? plannedFinish_[size_t(owner)] : actualFinish_[size_t(owner)];
    }

    // The entity whose tasks decide `entity`'s state, or kNoEntity.
    EntityIndex owner(EntityIndex entity) const { return owner_[size_t(entity)]; }

private:
    const Facility& facility_;
    std::vector<EntityIndex> owner_;
    // Per owner: when its last task ends by plan and in fact (kNoTime: a task has no actual end yet).
    std::vector<TimePoint> plannedFinish_, actualFinish_;
};

} // namespace twin::datamodel
