// SQLite's quick_check on open: a damaged page (a b-tree or index page overwritten) is refused with the
// file's name before anything reads it, instead of surfacing later as a wrong answer or not at all (an
// index page that load() never touches). It reads the whole file (0.5 s for the 100,000-GPU model), so
// it runs once per version of a file: the versions checked are remembered by identity, size, times and
// SQLite's change counter in ~/.cache/colossus-twin/checked-models (only for files on a local file
// system that last changed over 2 s before). What this cannot see: a page that rots on disk after its
// version was checked, without any write through the file system.
#pragma once

#include "Sqlite.h"

namespace twin::datamodel {

// Throws ModelError "PATH: the file is damaged ..." when quick_check finds a problem.
void checkPagesOnce(sqlite::Connection& connection);

} // namespace twin::datamodel
