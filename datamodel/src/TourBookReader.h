// Reads the bookmarks and tours of a model file, whatever its schema version (a version-3 file has no
// view state, dock order or spans: they read as none). The loader and Store::tours share it.
#pragma once

#include "Sqlite.h"
#include "datamodel/Tours.h"

namespace twin::datamodel {

TourBook readTourBook(sqlite::Connection& connection);

} // namespace twin::datamodel
