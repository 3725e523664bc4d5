#include "gui/window/DialogPlaces.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace twin::app {

namespace {

QString key(DialogPurpose purpose) {
    switch (purpose) {
    case DialogPurpose::Model:
        return QStringLiteral("dialogs/model");
    case DialogPurpose::Schedule:
        return QStringLiteral("dialogs/schedule");
    case DialogPurpose::Report:
        return QStringLiteral("dialogs/report");
    }
    return QStringLiteral("dialogs/other");
}

} // namespace

QString dialogDirectory(DialogPurpose purpose, const QString& openModelPath) {
    const QString remembered = QSettings().value(key(purpose)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    if (!openModelPath.isEmpty() && QFileInfo(openModelPath).absoluteDir().exists())
        return QFileInfo(openModelPath).absolutePath();
    return QDir::homePath();
}

void rememberDialogChoice(DialogPurpose purpose, const QString& chosen) {
    if (chosen.isEmpty())
        return;
    const QFileInfo info(chosen);
    QSettings().setValue(key(purpose), info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString dialogSuggestion(DialogPurpose purpose, const QString& openModelPath, const QString& fileName) {
    return QDir(dialogDirectory(purpose, openModelPath)).filePath(fileName);
}

} // namespace twin::app
