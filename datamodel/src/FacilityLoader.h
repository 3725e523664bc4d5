// Reads every table of an open model into a Facility, checking references as it goes (a dangling id
// is reported with its table and row), and derives the hierarchy, kind lists and bounds.
#pragma once

#include "Sqlite.h"
#include "datamodel/Facility.h"

namespace twin::datamodel {

Facility loadFacility(sqlite::Connection& connection);

} // namespace twin::datamodel
