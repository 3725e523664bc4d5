#include "ScheduleProblems.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"

#include <QDateTime>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace twin::importers {

namespace {

using EntityIdOf = std::function<std::int64_t(const std::string&)>; // 0 when the model has no such name
constexpr std::size_t kLossExamples = 5;

// The table's tasks with the model's entity ids, every name checked: what the write needs, found
// before anything is written.
struct ResolvedSchedule {
    std::vector<std::vector<std::int64_t>> entityIds; // per task, sorted, unique
    ImportSummary summary;
};

// Every name the model lacks goes into `problems`; nothing is thrown here.
ResolvedSchedule resolveInto(const ScheduleTable& table, const EntityIdOf& lookUp,
                             ScheduleProblems& problems) {
    std::unordered_map<std::string, std::int64_t> idOfName;
    auto idOf = [&](const std::string& name) {
        const auto [at, added] = idOfName.try_emplace(name, 0);
        if (added)
            at->second = lookUp(name);
        return at->second;
    };
    ResolvedSchedule resolved;
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
    resolved.summary.tasks = table.tasks.size();
    return resolved;
}

ResolvedSchedule resolve(const ScheduleTable& table, const EntityIdOf& lookUp) {
    ScheduleProblems problems(table.file);
    ResolvedSchedule resolved = resolveInto(table, lookUp, problems);
    problems.throwIfAny();
    return resolved;
}

EntityIdOf idsIn(const datamodel::Facility& facility) {
    return [&facility](const std::string& name) -> std::int64_t {
        const datamodel::EntityIndex entity = facility.findByName(name);
        return entity == datamodel::kNoEntity ? 0 : facility.entities().id[std::size_t(entity)];
    };
}

// The line a "FILE:LINE: message" problem is on (0 for none), to list a file's problems in order.
int lineOf(const std::string& problem, const std::string& file) {
    if (problem.size() <= file.size() + 1 || problem.compare(0, file.size(), file) != 0 ||
        problem[file.size()] != ':')
        return 0;
    return std::atoi(problem.c_str() + file.size() + 1);
}

ImportLosses lossesOf(const datamodel::Facility& facility, const ScheduleTable& table,
                      const ResolvedSchedule& resolved) {
    ImportLosses losses;
    const datamodel::TaskColumns& tasks = facility.tasks();
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        losses.linksBefore += tasks.entities.row(t).size();
        losses.crewsBefore += tasks.crew[t].empty() ? 0 : 1;
        losses.kindsBefore += tasks.kind[t].empty() || tasks.kind[t] == "task" ? 0 : 1;
    }
    std::unordered_set<std::int64_t> scheduledAfter;
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        losses.linksAfter += resolved.entityIds[t].size();
        scheduledAfter.insert(resolved.entityIds[t].begin(), resolved.entityIds[t].end());
        losses.crewsAfter += table.tasks[t].crew.empty() ? 0 : 1;
        losses.kindsAfter += table.tasks[t].kind.empty() || table.tasks[t].kind == "task" ? 0 : 1;
    }
    for (std::size_t e = 0; e < facility.entityCount(); ++e)
        if (!facility.tasksOf(datamodel::EntityIndex(e)).empty() &&
            !scheduledAfter.contains(facility.entities().id[e])) {
            if (losses.unscheduledExamples.size() < kLossExamples)
                losses.unscheduledExamples.emplace_back(facility.name(datamodel::EntityIndex(e)));
            ++losses.entitiesUnscheduled;
        }
    return losses;
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

std::vector<std::string> ImportLosses::describe() const {
    // Worded for before and after: the window asks with these, the command line notes them.
    std::vector<std::string> lines;
    if (entitiesUnscheduled > 0) {
        std::string names;
        for (const std::string& name : unscheduledExamples)
            names += (names.empty() ? "" : ", ") + name;
        lines.push_back(std::to_string(entitiesUnscheduled) +
                        " entities with tasks in the model get none from the file and count as standing "
                        "before the schedule (" +
                        names + (entitiesUnscheduled > unscheduledExamples.size() ? ", ..." : "") + ")");
    }
    if (linksAfter < linksBefore)
        lines.push_back("the file has " + std::to_string(linksAfter) +
                        " task-to-entity links where the model has " + std::to_string(linksBefore) + ": " +
                        std::to_string(linksBefore - linksAfter) + " dropped");
    if (crewsAfter < crewsBefore)
        lines.push_back("crews: " + std::to_string(crewsAfter) + " tasks of the file name one, " +
                        std::to_string(crewsBefore) + " of the model's do");
    if (kindsAfter < kindsBefore)
        lines.push_back("task kinds (deliver, cable, burn-in...): " + std::to_string(kindsAfter) +
                        " tasks of the file name one, " + std::to_string(kindsBefore) + " of the model's do");
    return lines;
}

ImportCheck checkImport(const std::string& modelPath, const std::string& schedulePath,
                        const ImportOptions& options) {
    const auto reader = datamodel::Store::open(modelPath, datamodel::Access::ReadOnly);
    const datamodel::Facility facility = reader->load();
    ImportCheck check;
    try {
        check.table = readSchedule(schedulePath);
    } catch (const ScheduleError& error) {
        if (!error.partialTable())
            throw;
        // The file's own problems, and every name the model lacks, in line order.
        ScheduleProblems names(error.partialTable()->file);
        resolveInto(*error.partialTable(), idsIn(facility), names);
        std::vector<std::string> all = error.problems();
        try {
            names.throwIfAny();
        } catch (const ScheduleError& more) {
            all.insert(all.end(), more.problems().begin(), more.problems().end());
        }
        const std::string& file = error.partialTable()->file;
        std::stable_sort(all.begin(), all.end(), [&file](const std::string& a, const std::string& b) {
            return lineOf(a, file) < lineOf(b, file);
        });
        throw ScheduleError(std::move(all));
    }
    refuseEmpty(check.table, options);
    const ResolvedSchedule resolved = resolve(check.table, idsIn(facility));
    check.summary = resolved.summary;
    check.losses = lossesOf(facility, check.table, resolved);
    return check;
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
        resolve(table, idsIn(facility));
    }
    // Resolved again inside the write transaction: ids found in the closed snapshot could have been
    // reused by another writer since (SQLite reuses the highest rowid). A name gone since then fails
    // the import there, rolled back.
    const auto store = datamodel::Store::open(modelPath, datamodel::Access::ReadWrite);
    return replaceSchedule(*store, table, options);
}

} // namespace twin::importers
