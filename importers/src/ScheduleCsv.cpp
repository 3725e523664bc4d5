// Schedules as CSV, one task a row, for spreadsheets: RFC 4180 through libcsv (Debian's libcsv3), with
// a header naming the columns in any order. Lists inside a field (entities, predecessors) are separated
// by ';', so entity names cannot contain one.
#include "ScheduleProblems.h"
#include "datamodel/FileOutput.h"
#include "datamodel/Utf8.h"
#include "importers/ScheduleExchange.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <csv.h>
#include <fstream>

namespace twin::importers {

namespace {

using datamodel::kNoTime;
using datamodel::TaskStatus;

enum Column {
    Id,
    Name,
    Kind,
    PlannedStart,
    PlannedEnd,
    ActualStart,
    ActualEnd,
    Status,
    Crew,
    Entities,
    Predecessors
};
constexpr std::array<const char*, 11> kColumnNames{
    "id",         "name",   "kind", "planned_start", "planned_end", "actual_start",
    "actual_end", "status", "crew", "entities",      "predecessors"};

struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};

// Feeds libcsv a line at a time, so that each row knows the line it starts on: the line being fed
// when its first field ends, less the line breaks quoted inside that field.
class CsvRows {
public:
    explicit CsvRows(const std::string& path, ScheduleProblems& problems) : problems_(problems) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            problems.add(0, "cannot be read");
            return;
        }
        csv_parser parser;
        csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
        std::string text;
        while (std::getline(in, text)) {
            ++line_;
            if (line_ == 1 && text.starts_with("\xEF\xBB\xBF"))
                text.erase(0, 3); // a spreadsheet's byte order mark
            text.push_back('\n');
            if (csv_parse(&parser, text.data(), text.size(), &CsvRows::endField, &CsvRows::endRow, this) !=
                text.size()) {
                problems.add(line_, std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)));
                csv_free(&parser);
                return;
            }
        }
        if (csv_fini(&parser, &CsvRows::endField, &CsvRows::endRow, this) != 0 ||
            csv_error(&parser) == CSV_EPARSE)
            problems.add(line_, "malformed CSV: a quoted field is not closed");
        csv_free(&parser);
    }

    std::vector<CsvRow> rows;

private:
    static void endField(void* data, std::size_t size, void* context) {
        auto* self = static_cast<CsvRows*>(context);
        std::string field(static_cast<const char*>(data), size);
        if (self->building_.fields.empty())
            self->building_.line = self->line_ - int(std::count(field.begin(), field.end(), '\n'));
        // Names and dates go into the model and onto the screen: bytes that are no text are refused
        // here, where the line is known, rather than stored.
        const int fieldLine = self->line_ - int(std::count(field.begin(), field.end(), '\n'));
        const std::string column = "field " + std::to_string(self->building_.fields.size() + 1);
        if (field.find('\0') != std::string::npos)
            self->problems_.add(fieldLine, column + " holds a NUL byte; a schedule is text");
        else if (!datamodel::isValidUtf8(field))
            self->problems_.add(fieldLine, column + " is not valid UTF-8 (save the file as UTF-8)");
        self->building_.fields.push_back(std::move(field));
    }
    static void endRow(int, void* context) {
        auto* self = static_cast<CsvRows*>(context);
        self->rows.push_back(std::move(self->building_));
        self->building_ = {};
    }

    ScheduleProblems& problems_;
    int line_ = 0;
    CsvRow building_;
};

