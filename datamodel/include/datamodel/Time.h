// Model times: UTC seconds since 1970 in memory, 'YYYY-MM-DD HH:MM:SS' text in the file.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace twin::datamodel {

using TimePoint = std::int64_t;
// An empty time (an actual date not yet recorded).
inline constexpr TimePoint kNoTime = std::numeric_limits<TimePoint>::min();
inline constexpr TimePoint kSecondsPerDay = 86400;

// Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS' (or with 'T'), with a real calendar
// date (2024-02-30 is refused). Nothing else.
std::optional<TimePoint> parseTime(std::string_view text);
std::string formatTime(TimePoint time); // 'YYYY-MM-DD HH:MM:SS'
std::string formatDate(TimePoint time); // 'YYYY-MM-DD'
// Midnight UTC of the day `time` falls in (also for times before 1970).
inline TimePoint startOfDay(TimePoint time) {
    return time - ((time % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
}
TimePoint timeFromCivil(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

} // namespace twin::datamodel
