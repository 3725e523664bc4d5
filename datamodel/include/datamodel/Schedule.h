// The installation state of every entity at a date, by planned or by actual dates, for all entities
// at once into one array (the timeline overlay reads it directly).
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <vector>

namespace twin::datamodel {

enum class InstallState : std::uint8_t { NotStarted, InProgress, Installed };
enum class ScheduleBasis { Planned, Actual };

class Schedule {
public:
    // An entity's state is decided by its own tasks, or else by those of its nearest ancestor that has
    // tasks (a GPU follows its rack). Entities with neither stood before the schedule: Installed.
    explicit Schedule(const Facility& facility);

    // Fills `states` (resized to the entity count): O(task links + entities).
    void stateAt(TimePoint time, ScheduleBasis basis, std::vector<InstallState>& states) const;
    std::vector<InstallState> stateAt(TimePoint time, ScheduleBasis basis) const;

    // How many entities of `kind` are installed at `time`.
    std::size_t installedCount(EntityKind kind, TimePoint time, ScheduleBasis basis) const;

    // The entity whose tasks decide `entity`'s state, or kNoEntity.
    EntityIndex owner(EntityIndex entity) const { return owner_[size_t(entity)]; }

private:
    const Facility& facility_;
    std::vector<EntityIndex> owner_;
};

} // namespace twin::datamodel
