// Writes rows of a model inside a Store transaction, through prepared statements only. Ids returned
// are the new rows' ids, to link later rows to.
#pragma once

#include "datamodel/AlertRule.h"
#include "datamodel/EntityKind.h"
#include "datamodel/Facility.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace twin::datamodel {

namespace sqlite {
class Connection;
}

struct EntityRecord {
    std::int64_t id = 0; // 0: the next free id; otherwise this id (export, import)
    EntityKind kind = EntityKind::Site;
    std::int64_t parentId = 0; // 0: no parent
    std::string_view name;
    std::string_view subtype;
    int slot = -1;
    Pose pose;
    std::string_view model, serial, hostname, uuid;
    std::string_view attributesJson;
};

struct CableRecord {
    std::int64_t id = 0; // 0: the next free id; otherwise this id (export, import)
    std::int64_t aEntity = 0;
    int aPort = 0;
    std::int64_t bEntity = 0;
    int bPort = 0;
    CableType type = CableType::Dac;
    int speedGbps = 400;
    double lengthM = 1.0;
    std::span<const std::int64_t> routeTrays;
};

struct PipeRecord {
    std::int64_t id = 0; // 0: the next free id; otherwise this id (export, import)
    std::int64_t fromEntity = 0, toEntity = 0;
    PipeSide side = PipeSide::Supply;
    double diameterMm = 50.0, designFlowLpm = 0.0;
    std::span<const std::array<float, 3>> points;
};

struct FeedRecord {
    std::int64_t id = 0; // 0: the next free id; otherwise this id (export, import)
    std::int64_t fromEntity = 0, toEntity = 0;
    PowerFeedKind feed = PowerFeedKind::Main;
    double ratingKw = 0.0;
};

struct TaskRecord {
    std::int64_t id = 0; // 0: the next free id; otherwise this id (export, import)
    std::string_view name, kind, crew;
    TimePoint plannedStart = kNoTime, plannedEnd = kNoTime, actualStart = kNoTime, actualEnd = kNoTime;
    TaskStatus status = TaskStatus::NotStarted;
};

struct NoteRecord {
    std::int64_t entityId = 0;
    std::string_view text, author;
    TimePoint createdAt = kNoTime, closedAt = kNoTime;
    bool open = true;
    bool blocking = false;
};

class ModelWriter {
public:
    explicit ModelWriter(sqlite::Connection& connection);
    ~ModelWriter();

    std::int64_t addEntity(const EntityRecord& entity);
    std::int64_t addCable(const CableRecord& cable);
    std::int64_t addPipe(const PipeRecord& pipe);
    std::int64_t addFeed(const FeedRecord& feed);
    std::int64_t addTask(const TaskRecord& task);
    void linkTask(std::int64_t taskId, std::int64_t entityId);
    void addTaskDependency(std::int64_t taskId, std::int64_t dependsOn);
    // Deletes every task with its entity links and dependencies (a schedule import replaces them all).
    void clearSchedule();
    // The id of the entity called `name` inside this transaction, 0 when there is none.
    std::int64_t entityIdByName(std::string_view name);
    std::int64_t addNote(const NoteRecord& note);
    void addTelemetryBinding(std::int64_t entityId, std::string_view scheme, std::string_view key);
    void setInfo(std::string_view key, std::string_view value);
    // Replaces every alert rule (a new file starts with the defaults) with these, ids kept.
    void setAlertRules(std::span<const AlertRule> rules);
    // One line of the audit log: who did what to which entity (0: none), when.
    void audit(TimePoint at, std::string_view author, std::string_view action, std::int64_t entityId,
               std::string_view detail);

private:
    struct Statements;
    std::unique_ptr<Statements> s;
};

} // namespace twin::datamodel
