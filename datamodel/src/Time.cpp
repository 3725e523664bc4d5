#include "datamodel/Time.h"

#include <cstdio>

namespace twin::datamodel {

namespace {

// Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yearOfEra = unsigned(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + std::int64_t(dayOfEra) - 719468;
}

void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned dayOfEra = unsigned(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthPrime = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * monthPrime + 2) / 5 + 1;
    month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
    year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

bool readNumber(std::string_view text, std::size_t at, std::size_t digits, int& value) {
    if (at + digits > text.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

TimePoint timeFromCivil(int year, int month, int day, int hour, int minute, int second) {
    return daysFromCivil(year, unsigned(month), unsigned(day)) * kSecondsPerDay + hour * 3600 + minute * 60 +
           second;
}

std::optional<TimePoint> parseTime(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readNumber(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
        !readNumber(text, 5, 2, month) || text[7] != '-' || !readNumber(text, 8, 2, day))
        return std::nullopt;
    if (text.size() > 10) {
        if ((text[10] != ' ' && text[10] != 'T') || text.size() < 16 || !readNumber(text, 11, 2, hour) ||
            text[13] != ':' || !readNumber(text, 14, 2, minute))
            return std::nullopt;
        if (text.size() > 16) {
            if (text.size() != 19 || text[16] != ':' || !readNumber(text, 17, 2, second))
                return std::nullopt;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 ||
        second > 59)
        return std::nullopt;
    return timeFromCivil(year, month, day, hour, minute, second);
}

std::string formatTime(TimePoint time) {
    std::int64_t days = time / kSecondsPerDay;
    std::int64_t seconds = time % kSecondsPerDay;
    if (seconds < 0) {
        seconds += kSecondsPerDay;
        --days;
    }
    int year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d:%02d", year, month, day,
                  int(seconds / 3600), int(seconds / 60 % 60), int(seconds % 60));
    return buffer;
}

std::string formatDate(TimePoint time) {
    return formatTime(time).substr(0, 10);
}

std::string outsideModelSpan(std::string_view text) {
    std::string message = "'";
    message.append(text).append("' is outside the dates a model holds (1970-01-01 to 2199-12-31)");
    return message;
}

} // namespace twin::datamodel
