// Versions of the storage engine, for the About box and bug reports.
#pragma once

#include <QString>

namespace twin::datamodel {

// The SQLite library version linked at run time, e.g. "3.40.1".
QString sqliteVersion();

} // namespace twin::datamodel
