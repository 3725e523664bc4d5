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
// the entity columns' buffers, which never move (they are held by a shared pointer): an index lives
// as long as the columns it was built over and is replaced with them.
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

Facility::Facility()
    : entities_(std::make_shared<EntityColumns>()), indexes_(std::make_shared<FacilityIndexes>()),
      fixed_(std::make_shared<Fixed>()), tasks_(std::make_shared<TaskColumns>()),
      notes_(std::make_shared<NoteColumns>()), tourBook_(std::make_shared<TourBook>()) {}
Facility::~Facility() = default;
Facility::Facility(const Facility&) = default;
Facility& Facility::operator=(const Facility&) = default;

// A moved-from Facility is left empty, not without parts: every accessor still works on it.
Facility::Facility(Facility&& other) noexcept : Facility() {
    *this = std::move(other);
}

Facility& Facility::operator=(Facility&& other) noexcept {
    std::swap(entities_, other.entities_);
    std::swap(indexes_, other.indexes_);
    std::swap(fixed_, other.fixed_);
    std::swap(tasks_, other.tasks_);
    std::swap(notes_, other.notes_);
    std::swap(tourBook_, other.tourBook_);
    std::swap(scheduleStart_, other.scheduleStart_);
    std::swap(scheduleEnd_, other.scheduleEnd_);
    return *this;
}

void Facility::replaceEntities(std::shared_ptr<EntityColumns> entities) {
    entities_ = std::move(entities);
    indexes_ = std::make_shared<FacilityIndexes>();
}

void Facility::updateScheduleSpan() {
    const TaskColumns& t = *tasks_;
    scheduleStart_ = scheduleEnd_ = kNoTime;
    for (std::size_t i = 0; i < t.size(); ++i) {
        for (TimePoint time : {t.plannedStart[i], t.actualStart[i]})
            if (time != kNoTime && (scheduleStart_ == kNoTime || time < scheduleStart_))
                scheduleStart_ = time;
        for (TimePoint time : {t.plannedEnd[i], t.actualEnd[i]})
            if (time != kNoTime && (scheduleEnd_ == kNoTime || time > scheduleEnd_))
                scheduleEnd_ = time;
    }
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
    const std::vector<EntityIndex>& direct = fixed_->idToIndex;
    if (!direct.empty()) {
        const std::int64_t offset = id - fixed_->idBase;
        return offset >= 0 && offset < std::int64_t(direct.size()) ? direct[size_t(offset)] : kNoEntity;
    }
    const std::vector<std::int64_t>& ids = entities_->id;
    const auto found = std::lower_bound(ids.begin(), ids.end(), id);
    return found != ids.end() && *found == id ? EntityIndex(found - ids.begin()) : kNoEntity;
}

EntityIndex Facility::findByName(std::string_view key) const {
    return lookup(*indexes_, indexes_->byName, entities_->name, key);
}
EntityIndex Facility::findByHostname(std::string_view key) const {
    return lookup(*indexes_, indexes_->byHostname, entities_->hostname, key);
}
EntityIndex Facility::findBySerial(std::string_view key) const {
    return lookup(*indexes_, indexes_->bySerial, entities_->serial, key);
}
EntityIndex Facility::findByUuid(std::string_view key) const {
    return lookup(*indexes_, indexes_->byUuid, entities_->uuid, key);
}

EntityIndex Facility::findGpu(std::string_view hostname, int index) const {
    const EntityIndex server = findByHostname(hostname);
    if (server == kNoEntity)
        return kNoEntity;
    for (EntityIndex child : children(server))
        if (kind(child) == EntityKind::Gpu && entities_->slot[size_t(child)] == index)
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
    const EntityColumns& e = *entities_;
    const Fixed& x = *fixed_;
    const TaskColumns& t = *tasks_;
    std::size_t total = bytes(e.id) + bytes(e.kind) + bytes(e.parent) + bytes(e.slot) + bytes(e.pose) +
                        e.name.memoryBytes() + e.subtype.memoryBytes() + e.model.memoryBytes() +
                        e.serial.memoryBytes() + e.hostname.memoryBytes() + e.uuid.memoryBytes() +
                        e.attributes.memoryBytes();
    total += bytes(x.cables.id) + bytes(x.cables.a) + bytes(x.cables.b) + bytes(x.cables.aPort) +
             bytes(x.cables.bPort) + bytes(x.cables.type) + bytes(x.cables.speedGbps) +
             bytes(x.cables.lengthM) + csr(x.cables.route);
    total += bytes(x.pipes.id) + bytes(x.pipes.from) + bytes(x.pipes.to) + bytes(x.pipes.side) +
             bytes(x.pipes.diameterMm) + bytes(x.pipes.designFlowLpm) + csr(x.pipes.points);
    total += bytes(x.feeds.id) + bytes(x.feeds.from) + bytes(x.feeds.to) + bytes(x.feeds.feed) +
             bytes(x.feeds.ratingKw);
    total += bytes(t.id) + t.name.memoryBytes() + t.kind.memoryBytes() + t.crew.memoryBytes() +
             4 * bytes(t.plannedStart) + bytes(t.status) + csr(t.entities) + csr(t.predecessors);
    total += csr(x.children) + csr(x.byKind) + csr(x.entityTasks) + bytes(x.topDown) +
             bytes(x.subtreeBounds) + bytes(x.idToIndex);
    return total;
}

} // namespace twin::datamodel
