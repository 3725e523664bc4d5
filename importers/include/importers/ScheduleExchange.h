// Schedules in and out of a model: CSV and Microsoft Project XML (MSPDI, the format schedulers exchange).
// A file is read whole into a ScheduleTable (tasks by the names of what they install), checked, and
// then replaces the model's schedule in one transaction: all of it lands, or nothing does.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Time.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace twin::datamodel {
class FacilityStorage;
}

namespace twin::importers {

struct ScheduleTask {
    std::int64_t id = 0; // the file's task id (CSV id, MS Project UID); predecessors refer to it
    std::string name, kind, crew;
    datamodel::TimePoint plannedStart = datamodel::kNoTime, plannedEnd = datamodel::kNoTime;
    datamodel::TimePoint actualStart = datamodel::kNoTime, actualEnd = datamodel::kNoTime;
    datamodel::TaskStatus status = datamodel::TaskStatus::NotStarted;
    std::vector<std::string> entities;      // entity names, matched to the model's
    std::vector<std::int64_t> predecessors; // ids of tasks in the same file
    int line = 0;                           // where the task starts in its file (for messages)
    int entitiesLine = 0;                   // where its entities are named, when not on `line`
};

struct ScheduleTable {
    std::string file; // where it was read from, for messages
    std::vector<ScheduleTask> tasks;
    // The file has a column (CSV) or a field (MS Project) for entity names: a task with none there
    // links to nothing. Without one, tasks are linked by their names.
    bool namesEntities = true;
};

// Everything wrong with a file, each problem as one "FILE:LINE: message" line, in file order.
struct ScheduleTable;
class ScheduleError : public std::runtime_error {
public:
    // `partial`: when the file could be read to its end, the tasks as read despite the problems, so
    // that checks against the model (names) can add theirs and a user sees every problem at once.
    explicit ScheduleError(std::vector<std::string> problems,
                           std::shared_ptr<const ScheduleTable> partial = {});
    const std::vector<std::string>& problems() const { return problems_; }
    const ScheduleTable* partialTable() const { return partial_.get(); }

private:
    std::vector<std::string> problems_;
    std::shared_ptr<const ScheduleTable> partial_;
};

enum class ScheduleFormat { Csv, MsProjectXml };
// By the file's extension: .csv, or .xml (MS Project); throws ScheduleError for anything else.
ScheduleFormat scheduleFormatOf(const std::string& path);

// Readers check the syntax, the dates and that every predecessor names a task of the file; they
// throw ScheduleError with every problem found (up to a hundred).
ScheduleTable readScheduleCsv(const std::string& path);
ScheduleTable readMsProjectXml(const std::string& path);
ScheduleTable readSchedule(const std::string& path);

// The model's schedule as a table (entity names, predecessors by task id), in task id order.
ScheduleTable scheduleOf(const datamodel::Facility& facility);
// Writers replace `path` only when the whole file is written (a temporary file, then a rename).
void writeScheduleCsv(const ScheduleTable& table, const std::string& path);
void writeMsProjectXml(const ScheduleTable& table, const std::string& path, const std::string& projectName);
void writeSchedule(const ScheduleTable& table, const std::string& path, const std::string& projectName);

struct ImportSummary {
    std::size_t tasks = 0, entityLinks = 0, dependencies = 0;
    std::vector<std::string> unlinkedTasks; // "FILE:LINE: task 'X' names no entity" (imported, unlinked)
};

struct ImportOptions {
    // A file with no tasks would delete the whole schedule: refused unless asked for (--allow-empty).
    bool allowEmpty = false;
};

// Replaces the whole schedule of `storage` with `table` in one transaction. Every entity name must
// be in the model: otherwise ScheduleError lists each unknown name with its line, and the model is
// unchanged. In a file without entity names (as MS Project writes one), a task is linked to the entity
// its name starts with ("H1-R01-K01 deliver"); tasks linked to nothing are imported and listed.
ImportSummary replaceSchedule(datamodel::FacilityStorage& storage, const ScheduleTable& table,
                              const ImportOptions& options = {});

// What an import would take away from the model that the file does not bring back: entities that have
// tasks now and would have none (they would count as standing before the schedule), task-to-entity
// links, and the crews and kinds of tasks (a file without the twin's own fields carries neither).
struct ImportLosses {
    std::size_t entitiesUnscheduled = 0;
    std::vector<std::string> unscheduledExamples; // the first few of them, by name
    std::size_t linksBefore = 0, linksAfter = 0;
    std::size_t crewsBefore = 0, crewsAfter = 0; // tasks with a crew
    std::size_t kindsBefore = 0, kindsAfter = 0; // tasks with a kind other than the default "task"
    bool any() const {
        return entitiesUnscheduled > 0 || linksAfter < linksBefore || crewsAfter < crewsBefore ||
               kindsAfter < kindsBefore;
    }
    // A sentence per loss, for a question to the user or a note.
    std::vector<std::string> describe() const;
};

// An import checked and ready: the table, what it would write, and what it would lose.
struct ImportCheck {
    ScheduleTable table;
    ImportSummary summary;
    ImportLosses losses;
};

// Reads `schedulePath` and checks it against the model at `modelPath` (opened read-only, loaded as
// `info` loads it) without writing anything. Throws ScheduleError with every problem of the file and
// every name the model lacks together, in line order.
ImportCheck checkImport(const std::string& modelPath, const std::string& schedulePath,
                        const ImportOptions& options = {});

// The same for the model file at `modelPath`, checked whole first: it is loaded read-only as `info`
// loads it (a corrupt or inconsistent model is refused with the same message) and every name is
// resolved before it is opened for writing. A refusal leaves the file byte-identical.
ImportSummary importSchedule(const std::string& modelPath, const ScheduleTable& table,
                             const ImportOptions& options = {});

} // namespace twin::importers
