// The SQLite schema of a model file and its forward migrations. PRAGMA user_version is the schema
// version; PRAGMA application_id marks the file as ours, so another program's database is refused.
#pragma once

#include <cstdint>

namespace twin::datamodel::schema {

inline constexpr int kCurrentVersion = 4;
// "CTwn": tells a Colossus Twin model from any other SQLite file.
inline constexpr std::int32_t kApplicationId = 0x4354776e;

// The SQL that takes a file from version - 1 to version; nullptr outside 1..kCurrentVersion.
const char* migrationTo(int version);
// The oldest version a read-only open can read as it is: later versions only added tables and columns,
// which the loader fills with their defaults when they are missing (version 1 has no alert_rule,
// version 2 no punch item titles).
inline constexpr int kOldestReadableVersion = 1;

} // namespace twin::datamodel::schema
