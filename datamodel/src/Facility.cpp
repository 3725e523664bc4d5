#include "datamodel/Facility.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <string>
#include <unordered_map>

namespace twin::datamodel {

void Bounds::expand(const Bounds& other) {
    for (int axis = 0; axis < 3; ++axis) {
        min[size_t(axis)] = std::min(min[size_t(axis)], other.min[size_t(axis)]);
        max[size_t(axis)] = std::max(max[size_t(axis)], other.max[size_t(axis)]);
    }
}

Bounds Pose::bounds() const {
    constexpr float kDegreesToRadians = 3.14159265358979f / 180.0f;
    const float c = std::abs(std::cos(yaw * kDegreesToRadians));
    const float s = std::abs(std::sin(yaw * kDegreesToRadians));
    const float halfX = 0.5f * (c * width + s * depth);
    const float halfY = 0.5f * (s * width + c * depth);
    Bounds result;
    result.min = {x - halfX, y - halfY, z};
    result.max = {x + halfX, y + halfY, z + height};
    return result;
}

std::string_view cableTypeName(CableType type) {
    switch (type) {
    case CableType::Dac:
        return "DAC";
    case CableType::Aoc:
        return "AOC";
    case CableType::Fibre:
        return "fibre";
    }
    return "?";
}

std::string_view pipeSideName(PipeSide side) {
    return side == PipeSide::Supply ? "supply" : "return";
}

std::string_view powerFeedName(PowerFeedKind feed) {
    switch (feed) {
    case PowerFeedKind::A:
        return "A";
    case PowerFeedKind::B:
        return "B";
    case PowerFeedKind::Main:
        return "main";
    }
    return "?";
}

std::string_view taskStatusName(TaskStatus status) {
    switch (status) {
    case TaskStatus::NotStarted:
        return "not_started";
    case TaskStatus::InProgress:
        return "in_progress";
    case TaskStatus::Done:
        return "done";
    case TaskStatus::Blocked:
        return "blocked";
    }
    return "?";
}

std::optional<TaskStatus> taskStatusFromName(std::string_view name) {
    for (const TaskStatus status :
         {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Blocked})
        if (taskStatusName(status) == name)
            return status;
    return std::nullopt;
}

std::string_view noteStatusName(NoteStatus status) {
    switch (status) {
    case NoteStatus::Open:
        return "open";
    case NoteStatus::ReadyForReview:
        return "ready_for_review";
    case NoteStatus::Closed:
        return "closed";
    }
    return "?";
}

std::string_view notePriorityName(NotePriority priority) {
    switch (priority) {
    case NotePriority::None:
        return "";
    case NotePriority::Critical:
        return "critical";
    case NotePriority::Major:
        return "major";
    case NotePriority::Minor:
        return "minor";
    }
    return "?";
}

std::optional<NoteStatus> noteStatusFromName(std::string_view name) {
    for (const NoteStatus status : {NoteStatus::Open, NoteStatus::ReadyForReview, NoteStatus::Closed})
        if (noteStatusName(status) == name)
            return status;
    return std::nullopt;
}

std::optional<NotePriority> notePriorityFromName(std::string_view name) {
    for (const NotePriority priority :
         {NotePriority::None, NotePriority::Critical, NotePriority::Major, NotePriority::Minor})
        if (notePriorityName(priority) == name)
            return priority;
    return std::nullopt;
}

TaskStatus taskStatusOf(bool started, bool finished) {
    return finished ? TaskStatus::Done : started ? TaskStatus::InProgress : TaskStatus::NotStarted;
}

TaskStatus taskStatusFromActualDates(TimePoint actualStart, TimePoint actualEnd) {
    return taskStatusOf(actualStart != kNoTime, actualEnd != kNoTime);
}

// Hash indexes over the string columns, built on the first lookup of each kind. Keys are views into
// the Facility's own buffers, so a moved Facility drops them (see the move operations).
class FacilityIndexes {
public:
    using Map = std::unordered_map<std::string_view, EntityIndex>;
    std::mutex mutex;
    std::unique_ptr<Map> byName, byHostname, bySerial, byUuid;
};

namespace {

FacilityIndexes::Map buildIndex(const StringColumn& column) {
    FacilityIndexes::Map map;
    map.reserve(column.size());
    for (std::size_t i = 0; i < column.size(); ++i)
        if (!column[i].empty())
            map.emplace(column[i], EntityIndex(i)); // the first entity with a name wins
    return map;
}

EntityIndex lookup(FacilityIndexes& indexes, std::unique_ptr<FacilityIndexes::Map>& map,
                   const StringColumn& column, std::string_view key) {
    std::lock_guard lock(indexes.mutex);
    if (!map)
        map = std::make_unique<FacilityIndexes::Map>(buildIndex(column));
    const auto found = map->find(key);
    return found == map->end() ? kNoEntity : found->second;
}

} // namespace

Facility::Facility() : indexes_(std::make_unique<FacilityIndexes>()) {}
Facility::~Facility() = default;

Facility::Facility(Facility&& other) noexcept {
    *this = std::move(other);
}

Facility& Facility::operator=(Facility&& other) noexcept {
    entities_ = std::move(other.entities_);
    cables_ = std::move(other.cables_);
    pipes_ = std::move(other.pipes_);
    feeds_ = std::move(other.feeds_);
    tasks_ = std::move(other.tasks_);
    notes_ = std::move(other.notes_);
    alertRules_ = std::move(other.alertRules_);
    children_ = std::move(other.children_);
    byKind_ = std::move(other.byKind_);
    entityTasks_ = std::move(other.entityTasks_);
    topDown_ = std::move(other.topDown_);
    subtreeBounds_ = std::move(other.subtreeBounds_);
    bounds_ = other.bounds_;
    idToIndex_ = std::move(other.idToIndex_);
    idBase_ = other.idBase_;
    scheduleStart_ = other.scheduleStart_;
    scheduleEnd_ = other.scheduleEnd_;
    // Short strings may live inside the moved std::string objects: rebuild lookups on demand.
    indexes_ = std::make_unique<FacilityIndexes>();
    other.indexes_ = std::make_unique<FacilityIndexes>();
    return *this;
}

EntityIndex Facility::ancestorOfKind(EntityIndex e, EntityKind wanted) const {
    while (e != kNoEntity && kind(e) != wanted)
        e = parent(e);
    return e;
}

std::vector<EntityIndex> Facility::subtree(EntityIndex e) const {
    std::vector<EntityIndex> result;
    std::vector<EntityIndex> stack{e};
    while (!stack.empty()) {
        const EntityIndex current = stack.back();
        stack.pop_back();
        result.push_back(current);
        const auto kids = children(current);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    return result;
}

EntityIndex Facility::findById(std::int64_t id) const {
    if (!idToIndex_.empty()) {
        const std::int64_t offset = id - idBase_;
        return offset >= 0 && offset < std::int64_t(idToIndex_.size()) ? idToIndex_[size_t(offset)]
                                                                       : kNoEntity;
    }
    const auto found = std::lower_bound(entities_.id.begin(), entities_.id.end(), id);
    return found != entities_.id.end() && *found == id ? EntityIndex(found - entities_.id.begin())
                                                       : kNoEntity;
}

EntityIndex Facility::findByName(std::string_view key) const {
    return lookup(*indexes_, indexes_->byName, entities_.name, key);
}
EntityIndex Facility::findByHostname(std::string_view key) const {
    return lookup(*indexes_, indexes_->byHostname, entities_.hostname, key);
}
EntityIndex Facility::findBySerial(std::string_view key) const {
    return lookup(*indexes_, indexes_->bySerial, entities_.serial, key);
}
EntityIndex Facility::findByUuid(std::string_view key) const {
    return lookup(*indexes_, indexes_->byUuid, entities_.uuid, key);
}

EntityIndex Facility::findGpu(std::string_view hostname, int index) const {
    const EntityIndex server = findByHostname(hostname);
    if (server == kNoEntity)
        return kNoEntity;
    for (EntityIndex child : children(server))
        if (kind(child) == EntityKind::Gpu && entities_.slot[size_t(child)] == index)
            return child;
    return kNoEntity;
}

std::size_t Facility::memoryBytes() const {
    auto bytes = [](const auto& vector) {
        return vector.capacity() * sizeof(vector[0]);
    };
    auto csr = [&](const auto& rows) {
        return bytes(rows.start) + bytes(rows.items);
    };
    const EntityColumns& e = entities_;
    std::size_t total = bytes(e.id) + bytes(e.kind) + bytes(e.parent) + bytes(e.slot) + bytes(e.pose) +
                        e.name.memoryBytes() + e.subtype.memoryBytes() + e.model.memoryBytes() +
                        e.serial.memoryBytes() + e.hostname.memoryBytes() + e.uuid.memoryBytes() +
                        e.attributes.memoryBytes();
    total += bytes(cables_.id) + bytes(cables_.a) + bytes(cables_.b) + bytes(cables_.aPort) +
             bytes(cables_.bPort) + bytes(cables_.type) + bytes(cables_.speedGbps) + bytes(cables_.lengthM) +
             csr(cables_.route);
    total += bytes(pipes_.id) + bytes(pipes_.from) + bytes(pipes_.to) + bytes(pipes_.side) +
             bytes(pipes_.diameterMm) + bytes(pipes_.designFlowLpm) + csr(pipes_.points);
    total += bytes(feeds_.id) + bytes(feeds_.from) + bytes(feeds_.to) + bytes(feeds_.feed) +
             bytes(feeds_.ratingKw);
    total += bytes(tasks_.id) + tasks_.name.memoryBytes() + tasks_.kind.memoryBytes() +
             tasks_.crew.memoryBytes() + 4 * bytes(tasks_.plannedStart) + bytes(tasks_.status) +
             csr(tasks_.entities) + csr(tasks_.predecessors);
    total += csr(children_) + csr(byKind_) + csr(entityTasks_) + bytes(topDown_) + bytes(subtreeBounds_) +
             bytes(idToIndex_);
    return total;
}

} // namespace twin::datamodel
