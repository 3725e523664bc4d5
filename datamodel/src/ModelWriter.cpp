#include "datamodel/ModelWriter.h"

#include "ModelWriterStatements.h"
#include "Sqlite.h"
#include "datamodel/edits/Edit.h"

#include <cstring>
#include <vector>

namespace twin::datamodel {

namespace {

template <typename T> std::span<const std::byte> asBytes(std::span<const T> values) {
    return std::as_bytes(values);
}

} // namespace

ModelWriter::ModelWriter(sqlite::Connection& connection) : s(std::make_unique<Statements>(connection)) {}
ModelWriter::~ModelWriter() = default;

std::int64_t ModelWriter::addEntity(const EntityRecord& e) {
    Statement& st = s->entity;
    st.bind(1, int(e.kind));
    bindParent(st, 2, e.parentId);
    st.bind(3, e.name).bindOptional(4, e.subtype);
    if (e.slot < 0)
        st.bindNull(5);
    else
        st.bind(5, e.slot);
    st.bind(6, double(e.pose.x)).bind(7, double(e.pose.y)).bind(8, double(e.pose.z));
    st.bind(9, double(e.pose.width)).bind(10, double(e.pose.depth)).bind(11, double(e.pose.height));
    st.bind(12, double(e.pose.yaw));
    st.bindOptional(13, e.model)
        .bindOptional(14, e.serial)
        .bindOptional(15, e.hostname)
        .bindOptional(16, e.uuid);
    st.bindOptional(17, e.attributesJson);
    bindParent(st, 18, e.id);
    st.run();
    return s->connection.lastInsertId();
}

std::int64_t ModelWriter::addCable(const CableRecord& c) {
    Statement& st = s->cable;
    st.bind(1, c.aEntity).bind(2, c.aPort).bind(3, c.bEntity).bind(4, c.bPort);
    st.bind(5, cableTypeName(c.type)).bind(6, c.speedGbps).bind(7, c.lengthM);
    if (c.routeTrays.empty())
        st.bindNull(8);
    else
        st.bindBlob(8, asBytes(c.routeTrays));
    bindParent(st, 9, c.id);
    st.run();
    return s->connection.lastInsertId();
}

std::int64_t ModelWriter::addPipe(const PipeRecord& p) {
    Statement& st = s->pipe;
    st.bind(1, p.fromEntity).bind(2, p.toEntity).bind(3, pipeSideName(p.side));
    st.bind(4, p.diameterMm).bind(5, p.designFlowLpm);
    if (p.points.empty())
        st.bindNull(6);
    else
        st.bindBlob(6, asBytes(p.points));
    bindParent(st, 7, p.id);
    st.run();
    return s->connection.lastInsertId();
}

std::int64_t ModelWriter::addFeed(const FeedRecord& f) {
    Statement& st = s->feed;
    st.bind(1, f.fromEntity).bind(2, f.toEntity).bind(3, powerFeedName(f.feed)).bind(4, f.ratingKw);
    bindParent(st, 5, f.id);
    st.run();
    return s->connection.lastInsertId();
}

std::int64_t ModelWriter::addTask(const TaskRecord& t) {
    Statement& st = s->task;
    st.bind(1, t.name).bind(2, t.kind);
    bindTime(st, 3, t.plannedStart);
    bindTime(st, 4, t.plannedEnd);
    bindTime(st, 5, t.actualStart);
    bindTime(st, 6, t.actualEnd);
    st.bind(7, taskStatusName(t.status)).bindOptional(8, t.crew);
    bindParent(st, 9, t.id);
    st.run();
    return s->connection.lastInsertId();
}

void ModelWriter::linkTask(std::int64_t taskId, std::int64_t entityId) {
    s->taskEntity.bind(1, taskId).bind(2, entityId).run();
}

void ModelWriter::addTaskDependency(std::int64_t taskId, std::int64_t dependsOn) {
    s->taskDependency.bind(1, taskId).bind(2, dependsOn).run();
}

std::int64_t ModelWriter::addNote(const NoteRecord& n) {
    Statement& st = s->note;
    st.bind(1, n.entityId).bind(2, n.text).bind(3, n.author);
    bindTime(st, 4, n.createdAt);
    bindTime(st, 5, n.closedAt);
    st.bind(6, noteStatusName(n.status)).bind(7, n.blocking ? 1 : 0);
    st.bindOptional(8, n.title).bindOptional(9, notePriorityName(n.priority)).bindOptional(10, n.assignee);
    bindTime(st, 11, n.due);
    st.bindOptional(12, n.pin);
    st.run();
    return s->connection.lastInsertId();
}

void ModelWriter::addTelemetryBinding(std::int64_t entityId, std::string_view scheme, std::string_view key) {
    s->binding.bind(1, entityId).bind(2, scheme).bind(3, key).run();
}

void ModelWriter::audit(TimePoint at, std::string_view author, std::string_view action, std::int64_t entityId,
                        std::string_view detail) {
    Statement& st = s->audit;
    bindTime(st, 1, at);
    st.bind(2, author).bind(3, action);
    bindParent(st, 4, entityId);
    st.bindOptional(5, detail);
    st.run();
}

void ModelWriter::setInfo(std::string_view key, std::string_view value) {
    s->info.bind(1, key).bind(2, value).run();
}

void ModelWriter::clearSchedule() {
    s->clearTasks.run();
}

std::int64_t ModelWriter::entityIdByName(std::string_view name) {
    Statement& st = s->entityByName;
    st.bind(1, name);
    const std::int64_t id = st.step() ? st.integer(0) : 0;
    st.reset();
    return id;
}

void ModelWriter::setAlertRules(std::span<const AlertRule> rules) {
    s->clearAlertRules.run();
    for (const AlertRule& rule : rules)
        s->alertRule.bind(1, rule.id)
            .bind(2, rule.name)
            .bind(3, rule.metric)
            .bind(4, comparisonName(rule.comparison))
            .bind(5, rule.threshold)
            .bind(6, severityName(rule.severity))
            .run();
}

namespace {

TimePoint timeOf(const Statement& row, int column) {
    if (row.isNull(column))
        return kNoTime;
    const std::optional<TimePoint> time = parseTime(row.text(column));
    return time ? *time : kNoTime;
}

std::string textOf(const Statement& row, int column) {
    return row.isNull(column) ? std::string() : std::string(row.text(column));
}

constexpr const char* kTaskFields = "SELECT actual_start, actual_end, status FROM task WHERE id = ?";
constexpr const char* kSetTaskFields =
    "UPDATE task SET actual_start = ?, actual_end = ?, status = ? WHERE id = ?";
constexpr const char* kNoteFields = "SELECT entity_id, title, text, author, assignee, pin, created_at, "
                                    "closed_at, due, status, priority, blocking "
                                    "FROM note WHERE id = ?";
constexpr const char* kInsertNote = "INSERT INTO note(entity_id, title, text, author, assignee, pin, "
                                    "created_at, closed_at, due, status, priority, "
                                    "blocking, id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdateNote =
    "UPDATE note SET entity_id = ?, title = ?, text = ?, author = ?, assignee = ?, pin = ?, created_at = ?, "
    "closed_at = ?, due = ?, status = ?, priority = ?, blocking = ? WHERE id = ?";
constexpr const char* kDeleteNote = "DELETE FROM note WHERE id = ?";
constexpr const char* kPhotoCount = "SELECT count(*) FROM note_photo WHERE note_id = ?";
constexpr const char* kAddPhoto = "INSERT INTO note_photo(note_id, name, format, data) VALUES(?,?,?,?)";
constexpr const char* kAddAuditLine =
    "INSERT INTO audit_log(at, author, action, entity_id, detail, before, after, edit_id, task_id, note_id) "
    "VALUES(?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kStartEdit = "UPDATE audit_log SET edit_id = id WHERE id = ?";
constexpr const char* kAuditById = "SELECT id, coalesce(entity_id, 0), coalesce(task_id, 0), "
                                   "coalesce(note_id, 0), coalesce(edit_id, id), at, "
                                   "author, action, detail, before, after FROM audit_log WHERE id = ?";
constexpr const char* kLatestOfTask = "SELECT id, coalesce(entity_id, 0), coalesce(task_id, 0), "
                                      "coalesce(note_id, 0), coalesce(edit_id, id), at, "
                                      "author, action, detail, before, after FROM audit_log WHERE task_id = "
                                      "? AND id > ? ORDER BY id DESC LIMIT 1";
constexpr const char* kLatestOfNote = "SELECT id, coalesce(entity_id, 0), coalesce(task_id, 0), "
                                      "coalesce(note_id, 0), coalesce(edit_id, id), at, "
                                      "author, action, detail, before, after FROM audit_log WHERE note_id = "
                                      "? AND id > ? ORDER BY id DESC LIMIT 1";
constexpr const char* kEntityName = "SELECT name FROM entity WHERE id = ?";
constexpr const char* kEntityFields =
    "SELECT model, serial, hostname, uuid, attributes FROM entity WHERE id = ?";
constexpr const char* kSetEntityFields =
    "UPDATE entity SET model = ?, serial = ?, hostname = ?, uuid = ?, attributes = ? WHERE id = ?";
constexpr const char* kSerialHolder = "SELECT id FROM entity WHERE serial = ? AND id <> ? LIMIT 1";
constexpr const char* kUuidHolder = "SELECT id FROM entity WHERE uuid = ? AND id <> ? LIMIT 1";
constexpr const char* kHostnameHolder = "SELECT id FROM entity WHERE hostname = ? AND id <> ? LIMIT 1";
constexpr const char* kTaskName = "SELECT name FROM task WHERE id = ?";

std::optional<AuditRecord> readAudit(Statement& st) {
    std::optional<AuditRecord> record;
    if (st.step()) {
        record.emplace();
        record->id = st.integer(0);
        record->entity = st.integer(1);
        record->task = st.integer(2);
        record->note = st.integer(3);
        record->edit = st.integer(4);
        record->at = timeOf(st, 5);
        record->author = textOf(st, 6);
        record->action = textOf(st, 7);
        record->detail = textOf(st, 8);
        record->before = textOf(st, 9);
        record->after = textOf(st, 10);
    }
    st.reset();
    return record;
}

void bindNote(Statement& st, const NoteFields& n) {
    bindParent(st, 1, n.entity);
    st.bindOptional(2, n.title).bind(3, std::string_view(n.text)).bind(4, std::string_view(n.author));
    st.bindOptional(5, n.assignee).bindOptional(6, n.pin);
    bindTime(st, 7, n.createdAt);
    bindTime(st, 8, n.closedAt);
    bindTime(st, 9, n.due);
    st.bind(10, noteStatusName(n.status)).bindOptional(11, notePriorityName(n.priority));
    st.bind(12, n.blocking ? 1 : 0);
}

} // namespace

std::optional<TaskFields> ModelWriter::taskFields(std::int64_t task) {
    Statement& st = s->prepared(kTaskFields);
    st.bind(1, task);
    std::optional<TaskFields> fields;
    if (st.step()) {
        fields.emplace();
        fields->actualStart = timeOf(st, 0);
        fields->actualEnd = timeOf(st, 1);
        fields->status = taskStatusFromName(st.text(2)).value_or(TaskStatus::NotStarted);
    }
    st.reset();
    return fields;
}

void ModelWriter::setTaskFields(std::int64_t task, const TaskFields& fields) {
    Statement& st = s->prepared(kSetTaskFields);
    bindTime(st, 1, fields.actualStart);
    bindTime(st, 2, fields.actualEnd);
    st.bind(3, taskStatusName(fields.status)).bind(4, task);
    st.run();
}

std::optional<EntityFields> ModelWriter::entityFields(std::int64_t entity) {
    Statement& st = s->prepared(kEntityFields);
    st.bind(1, entity);
    std::optional<EntityFields> fields;
    if (st.step())
        fields = EntityFields{textOf(st, 0), textOf(st, 1), textOf(st, 2), textOf(st, 3), textOf(st, 4)};
    st.reset();
    return fields;
}

void ModelWriter::setEntityFields(std::int64_t entity, const EntityFields& fields) {
    Statement& st = s->prepared(kSetEntityFields);
    st.bindOptional(1, fields.model).bindOptional(2, fields.serial).bindOptional(3, fields.hostname);
    st.bindOptional(4, fields.uuid).bindOptional(5, fields.attributes).bind(6, entity);
    st.run();
}

std::int64_t ModelWriter::entityHolding(const char* column, std::string_view value, std::int64_t except) {
    // One prepared statement per column: the column is never spliced into SQL from input.
    const std::string_view name(column);
    Statement& st = s->prepared(name == "serial" ? kSerialHolder
                                : name == "uuid" ? kUuidHolder
                                                 : kHostnameHolder);
    st.bind(1, value).bind(2, except);
    const std::int64_t holder = st.step() ? st.integer(0) : 0;
    st.reset();
    return holder;
}

std::optional<NoteFields> ModelWriter::noteFields(std::int64_t note) {
    Statement& st = s->prepared(kNoteFields);
    st.bind(1, note);
    std::optional<NoteFields> fields;
    if (st.step()) {
        fields.emplace();
        fields->entity = st.integer(0);
        fields->title = textOf(st, 1);
        fields->text = textOf(st, 2);
        fields->author = textOf(st, 3);
        fields->assignee = textOf(st, 4);
        fields->pin = textOf(st, 5);
        fields->createdAt = timeOf(st, 6);
        fields->closedAt = timeOf(st, 7);
        fields->due = timeOf(st, 8);
        fields->status = noteStatusFromName(st.text(9)).value_or(NoteStatus::Open);
        fields->priority = notePriorityFromName(st.isNull(10) ? std::string_view() : st.text(10))
                               .value_or(NotePriority::None);
        fields->blocking = st.integer(11) != 0;
        // As the loader has it (a note closed without a date closed when it was written), so that an
        // edit made from the loaded model matches the row.
        if (fields->status == NoteStatus::Closed && fields->closedAt == kNoTime)
            fields->closedAt = fields->createdAt;
        if (fields->status != NoteStatus::Closed)
            fields->closedAt = kNoTime;
    }
    st.reset();
    return fields;
}

std::int64_t ModelWriter::insertNote(std::int64_t id, const NoteFields& fields) {
    Statement& st = s->prepared(kInsertNote);
    bindNote(st, fields);
    bindParent(st, 13, id);
    st.run();
    return s->connection.lastInsertId();
}

void ModelWriter::updateNote(std::int64_t id, const NoteFields& fields) {
    Statement& st = s->prepared(kUpdateNote);
    bindNote(st, fields);
    st.bind(13, id);
    st.run();
}

void ModelWriter::deleteNote(std::int64_t id) {
    s->prepared(kDeleteNote).bind(1, id).run();
}

void ModelWriter::addNotePhoto(std::int64_t note, const NotePhoto& photo) {
    Statement& st = s->prepared(kAddPhoto);
    st.bind(1, note).bind(2, std::string_view(photo.name)).bind(3, std::string_view(photo.format));
    st.bindBlob(4, photo.bytes);
    st.run();
}

std::size_t ModelWriter::notePhotoCount(std::int64_t note) {
    Statement& st = s->prepared(kPhotoCount);
    st.bind(1, note);
    const std::size_t photos = st.step() ? std::size_t(st.integer(0)) : 0;
    st.reset();
    return photos;
}

std::int64_t ModelWriter::addAuditLine(const AuditLine& line) {
    Statement& st = s->prepared(kAddAuditLine);
    bindTime(st, 1, line.at);
    st.bind(2, line.author).bind(3, line.action);
    bindParent(st, 4, line.entity);
    st.bindOptional(5, line.detail).bindOptional(6, line.before).bindOptional(7, line.after);
    bindParent(st, 8, line.edit);
    bindParent(st, 9, line.task);
    bindParent(st, 10, line.note);
    st.run();
    const std::int64_t id = s->connection.lastInsertId();
    if (line.edit == 0)
        s->prepared(kStartEdit).bind(1, id).run();
    return id;
}

std::optional<AuditRecord> ModelWriter::auditRecord(std::int64_t id) {
    Statement& st = s->prepared(kAuditById);
    st.bind(1, id);
    return readAudit(st);
}

std::optional<AuditRecord> ModelWriter::latestChangeOfTask(std::int64_t task, std::int64_t after) {
    Statement& st = s->prepared(kLatestOfTask);
    st.bind(1, task).bind(2, after);
    return readAudit(st);
}

std::optional<AuditRecord> ModelWriter::latestChangeOfNote(std::int64_t note, std::int64_t after) {
    Statement& st = s->prepared(kLatestOfNote);
    st.bind(1, note).bind(2, after);
    return readAudit(st);
}

std::string ModelWriter::entityName(std::int64_t entity) {
    Statement& st = s->prepared(kEntityName);
    st.bind(1, entity);
    std::string name = st.step() ? std::string(st.text(0)) : std::string();
    st.reset();
    return name;
}

std::string ModelWriter::taskName(std::int64_t task) {
    Statement& st = s->prepared(kTaskName);
    st.bind(1, task);
    std::string name = st.step() ? std::string(st.text(0)) : std::string();
    st.reset();
    return name;
}

} // namespace twin::datamodel
