// The "Open Recent" list, kept in QSettings: most recent first, no duplicates, bounded.
#pragma once

#include <QStringList>

namespace twin::app {

class RecentModels {
public:
    static constexpr int kMaxEntries = 8;

    QStringList paths() const;
    // Moves `path` (made absolute) to the front.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
};

} // namespace twin::app
