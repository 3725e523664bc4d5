#include "datamodel/Tours.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace twin::datamodel {

namespace {

std::string seconds(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

bool Tour::sameRows(const Tour& other) const {
    return name == other.name &&
           std::equal(stops.begin(), stops.end(), other.stops.begin(), other.stops.end(),
                      [](const TourStop& a, const TourStop& b) { return a.sameRow(b); });
}

const Bookmark* TourBook::bookmark(std::int64_t id) const {
    const auto at =
        std::find_if(bookmarks.begin(), bookmarks.end(), [&](const Bookmark& b) { return b.id == id; });
    return at == bookmarks.end() ? nullptr : &*at;
}

const Tour* TourBook::tour(std::int64_t id) const {
    const auto at = std::find_if(tours.begin(), tours.end(), [&](const Tour& t) { return t.id == id; });
    return at == tours.end() ? nullptr : &*at;
}

const Tour* TourBook::tourNamed(std::string_view name) const {
    const auto at = std::find_if(tours.begin(), tours.end(), [&](const Tour& t) { return t.name == name; });
    return at == tours.end() ? nullptr : &*at;
}

std::string stopProblem(const TourStop& stop) {
    if (stop.bookmarkMissing)
        return "stops at bookmark " + std::to_string(stop.bookmark.id) + ", which is not in the model";
    if (!std::isfinite(stop.dwellSeconds) || stop.dwellSeconds < 0.0 || stop.dwellSeconds > kMaxDwellSeconds)
        return "dwells " + seconds(stop.dwellSeconds) + " s (0 to " + seconds(kMaxDwellSeconds) + " s)";
    if (stop.span.empty() != (stop.span.to == kNoTime))
        return "has a timeline span with one end only";
    if (!stop.span.empty() && stop.span.to < stop.span.from)
        return "has a timeline span that ends before it starts";
    if (!stop.span.empty() && (stop.span.to - stop.span.from) / kSecondsPerDay + 1 > kMaxSpanDays)
        return "plays a timeline span of " +
               std::to_string((stop.span.to - stop.span.from) / kSecondsPerDay + 1) + " days (at most " +
               std::to_string(kMaxSpanDays) + ")";
    if (!stop.span.empty() && (!std::isfinite(stop.span.daysPerSecond) || stop.span.daysPerSecond <= 0.0 ||
                               stop.span.daysPerSecond > kMaxDaysPerSecond))
        return "plays " + seconds(stop.span.daysPerSecond) + " days a second (more than 0, at most " +
               seconds(kMaxDaysPerSecond) + ")";
    return {};
}

std::string tourProblem(const Tour& tour) {
    if (tour.stops.empty())
        return "tour '" + tour.name + "' has no stops";
    for (std::size_t i = 0; i < tour.stops.size(); ++i)
        if (const std::string problem = stopProblem(tour.stops[i]); !problem.empty())
            return "tour '" + tour.name + "': stop " + std::to_string(i + 1) + " " + problem;
    return {};
}

} // namespace twin::datamodel
