#include "ScheduleProblems.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"

#include <QDateTime>
#include <unordered_map>

namespace twin::importers {

namespace {

// Entity ids by name, looked up once each inside the import's transaction.
class EntityNames {
public:
    explicit EntityNames(datamodel::ModelWriter& writer) : writer_(writer) {}
    std::int64_t id(const std::string& name) {
        const auto [at, added] = ids_.try_emplace(name, 0);
        if (added)
            at->second = writer_.entityIdByName(name);
        return at->second;
    }

private:
    datamodel::ModelWriter& writer_;
    std::unordered_map<std::string, std::int64_t> ids_;
};

} // namespace

ImportSummary replaceSchedule(datamodel::FacilityStorage& storage, const ScheduleTable& table) {
    ImportSummary summary;
    storage.write([&](datamodel::ModelWriter& writer) {
        summary = {};
        ScheduleProblems problems(table.file);
        EntityNames names(writer);
        std::vector<std::vector<std::int64_t>> entityIds(table.tasks.size());
        for (std::size_t t = 0; t < table.tasks.size(); ++t) {
            const ScheduleTask& task = table.tasks[t];
            for (const std::string& name : task.entities) {
                if (const std::int64_t id = names.id(name))
                    entityIds[t].push_back(id);
                else
                    problems.add(task.entitiesLine ? task.entitiesLine : task.line,
                                 "task '" + task.name + "' names '" + name +
                                     "', which is not an entity of the model");
            }
            if (!table.namesEntities) {
                // Such a schedule says what a task installs in its name: "H1-R01-K01 deliver".
                const std::string firstWord = task.name.substr(0, task.name.find(' '));
                if (const std::int64_t id = names.id(firstWord))
                    entityIds[t].push_back(id);
            }
            if (entityIds[t].empty() && task.entities.empty())
                summary.unlinkedTasks.push_back(table.file + ":" + std::to_string(task.line) + ": task '" +
                                                task.name + "' names no entity");
        }
        problems.throwIfAny(); // inside the transaction: nothing of the import stays

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
            std::sort(entityIds[t].begin(), entityIds[t].end());
            entityIds[t].erase(std::unique(entityIds[t].begin(), entityIds[t].end()), entityIds[t].end());
            for (const std::int64_t entity : entityIds[t])
                writer.linkTask(task.id, entity);
            summary.entityLinks += entityIds[t].size();
        }
        for (const ScheduleTask& task : table.tasks)
            for (const std::int64_t predecessor : task.predecessors)
                writer.addTaskDependency(task.id, predecessor);
        summary.tasks = table.tasks.size();
        for (const ScheduleTask& task : table.tasks)
            summary.dependencies += task.predecessors.size();
        const QByteArray user = qgetenv("USER");
        writer.audit(QDateTime::currentSecsSinceEpoch(), user.isEmpty() ? "unknown" : user.toStdString(),
                     "import schedule", 0, table.file + ": " + std::to_string(summary.tasks) + " tasks");
    });
    return summary;
}

} // namespace twin::importers
