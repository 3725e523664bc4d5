// Reads the bookmarks and tours of a model file, whatever its schema version (a version-3 file has no
// view state, dock order or spans: they read as none). The loader and Store::tours share it.
#pragma once

#include "Sqlite.h"
#include "datamodel/Tours.h"

namespace twin::datamodel {

TourBook readTourBook(sqlite::Connection& connection);

// Ten columns from `first` (position, focal point, view up, view angle) as a camera; a span's day (as
// another tool may write anything: kNoTime when it is none or no time). ModelWriter reads rows with
// them too.
CameraView cameraFromRow(const sqlite::Statement& row, int first);
TimePoint dayFromRow(const sqlite::Statement& row, int column);

} // namespace twin::datamodel
