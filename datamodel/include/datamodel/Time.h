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

// The span a model's dates must fall in, 1970-01-01 up to 2200-01-01 (exclusive). A calendar date
// outside it is a typo or a placeholder ("0000-01-01", "9999-12-31"), never a build-out date.
inline constexpr TimePoint kEarliestModelTime = 0;
inline constexpr TimePoint kEndOfModelTime = 7258118400; // 2200-01-01 00:00:00 UTC
inline bool withinModelSpan(TimePoint time) {
    return time >= kEarliestModelTime && time < kEndOfModelTime;
}
// "'9999-12-31' is outside 1970-01-01 to 2199-12-31", for a message.
std::string outsideModelSpan(std::string_view text);

} // namespace twin::datamodel
