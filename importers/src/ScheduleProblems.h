// Collects what is wrong with a schedule file, a line each, so that one import reports every problem
// at once instead of one per attempt; throws them together as a ScheduleError.
#pragma once

#include "importers/ScheduleExchange.h"

#include <string>
#include <vector>

namespace twin::importers {

class ScheduleProblems {
public:
    explicit ScheduleProblems(std::string file) : file_(std::move(file)) {}

    void add(int line, const std::string& message);
    // Beyond this many a file is plainly in another shape: the rest would only bury the first.
    bool full() const { return count_ >= kMostReported; }
    bool empty() const { return count_ == 0; }
    // Throws ScheduleError with every problem (and how many more there were), if there is any.
    void throwIfAny() const;

private:
    static constexpr int kMostReported = 100;
    std::string file_;
    std::vector<std::string> lines_;
    int count_ = 0;
};

// The checks both formats share, on a whole table: names present, dates in order,
// ids positive and unique, predecessors naming tasks of the file and not the task itself.
void checkScheduleTable(const ScheduleTable& table, ScheduleProblems& problems);

// Parses a date-time field the way both formats write it; problems name the field. An empty field is
// kNoTime, or a problem when `required`.
datamodel::TimePoint parseScheduleTime(std::string_view text, const char* field, int line,
                                       ScheduleProblems& problems, bool required = false);

} // namespace twin::importers
