// Bookmarks (a named view: the camera, and the rest of the view as app/view/BookmarkView writes it) and
// guided tours (stops at bookmarks, each with a caption, a dwell and a timeline span to play), as the
// model keeps them (tables bookmark, tour, tour_stop). The Facility holds them (Facility::tourBook);
// edits change them (datamodel/edits/TourEdit); the default tour is written with each generated model
// (app/view/DefaultTour); `tours` lists them and `record --tour` records one.
#pragma once

#include "datamodel/Time.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace twin::datamodel {

struct CameraView {
    std::array<double, 3> position{}, focalPoint{}, viewUp{0.0, 0.0, 1.0};
    double viewAngle = 30.0; // degrees
    bool operator==(const CameraView&) const = default;
};

struct Bookmark {
    std::int64_t id = 0;
    std::string name;
    CameraView camera;
    // The view apart from the camera (layers, x-ray, colouring, timeline day, selection) as the JSON
    // object app/view/BookmarkView writes; empty: the camera alone (a version-3 file, another tool).
    std::string view;
    int position = 0; // the Bookmarks dock's order
    bool operator==(const Bookmark&) const = default;
};

// A part of the schedule the timeline plays while a stop is shown ("day 1 to day 19, 2 days a second").
struct TimelineSpan {
    TimePoint from = kNoTime, to = kNoTime; // midnights UTC, inclusive; kNoTime: no span
    double daysPerSecond = 2.0;
    bool empty() const { return from == kNoTime; }
    bool operator==(const TimelineSpan&) const = default;
};

inline constexpr double kMaxDwellSeconds = 600.0;
inline constexpr double kMaxDaysPerSecond = 365.0;
inline constexpr int kMaxSpanDays = 3660; // ten years of schedule in one stop

struct TourStop {
    Bookmark bookmark;            // bookmark.id names the row; the rest is what the row held
    bool bookmarkMissing = false; // the stop names a bookmark that is not in the model (another tool)
    double dwellSeconds = 5.0;
    std::string caption;
    TimelineSpan span;
    // The row as tour_stop keeps it (the bookmark by id): what an edit compares.
    bool sameRow(const TourStop& other) const {
        return bookmark.id == other.bookmark.id && dwellSeconds == other.dwellSeconds &&
               caption == other.caption && span == other.span;
    }
};

struct Tour {
    std::int64_t id = 0;
    std::string name;
    std::vector<TourStop> stops; // in order
    bool sameRows(const Tour& other) const;
};

// Every bookmark (in the dock's order: position, then id) and every tour (by id).
struct TourBook {
    std::vector<Bookmark> bookmarks;
    std::vector<Tour> tours;
    const Bookmark* bookmark(std::int64_t id) const;
    const Tour* tour(std::int64_t id) const;
    const Tour* tourNamed(std::string_view name) const;
};

// Why `tour` cannot be played, naming the stop ("stop 3 stops at bookmark 17, which is not in the
// model"; "stop 2 dwells -1 s (0 to 600 s)"; a span that ends before it starts), or empty.
std::string tourProblem(const Tour& tour);
// Why these fields cannot be a stop (the tour editor's refusal), or empty.
std::string stopProblem(const TourStop& stop);

} // namespace twin::datamodel
