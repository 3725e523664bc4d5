// Whether a window can be opened at all. Checked before QApplication exists, because Qt aborts the
// process when its platform plugin finds no display, and a crash is never an answer.
#pragma once

namespace twin::app {

bool displayAvailable();

} // namespace twin::app
