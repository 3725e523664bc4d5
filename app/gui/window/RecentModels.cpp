#include "gui/window/RecentModels.h"

#include <QFileInfo>
#include <QSettings>

namespace twin::app {

namespace {
const QString kSettingsKey = QStringLiteral("models/recent");

void store(const QStringList& paths) {
    QSettings().setValue(kSettingsKey, paths);
}
} // namespace

QStringList RecentModels::paths() const {
    return QSettings().value(kSettingsKey).toStringList();
}

void RecentModels::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    store(list);
}

void RecentModels::remove(const QString& path) {
    QStringList list = paths();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentModels::clear() {
    store({});
}

} // namespace twin::app
