// Checks that a path names a readable SQLite database before anything else touches it.
// Opening is read-only, so a bad or foreign file is never modified by the check.
#pragma once

#include <QString>

namespace twin::datamodel {

struct ModelFileProbe {
    bool ok = false;
    // One line naming the file and the problem, ready for stderr or a dialog.
    QString error;
};

// Read-only look at `path`: exists, is a regular readable file, is an SQLite database whose
// header and schema can be read. Never creates or writes the file.
ModelFileProbe probeModelFile(const QString& path);

} // namespace twin::datamodel
