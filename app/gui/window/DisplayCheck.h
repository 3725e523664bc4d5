// Whether a window can be opened at all. Checked before QApplication exists, because Qt aborts the
// process when its platform plugin finds no display, and a crash is never an answer.
#pragma once

namespace twin::app {

bool displayAvailable();

// Qt warns on every start when XDG_RUNTIME_DIR is unset (root shells, CI, xvfb-run) and then falls
// back to /tmp/runtime-$USER. Doing that fallback ourselves keeps stderr to the one line of
// CLI.md's contract.
void ensureRuntimeDirectory();

} // namespace twin::app
