// One place that formats what the command line prints: errors as one line on stderr that names the
// thing ("colossus-twin: model.db: not a SQLite database"), results on stdout.
#pragma once

#include "cli/ExitCode.h"

#include <QString>

namespace twin::app {

inline constexpr const char* kProgramName = "colossus-twin";

// Prints "colossus-twin: <message>" on stderr and returns `code`, so callers can `return fail(...)`.
ExitCode fail(ExitCode code, const QString& message);
void printOut(const QString& text);
void printErr(const QString& text);

} // namespace twin::app
