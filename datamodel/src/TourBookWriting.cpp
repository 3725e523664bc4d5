// ModelWriter's bookmarks and tours: the rows a Bookmarks dock edit or the default tour writes.
#include "ModelWriterStatements.h"
#include "TourBookReader.h"
#include "datamodel/Tours.h"

namespace twin::datamodel {

namespace {

constexpr const char* kInsertBookmark =
    "INSERT INTO bookmark(id, name, position_x, position_y, position_z, focal_x, focal_y, focal_z, up_x, "
    "up_y, "
    "up_z, view_angle, view_state, position) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdateBookmark =
    "UPDATE bookmark SET name = ?2, position_x = ?3, position_y = ?4, position_z = ?5, focal_x = ?6, "
    "focal_y = ?7, focal_z = ?8, up_x = ?9, up_y = ?10, up_z = ?11, view_angle = ?12, view_state = ?13, "
    "position = ?14 WHERE id = ?1";
constexpr const char* kDeleteBookmark = "DELETE FROM bookmark WHERE id = ?";
constexpr const char* kBookmarkRow =
    "SELECT name, position_x, position_y, position_z, focal_x, focal_y, focal_z, up_x, up_y, up_z, "
    "view_angle, view_state, position FROM bookmark WHERE id = ?";
constexpr const char* kInsertTour = "INSERT INTO tour(id, name) VALUES(?, ?)";
constexpr const char* kRenameTour = "UPDATE tour SET name = ? WHERE id = ?";
constexpr const char* kTourName = "SELECT name FROM tour WHERE id = ?";
constexpr const char* kTourStops =
    "SELECT bookmark_id, dwell_s, caption, span_from, span_to, days_per_second "
    "FROM tour_stop WHERE tour_id = ? ORDER BY position";
constexpr const char* kClearStops = "DELETE FROM tour_stop WHERE tour_id = ?";
constexpr const char* kInsertStop = "INSERT INTO tour_stop(tour_id, position, bookmark_id, dwell_s, caption, "
                                    "span_from, span_to, days_per_second) VALUES(?,?,?,?,?,?,?,?)";
constexpr const char* kDeleteTour = "DELETE FROM tour WHERE id = ?";
constexpr const char* kBookmarkNamed = "SELECT id FROM bookmark WHERE name = ?";
constexpr const char* kTourNamed = "SELECT id FROM tour WHERE name = ?";
constexpr const char* kStopsAt = "SELECT count(*) FROM tour_stop WHERE bookmark_id = ?";

std::int64_t firstInteger(Statement& st) {
    const std::int64_t value = st.step() ? st.integer(0) : 0;
    st.reset();
    return value;
}

void bindBookmark(Statement& statement, const Bookmark& bookmark) {
    statement.bind(2, std::string_view(bookmark.name));
    const CameraView& c = bookmark.camera;
    for (int axis = 0; axis < 3; ++axis) {
        statement.bind(3 + axis, c.position[std::size_t(axis)]);
        statement.bind(6 + axis, c.focalPoint[std::size_t(axis)]);
        statement.bind(9 + axis, c.viewUp[std::size_t(axis)]);
    }
    statement.bind(12, c.viewAngle);
    statement.bindOptional(13, bookmark.view);
    statement.bind(14, bookmark.position);
}

} // namespace

std::int64_t ModelWriter::insertBookmark(std::int64_t id, const Bookmark& bookmark) {
    Statement& st = s->prepared(kInsertBookmark);
    bindParent(st, 1, id);
    bindBookmark(st, bookmark);
    st.run();
    return s->connection.lastInsertId();
}

void ModelWriter::updateBookmark(std::int64_t id, const Bookmark& bookmark) {
    Statement& st = s->prepared(kUpdateBookmark);
    st.bind(1, id);
    bindBookmark(st, bookmark);
    st.run();
}

void ModelWriter::deleteBookmark(std::int64_t id) {
    s->prepared(kDeleteBookmark).bind(1, id).run();
}

std::optional<Bookmark> ModelWriter::bookmarkRow(std::int64_t id) {
    Statement& st = s->prepared(kBookmarkRow);
    st.bind(1, id);
    std::optional<Bookmark> row;
    if (st.step()) {
        Bookmark& b = row.emplace();
        b.id = id;
        b.name = std::string(st.text(0));
        b.camera = cameraFromRow(st, 1);
        b.view = st.isNull(11) ? std::string() : std::string(st.text(11));
        b.position = int(st.integer(12));
    }
    st.reset();
    return row;
}

std::int64_t ModelWriter::insertTour(std::int64_t id, std::string_view name) {
    Statement& st = s->prepared(kInsertTour);
    bindParent(st, 1, id);
    st.bind(2, name).run();
    return s->connection.lastInsertId();
}

std::optional<Tour> ModelWriter::tourRows(std::int64_t id) {
    Statement& name = s->prepared(kTourName);
    name.bind(1, id);
    std::optional<Tour> tour;
    if (name.step())
        tour = Tour{id, std::string(name.text(0)), {}};
    name.reset();
    if (!tour)
        return tour;
    Statement& st = s->prepared(kTourStops);
    st.bind(1, id);
    while (st.step()) {
        TourStop stop;
        stop.bookmark.id = st.integer(0);
        stop.dwellSeconds = st.real(1);
        stop.caption = st.isNull(2) ? std::string() : std::string(st.text(2));
        stop.span.from = dayFromRow(st, 3);
        stop.span.to = dayFromRow(st, 4);
        stop.span.daysPerSecond = st.real(5);
        tour->stops.push_back(std::move(stop));
    }
    st.reset();
    return tour;
}

void ModelWriter::replaceTour(std::int64_t id, const Tour& tour) {
    s->prepared(kRenameTour).bind(1, std::string_view(tour.name)).bind(2, id).run();
    s->prepared(kClearStops).bind(1, id).run();
    Statement& st = s->prepared(kInsertStop);
    int position = 0;
    for (const TourStop& stop : tour.stops) {
        st.bind(1, id).bind(2, position++).bind(3, stop.bookmark.id).bind(4, stop.dwellSeconds);
        st.bindOptional(5, stop.caption);
        bindTime(st, 6, stop.span.from);
        bindTime(st, 7, stop.span.to);
        st.bind(8, stop.span.daysPerSecond);
        st.run();
    }
}

void ModelWriter::deleteTour(std::int64_t id) {
    s->prepared(kDeleteTour).bind(1, id).run();
}

std::int64_t ModelWriter::bookmarkNamed(std::string_view name) {
    Statement& st = s->prepared(kBookmarkNamed);
    st.bind(1, name);
    return firstInteger(st);
}

std::int64_t ModelWriter::tourNamed(std::string_view name) {
    Statement& st = s->prepared(kTourNamed);
    st.bind(1, name);
    return firstInteger(st);
}

std::int64_t ModelWriter::stopsAt(std::int64_t bookmark) {
    Statement& st = s->prepared(kStopsAt);
    st.bind(1, bookmark);
    return firstInteger(st);
}

} // namespace twin::datamodel
