// Writes rows of a model inside a Store transaction, through prepared statements only. Ids returned
// are the new rows' ids, to link later rows to.
#pragma once

#include "datamodel/AlertRule.h"
#include "datamodel/EntityKind.h"
#include "datamodel/Facility.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
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
    NoteStatus status = NoteStatus::Open;
    bool blocking = false;
    std::string_view title, assignee, pin;
    NotePriority priority = NotePriority::None;
    TimePoint due = kNoTime;
};

// One line of the audit log as an edit writes it (datamodel/edits).
struct AuditLine {
    TimePoint at = kNoTime;
    std::string_view author, action, detail;
    std::int64_t entity = 0, task = 0, note = 0, edit = 0; // 0: none (edit 0: this line starts one)
    std::string_view before, after;                        // JSON objects, empty: none
};

// A line of the audit log as read back.
struct AuditRecord {
    std::int64_t id = 0, entity = 0, task = 0, note = 0, edit = 0;
    TimePoint at = kNoTime;
    std::string author, action, detail, before, after;
    std::string entityName; // Store::auditLog only: the entity's name now (empty: none, or deleted)
    std::string taskName;   // Store::auditLog only: the task's name now (empty: none)
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

    // For edits (datamodel/edits), inside their transaction: a task's or a note's fields now (nullopt:
    // no such row), written, and the audit lines that record them.
    std::optional<struct TaskFields> taskFields(std::int64_t task);
    void setTaskFields(std::int64_t task, const struct TaskFields& fields);
    std::optional<struct NoteFields> noteFields(std::int64_t note);
    std::optional<struct EntityFields> entityFields(std::int64_t entity);
    void setEntityFields(std::int64_t entity, const struct EntityFields& fields);
    // The entity other than `except` whose `column` ("serial", "uuid", "hostname") is `value`: its id
    // (0: none). For uniqueness, named in the refusal.
    std::int64_t entityHolding(const char* column, std::string_view value, std::int64_t except);
    std::int64_t insertNote(std::int64_t id, const struct NoteFields& fields); // id 0: the next free one
    void updateNote(std::int64_t id, const struct NoteFields& fields);
    void deleteNote(std::int64_t id); // its photos go with it
    void addNotePhoto(std::int64_t note, const struct NotePhoto& photo);
    std::size_t notePhotoCount(std::int64_t note);
    std::int64_t addAuditLine(const AuditLine& line); // a line with edit 0 becomes its edit's first
    std::optional<AuditRecord> auditRecord(std::int64_t id);
    // The newest line that changed this task (or note) after line `after` (0: any), or nullopt.
    std::optional<AuditRecord> latestChangeOfTask(std::int64_t task, std::int64_t after = 0);
    std::optional<AuditRecord> latestChangeOfNote(std::int64_t note, std::int64_t after = 0);
    // Bookmarks and tours (the default tour, the Bookmarks dock's edits; TourBookWriting.cpp). Ids as
    // given (0: the next free one); a bookmark's own id field is not read.
    std::int64_t insertBookmark(std::int64_t id, const struct Bookmark& bookmark);
    void updateBookmark(std::int64_t id, const struct Bookmark& bookmark);
    void deleteBookmark(std::int64_t id);
    // The row now (nullopt: none), as an edit compares it.
    std::optional<struct Bookmark> bookmarkRow(std::int64_t id);
    std::int64_t insertTour(std::int64_t id, std::string_view name);
    // The tour's name and stops now (the bookmarks by id only; nullopt: no such tour).
    std::optional<struct Tour> tourRows(std::int64_t id);
    // The name and every stop, in order, as `tour` has them (stops by their bookmark's id).
    void replaceTour(std::int64_t id, const struct Tour& tour);
    void deleteTour(std::int64_t id); // its stops go with it
    // For an edit's refusal: the bookmark (tour) of that name (0: none), the stops at a bookmark.
    std::int64_t bookmarkNamed(std::string_view name);
    std::int64_t tourNamed(std::string_view name);
    std::int64_t stopsAt(std::int64_t bookmark);
    // An entity's name and a task's, for messages (empty when there is none).
    std::string entityName(std::int64_t entity);
    std::string taskName(std::int64_t task);

private:
    struct Statements;
    std::unique_ptr<Statements> s;
};

} // namespace twin::datamodel
