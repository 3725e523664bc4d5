// What the schedule formats share: the problems of a file, collected a line each so that one import
// reports every problem at once instead of one per attempt (thrown together as a ScheduleError); the
// checks on a whole table; and the lists inside a field (entity names, task ids) separated by ';'.
#pragma once

#include "importers/ScheduleExchange.h"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace twin::importers {

class ScheduleProblems {
public:
    explicit ScheduleProblems(std::string file) : file_(std::move(file)) {}

    void add(int line, const std::string& message);
    // Beyond this many a file is plainly in another shape: the rest would only bury the first.
    bool full() const { return count_ >= kMostReported; }
    bool empty() const { return count_ == 0; }
    // Throws ScheduleError with every problem (and how many more there were), if there is any; with
    // `partial`, the tasks read despite them (see ScheduleError).
    void throwIfAny(const ScheduleTable* partial = nullptr) const;

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

// Without leading and trailing blanks (spaces, tabs, a CR of a CRLF line).
std::string trimmed(std::string_view text);
// "a; b;;c" -> {"a", "b", "c"}: items trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view text);
template <typename T> std::string joined(const std::vector<T>& items) {
    std::ostringstream out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out << (i ? ";" : "") << items[i];
    return out.str();
}

} // namespace twin::importers