std::optional<std::int64_t> parseId(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

ScheduleTask readTask(const CsvRow& row, const std::array<int, kColumnNames.size()>& columnAt,
                      std::int64_t ordinal, ScheduleProblems& problems) {
    auto field = [&](Column column) -> std::string {
        return columnAt[column] < 0 ? std::string() : trimmed(row.fields[std::size_t(columnAt[column])]);
    };
    ScheduleTask task;
    task.line = row.line;
    task.id = ordinal;
    if (const std::string id = field(Id); !id.empty()) {
        if (const auto value = parseId(id))
            task.id = *value;
        else
            problems.add(row.line, "id: '" + id + "' is not a whole number");
    }
    task.name = field(Name);
    task.kind = field(Kind);
    if (task.kind.empty())
        task.kind = "task";
    task.crew = field(Crew);
    task.plannedStart = parseScheduleTime(field(PlannedStart), "planned_start", row.line, problems, true);
    task.plannedEnd = parseScheduleTime(field(PlannedEnd), "planned_end", row.line, problems, true);
    task.actualStart = parseScheduleTime(field(ActualStart), "actual_start", row.line, problems);
    task.actualEnd = parseScheduleTime(field(ActualEnd), "actual_end", row.line, problems);
    if (const std::string status = field(Status); status.empty())
        task.status = datamodel::taskStatusFromActualDates(task.actualStart, task.actualEnd);
    else if (const auto known = datamodel::taskStatusFromName(status))
        task.status = *known;
    else
        problems.add(row.line,
                     "status: '" + status + "' is not one of not_started, in_progress, done, blocked");
    task.entities = splitList(field(Entities));
    for (const std::string& predecessor : splitList(field(Predecessors))) {
        if (const auto value = parseId(predecessor))
            task.predecessors.push_back(*value);
        else
            problems.add(row.line, "predecessors: '" + predecessor + "' is not a task id");
    }
    return task;
}

std::string quoted(std::string_view text) {
    std::string out(csv_write(nullptr, 0, text.data(), text.size()), '\0');
    csv_write(out.data(), out.size(), text.data(), text.size());
    return out;
}

std::string timeField(datamodel::TimePoint time) {
    return time == kNoTime ? std::string() : datamodel::formatTime(time);
}

} // namespace

ScheduleTable readScheduleCsv(const std::string& path) {
    ScheduleProblems problems(path);
    CsvRows csv(path, problems);
    problems.throwIfAny();
    if (csv.rows.empty())
        throw ScheduleError({path + ":1: empty: a header naming the columns is expected"});

    const CsvRow& header = csv.rows.front();
    std::array<int, kColumnNames.size()> columnAt;
    columnAt.fill(-1);
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        const std::string name = trimmed(header.fields[c]);
        const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), name);
        if (known == kColumnNames.end())
            problems.add(header.line,
                         "unknown column '" + name +
                             "' (known: id, name, kind, planned_start, planned_end, actual_start, "
                             "actual_end, status, crew, entities, predecessors)");
        else if (columnAt[std::size_t(known - kColumnNames.begin())] >= 0)
            problems.add(header.line, "column '" + name + "' appears twice");
        else
            columnAt[std::size_t(known - kColumnNames.begin())] = int(c);
    }
    for (const Column required : {Name, PlannedStart, PlannedEnd})
        if (columnAt[required] < 0)
            problems.add(header.line, std::string("no column '") + kColumnNames[required] + "'");
    problems.throwIfAny();

    ScheduleTable table;
    table.file = path;
    table.namesEntities = columnAt[Entities] >= 0;
    table.tasks.reserve(csv.rows.size() - 1);
    for (std::size_t r = 1; r < csv.rows.size() && !problems.full(); ++r) {
        const CsvRow& row = csv.rows[r];
        if (row.fields.size() == 1 && trimmed(row.fields.front()).empty())
            continue; // a blank line
        if (row.fields.size() != header.fields.size()) {
            problems.add(row.line, std::to_string(row.fields.size()) + " fields where the header has " +
                                       std::to_string(header.fields.size()));
            continue;
        }
        table.tasks.push_back(readTask(row, columnAt, std::int64_t(r), problems));
    }
    checkScheduleTable(table, problems);
    problems.throwIfAny(&table);
    return table;
}

void writeScheduleCsv(const ScheduleTable& table, const std::string& path) {
    std::string text;
    for (std::size_t c = 0; c < kColumnNames.size(); ++c)
        text.append(c ? "," : "").append(kColumnNames[c]);
    text += "\r\n"; // RFC 4180 line ends
    for (const ScheduleTask& task : table.tasks) {
        text.append(std::to_string(task.id)).append(",");
        text.append(quoted(task.name)).append(",");
        text.append(quoted(task.kind)).append(",");
        for (const datamodel::TimePoint time :
             {task.plannedStart, task.plannedEnd, task.actualStart, task.actualEnd})
            text.append(timeField(time)).append(",");
        text.append(datamodel::taskStatusName(task.status)).append(",");
        text.append(quoted(task.crew)).append(",");
        text.append(quoted(joined(task.entities))).append(",");
        text.append(joined(task.predecessors)).append("\r\n");
    }
    if (const std::string error = datamodel::writeFileAtomically(path, text); !error.empty())
        throw ScheduleError({error});
}

} // namespace twin::importers
