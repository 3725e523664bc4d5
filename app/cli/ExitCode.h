// Exit codes of every subcommand, as shared/design/CLI.md fixes them for scripts.
#pragma once

namespace twin::app {

enum class ExitCode : int {
    Ok = 0,
    BadInput = 1,    // the file, data, date or text given is bad
    Usage = 2,       // unknown subcommand or option
    Environment = 3, // no display, a missing package, a port in use
};

inline int toInt(ExitCode code) {
    return static_cast<int>(code);
}

} // namespace twin::app
