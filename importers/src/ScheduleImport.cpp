#include "ScheduleProblems.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"

#include <QDateTime>
#include <algorithm>
#include <functional>
#include <unordered_map>

namespace twin::importers {

namespace {

using EntityIdOf = std::function<std::int64_t(const std::string&)>; // 0 when the model has no such name

// The table's tasks with the model's entity ids, every name checked: what the write needs, found
// before anything is written.
struct ResolvedSchedule {
    std::vector<std::vector<std::int64_t>> entityIds; // per task, sorted, unique
    ImportSummary summary;
};

ResolvedSchedule resolve(const ScheduleTable& table, const EntityIdOf& lookUp) {
    std::unordered_map<std::string, std::int64_t> idOfName;
    auto idOf = [&](const std::string& name) {
        const auto [at, added] = idOfName.try_emplace(name, 0);
        if (added)
            at->second = lookUp(name);
        return at->second;
    };
    ResolvedSchedule resolved;
    ScheduleProblems problems(table.file);
    resolved.entityIds.resize(table.tasks.size());
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const ScheduleTask& task = table.tasks[t];
        std::vector<std::int64_t>& ids = resolved.entityIds[t];
        for (const std::string& name : task.entities) {
            if (const std::int64_t id = idOf(name))
                ids.push_back(id);
            else
                problems.add(task.entitiesLine ? task.entitiesLine : task.line,
                             "task '" + task.name + "' names '" + name +
                                 "', which is not an entity of the model");
        }
        if (!table.namesEntities) {
            // Such a schedule says what a task installs in its name: "H1-R01-K01 deliver".
            const std::string firstWord = task.name.substr(0, task.name.find(' '));
            if (const std::int64_t id = idOf(firstWord))
                ids.push_back(id);
        }
        if (ids.empty() && task.entities.empty())
            resolved.summary.unlinkedTasks.push_back(table.file + ":" + std::to_string(task.line) +
                                                     ": task '" + task.name + "' names no entity");
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        resolved.summary.entityLinks += ids.size();
        resolved.summary.dependencies += task.predecessors.size();
    }
    problems.throwIfAny();
    resolved.summary.tasks = table.tasks.size();
    return resolved;
}

void writeResolved(datamodel::ModelWriter& writer, const ScheduleTable& table,
                   const ResolvedSchedule& resolved) {
    writer.clearSchedule();
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const ScheduleTask& task = table.tasks[t];
        datamodel::TaskRecord record;
        record.id = task.id;
        record.name = task.name;
        record.kind = task.kind;
        record.crew = task.crew;
        record.plannedStart = task.plannedStart;
        record.plannedEnd = task.plannedEnd;
        record.actualStart = task.actualStart;
        record.actualEnd = task.actualEnd;
        record.status = task.status;
        writer.addTask(record);
        for (const std::int64_t entity : resolved.entityIds[t])
            writer.linkTask(task.id, entity);
    }
    for (const ScheduleTask& task : table.tasks)
        for (const std::int64_t predecessor : task.predecessors)
            writer.addTaskDependency(task.id, predecessor);
    const QByteArray user = qgetenv("USER");
    writer.audit(QDateTime::currentSecsSinceEpoch(), user.isEmpty() ? "unknown" : user.toStdString(),
                 "import schedule", 0, table.file + ": " + std::to_string(resolved.summary.tasks) + " tasks");
}

void refuseEmpty(const ScheduleTable& table, const ImportOptions& options) {
    if (table.tasks.empty() && !options.allowEmpty)
        throw ScheduleError({table.file + ": holds no tasks; importing it would delete the model's whole "
                                          "schedule (allow an empty schedule to do that on purpose)"});
}

} // namespace

ImportSummary replaceSchedule(datamodel::FacilityStorage& storage, const ScheduleTable& table,
                              const ImportOptions& options) {
    refuseEmpty(table, options);
    ImportSummary summary;
    storage.write([&](datamodel::ModelWriter& writer) {
        const ResolvedSchedule resolved =
            resolve(table, [&writer](const std::string& name) { return writer.entityIdByName(name); });
        writeResolved(writer, table, resolved); // a throw above rolls the transaction back
        summary = resolved.summary;
    });
    return summary;
}

ImportSummary importSchedule(const std::string& modelPath, const ScheduleTable& table,
                             const ImportOptions& options) {
    refuseEmpty(table, options);
    // Everything is checked with the model open read-only: the whole model loaded as `info` loads it
    // (corrupt pages, broken references, parent loops are refused with its message) and every name
    // resolved. Only then is the file opened for writing, so a refusal leaves it byte-identical
    // (opening for writing alone changes its header: the journal mode and the change counter).
    {
        const auto reader = datamodel::Store::open(modelPath, datamodel::Access::ReadOnly);
        const datamodel::Facility facility = reader->load();
        resolve(table, [&facility](const std::string& name) -> std::int64_t {
            const datamodel::EntityIndex entity = facility.findByName(name);
            return entity == datamodel::kNoEntity ? 0 : facility.entities().id[std::size_t(entity)];
        });
    }
    // Resolved again inside the write transaction: ids found in the closed snapshot could have been
    // reused by another writer since (SQLite reuses the highest rowid). A name gone since then fails
    // the import there, rolled back.
    const auto store = datamodel::Store::open(modelPath, datamodel::Access::ReadWrite);
    return replaceSchedule(*store, table, options);
}

} // namespace twin::importers
