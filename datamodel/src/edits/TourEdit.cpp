#include "datamodel/edits/TourEdit.h"

#include "EditLog.h"
#include "datamodel/Utf8.h"

#include <algorithm>

namespace twin::datamodel {

namespace {

std::string quoted(const std::string& name) {
    return "'" + name + "'";
}

// Why `name` cannot name a bookmark or a tour, or empty.
std::string nameProblem(const std::string& what, const std::string& name) {
    if (name.empty() || name.find_first_not_of(' ') == std::string::npos)
        return what + " needs a name";
    if (!isValidUtf8(name))
        return what + " name is not valid UTF-8";
    std::size_t characters = 0;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return what + " name holds a control character (code " + std::to_string(int(byte)) + ")";
        characters += (byte & 0xC0) != 0x80 ? 1 : 0;
    }
    if (characters > kMaxTourBookNameLength)
        return what + " name is longer than " + std::to_string(kMaxTourBookNameLength) + " characters";
    return {};
}

const Bookmark& existing(const TourBook& book, std::int64_t id) {
    const Bookmark* bookmark = book.bookmark(id);
    if (!bookmark)
        throw EditRefused("bookmark " + std::to_string(id) + " is not in the model");
    return *bookmark;
}

void refuseName(const TourBook& book, const std::string& name, std::int64_t except) {
    if (const std::string problem = nameProblem("a bookmark's", name); !problem.empty())
        throw EditRefused(problem);
    for (const Bookmark& other : book.bookmarks)
        if (other.name == name && other.id != except)
            throw EditRefused("a bookmark named " + quoted(name) + " is there already");
}

// The audit line of a bookmark's or a tour's change: its name, the row before and after as JSON.
template <typename Change>
void logRow(ModelWriter& writer, const Change& change, const EditStamp& stamp, const std::string& action,
            std::int64_t& editId, EditOutcome& outcome) {
    AuditLine line;
    const std::string detail = (change.after ? change.after : change.before)->name;
    line.detail = detail;
    const std::string before = change.before ? toJson(*change.before) : std::string();
    const std::string after = change.after ? toJson(*change.after) : std::string();
    line.before = before;
    line.after = after;
    logChange(writer, line, stamp, action, editId, outcome);
}

} // namespace

Edit saveBookmarkEdit(const TourBook& book, Bookmark bookmark) {
    refuseName(book, bookmark.name, 0);
    int position = 0;
    for (const Bookmark& other : book.bookmarks)
        position = std::max(position, other.position + 1);
    bookmark.id = 0;
    bookmark.position = position;
    Edit edit;
    edit.action = "bookmark save";
    edit.bookmarks.push_back({0, std::nullopt, std::move(bookmark)});
    return edit;
}

Edit updateBookmarkEdit(const TourBook& book, std::int64_t id, Bookmark after) {
    const Bookmark& before = existing(book, id);
    refuseName(book, after.name, id);
    after.id = id;
    after.position = before.position;
    Edit edit;
    edit.action = "bookmark update";
    if (after != before)
        edit.bookmarks.push_back({id, before, std::move(after)});
    return edit;
}

Edit renameBookmarkEdit(const TourBook& book, std::int64_t id, const std::string& name) {
    Bookmark after = existing(book, id);
    after.name = name;
    Edit edit = updateBookmarkEdit(book, id, std::move(after));
    edit.action = "bookmark rename";
    return edit;
}

Edit moveBookmarkEdit(const TourBook& book, std::int64_t id, int by) {
    existing(book, id);
    // The dock's order is the book's: positions may repeat (another tool), so the two swap their
    // places in the list, each given its index, and the rest keep theirs.
    const auto at = std::find_if(book.bookmarks.begin(), book.bookmarks.end(),
                                 [&](const Bookmark& b) { return b.id == id; });
    const std::ptrdiff_t from = at - book.bookmarks.begin(), to = from + (by < 0 ? -1 : 1);
    Edit edit;
    edit.action = by < 0 ? "bookmark up" : "bookmark down";
    if (to < 0 || to >= std::ptrdiff_t(book.bookmarks.size()))
        return edit; // at the end already: nothing to do
    for (std::ptrdiff_t i = 0; i < std::ptrdiff_t(book.bookmarks.size()); ++i) {
        const Bookmark& before = book.bookmarks[std::size_t(i)];
        Bookmark after = before;
        after.position = int(i == from ? to : i == to ? from : i);
        if (after.position != before.position)
            edit.bookmarks.push_back({before.id, before, std::move(after)});
    }
    return edit;
}

Edit deleteBookmarkEdit(const TourBook& book, std::int64_t id) {
    const Bookmark& before = existing(book, id);
    Edit edit;
    edit.action = "bookmark delete";
    for (const Tour& tour : book.tours) {
        Tour after = tour;
        std::erase_if(after.stops, [&](const TourStop& stop) { return stop.bookmark.id == id; });
        if (after.stops.size() != tour.stops.size())
            edit.tours.push_back({tour.id, tour, std::move(after)});
    }
    edit.bookmarks.push_back({id, before, std::nullopt});
    return edit;
}

