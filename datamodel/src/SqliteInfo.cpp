#include "datamodel/SqliteInfo.h"

#include <sqlite3.h>

namespace twin::datamodel {

QString sqliteVersion() {
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace twin::datamodel
