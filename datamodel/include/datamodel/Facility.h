// The loaded facility: every entity, cable, pipe, feed and task as flat arrays (structure of arrays)
// with a dense index 0..N-1 per entity. Overlays, the scene and the schedule index these arrays directly;
// nothing here is virtual and nothing is looked up per frame.
#pragma once

#include "datamodel/AlertRule.h"
#include "datamodel/EntityKind.h"
#include "datamodel/StringColumn.h"
#include "datamodel/Time.h"
#include "datamodel/Tours.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace twin::datamodel {

using EntityIndex = std::int32_t;
inline constexpr EntityIndex kNoEntity = -1;

struct Bounds {
    std::array<float, 3> min{1e30f, 1e30f, 1e30f};
    std::array<float, 3> max{-1e30f, -1e30f, -1e30f};

    bool isEmpty() const { return min[0] > max[0]; }
    void expand(const Bounds& other);
    bool operator==(const Bounds&) const = default;
};

// A box in the facility frame: (x, y) the centre of its footprint, z its bottom, width along its own
// x axis, depth along its own y, height up; yaw in degrees about z.
struct Pose {
    float x = 0, y = 0, z = 0;
    float width = 0, depth = 0, height = 0;
    float yaw = 0;
    Bounds bounds() const;
    bool operator==(const Pose&) const = default;
};

enum class CableType : std::uint8_t { Dac, Aoc, Fibre };
enum class PipeSide : std::uint8_t { Supply, Return };
enum class PowerFeedKind : std::uint8_t { A, B, Main };
enum class TaskStatus : std::uint8_t { NotStarted, InProgress, Done, Blocked };

std::string_view cableTypeName(CableType type);
std::string_view pipeSideName(PipeSide side);
std::string_view powerFeedName(PowerFeedKind feed);
std::string_view taskStatusName(TaskStatus status);
// The status spelled as the file spells it ("not_started", "in_progress", "done", "blocked").
std::optional<TaskStatus> taskStatusFromName(std::string_view name);
// A task's status where nothing states it: finished is done, else started is in progress, else not
// started (the rule for schedules without a status, from their actual dates or percentages).
TaskStatus taskStatusOf(bool started, bool finished);
TaskStatus taskStatusFromActualDates(TimePoint actualStart, TimePoint actualEnd);

// Compressed sparse rows: the items of row r are items[start[r] .. start[r + 1]).
template <typename T> struct Csr {
    std::vector<std::uint32_t> start{0};
    std::vector<T> items;
    std::span<const T> row(std::size_t r) const {
        return std::span<const T>(items).subspan(start[r], start[r + 1] - start[r]);
    }
    std::size_t rows() const { return start.size() - 1; }
    bool operator==(const Csr&) const = default;
};

struct EntityColumns {
    std::vector<std::int64_t> id;
    std::vector<EntityKind> kind;
    std::vector<EntityIndex> parent;
    std::vector<std::int16_t> slot; // position in the parent (GPU index 0-7); -1 when none
    std::vector<Pose> pose;
    StringColumn name, subtype, model, serial, hostname, uuid, attributes;
    bool operator==(const EntityColumns&) const = default;
};

struct CableColumns {
    std::vector<std::int64_t> id;
    std::vector<EntityIndex> a, b; // a: the upstream end (towards the core), b: the downstream end
    std::vector<std::int32_t> aPort, bPort;
    std::vector<CableType> type;
    std::vector<std::int32_t> speedGbps;
    std::vector<float> lengthM;
    Csr<EntityIndex> route; // trays, in order, per cable
    std::size_t size() const { return id.size(); }
    bool operator==(const CableColumns&) const = default;
};

struct PipeColumns {
    std::vector<std::int64_t> id;
    std::vector<EntityIndex> from, to; // from: the plant side, to: the load side
    std::vector<PipeSide> side;
    std::vector<float> diameterMm, designFlowLpm;
    Csr<std::array<float, 3>> points;
    std::size_t size() const { return id.size(); }
    bool operator==(const PipeColumns&) const = default;
};

struct FeedColumns {
    std::vector<std::int64_t> id;
    std::vector<EntityIndex> from, to;
    std::vector<PowerFeedKind> feed;
    std::vector<float> ratingKw;
    std::size_t size() const { return id.size(); }
    bool operator==(const FeedColumns&) const = default;
};

struct TaskColumns {
    std::vector<std::int64_t> id;
    StringColumn name, kind, crew;
    std::vector<TimePoint> plannedStart, plannedEnd, actualStart, actualEnd; // kNoTime when empty
    std::vector<TaskStatus> status;
    Csr<EntityIndex> entities;       // what each task installs or works on
    Csr<std::uint32_t> predecessors; // the tasks each task depends on (table task_dependency), ascending
    std::size_t size() const { return id.size(); }
    bool operator==(const TaskColumns&) const = default;
};

enum class NoteStatus : std::uint8_t { Open, ReadyForReview, Closed };
enum class NotePriority : std::uint8_t { None, Critical, Major, Minor };
std::string_view noteStatusName(NoteStatus status);       // "open", "ready_for_review", "closed"
std::string_view notePriorityName(NotePriority priority); // "", "critical", "major", "minor"
std::optional<NoteStatus> noteStatusFromName(std::string_view name);
std::optional<NotePriority> notePriorityFromName(std::string_view name);