Edit tourEdit(const TourBook& book, const Tour& tour) {
    if (const std::string problem = nameProblem("a tour's", tour.name); !problem.empty())
        throw EditRefused(problem);
    for (const Tour& other : book.tours)
        if (other.name == tour.name && other.id != tour.id)
            throw EditRefused("a tour named " + quoted(tour.name) + " is there already");
    Tour after = tour;
    for (std::size_t i = 0; i < after.stops.size(); ++i) {
        TourStop& stop = after.stops[i];
        const Bookmark* bookmark = book.bookmark(stop.bookmark.id);
        stop.bookmarkMissing = bookmark == nullptr;
        if (bookmark)
            stop.bookmark = *bookmark;
        if (const std::string problem = stopProblem(stop); !problem.empty())
            throw EditRefused("tour " + quoted(tour.name) + ": stop " + std::to_string(i + 1) + " " +
                              problem);
    }
    Edit edit;
    if (tour.id == 0) {
        edit.action = "tour add";
        edit.tours.push_back({0, std::nullopt, std::move(after)});
        return edit;
    }
    const Tour* before = book.tour(tour.id);
    if (!before)
        throw EditRefused("tour " + std::to_string(tour.id) + " is not in the model");
    edit.action = "tour edit";
    if (!before->sameRows(after))
        edit.tours.push_back({tour.id, *before, std::move(after)});
    return edit;
}

Edit deleteTourEdit(const TourBook& book, std::int64_t id) {
    const Tour* before = book.tour(id);
    if (!before)
        throw EditRefused("tour " + std::to_string(id) + " is not in the model");
    Edit edit;
    edit.action = "tour delete";
    edit.tours.push_back({id, *before, std::nullopt});
    return edit;
}

std::int64_t applyBookmarkChange(ModelWriter& writer, const BookmarkChange& change, const EditStamp& stamp,
                                 const std::string& action, std::int64_t& editId, EditOutcome& outcome) {
    std::int64_t id = change.bookmark;
    const std::string what = "bookmark " + quoted((change.after ? change.after : change.before)->name);
    // What another writer did since, said as such (the table's constraints would only say "failed").
    if (change.after)
        if (const std::int64_t holder = writer.bookmarkNamed(change.after->name); holder != 0 && holder != id)
            throw EditConflict("a bookmark named " + quoted(change.after->name) +
                               " was made since by another writer");
    if (change.before && !change.after && writer.stopsAt(id) > 0)
        throw EditConflict(what + " is a stop of a tour since (another writer put it there); not deleted");
    if (change.before) {
        std::optional<Bookmark> now = writer.bookmarkRow(id);
        if (!now)
            throw EditConflict(what + " is no longer in the model");
        Bookmark expected = *change.before;
        expected.id = id;
        if (*now != expected)
            throw EditConflict(what + " was changed since by another writer");
        if (change.after)
            writer.updateBookmark(id, *change.after);
        else
            writer.deleteBookmark(id);
    } else if (change.after) {
        if (id != 0 && writer.bookmarkRow(id))
            throw EditConflict("bookmark " + std::to_string(id) + " is taken by another bookmark since");
        id = writer.insertBookmark(id, *change.after);
    }
    logRow(writer, change, stamp, action, editId, outcome);
    return id;
}

std::int64_t applyTourChange(ModelWriter& writer, const TourChange& change, const EditStamp& stamp,
                             const std::string& action, std::int64_t& editId, EditOutcome& outcome) {
    std::int64_t id = change.tour;
    const std::string what = "tour " + quoted((change.after ? change.after : change.before)->name);
    if (change.before) {
        const std::optional<Tour> now = writer.tourRows(id);
        if (!now)
            throw EditConflict(what + " is no longer in the model");
        if (!now->sameRows(*change.before))
            throw EditConflict(what + " was changed since by another writer");
    } else if (id != 0 && writer.tourRows(id)) {
        throw EditConflict("tour " + std::to_string(id) + " is taken by another tour since");
    }
    if (change.after)
        if (const std::int64_t holder = writer.tourNamed(change.after->name); holder != 0 && holder != id)
            throw EditConflict("a tour named " + quoted(change.after->name) +
                               " was made since by another writer");
    if (change.after) {
        for (std::size_t i = 0; i < change.after->stops.size(); ++i)
            if (!writer.bookmarkRow(change.after->stops[i].bookmark.id))
                throw EditConflict(what + ": stop " + std::to_string(i + 1) + "'s bookmark " +
                                   std::to_string(change.after->stops[i].bookmark.id) +
                                   " is no longer in the model");
        if (!change.before)
            id = writer.insertTour(id, change.after->name);
        writer.replaceTour(id, *change.after);
    } else if (change.before) {
        writer.deleteTour(id);
    }
    logRow(writer, change, stamp, action, editId, outcome);
    return id;
}

} // namespace twin::datamodel
