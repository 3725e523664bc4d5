#include "ScheduleProblems.h"
#include "datamodel/TaskOrder.h"
#include "importers/ScheduleExchange.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

namespace twin::importers {

using datamodel::kNoTime;

ScheduleError::ScheduleError(std::vector<std::string> problems, std::shared_ptr<const ScheduleTable> partial)
    : std::runtime_error(problems.empty() ? std::string("schedule: unknown problem") : problems.front()),
      problems_(std::move(problems)), partial_(std::move(partial)) {}

void ScheduleProblems::add(int line, const std::string& message) {
    ++count_;
    if (count_ > kMostReported)
        return;
    std::string where = file_;
    if (line > 0)
        where.append(":").append(std::to_string(line));
    lines_.push_back(where.append(": ").append(message));
}

void ScheduleProblems::throwIfAny(const ScheduleTable* partial) const {
    if (count_ == 0)
        return;
    std::vector<std::string> all = lines_;
    if (count_ > kMostReported)
        all.push_back(file_ + ": " + std::to_string(count_ - kMostReported) + " more problems not listed");
    throw ScheduleError(std::move(all), partial && !full() ? std::make_shared<const ScheduleTable>(*partial)
                                                           : std::shared_ptr<const ScheduleTable>());
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r") - first + 1));
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> items;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t to = std::min(text.find(';', from), text.size());
        if (std::string item = trimmed(text.substr(from, to - from)); !item.empty())
            items.push_back(std::move(item));
        from = to + 1;
    }
    return items;
}

datamodel::TimePoint parseScheduleTime(std::string_view text, const char* field, int line,
                                       ScheduleProblems& problems, bool required) {
    if (text.empty()) {
        if (required)
            problems.add(line, std::string(field) + " is empty: a task needs a planned start and end");
        return kNoTime;
    }
    if (const std::optional<datamodel::TimePoint> time = datamodel::parseTime(text)) {
        if (datamodel::withinModelSpan(*time))
            return *time;
        problems.add(line, std::string(field) + ": " + datamodel::outsideModelSpan(text));
        return kNoTime;
    }
    problems.add(line, std::string(field) + ": '" + std::string(text) +
                           "' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
    return kNoTime;
}

namespace {

// Dependencies that loop can never be scheduled: names a task on the loop.
void checkNoLoops(const ScheduleTable& table, ScheduleProblems& problems) {
    std::unordered_map<std::int64_t, std::uint32_t> indexOfId;
    for (std::size_t t = 0; t < table.tasks.size(); ++t)
        indexOfId.emplace(table.tasks[t].id, std::uint32_t(t));
    datamodel::Csr<std::uint32_t> predecessors;
    for (const ScheduleTask& task : table.tasks) {
        for (const std::int64_t predecessor : task.predecessors)
            if (const auto at = indexOfId.find(predecessor); at != indexOfId.end())
                predecessors.items.push_back(at->second);
        predecessors.start.push_back(std::uint32_t(predecessors.items.size()));
    }
    const datamodel::TaskOrder order = datamodel::orderTasks(predecessors);
    if (order.complete())
        return;
    const ScheduleTask& task = table.tasks[order.loopMember(predecessors)];
    problems.add(task.line,
                 "task '" + task.name + "' waits on itself through its predecessors (a dependency loop)");
}

} // namespace

void checkScheduleTable(const ScheduleTable& table, ScheduleProblems& problems) {
    std::unordered_map<std::int64_t, int> lineOfId;
    lineOfId.reserve(table.tasks.size());
    for (const ScheduleTask& task : table.tasks) {
        if (task.id <= 0)
            problems.add(task.line, "task id " + std::to_string(task.id) + " is not a positive number");
        else if (const auto [at, added] = lineOfId.emplace(task.id, task.line); !added)
            problems.add(task.line, "task id " + std::to_string(task.id) + " repeats line " +
                                        std::to_string(at->second));
    }
    for (const ScheduleTask& task : table.tasks) {
        if (problems.full())
            return;
        if (task.name.empty())
            problems.add(task.line, "the task has no name");
        // A missing or unreadable date was reported by the reader, which knows the field's name.
        if (task.plannedStart != kNoTime && task.plannedEnd != kNoTime && task.plannedEnd < task.plannedStart)
            problems.add(task.line, "task '" + task.name + "' is planned to end before it starts");
        if (task.actualEnd != kNoTime && task.actualStart == kNoTime)
            problems.add(task.line, "task '" + task.name + "' has an actual end but no actual start");
        else if (task.actualEnd != kNoTime && task.actualEnd < task.actualStart)
            problems.add(task.line, "task '" + task.name + "' actually ended before it started");
        std::vector<std::int64_t> sorted = task.predecessors;
        std::sort(sorted.begin(), sorted.end());
        if (const auto repeated = std::adjacent_find(sorted.begin(), sorted.end()); repeated != sorted.end())
            problems.add(task.line, "task '" + task.name + "' names predecessor " +
                                        std::to_string(*repeated) + " more than once");
        for (const std::int64_t predecessor : task.predecessors) {
            if (predecessor == task.id)
                problems.add(task.line, "task '" + task.name + "' depends on itself");
            else if (!lineOfId.contains(predecessor))
                problems.add(task.line, "task '" + task.name + "' depends on task " +
                                            std::to_string(predecessor) + ", which is not in the file");
        }
    }
    if (problems.empty())
        checkNoLoops(table, problems);
}

ScheduleFormat scheduleFormatOf(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".csv")
        return ScheduleFormat::Csv;
    if (extension == ".xml")
        return ScheduleFormat::MsProjectXml;
    throw ScheduleError({path + ": a schedule is a .csv or an MS Project .xml file"});
}

ScheduleTable readSchedule(const std::string& path) {
    return scheduleFormatOf(path) == ScheduleFormat::Csv ? readScheduleCsv(path) : readMsProjectXml(path);
}

void writeSchedule(const ScheduleTable& table, const std::string& path, const std::string& projectName) {
    if (scheduleFormatOf(path) == ScheduleFormat::Csv)
        writeScheduleCsv(table, path);
    else
        writeMsProjectXml(table, path, projectName);
}

ScheduleTable scheduleOf(const datamodel::Facility& facility) {
    const datamodel::TaskColumns& tasks = facility.tasks();
    ScheduleTable table;
    table.tasks.resize(tasks.size());
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        ScheduleTask& task = table.tasks[t];
        task.id = tasks.id[t];
        task.name = tasks.name[t];
        task.kind = tasks.kind[t];
        task.crew = tasks.crew[t];
        task.plannedStart = tasks.plannedStart[t];
        task.plannedEnd = tasks.plannedEnd[t];
        task.actualStart = tasks.actualStart[t];
        task.actualEnd = tasks.actualEnd[t];
        task.status = tasks.status[t];
        for (const datamodel::EntityIndex entity : tasks.entities.row(t))
            task.entities.emplace_back(facility.name(entity));
        for (const std::uint32_t predecessor : tasks.predecessors.row(t))
            task.predecessors.push_back(tasks.id[predecessor]);
        std::sort(task.predecessors.begin(), task.predecessors.end());
    }
    std::sort(table.tasks.begin(), table.tasks.end(),
              [](const ScheduleTask& a, const ScheduleTask& b) { return a.id < b.id; });
    return table;
}

} // namespace twin::importers
