// One place that formats what the command line prints: errors as one line on stderr that names the
// thing ("colossus-twin: model.db: not a SQLite database"), results on stdout.
#pragma once

#include "cli/ExitCode.h"

#include <QString>
#include <string_view>

namespace twin::app {

inline constexpr const char* kProgramName = "colossus-twin";

// Prints "colossus-twin: <message>" on stderr and returns `code`, so callers can `return fail(...)`.
ExitCode fail(ExitCode code, const QString& message);
// Results: a write that fails (a full disk behind "> file", /dev/full, a closed pipe) is remembered
// and reported by finishStandardOutput, so that no command says "done" when its result was lost.
void printOut(const QString& text);
// The same for text that is UTF-8 already (a large JSON document built as bytes).
void printOutUtf8(std::string_view text);
void printErr(const QString& text);
// At exit (nothing is printed to standard output after it): closes standard output; when anything written to
// it was lost, prints "colossus-twin: standard output: cannot be written: No space left on device" and turns
// success into 1.
ExitCode finishStandardOutput(ExitCode code);

} // namespace twin::app
