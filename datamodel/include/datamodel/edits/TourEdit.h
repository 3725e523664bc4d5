// The Bookmarks dock's edits (issue 17): save the view as a bookmark, update, rename, move and delete
// one; add, change and delete a tour. Each is checked against the loaded model first (EditRefused,
// nothing written: a name empty, too long or taken, a stop at no bookmark, a dwell of -1 s) and
// applied like any edit: one transaction, audit lines, undo.
#pragma once

#include "datamodel/edits/ProgressEdit.h"

namespace twin::datamodel {

inline constexpr std::size_t kMaxTourBookNameLength = 100; // characters

// A new bookmark at the end of the dock's list (its id and position are the edit's to give).
Edit saveBookmarkEdit(const TourBook& book, Bookmark bookmark);
// Bookmark `id` replaced by `after` (its camera and view; the name checked as a rename).
Edit updateBookmarkEdit(const TourBook& book, std::int64_t id, Bookmark after);
Edit renameBookmarkEdit(const TourBook& book, std::int64_t id, const std::string& name);
// One place up (`by` -1) or down (+1) in the dock: it and its neighbour swap places.
Edit moveBookmarkEdit(const TourBook& book, std::int64_t id, int by);
// The bookmark and every tour's stops at it, as one edit.
Edit deleteBookmarkEdit(const TourBook& book, std::int64_t id);
// `tour` as it should be (id 0: a new tour), its stops' bookmarks by id.
Edit tourEdit(const TourBook& book, const Tour& tour);
Edit deleteTourEdit(const TourBook& book, std::int64_t id);

} // namespace twin::datamodel
