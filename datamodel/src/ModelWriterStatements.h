// ModelWriter's prepared statements, shared by the files that implement it (ModelWriter.cpp, and
// TourBookWriting.cpp for bookmarks and tours).
#pragma once

#include "Sqlite.h"
#include "datamodel/ModelWriter.h"

#include <memory>
#include <utility>
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
          note(c, "INSERT INTO note(entity_id, text, author, created_at, closed_at, status, blocking, title, "
                  "priority, assignee, due, pin) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"),
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
    // Edits' statements, prepared on first use: a generator never needs them.
    std::vector<std::pair<const char*, std::unique_ptr<Statement>>> onDemand;
    Statement& prepared(const char* sql) {
        for (auto& [text, statement] : onDemand)
            if (text == sql)
                return *statement;
        onDemand.emplace_back(sql, std::make_unique<Statement>(connection, sql));
        return *onDemand.back().second;
    }
};

// Binding helpers the writer's files share. A time of kNoTime is NULL, else 'YYYY-MM-DD HH:MM:SS'.
inline void bindTime(Statement& statement, int index, TimePoint time) {
    if (time == kNoTime)
        statement.bindNull(index);
    else
        statement.bind(index, formatTime(time));
}

// An id of 0 means "none": NULL (no parent; or, for a primary key, the next free id).
inline void bindParent(Statement& statement, int index, std::int64_t id) {
    if (id == 0)
        statement.bindNull(index);
    else
        statement.bind(index, id);
}

} // namespace twin::datamodel
