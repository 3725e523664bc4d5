#include "gui/window/DisplayCheck.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QtGlobal>

namespace twin::app {

bool displayAvailable() {
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.startsWith("offscreen") || platform.startsWith("minimal"))
        return true;
    return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

void ensureRuntimeDirectory() {
    if (!qgetenv("XDG_RUNTIME_DIR").isEmpty())
        return;
    const QString user = qEnvironmentVariable("USER", QStringLiteral("root"));
    const QString path = QDir::tempPath() + QStringLiteral("/runtime-") + user;
    QDir().mkpath(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(path));
}

} // namespace twin::app
