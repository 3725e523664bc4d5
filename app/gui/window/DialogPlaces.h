// Where the window's file dialogs open: the folder last used for that kind of file, else the open
// model's folder, else the home folder; never the process's working directory (which, started from a
// desktop or ./twin, is nowhere the user keeps models). Remembered across runs in the settings.
#pragma once

#include <QString>

namespace twin::app {

enum class DialogPurpose { Model, Schedule, Report };

// The folder a dialog for `purpose` should open in.
QString dialogDirectory(DialogPurpose purpose, const QString& openModelPath);
// `chosen` (a file or a folder the user picked) is where the next dialog of `purpose` opens.
void rememberDialogChoice(DialogPurpose purpose, const QString& chosen);
// `fileName` in the folder a save dialog for `purpose` opens in.
QString dialogSuggestion(DialogPurpose purpose, const QString& openModelPath, const QString& fileName);

} // namespace twin::app
