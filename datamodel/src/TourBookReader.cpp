#include "TourBookReader.h"

#include <algorithm>
#include <optional>

namespace twin::datamodel {

namespace {

bool hasColumn(sqlite::Connection& connection, std::string_view table, std::string_view column) {
    sqlite::Statement row(connection, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    row.bind(1, table).bind(2, column);
    return row.step() && row.integer(0) > 0;
}

} // namespace

TimePoint dayFromRow(const sqlite::Statement& row, int column) {
    if (row.isNull(column))
        return kNoTime;
    return parseTime(row.text(column)).value_or(kNoTime);
}

CameraView cameraFromRow(const sqlite::Statement& row, int first) {
    CameraView camera;
    camera.position = {row.real(first), row.real(first + 1), row.real(first + 2)};
    camera.focalPoint = {row.real(first + 3), row.real(first + 4), row.real(first + 5)};
    camera.viewUp = {row.real(first + 6), row.real(first + 7), row.real(first + 8)};
    camera.viewAngle = row.real(first + 9);
    return camera;
}

TourBook readTourBook(sqlite::Connection& connection) {
    TourBook book;
    const bool version4 = hasColumn(connection, "bookmark", "view_state");
    sqlite::Statement bookmarks(
        connection, version4
                        ? "SELECT id, name, position_x, position_y, position_z, focal_x, focal_y, focal_z, "
                          "up_x, up_y, up_z, view_angle, view_state, position FROM bookmark "
                          "ORDER BY position, id"
                        : "SELECT id, name, position_x, position_y, position_z, focal_x, focal_y, focal_z, "
                          "up_x, up_y, up_z, view_angle FROM bookmark ORDER BY id");
    while (bookmarks.step()) {
        Bookmark bookmark;
        bookmark.id = bookmarks.integer(0);
        bookmark.name = std::string(bookmarks.text(1));
        bookmark.camera = cameraFromRow(bookmarks, 2);
        if (version4) {
            bookmark.view = bookmarks.isNull(12) ? std::string() : std::string(bookmarks.text(12));
            bookmark.position = int(bookmarks.integer(13));
        } else {
            bookmark.position = int(book.bookmarks.size());
        }
        book.bookmarks.push_back(std::move(bookmark));
    }

    sqlite::Statement tours(connection, "SELECT id, name FROM tour ORDER BY id");
    while (tours.step())
        book.tours.push_back({tours.integer(0), std::string(tours.text(1)), {}});
    // The stops by the bookmark's id, not a join: a stop at a bookmark that is gone (a file written
    // without foreign keys) is kept and marked, so that whoever plays the tour can say which one.
    sqlite::Statement stops(connection,
                            version4 ? "SELECT tour_id, bookmark_id, dwell_s, caption, span_from, span_to, "
                                       "days_per_second FROM tour_stop ORDER BY tour_id, position"
                                     : "SELECT tour_id, bookmark_id, dwell_s, caption FROM tour_stop "
                                       "ORDER BY tour_id, position");
    while (stops.step()) {
        const auto tour = std::find_if(book.tours.begin(), book.tours.end(),
                                       [&](const Tour& t) { return t.id == stops.integer(0); });
        if (tour == book.tours.end())
            continue; // a stop of no tour (foreign keys off): nothing can play it
        TourStop stop;
        stop.bookmark.id = stops.integer(1);
        if (const Bookmark* bookmark = book.bookmark(stop.bookmark.id))
            stop.bookmark = *bookmark;
        else
            stop.bookmarkMissing = true;
        stop.dwellSeconds = stops.real(2);
        stop.caption = stops.isNull(3) ? std::string() : std::string(stops.text(3));
        if (version4) {
            stop.span.from = dayFromRow(stops, 4);
            stop.span.to = dayFromRow(stops, 5);
            stop.span.daysPerSecond = stops.real(6);
        }
        tour->stops.push_back(std::move(stop));
    }
    return book;
}

} // namespace twin::datamodel