// Punch items and notes on entities (table note).
struct NoteColumns {
    std::vector<std::int64_t> id;
    std::vector<EntityIndex> entity;
    StringColumn text, author;
    std::vector<TimePoint> createdAt, closedAt; // closedAt kNoTime: still open
    std::vector<bool> blocking;                 // holds up the entity's installation
    // Version 3 (a punch item): a title (empty: the text stands for it), priority, assignee, due date,
    // status, and the pin (the author's camera, as text) when there is one.
    StringColumn title, assignee, pin;
    std::vector<NotePriority> priority;
    std::vector<TimePoint> due; // kNoTime: none
    std::vector<NoteStatus> status;
    std::size_t size() const { return id.size(); }
    // Open at `time`: written by then and not closed by then.
    bool openAt(std::size_t note, TimePoint time) const {
        return createdAt[note] <= time && (closedAt[note] == kNoTime || closedAt[note] > time);
    }
    bool operator==(const NoteColumns&) const = default;
};

class FacilityIndexes;

class Facility {
public:
    Facility();
    ~Facility();
    // Copies share every part with the original (they are immutable): cheap.
    Facility(const Facility&);
    Facility& operator=(const Facility&);
    Facility(Facility&&) noexcept;
    Facility& operator=(Facility&&) noexcept;

    std::size_t entityCount() const { return entities_->id.size(); }
    const EntityColumns& entities() const { return *entities_; }
    const CableColumns& cables() const { return fixed_->cables; }
    const PipeColumns& pipes() const { return fixed_->pipes; }
    const FeedColumns& feeds() const { return fixed_->feeds; }
    const TaskColumns& tasks() const { return *tasks_; }
    const NoteColumns& notes() const { return *notes_; }
    // Threshold rules for live telemetry (the defaults for a version-1 file, which has none).
    const std::vector<AlertRule>& alertRules() const { return fixed_->alertRules; }
    // The bookmarks and tours (issue 17).
    const TourBook& tourBook() const { return *tourBook_; }

    EntityKind kind(EntityIndex e) const { return entities_->kind[size_t(e)]; }
    EntityIndex parent(EntityIndex e) const { return entities_->parent[size_t(e)]; }
    std::string_view name(EntityIndex e) const { return entities_->name[size_t(e)]; }
    const Pose& pose(EntityIndex e) const { return entities_->pose[size_t(e)]; }
    std::span<const EntityIndex> children(EntityIndex e) const { return fixed_->children.row(size_t(e)); }
    // Every entity of a kind, in dense order.
    std::span<const EntityIndex> ofKind(EntityKind kind) const { return fixed_->byKind.row(size_t(kind)); }
    std::size_t count(EntityKind kind) const { return ofKind(kind).size(); }
    // Parents before children: the order to propagate anything down the hierarchy.
    std::span<const EntityIndex> topDownOrder() const { return fixed_->topDown; }
    // The nearest ancestor (or the entity itself) of the given kind, or kNoEntity.
    EntityIndex ancestorOfKind(EntityIndex e, EntityKind kind) const;
    // The entity and everything below it, depth first.
    std::vector<EntityIndex> subtree(EntityIndex e) const;

    // Bounds of an entity together with everything below it, and of the whole facility.
    const Bounds& subtreeBounds(EntityIndex e) const { return fixed_->subtreeBounds[size_t(e)]; }
    const Bounds& bounds() const { return fixed_->bounds; }

    // Lookups; kNoEntity when absent. The hash indexes are built on first use (not at load).
    EntityIndex findById(std::int64_t id) const;
    EntityIndex findByName(std::string_view name) const;
    EntityIndex findByHostname(std::string_view hostname) const;
    EntityIndex findBySerial(std::string_view serial) const;
    EntityIndex findByUuid(std::string_view uuid) const;
    // The GPU at `index` (0-7) in the server named `hostname`, as dcgm-exporter labels it.
    EntityIndex findGpu(std::string_view hostname, int index) const;

    // Tasks linked to an entity itself (not to its ancestors).
    std::span<const std::uint32_t> tasksOf(EntityIndex e) const { return fixed_->entityTasks.row(size_t(e)); }
    TimePoint scheduleStart() const { return scheduleStart_; }
    TimePoint scheduleEnd() const { return scheduleEnd_; }

    std::size_t memoryBytes() const;

private:
    friend class FacilityBuilder;
    friend class FacilityEditor;
    // What no edit changes (the network, the hierarchy and its indexes, the rules), shared by a
    // model and every copy made from it by an edit (see FacilityEditor).
    struct Fixed {
        CableColumns cables;
        PipeColumns pipes;
        FeedColumns feeds;
        std::vector<AlertRule> alertRules;
        Csr<EntityIndex> children;
        Csr<EntityIndex> byKind;
        Csr<std::uint32_t> entityTasks;
        std::vector<EntityIndex> topDown;
        std::vector<Bounds> subtreeBounds;
        Bounds bounds;
        std::vector<EntityIndex> idToIndex; // ids are small and dense in practice: a direct table
        std::int64_t idBase = 0;
    };
    // Each part is immutable once built and shared by copies: an edit copies only the part it changes
    // (the tasks, the notes, the entities' fields), so an edited copy of a 100,000-GPU model is made
    // in milliseconds and a reader of the old one keeps a whole, consistent model.
    std::shared_ptr<EntityColumns> entities_;
    std::shared_ptr<FacilityIndexes> indexes_; // over *entities_: replaced with it
    std::shared_ptr<Fixed> fixed_;
    std::shared_ptr<TaskColumns> tasks_;
    std::shared_ptr<NoteColumns> notes_;
    std::shared_ptr<TourBook> tourBook_;
    TimePoint scheduleStart_ = kNoTime, scheduleEnd_ = kNoTime;
    // The schedule's span from the tasks' planned and actual dates.
    void updateScheduleSpan();
    // New entity columns (an attribute edit): the lookups over the old ones go with them.
    void replaceEntities(std::shared_ptr<EntityColumns> entities);
};

} // namespace twin::datamodel
