#include "datamodel/ModelWriter.h"

#include "Sqlite.h"

#include <cstring>
#include <vector>

namespace twin::datamodel {

using sqlite::Statement;

struct ModelWriter::Statements {
    explicit Statements(sqlite::Connection& c)
        : connection(c),
          entity(
              c,
              "INSERT INTO entity(kind, parent_id, name, subtype, slot, x, y, z, width, depth, height, yaw, "
              "model, serial, hostname, uuid, attributes, id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          cable(
              c,
              "INSERT INTO cable(a_entity, a_port, b_entity, b_port, type, speed_gbps, length_m, route, id) "
              "VALUES(?,?,?,?,?,?,?,?,?)"),
          pipe(c, "INSERT INTO pipe_segment(from_entity, to_entity, side, diameter_mm, design_flow_lpm, "
                  "points, id) "
                  "VALUES(?,?,?,?,?,?,?)"),
          feed(c, "INSERT INTO power_feed(from_entity, to_entity, feed, rating_kw, id) VALUES(?,?,?,?,?)"),
          task(c, "INSERT INTO task(name, kind, planned_start, planned_end, actual_start, actual_end, "
                  "status, crew, id) "
                  "VALUES(?,?,?,?,?,?,?,?,?)"),
          taskEntity(c, "INSERT INTO task_entity(task_id, entity_id) VALUES(?,?)"),
          taskDependency(c, "INSERT INTO task_dependency(task_id, depends_on) VALUES(?,?)"),
          note(c, "INSERT INTO note(entity_id, text, author, created_at, closed_at, status, blocking) "
                  "VALUES(?,?,?,?,?,?,?)"),
          binding(c, "INSERT INTO telemetry_binding(entity_id, scheme, key) VALUES(?,?,?)"),
          info(c, "INSERT OR REPLACE INTO model_info(key, value) VALUES(?,?)"),
          audit(c, "INSERT INTO audit_log(at, author, action, entity_id, detail) VALUES(?,?,?,?,?)"),
          clearAlertRules(c, "DELETE FROM alert_rule"),
          clearTasks(c, "DELETE FROM task"), // links and dependencies go with it (ON DELETE CASCADE)
          entityByName(c, "SELECT id FROM entity WHERE name = ? ORDER BY id LIMIT 1"),
          alertRule(c, "INSERT INTO alert_rule(id, name, metric, comparison, threshold, severity) "
                       "VALUES(?,?,?,?,?,?)") {}

    sqlite::Connection& connection;
    Statement entity, cable, pipe, feed, task, taskEntity, taskDependency, note, binding, info, audit,
        clearAlertRules, clearTasks, entityByName, alertRule;
};

namespace {

void bindTime(Statement& statement, int index, TimePoint time) {
    if (time == kNoTime)
        statement.bindNull(index);
    else
        statement.bind(index, formatTime(time));
}

// An id of 0 means "none": NULL (no parent; or, for a primary key, the next free id).
void bindParent(Statement& statement, int index, std::int64_t id) {
    if (id == 0)
        statement.bindNull(index);
    else
        statement.bind(index, id);
}

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
    st.bind(6, std::string_view(n.open ? "open" : "closed")).bind(7, n.blocking ? 1 : 0);
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

} // namespace twin::datamodel
